package com.leadprocessor.connector.salesforce;

import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.claim.OwnerAssignment;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Salesforce in dry run: logs whom a claim would make the Lead's owner and changes nothing; the
 * answer's note says so.
 */
@Component
@Conditional(SalesforceMode.DryRunCondition.class)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class DryRunLeadOwnerActivities implements LeadOwnerActivities {

  private static final Logger log = LoggerFactory.getLogger(DryRunLeadOwnerActivities.class);

  private final ClaimOwnerProperties claims;

  public DryRunLeadOwnerActivities(ClaimOwnerProperties claims) {
    this.claims = claims;
  }

  @Override
  public OwnerAssignment assignClaimer(String crmLeadId, AlertAction claimer) {
    String mapped = claims.owners().get(claimer.slackUserId());
    String would =
        mapped != null
            ? "would PATCH Lead %s OwnerId=%s (leads.claims.owners)".formatted(crmLeadId, mapped)
            : claims.byEmail()
                ? "would look up <@%s>'s Slack email among the active Salesforce users and make that user the owner of Lead %s%s"
                    .formatted(
                        claimer.slackUserId(),
                        crmLeadId,
                        claims.fallback() == null
                            ? ""
                            : ", else " + claims.fallback() + " (leads.claims.fallback-owner-id)")
                : "would make %s the owner of Lead %s"
                    .formatted(claims.fallback() == null ? "nobody" : claims.fallback(), crmLeadId);
    log.info("Salesforce DRY RUN, claim by {}: {}", claimer.slackUserId(), would);
    return new OwnerAssignment(
        null, "Salesforce runs dry (leads.salesforce.mode): the Lead's owner was not changed");
  }
}
