package com.leadprocessor.connector.salesforce;

import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who becomes the Salesforce Lead's owner when a salesperson claims a lead in Slack ({@code
 * leads.claims.*}).
 *
 * @param owners Slack user id to Salesforce user id, tried first: {@code
 *     leads.claims.owners.U024BE7LH=0055e000001AbCdAAK}. Keys are upper-cased, so the environment
 *     form {@code LEADS_CLAIMS_OWNERS_U024BE7LH} works too
 * @param byEmail whether a claimer missing from {@code owners} is looked up by the email of their
 *     Slack profile ({@code users.info}, scope {@code users:read.email}) among the org's active
 *     Salesforce users
 * @param fallbackOwnerId the Salesforce user or queue that owns the Lead when the claimer maps to
 *     no Salesforce user; empty leaves the Lead's owner as it is. Either way the lead's details say
 *     why
 */
@Validated
@ConfigurationProperties("leads.claims")
public record ClaimOwnerProperties(
    Map<
            @Pattern(
                regexp = "[UW][A-Z0-9]{6,}",
                message = "is not a Slack user id; expected a key such as U024BE7LH")
            String,
            @Pattern(
                regexp = USER_ID,
                message =
                    "is not a Salesforce user id; expected a 15 or 18 character id starting with"
                        + " 005")
            String>
        owners,
    @DefaultValue("true") boolean byEmail,
    @Pattern(
            regexp = "|" + USER_ID + "|00G[A-Za-z0-9]{12}([A-Za-z0-9]{3})?",
            message =
                "'${validatedValue}' is invalid; expected a Salesforce user (005...) or queue"
                    + " (00G...) id, or empty to leave the Lead's owner as it is")
        @DefaultValue("")
        String fallbackOwnerId) {

  private static final String USER_ID = "005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?";

  public ClaimOwnerProperties {
    Map<String, String> normalised = new LinkedHashMap<>();
    if (owners != null) {
      owners.forEach(
          (slackUser, salesforceUser) ->
              normalised.put(
                  slackUser.strip().toUpperCase(Locale.ROOT),
                  salesforceUser == null ? null : salesforceUser.strip()));
    }
    owners = Map.copyOf(normalised);
    fallbackOwnerId = fallbackOwnerId == null ? "" : fallbackOwnerId.strip();
  }

  /** The defaults: no explicit map, look-up by email, no fallback owner. */
  public static ClaimOwnerProperties defaults() {
    return new ClaimOwnerProperties(Map.of(), true, "");
  }

  /** The fallback owner, or null when there is none. */
  String fallback() {
    return fallbackOwnerId.isEmpty() ? null : fallbackOwnerId;
  }
}
