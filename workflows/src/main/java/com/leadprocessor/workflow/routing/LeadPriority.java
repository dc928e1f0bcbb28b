package com.leadprocessor.workflow.routing;

/** How fast sales should act on a lead. */
public enum LeadPriority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
