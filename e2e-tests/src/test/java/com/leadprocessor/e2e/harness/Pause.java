package com.leadprocessor.e2e.harness;

import java.time.Duration;

/**
 * Waits on purpose: a sender honouring {@code Retry-After}, deliveries spread over time. Waiting
 * for a condition is Awaitility's job, not this one's.
 */
public final class Pause {

  private Pause() {}

  /** Sleeps for {@code duration}; an interrupt ends the test. */
  public static void of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
