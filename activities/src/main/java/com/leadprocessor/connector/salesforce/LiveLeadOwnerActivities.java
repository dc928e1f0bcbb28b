package com.leadprocessor.connector.salesforce;

import com.leadprocessor.connector.slack.SlackUserEmails;
import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.LeadOwnerActivities;
import com.leadprocessor.workflow.claim.OwnerAssignment;
import io.temporal.spring.boot.ActivityImpl;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Makes the salesperson who claimed a lead the Salesforce Lead's owner. The Slack user is mapped to
 * a Salesforce user by {@code leads.claims.owners} first, else by the email of their Slack profile
 * among the org's active users; when neither finds one, the fallback owner takes the Lead or it
 * keeps its owner, and the answer's note says which and why. Only Slack and Salesforce user ids are
 * logged, never a salesperson's email.
 */
@Component
@Conditional(SalesforceMode.LiveCondition.class)
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LiveLeadOwnerActivities implements LeadOwnerActivities {

  private static final Logger log = LoggerFactory.getLogger(LiveLeadOwnerActivities.class);

  private final ClaimOwnerProperties claims;
  private final SalesforceOwnerClient salesforce;
  private final SlackUserEmails slackEmails;

  /**
   * @param slackEmails absent when Slack runs dry: then only the explicit map and the fallback
   *     apply
   */
  @Autowired
  public LiveLeadOwnerActivities(
      SalesforceProperties properties,
      ClaimOwnerProperties claims,
      ObjectProvider<SlackUserEmails> slackEmails) {
    this(properties, claims, new SalesforceSession(properties), slackEmails.getIfAvailable());
  }

  LiveLeadOwnerActivities(
      SalesforceProperties properties,
      ClaimOwnerProperties claims,
      SalesforceSession session,
      SlackUserEmails slackEmails) {
    this.claims = claims;
    this.salesforce = new SalesforceOwnerClient(properties, session);
    this.slackEmails = slackEmails;
  }

  @Override
  public OwnerAssignment assignClaimer(String crmLeadId, AlertAction claimer) {
    String slackUser = claimer.slackUserId();
    if (crmLeadId == null || crmLeadId.isBlank() || crmLeadId.startsWith("dry-run-")) {
      return new OwnerAssignment(
          null, "The lead has no Salesforce Lead, so the claimer was not made its owner");
    }
    Mapping mapping = map(slackUser);
    if (mapping.salesforceUserId() != null) {
      return assign(crmLeadId, slackUser, mapping.salesforceUserId(), null, mapping.by());
    }
    String fallback = claims.fallback();
    if (fallback != null) {
      return assign(
          crmLeadId,
          slackUser,
          fallback,
          mapping.missingBecause()
              + "; the Lead went to the fallback owner (leads.claims.fallback-owner-id)",
          "the fallback");
    }
    log.info(
        "Claimer {} of Lead {} maps to no Salesforce user; owner left as it was",
        slackUser,
        crmLeadId);
    return new OwnerAssignment(
        null,
        mapping.missingBecause()
            + "; the Lead keeps its owner. Map the claimer in leads.claims.owners or set"
            + " leads.claims.fallback-owner-id");
  }

  /**
   * The Salesforce user of a Slack user, or why there is none.
   *
   * @param by how the user was found, for the log
   */
  private record Mapping(String salesforceUserId, String by, String missingBecause) {
    static Mapping none(String because) {
      return new Mapping(null, null, because);
    }
  }

  private Mapping map(String slackUser) {
    String mapped = claims.owners().get(slackUser);
    if (mapped != null) {
      return new Mapping(mapped, "leads.claims.owners", null);
    }
    if (!claims.byEmail()) {
      return Mapping.none(
          "<@%s> is not in leads.claims.owners (look-up by email is off)".formatted(slackUser));
    }
    if (slackEmails == null) {
      return Mapping.none(
          "<@%s> is not in leads.claims.owners, and Slack runs dry so their email is unknown"
              .formatted(slackUser));
    }
    SlackUserEmails.ProfileEmail email = slackEmails.of(slackUser);
    if (email.email() == null) {
      return Mapping.none(email.missingBecause());
    }
    return lookUp(email.email())
        .map(user -> new Mapping(user, "the Slack profile's email", null))
        .orElseGet(
            () ->
                Mapping.none(
                    "No single active Salesforce user has the Slack email of <@%s>"
                        .formatted(slackUser)));
  }

  private Optional<String> lookUp(String email) {
    try {
      return salesforce.activeUserIdByEmail(email);
    } catch (SalesforceApiException error) {
      throw SalesforceFailures.ofOwnerAssignment(error, "the User query of a claim");
    }
  }

  private OwnerAssignment assign(
      String leadId, String slackUser, String ownerId, String note, String by) {
    try {
      salesforce.assignOwner(leadId, ownerId);
    } catch (SalesforceApiException error) {
      throw SalesforceFailures.ofOwnerAssignment(
          error, "the owner update of Lead %s to %s".formatted(leadId, ownerId));
    }
    log.info("Lead {} owner set to {} for claimer {} (by {})", leadId, ownerId, slackUser, by);
    return new OwnerAssignment(ownerId, note);
  }
}
