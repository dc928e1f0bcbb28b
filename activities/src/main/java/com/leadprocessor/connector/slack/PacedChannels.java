package com.leadprocessor.connector.slack;

import com.leadprocessor.connector.routing.RouteOutcome;
import com.leadprocessor.connector.routing.RoutingRule;
import com.leadprocessor.connector.routing.RoutingRules;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The channels whose alerts wait on a task queue of their own: every channel a routing rule or the
 * routing default names, the default channel, and {@code leads.slack.paced-channels}. A channel
 * named only by a reviewer's correction is not among them and shares the Slack queue, because no
 * worker would poll a queue made up at run time.
 */
@Component
public class PacedChannels {

  private final SlackPacingProperties pacing;
  private final Set<String> channels;

  @Autowired
  public PacedChannels(RoutingRules rules, SlackProperties slack, SlackPacingProperties pacing) {
    this(named(rules, slack, pacing), pacing);
  }

  /** These channels with queues of their own (none when queues per channel are off). */
  PacedChannels(Set<String> channels, SlackPacingProperties pacing) {
    this.pacing = pacing;
    this.channels =
        Collections.unmodifiableSet(
            pacing.queuePerChannel() ? new LinkedHashSet<>(channels) : Set.of());
  }

  private static Set<String> named(
      RoutingRules rules, SlackProperties slack, SlackPacingProperties pacing) {
    Set<String> named = new LinkedHashSet<>();
    for (RoutingRule rule : rules.rules()) {
      add(named, rule.then());
    }
    add(named, rules.defaults());
    named.add(slack.defaultChannel());
    named.addAll(pacing.pacedChannels());
    return named;
  }

  private static void add(Set<String> channels, RouteOutcome outcome) {
    if (outcome != null && outcome.slackChannel() != null && !outcome.slackChannel().isBlank()) {
      channels.add(outcome.slackChannel());
    }
  }

  /** The channels with a queue of their own, in configuration order. */
  public Set<String> channels() {
    return channels;
  }

  /** The task queue an alert to {@code channel} waits on: its own, or the shared Slack queue. */
  public String queueFor(String channel) {
    return channels.contains(channel) ? pacing.queueOf(channel) : pacing.taskQueue();
  }

  /** The task queue of each paced channel. */
  public Set<String> channelQueues() {
    Set<String> queues = new LinkedHashSet<>();
    channels.forEach(channel -> queues.add(pacing.queueOf(channel)));
    return Collections.unmodifiableSet(queues);
  }

  /** Whether {@code taskQueue} is a channel's own queue rather than the shared one. */
  public boolean isChannelQueue(String taskQueue) {
    return taskQueue != null && taskQueue.startsWith(pacing.taskQueue() + "/");
  }
}
