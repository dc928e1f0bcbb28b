package com.leadprocessor.connector.slack;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Keeps this process from posting to one channel faster than {@code
 * leads.slack.max-messages-per-second}. The Slack task queue's rate limit is the durable pacing;
 * rate limiters let a short burst through after idle time, and the in-memory test server does not
 * enforce the queue's limit at all, so this spaces posts within a process as well. Posts to one
 * channel go one at a time, in arrival order, each a full interval after Slack answered the
 * previous one, because Slack measures the interval on its side.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
public class ChannelPacer {

  /** One post to Slack. */
  @FunctionalInterface
  public interface Post<T> {
    T send() throws IOException, SlackApiException;
  }

  private final long intervalNanos;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();

  private static final class Channel {
    final ReentrantLock lock = new ReentrantLock(true);
    long nextNanos = System.nanoTime();
  }

  public ChannelPacer(SlackProperties properties) {
    this.intervalNanos = Math.round(1_000_000_000L / properties.maxMessagesPerSecond());
  }

  /** Sends the post when it is the channel's turn. */
  public <T> T paced(String channel, Post<T> post)
      throws IOException, SlackApiException, InterruptedException {
    Channel state = channels.computeIfAbsent(channel, key -> new Channel());
    state.lock.lockInterruptibly();
    try {
      long waitNanos = state.nextNanos - System.nanoTime();
      if (waitNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      }
      try {
        return post.send();
      } finally {
        state.nextNanos = System.nanoTime() + intervalNanos;
      }
    } finally {
      state.lock.unlock();
    }
  }
}
