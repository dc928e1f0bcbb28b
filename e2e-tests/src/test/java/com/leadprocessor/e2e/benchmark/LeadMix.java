package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.TestLead;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The leads the load generator sends: fresh leads spread over the routing rules of {@code
 * routing-rules.yml} (enterprise+api, security, competitor, free-mail and default), and a share of
 * redeliveries of leads already sent (same message id, freshly signed), as a chatbot platform that
 * retries does.
 */
final class LeadMix {

  /** One delivery: the lead, and whether it repeats one sent before. */
  record Delivery(TestLead lead, boolean redelivery) {}

  private record Kind(String question, String sourceUrl, String emailDomain) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "Does your API support batch processing for over 1 million records?",
              "/pricing/enterprise",
              "example.com"),
          new Kind(
              "Do you offer a 99.99% SLA and SOC 2 security reports?", "/security", "example.org"),
          new Kind(
              "How does a migration from our current competitor work?", "/compare", "example.net"),
          new Kind("Can I try the starter plan first?", "/pricing", "gmail.com"),
          new Kind("Who can I talk to about a demo?", "/", "example.com"));

  /** The kinds of {@link #overThreeChannels}, one per channel of {@link AlertBurst}'s rules. */
  private static final List<Kind> THREE_CHANNELS =
      List.of(KINDS.get(0), KINDS.get(1), KINDS.get(2));

  private final List<Kind> kinds;
  private final String prefix;
  private final double redeliveryShare;
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<TestLead> sent = new ArrayList<>();

  /**
   * @param prefix starts every conversation id, so that runs and phases never share a lead
   * @param redeliveryShare the share of deliveries, 0 to 1, that repeat a lead sent before
   */
  LeadMix(String prefix, double redeliveryShare) {
    this(KINDS, prefix, redeliveryShare);
  }

  private LeadMix(List<Kind> kinds, String prefix, double redeliveryShare) {
    this.kinds = kinds;
    this.prefix = prefix;
    this.redeliveryShare = redeliveryShare;
  }

  /**
   * Fresh leads taking turns between three questions (the API, security and a competitor) that
   * {@link AlertBurst}'s routing rules send to three channels, without redeliveries.
   */
  static LeadMix overThreeChannels(String prefix) {
    return new LeadMix(THREE_CHANNELS, prefix, 0);
  }

  synchronized Delivery next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (!sent.isEmpty() && random.nextDouble() < redeliveryShare) {
      return new Delivery(sent.get(random.nextInt(sent.size())), true);
    }
    int n = sequence.incrementAndGet();
    Kind kind = kinds.get(n % kinds.size());
    String conversationId = prefix + "-" + n;
    TestLead lead =
        TestLead.of(
            conversationId,
            kind.question(),
            kind.sourceUrl(),
            "lead." + conversationId + "@" + kind.emailDomain());
    sent.add(lead);
    return new Delivery(lead, false);
  }
}
