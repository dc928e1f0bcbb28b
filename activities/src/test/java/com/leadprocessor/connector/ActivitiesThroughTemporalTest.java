package com.leadprocessor.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.review.ReviewPolicy;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.LeadRoutingActivities;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.leadprocessor.workflow.verification.LeadVerificationActivities;
import com.leadprocessor.workflow.verification.VerificationResult;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Runs every activity implementation, as Spring wires it, through an in-memory Temporal service:
 * the inputs and answers must survive Temporal's data converter unchanged.
 */
class ActivitiesThroughTemporalTest {

  private static final String TASK_QUEUE = "leads-test";

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withUserConfiguration(LeadActivitiesConfiguration.class)
          .withPropertyValues("leads.verification.allow-reserved-domains=true");

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyActivityAnswersTheDesignExampleAcrossTemporal() {
    contextRunner.run(
        context -> {
          try (TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance()) {
            Worker worker = environment.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(ActivitiesProbeWorkflowImpl.class);
            worker.registerActivitiesImplementations(
                context.getBean(LeadVerificationActivities.class),
                context.getBean(LeadRoutingActivities.class),
                context.getBean(LeadEnrichmentActivities.class),
                context.getBean(SalesforceLeadActivities.class),
                context.getBean(SlackAlertActivities.class),
                context.getBean(LeadReviewActivities.class));
            environment.start();

            ActivitiesProbeWorkflow workflow =
                environment
                    .getWorkflowClient()
                    .newWorkflowStub(
                        ActivitiesProbeWorkflow.class,
                        WorkflowOptions.newBuilder()
                            .setWorkflowId("lead-conv-12345")
                            .setTaskQueue(TASK_QUEUE)
                            .build());
            ActivitiesProbeWorkflow.Answers answers = workflow.probe(ExampleLead.event());

            assertThat(answers.verification())
                .isEqualTo(
                    VerificationResult.accepted(
                        "potential.lead@example.com", "example.com", false));
            assertThat(answers.route())
                .extracting(Route::rule, Route::slackChannel, Route::priority, Route::topics)
                .containsExactly("enterprise+api", "#dev-sales", LeadPriority.HIGH, List.of("api"));
            assertThat(answers.route().match().nearestExample()).isNotBlank();
            assertThat(answers.enrichment().company())
                .isEqualTo(new Company("Example", "example.com", null, null, "email-domain"));
            assertThat(answers.enrichment().userAgent())
                .isEqualTo(new UserAgentDetails("Chrome 118", "Windows 10", "Other"));
            assertThat(answers.enrichment().unavailable()).isEmpty();
            assertThat(answers.crmLead()).isEqualTo(new CrmLead("dry-run-conv-12345", null, true));
            assertThat(answers.slackMessage()).isEqualTo(new SlackMessage("#dev-sales", "dry-run"));
            assertThat(answers.reviewPolicy())
                .isEqualTo(
                    new ReviewPolicy(
                        Duration.ofHours(24),
                        Map.of(
                            LeadStep.SALESFORCE, Duration.ofHours(4),
                            LeadStep.SLACK, Duration.ofHours(4))));
          }
        });
  }
}
