package com.leadprocessor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.DryRunConnectorLog;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The assertions every scenario ends with: each lead completed, exactly once, nothing lost. */
final class LeadsAssert {

  private LeadsAssert() {}

  /**
   * Each lead has exactly one workflow execution, visibility lists it as {@code
   * LeadStatus="COMPLETED"}, and no other lead workflow with the scenario's prefix exists.
   */
  static void assertEachLeadCompletedOnce(LeadProcessorSystem system, List<TestLead> leads) {
    List<String> expected = leads.stream().map(TestLead::workflowId).toList();
    await("visibility lists every lead as COMPLETED")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(workflowIds(system, "LeadStatus = 'COMPLETED'")).containsAll(expected));
    for (TestLead lead : leads) {
      assertThat(system.leads().executionsOf(lead))
          .as("executions of %s", lead.workflowId())
          .hasSize(1);
    }
  }

  /**
   * The dry-run connectors of all workers would have sent exactly one Salesforce upsert and one
   * Slack alert for each lead.
   */
  static void assertOneDryRunUpsertAndAlertEach(LeadProcessorSystem system, List<TestLead> leads) {
    String logs = system.workerLogs();
    Map<String, Integer> once =
        leads.stream().collect(Collectors.toMap(TestLead::conversationId, lead -> 1));
    assertThat(DryRunConnectorLog.salesforceUpserts(logs))
        .as("Salesforce upserts per conversation id")
        .containsAllEntriesOf(once);
    assertThat(DryRunConnectorLog.slackAlerts(logs))
        .as("Slack alerts per conversation id")
        .containsAllEntriesOf(once);
  }

  /**
   * Every lead reached Salesforce and Slack through the dry-run connectors at least once, and a
   * call was repeated only for a lead whose activity was cut off in a process that then died
   * ({@code killedWorkerLogs}): activities run at least once, so a worker killed between the call
   * and its report makes Temporal run it again. Returns how many leads had a repeated call.
   */
  static int assertDryRunCallsRepeatedOnlyAfterTheKill(
      LeadProcessorSystem system, List<TestLead> leads, String killedWorkerLogs) {
    String logs = system.workerLogs();
    Map<String, Integer> upserts = DryRunConnectorLog.salesforceUpserts(logs);
    Map<String, Integer> alerts = DryRunConnectorLog.slackAlerts(logs);
    Map<String, Integer> killedUpserts = DryRunConnectorLog.salesforceUpserts(killedWorkerLogs);
    Map<String, Integer> killedAlerts = DryRunConnectorLog.slackAlerts(killedWorkerLogs);
    int repeated = 0;
    for (TestLead lead : leads) {
      String id = lead.conversationId();
      assertThat(upserts.getOrDefault(id, 0)).as("Salesforce upserts of %s", id).isBetween(1, 2);
      assertThat(alerts.getOrDefault(id, 0)).as("Slack alerts of %s", id).isBetween(1, 2);
      if (upserts.get(id) == 2 || alerts.get(id) == 2) {
        repeated++;
        assertThat(killedUpserts.getOrDefault(id, 0) + killedAlerts.getOrDefault(id, 0))
            .as("a repeated call of %s started in the killed worker first", id)
            .isPositive();
      }
    }
    return repeated;
  }

  /** Lead alerts the Slack emulation stored, per conversation id. */
  static Map<String, Long> slackAlertsPerConversation(SlackEmulation slack) {
    return slack.messages().stream()
        .filter(message -> "lead_alert".equals(message.metadataEventType()))
        .collect(
            Collectors.groupingBy(
                message -> String.valueOf(message.metadataPayload().get("conversation_id")),
                TreeMap::new,
                Collectors.counting()));
  }

  /** Exactly one lead alert in Slack for each lead. */
  static void assertOneSlackAlertEach(SlackEmulation slack, List<TestLead> leads) {
    Map<String, Long> once =
        leads.stream().collect(Collectors.toMap(TestLead::conversationId, lead -> 1L));
    assertThat(slackAlertsPerConversation(slack))
        .as("Slack lead alerts per conversation id")
        .containsAllEntriesOf(once);
  }

  /**
   * Exactly one Lead in the Salesforce emulation and one lead alert in the Slack emulation for each
   * lead: nothing lost, nothing duplicated.
   */
  static void assertOneLeadAndOneAlertEach(
      SalesforceEmulation salesforce, SlackEmulation slack, List<TestLead> leads) {
    Map<String, Long> leadsPerConversation =
        salesforce.leads().stream()
            .collect(
                Collectors.groupingBy(
                    lead ->
                        String.valueOf(lead.fields().get(SalesforceEmulation.EXTERNAL_ID_FIELD)),
                    Collectors.counting()));
    Map<String, Long> once =
        leads.stream().collect(Collectors.toMap(TestLead::conversationId, lead -> 1L));
    assertThat(leadsPerConversation)
        .as("Salesforce Leads per conversation id")
        .containsAllEntriesOf(once);
    assertOneSlackAlertEach(slack, leads);
  }

  static List<String> workflowIds(LeadProcessorSystem system, String query) {
    return system.leads().list(query).stream()
        .map(WorkflowExecutionMetadata::getExecution)
        .map(execution -> execution.getWorkflowId())
        .toList();
  }
}
