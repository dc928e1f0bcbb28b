package com.leadprocessor.connector.enrichment;

import com.leadprocessor.workflow.enrichment.Company;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the firmographics provider said about recent IPs, so a visitor who chats twice costs one
 * lookup. Bounded: the least recently used IP goes first. Answers expire, "no company known" sooner
 * than a company. Failures are not cached, so the next lead asks again.
 */
final class FirmographicsCache {

  /**
   * What the provider answered for an IP.
   *
   * @param company the company, or null when the provider knows none for the IP
   */
  record Answer(Company company) {}

  private record Entry(Company company, Instant expiresAt) {}

  private final Map<String, Entry> entries;
  private final Duration ttl;
  private final Duration negativeTtl;
  private final Clock clock;

  FirmographicsCache(int maxSize, Duration ttl, Duration negativeTtl, Clock clock) {
    this.ttl = ttl;
    this.negativeTtl = negativeTtl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxSize;
          }
        };
  }

  /** The cached answer for the IP; empty when there is none or it expired. */
  synchronized Optional<Answer> get(String ip) {
    Entry entry = entries.get(ip);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(ip);
      return Optional.empty();
    }
    return Optional.of(new Answer(entry.company()));
  }

  /** Remembers the provider's answer; a null company means it knows none for the IP. */
  synchronized void put(String ip, Company company) {
    Duration lifetime = company == null ? negativeTtl : ttl;
    entries.put(ip, new Entry(company, clock.instant().plus(lifetime)));
  }

  synchronized int size() {
    return entries.size();
  }
}
