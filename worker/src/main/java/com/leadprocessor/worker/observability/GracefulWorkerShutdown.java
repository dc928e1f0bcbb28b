package com.leadprocessor.worker.observability;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stops polling and lets the tasks in hand finish before the application closes. The Temporal
 * starter only calls {@link WorkerFactory#shutdown()} as the factory bean is destroyed, which does
 * not wait, and the connection it would report results on closes right after. As a lifecycle bean
 * in the highest phase this stops first, while the connection and the health endpoints are still
 * up.
 */
class GracefulWorkerShutdown implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GracefulWorkerShutdown.class);

  private final WorkerFactory workerFactory;
  private final WorkerShutdownProperties properties;
  private volatile boolean running;

  GracefulWorkerShutdown(WorkerFactory workerFactory, WorkerShutdownProperties properties) {
    this.workerFactory = workerFactory;
    this.properties = properties;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (!workerFactory.isStarted() || workerFactory.isTerminated()) {
      return;
    }
    log.info(
        "Stopping the lead worker: no new tasks; waiting up to {} for the tasks in hand",
        properties.shutdownTimeout());
    workerFactory.shutdown();
    workerFactory.awaitTermination(properties.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (workerFactory.isTerminated()) {
      log.info("Lead worker stopped; every task in hand finished");
    } else {
      log.warn(
          "Lead worker tasks still running after {}; interrupting them, Temporal retries them"
              + " on another worker",
          properties.shutdownTimeout());
      workerFactory.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE;
  }
}
