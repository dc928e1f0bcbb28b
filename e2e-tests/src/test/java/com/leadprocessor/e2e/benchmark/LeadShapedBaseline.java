package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.e2e.harness.ProcessUsage;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's Temporal baseline for a lead: bare workflows of a lead's shape on the same
 * server, started at a fixed rate, each one workflow task that schedules one activity on another
 * task queue (as the alert is scheduled on its channel's queue), the activity, and a second
 * workflow task that completes the workflow. No local activities, search attributes, markers or
 * payloads to speak of: what Temporal costs for the shape itself, against which the server's CPU
 * per lead is read.
 */
final class LeadShapedBaseline {

  private static final String WORKFLOW_QUEUE = "benchmark-lead-shape";
  private static final String ACTIVITY_QUEUE = "benchmark-lead-shape-alert";

  /** What the run saw: workflows completed and the Temporal server's CPU for each. */
  record Result(int completed, double serverCpuMillisPerWorkflow) {}

  @WorkflowInterface
  public interface LeadShape {
    @WorkflowMethod
    String run(String lead);
  }

  @ActivityInterface
  public interface Alert {
    @ActivityMethod
    String post(String lead);
  }

  public static final class LeadShapeImpl implements LeadShape {
    private final Alert alert =
        Workflow.newActivityStub(
            Alert.class,
            ActivityOptions.newBuilder()
                .setTaskQueue(ACTIVITY_QUEUE)
                .setStartToCloseTimeout(Duration.ofSeconds(15))
                .build());

    @Override
    public String run(String lead) {
      return alert.post(lead);
    }
  }

  private LeadShapedBaseline() {}

  static Result measure(String address, long serverPid, double perSecond, Duration duration) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory workers = WorkerFactory.newInstance(client);
    try {
      Worker workflows = workers.newWorker(WORKFLOW_QUEUE);
      workflows.registerWorkflowImplementationTypes(LeadShapeImpl.class);
      Worker alerts = workers.newWorker(ACTIVITY_QUEUE);
      alerts.registerActivitiesImplementations((Alert) lead -> lead);
      workers.start();
      String run = UUID.randomUUID().toString().substring(0, 8);
      ProcessUsage before = ProcessUsage.of(serverPid);
      List<CompletableFuture<String>> results = new ArrayList<>();
      long intervalNanos = Math.round(1e9 / perSecond);
      long start = System.nanoTime();
      long count = Math.round(perSecond * duration.toSeconds());
      for (long i = 0; i < count; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        WorkflowStub stub =
            client.newUntypedWorkflowStub(
                "LeadShape",
                WorkflowOptions.newBuilder()
                    .setWorkflowId("lead-shape-" + run + "-" + i)
                    .setTaskQueue(WORKFLOW_QUEUE)
                    .build());
        stub.start("lead");
        results.add(stub.getResultAsync(String.class));
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .get(duration.toSeconds() + 120, TimeUnit.SECONDS);
      double cpuSeconds = ProcessUsage.of(serverPid).cpuSeconds() - before.cpuSeconds();
      return new Result(results.size(), cpuSeconds * 1000 / results.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Lead-shaped workflows did not complete", e);
    } finally {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
      service.shutdown();
      service.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
