package com.leadprocessor.workflow.routing;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Chooses who gets a lead. Rules are configuration and run in an activity, so changing them never
 * breaks the replay of leads already in flight.
 */
@ActivityInterface
public interface LeadRoutingActivities {

  /** The activity type of {@link #route}. */
  String ROUTE_LEAD = "RouteLead";

  @ActivityMethod(name = ROUTE_LEAD)
  Route route(RoutingInput input);
}
