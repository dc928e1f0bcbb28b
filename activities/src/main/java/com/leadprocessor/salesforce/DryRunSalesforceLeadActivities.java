package com.leadprocessor.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.leadprocessor.activities.ConnectorStatus;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Salesforce without credentials: logs exactly the upsert that would be sent and answers as if the
 * Lead were created. The payload is logged unmasked on purpose, to show what Salesforce would get.
 */
@Component
@ConditionalOnProperty(
    name = "leads.salesforce.mode",
    havingValue = "dry-run",
    matchIfMissing = true)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class DryRunSalesforceLeadActivities implements SalesforceLeadActivities, ConnectorStatus {

  private static final Logger log = LoggerFactory.getLogger(DryRunSalesforceLeadActivities.class);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SalesforceLeadFields leadFields;

  public DryRunSalesforceLeadActivities(SalesforceLeadFields leadFields) {
    this.leadFields = leadFields;
    log.warn(
        "Salesforce DRY RUN (leads.salesforce.mode=dry-run): Leads are logged, not sent to"
            + " Salesforce");
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
    return "Salesforce: DRY RUN (Leads are logged, not sent)";
  }
}
