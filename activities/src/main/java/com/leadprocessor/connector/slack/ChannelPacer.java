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
 * to one channel are sent one at a time, in arrival order, each a full interval after the previous
 * one was sent, without waiting for its answer: the queue hands this process alerts at this same
 * pace, so a pacer that also waited out each answer would post slower than alerts arrive, and a
 * burst would pile up inside the process until its attempts ran out of time (a burst of 300 did,
 * once the queue paced at the full rate; in the benchmark, at 50 posts a second per channel and an
 * answer in 20 ms or more, waiting for answers made the channel the bottleneck). After the channel
 * was idle for a full interval, the next post counts from Slack's answer instead: the first post
 * after a pause, or of a new process, meets cold paths on both sides and reaches Slack later than
 * it was sent, so the one after it, sent an interval later, would arrive too soon; Slack's answer
 * is the latest it can have arrived.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
public class ChannelPacer {

  /** One post to Slack. */
  @FunctionalInterface
  public interface Post<T> {
    T send() throws IOException, SlackApiException;
  }

  private static final long NO_DEADLINE = Long.MAX_VALUE;

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

  /**
   * The channel's turn comes too late for the caller's deadline: nothing was sent, and the caller
   * still has time to say so.
   */
  public static final class TurnTooLate extends Exception {
    TurnTooLate() {
      super(null, null, false, false);
    }
  }

  /** Sends the post when it is the channel's turn. */
  public <T> T paced(String channel, Post<T> post)
      throws IOException, SlackApiException, InterruptedException {
    try {
      return paced(channel, NO_DEADLINE, post);
    } catch (TurnTooLate impossible) {
      throw new IllegalStateException("A post without a deadline cannot be too late", impossible);
    }
  }

  /**
   * Sends the post when it is the channel's turn, if that turn comes before {@code sendBeforeNanos}
   * (in {@link System#nanoTime()}); otherwise gives up at once, without waiting past it, and throws
   * {@link TurnTooLate}. The next post's interval counts from the moment this one is sent or, when
   * this post found the channel idle, from Slack's answer.
   */
  public <T> T paced(String channel, long sendBeforeNanos, Post<T> post)
      throws IOException, SlackApiException, InterruptedException, TurnTooLate {
    Channel state = channels.computeIfAbsent(channel, key -> new Channel());
    if (!state.lock.tryLock(remaining(sendBeforeNanos), TimeUnit.NANOSECONDS)) {
      throw new TurnTooLate();
    }
    boolean holding = true;
    try {
      long waitNanos = state.nextNanos - System.nanoTime();
      // Idle: nothing posted to the channel for a full interval past its turn.
      boolean idle = waitNanos <= -intervalNanos;
      if (waitNanos > 0) {
        if (sendBeforeNanos != NO_DEADLINE && state.nextNanos - sendBeforeNanos > 0) {
          throw new TurnTooLate();
        }
        TimeUnit.NANOSECONDS.sleep(waitNanos);
      }
      state.nextNanos = System.nanoTime() + intervalNanos;
      if (!idle) {
        // The next post's turn is set: it waits for the interval, not for this post's answer.
        state.lock.unlock();
        holding = false;
        return post.send();
      }
      try {
        return post.send();
      } finally {
        state.nextNanos = System.nanoTime() + intervalNanos;
      }
    } finally {
      if (holding) {
        state.lock.unlock();
      }
    }
  }

  private static long remaining(long deadlineNanos) {
    return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }
}
