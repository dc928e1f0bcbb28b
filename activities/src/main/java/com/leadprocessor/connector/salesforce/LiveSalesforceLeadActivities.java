package com.leadprocessor.connector.salesforce;

import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.observability.EmailMasking;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Records each lead as a Salesforce Lead, upserted on the external id field that carries the
 * conversation id, so a retry after a timeout updates the Lead the first attempt made instead of
 * making a second one.
 *
 * <p>Failures are classified for the workflow (see {@link SalesforceFailures}): outages retry,
 * refusals go to review with Salesforce's own error text.
 *
 * <p><b>Duplicates.</b> When the org's duplicate rules block the new Lead ({@code
 * DUPLICATES_DETECTED}) and name exactly one existing Lead, this lead is attached to that Lead: the
 * activity answers with the existing Lead's Id, marked not created, and logs it. It is the same
 * person asking again, and sales wants one Lead per person with the alert linking to it, not a lead
 * stuck in review. That Lead is not modified (the rule refused the write), so the question reaches
 * sales through the alert. When the rules name several records, or a record that is not a Lead (a
 * Contact: the person may already be a customer), a person has to choose, so the lead goes to
 * review as a {@code DUPLICATE}.
 */
@Component
@Conditional(SalesforceMode.LiveCondition.class)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LiveSalesforceLeadActivities implements SalesforceLeadActivities, ConnectorStatus {

  private static final Logger log = LoggerFactory.getLogger(LiveSalesforceLeadActivities.class);

  private final SalesforceProperties properties;
  private final SalesforceLeadFields leadFields;
  private final SalesforceLeadClient client;

  /**
   * @throws InvalidSalesforceConfigurationException when the client id or secret is missing
   */
  public LiveSalesforceLeadActivities(
      SalesforceProperties properties, SalesforceLeadFields leadFields) {
    List<String> missing = properties.missingCredentials();
    if (!missing.isEmpty()) {
      throw new InvalidSalesforceConfigurationException(
          "Salesforce is configured to run live (leads.salesforce.mode=%s) but %s %s not set;"
                  .formatted(
                      properties.mode(),
                      String.join(" and ", missing),
                      missing.size() == 1 ? "is" : "are")
              + " set SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET (the connected app's"
              + " consumer key and secret), or set leads.salesforce.mode=dry-run");
    }
    this.properties = properties;
    this.leadFields = leadFields;
    this.client = new SalesforceLeadClient(properties, new SalesforceSession(properties));
  }

  /** The live activities for these properties, as Spring would build them; for tests. */
  public static LiveSalesforceLeadActivities of(SalesforceProperties properties) {
    return new LiveSalesforceLeadActivities(properties, new SalesforceLeadFields(properties));
  }

  @Override
  public CrmLead upsertLead(CrmLeadRequest request) {
    SalesforceLeadUpsert upsert = leadFields.upsertFor(request);
    String lead = "%s (%s)".formatted(workflowId(), EmailMasking.of(request.email()));
    try {
      SalesforceLeadClient.Upserted upserted = client.upsert(upsert);
      log.info(
          "Salesforce Lead {} {} for {}",
          upserted.id(),
          upserted.created() ? "created" : "updated",
          lead);
      return new CrmLead(
          upserted.id(), leadUrl(upserted.instanceUrl(), upserted.id()), upserted.created());
    } catch (SalesforceApiException error) {
      Optional<String> existing = error.singleDuplicateLeadId();
      if (existing.isPresent()) {
        log.warn(
            "Salesforce duplicate rules matched existing Lead {} for {}; attached to it, no new"
                + " Lead",
            existing.get(),
            lead);
        return new CrmLead(existing.get(), leadUrl(client.instanceUrl(), existing.get()), false);
      }
      ApplicationFailure failure = SalesforceFailures.of(error, upsert);
      throw logged(failure, lead);
    } catch (ApplicationFailure failure) {
      throw logged(failure, lead);
    }
  }

  private static ApplicationFailure logged(ApplicationFailure failure, String lead) {
    log.warn(
        "Salesforce upsert failed for {}, {} ({}): {}",
        lead,
        failure.isNonRetryable() ? "not retryable" : "will retry",
        failure.getType(),
        EmailMasking.mask(failure.getOriginalMessage()));
    return failure;
  }

  private static String leadUrl(String instanceUrl, String id) {
    String base =
        instanceUrl.endsWith("/")
            ? instanceUrl.substring(0, instanceUrl.length() - 1)
            : instanceUrl;
    return base + "/lightning/r/Lead/" + id + "/view";
  }

  private static String workflowId() {
    try {
      return Activity.getExecutionContext().getInfo().getWorkflowId();
    } catch (IllegalStateException notInAnActivity) {
      return "(no workflow)";
    }
  }

  @Override
  public String describe() {
    return "Salesforce: LIVE at %s (client %s, API v%s)"
        .formatted(
            properties.loginEndpoint(),
            abbreviated(properties.clientId()),
            properties.apiVersion());
  }

  /** {@code 3MVG…9xQ}: enough to tell connected apps apart, never the whole consumer key. */
  private static String abbreviated(String clientId) {
    String id = clientId.strip();
    return id.length() < 12 ? "…" : id.substring(0, 4) + "…" + id.substring(id.length() - 3);
  }
}
