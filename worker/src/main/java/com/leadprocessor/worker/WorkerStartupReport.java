package com.leadprocessor.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up which Temporal the worker polls, which connectors run and where the UI is. */
@Component
class WorkerStartupReport {

  private static final Logger log = LoggerFactory.getLogger(WorkerStartupReport.class);

  private final Environment environment;

  WorkerStartupReport(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    log.info(
        "Lead worker ready: Temporal {} namespace '{}', task queue '{}'; Salesforce connector: {};"
            + " Slack connector: {}; Temporal UI: {}",
        environment.getProperty("spring.temporal.connection.target"),
        environment.getProperty("spring.temporal.namespace", "default"),
        environment.getProperty("leads.task-queue"),
        environment.getProperty("leads.salesforce.mode", "dry-run"),
        environment.getProperty("leads.slack.mode", "dry-run"),
        environment.getProperty("leads.temporal-ui-url"));
  }
}
