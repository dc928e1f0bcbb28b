package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.RoutingInput;
import io.temporal.spring.boot.ActivityImpl;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Routes a lead with the rules loaded at start-up. */
@Component
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LeadRoutingActivitiesImpl implements LeadRoutingActivities {

  private static final Logger log = LoggerFactory.getLogger(LeadRoutingActivitiesImpl.class);

  private final RoutingRules rules;

  public LeadRoutingActivitiesImpl(RoutingRules rules) {
    this.rules = rules;
  }

  @Override
  public Route route(RoutingInput input) {
    Route route = rules.route(input);
    log.info(
        "Lead routed: conversation={} rule={} channel={} priority={} topics={} score={} by={}"
            + " claimWithin={}",
        input.event().conversationId(),
        route.rule(),
        route.slackChannel(),
        route.priority(),
        route.topics(),
        route.match() == null ? null : String.format(Locale.ROOT, "%.2f", route.match().score()),
        route.match() == null ? null : route.match().by(),
        route.claim() == null ? "none" : route.claim().claimWithin());
    return route;
  }
}
