package com.leadprocessor.connector.routing;

/** Whether a lead wrote from a company address or a free mail provider's. */
public enum EmailKind {
  BUSINESS,
  FREE
}
