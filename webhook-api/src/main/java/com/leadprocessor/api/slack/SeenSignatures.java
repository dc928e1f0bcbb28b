package com.leadprocessor.api.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of the Slack requests this instance accepted within the timestamp window, so that
 * the same signed request sent again is refused. Bounded: past the window a request is stale
 * anyway, and past the size the oldest entries go first. Several API instances do not share it;
 * across them the Update id derived from the click still makes a replay change nothing.
 */
final class SeenSignatures {

  private final Map<String, Instant> seen = new LinkedHashMap<>();
  private final Duration window;
  private final int capacity;
  private final Clock clock;

  SeenSignatures(Duration window, int capacity, Clock clock) {
    this.window = window;
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Records the signature; false when it was already seen within the window. */
  synchronized boolean firstTime(String signature) {
    Instant now = clock.instant();
    forgetOlderThan(now.minus(window));
    if (seen.containsKey(signature)) {
      return false;
    }
    seen.put(signature, now);
    if (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  private void forgetOlderThan(Instant cutoff) {
    Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
    while (entries.hasNext() && entries.next().getValue().isBefore(cutoff)) {
      entries.remove();
    }
  }
}
