package com.leadprocessor.worker;

import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.connector.TemporalUiLinks;
import java.util.List;
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
  private final List<ConnectorStatus> connectors;
  private final TemporalUiLinks temporalUi;

  WorkerStartupReport(
      Environment environment, List<ConnectorStatus> connectors, TemporalUiLinks temporalUi) {
    this.environment = environment;
    this.connectors = connectors;
    this.temporalUi = temporalUi;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    log.info(
        "Lead worker ready: Temporal {} namespace '{}', task queue '{}'; connectors: {}; Temporal"
            + " UI: {} (review queue: {})",
        environment.getProperty("spring.temporal.connection.target"),
        environment.getProperty("spring.temporal.namespace", "default"),
        environment.getProperty("leads.task-queue"),
        connectors.stream().map(ConnectorStatus::describe).toList(),
        environment.getProperty("leads.temporal-ui-url"),
        temporalUi.reviewQueueUrl());
  }
}
