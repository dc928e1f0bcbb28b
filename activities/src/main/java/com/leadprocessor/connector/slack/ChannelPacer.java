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
 * Keeps this process from posting to one channel faster than its pace ({@link
 * SlackProperties#pacedMessagesPerSecond()}). The Slack task queue's rate limit is the durable
 * pacing; rate limiters let a short burst through after idle time, and the in-memory test server
 * does not enforce the queue's limit at all, so this spaces posts within a process as well. Posts
 * to one channel go one at a time, in arrival order, each a full interval after the previous one
 * was sent, not after Slack answered it: the queue hands this process alerts at this same pace, so
 * a pacer that also waited out each answer would post slower than alerts arrive, and a burst would
 * pile up inside the process until its attempts ran out of time (a burst of 300 did, once the queue
 * paced at the full rate). After the channel was idle for a full interval, the next post counts
 * from Slack's answer instead: the first post after a pause, or of a new process, meets cold paths
 * on both sides and reaches Slack later than it was sent, so the one after it, sent an interval
 * later, would arrive too soon; Slack's answer is the latest it can have arrived.
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

  private final class Channel {
    final ReentrantLock lock = new ReentrantLock(true);
    // Its turn passed an interval ago: the first post here counts as one after an idle interval.
    long nextNanos = System.nanoTime() - intervalNanos;
  }

  public ChannelPacer(SlackProperties properties) {
    this.intervalNanos = Math.round(1_000_000_000L / properties.pacedMessagesPerSecond());
  }

  /** Sends the post when it is the channel's turn. */
  public <T> T paced(String channel, Post<T> post)
      throws IOException, SlackApiException, InterruptedException {
    return paced(channel, () -> {}, post);
  }

  /**
   * When it is the channel's turn, runs {@code beforeSending} (which may throw to give the turn up
   * without posting), then sends the post. The next post's interval counts from the moment this one
   * is sent, after {@code beforeSending}, so that work done there, such as a heartbeat to the
   * Temporal server, does not shorten the gap Slack sees between two posts; or, when this post
   * found the channel idle, from Slack's answer.
   */
  public <T> T paced(String channel, Runnable beforeSending, Post<T> post)
      throws IOException, SlackApiException, InterruptedException {
    Channel state = channels.computeIfAbsent(channel, key -> new Channel());
    state.lock.lockInterruptibly();
    try {
      long waitNanos = state.nextNanos - System.nanoTime();
      // Idle: nothing posted to the channel for a full interval past its turn.
      boolean idle = waitNanos <= -intervalNanos;
      if (waitNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      }
      beforeSending.run();
      state.nextNanos = System.nanoTime() + intervalNanos;
      try {
        return post.send();
      } finally {
        if (idle) {
          state.nextNanos = System.nanoTime() + intervalNanos;
        }
      }
    } finally {
      state.lock.unlock();
    }
  }
}
