package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.LeadPriority;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

/**
 * What a rule decides; a null field leaves it to the next matching rule or the default.
 *
 * @param slackChannel a channel name such as {@code #dev-sales}, or a channel id
 * @param salesforceOwnerId a Salesforce user or queue id; null or blank lets the org's assignment
 *     rules decide
 * @param claim how the route's leads are claimed in Slack; null leaves it to the next matching rule
 *     or the default, and a route none sets asks for no claim
 */
public record RouteOutcome(
    @NotNull(
            groups = DefaultRoute.class,
            message = "is required; expected the channel alerted when no rule sets one")
        @Size(
            min = 1,
            message =
                "is empty; expected a channel such as \"#dev-sales\" in quotes, because an unquoted"
                    + " # starts a YAML comment")
        @Pattern(
            regexp = "(#[a-z0-9][a-z0-9_-]{0,79}|[CGD][A-Z0-9]{8,})?",
            message =
                "'${validatedValue}' is invalid; expected a channel name starting with '#' (lower"
                    + " case, for example \"#dev-sales\") or a Slack channel id (for example"
                    + " C0123456789)")
        String slackChannel,
    @Pattern(
            regexp = "[A-Za-z0-9]{15}([A-Za-z0-9]{3})?",
            message =
                "'${validatedValue}' is invalid; expected a 15 or 18 character Salesforce user or"
                    + " queue id, or empty to let assignment rules decide")
        String salesforceOwnerId,
    @NotNull(
            groups = DefaultRoute.class,
            message = "is required; expected one of [LOW, NORMAL, HIGH, URGENT]")
        LeadPriority priority,
    ClaimSettings claim) {

  public RouteOutcome {
    // An empty channel stays empty, so validation can explain the unquoted '#'.
    slackChannel = slackChannel == null ? null : slackChannel.strip();
    salesforceOwnerId =
        salesforceOwnerId == null || salesforceOwnerId.isBlank() ? null : salesforceOwnerId.strip();
  }

  /** The validation group of the default outcome, which must set what every rule may leave out. */
  interface DefaultRoute extends Default {}
}
