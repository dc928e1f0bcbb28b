package com.leadprocessor.routing;

/** How fast sales should act on a lead. */
public enum LeadPriority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
