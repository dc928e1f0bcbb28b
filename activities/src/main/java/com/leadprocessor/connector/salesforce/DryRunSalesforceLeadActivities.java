package com.leadprocessor.connector.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.leadprocessor.connector.ConnectorStatus;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Salesforce without credentials, or with {@code leads.salesforce.mode=dry-run}: logs exactly the
 * upsert that would be sent and answers as if the Lead were created. The payload is logged unmasked
 * on purpose, to show what Salesforce would get.
 */
@Component
@Conditional(SalesforceMode.DryRunCondition.class)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class DryRunSalesforceLeadActivities implements SalesforceLeadActivities, ConnectorStatus {

  private static final Logger log = LoggerFactory.getLogger(DryRunSalesforceLeadActivities.class);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SalesforceLeadFields leadFields;
  private final String reason;

  public DryRunSalesforceLeadActivities(
      SalesforceProperties properties, SalesforceLeadFields leadFields) {
    this.leadFields = leadFields;
    this.reason =
        "dry-run".equals(properties.mode())
            ? "leads.salesforce.mode=dry-run"
            : "no SALESFORCE_CLIENT_ID/SECRET";
    log.warn("Salesforce DRY RUN ({}): Leads are logged, not sent to Salesforce", reason);
  }

  @Override
  public CrmLead upsertLead(CrmLeadRequest request) {
    SalesforceLeadUpsert upsert = leadFields.upsertFor(request);
    log.info(
        "Salesforce DRY RUN, would send:\n{} {}\nSforce-Auto-Assign: {}\nContent-Type:"
            + " application/json\n\n{}",
        upsert.method(),
        upsert.path(),
        upsert.autoAssign() ? "TRUE" : "FALSE",
        json(upsert));
    return new CrmLead("dry-run-" + request.event().conversationId(), null, true);
  }

  private static String json(SalesforceLeadUpsert upsert) {
    try {
      return JSON.writeValueAsString(upsert.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings always serialises", e);
    }
  }

  @Override
  public String describe() {
    return "Salesforce: DRY RUN (" + reason + ")";
  }
}
