package com.leadprocessor.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GracefulWorkerShutdownTest {

  static final CountDownLatch activityStarted = new CountDownLatch(1);
  static final AtomicBoolean activityFinished = new AtomicBoolean();

  @Test
  void stoppingWaitsForTheActivityInHand() throws InterruptedException {
    try (TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance()) {
      Worker worker = temporal.newWorker("shutdown");
      worker.registerWorkflowImplementationTypes(SlowStepWorkflowImpl.class);
      worker.registerActivitiesImplementations(new SlowStepImpl());
      temporal.start();
      WorkflowClient.start(
          temporal
                  .getWorkflowClient()
                  .newWorkflowStub(
                      SlowStepWorkflow.class,
                      WorkflowOptions.newBuilder().setTaskQueue("shutdown").build())
              ::run);
      assertThat(activityStarted.await(10, TimeUnit.SECONDS)).isTrue();

      new GracefulWorkerShutdown(
              temporal.getWorkerFactory(), new WorkerShutdownProperties(Duration.ofSeconds(10)))
          .stop();

      assertThat(activityFinished).isTrue();
      assertThat(temporal.getWorkerFactory().isTerminated()).isTrue();
    }
  }

  @WorkflowInterface
  public interface SlowStepWorkflow {
    @WorkflowMethod
    void run();
  }

  @ActivityInterface
  public interface SlowStep {
    void work();
  }

  public static class SlowStepWorkflowImpl implements SlowStepWorkflow {
    @Override
    public void run() {
      Workflow.newActivityStub(
              SlowStep.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(20)).build())
          .work();
    }
  }

  static class SlowStepImpl implements SlowStep {
    @Override
    public void work() {
      activityStarted.countDown();
      try {
        Thread.sleep(1_500);
        activityFinished.set(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
