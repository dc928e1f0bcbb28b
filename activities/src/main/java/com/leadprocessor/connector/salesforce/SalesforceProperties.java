package com.leadprocessor.connector.salesforce;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Leads reach Salesforce ({@code leads.salesforce.*}).
 *
 * @param mode {@code auto} (live when a client id and secret are configured, else dry-run), {@code
 *     live} (start-up fails without credentials) or {@code dry-run} (logs the request that would be
 *     sent)
 * @param loginUrl where the OAuth token is requested: {@code https://login.salesforce.com}, {@code
 *     https://test.salesforce.com} for a sandbox, or the org's My Domain URL
 * @param clientId the connected app's consumer key ({@code SALESFORCE_CLIENT_ID})
 * @param clientSecret the connected app's consumer secret ({@code SALESFORCE_CLIENT_SECRET})
 * @param apiVersion the REST API version, as in {@code /services/data/v64.0/}
 * @param externalIdField the Lead field, marked External ID and Unique in the org, that carries the
 *     chatbot's conversation id so that a retried upsert never makes a second Lead
 * @param leadSource the Lead's {@code LeadSource} picklist value
 * @param autoAssign the {@code Sforce-Auto-Assign} header: {@code TRUE} or {@code FALSE} to force
 *     it; empty sends {@code TRUE} (the org's assignment rules decide) unless the route names an
 *     owner, then {@code FALSE} so the rules do not overwrite that owner
 * @param timeout how long to wait to connect, and then for an answer, per HTTP request
 * @param fields which Lead field receives each part of a lead
 */
@Validated
@ConfigurationProperties("leads.salesforce")
public record SalesforceProperties(
    @Pattern(regexp = "auto|live|dry-run", message = "must be auto, live or dry-run")
        @DefaultValue("auto")
        String mode,
    @Pattern(
            regexp = "https?://[^\\s/?#]+/?",
            message =
                "must be a URL such as https://login.salesforce.com, https://test.salesforce.com"
                    + " or https://MyDomain.my.salesforce.com")
        @DefaultValue("https://login.salesforce.com")
        String loginUrl,
    String clientId,
    String clientSecret,
    @Pattern(regexp = "\\d{2,3}\\.0", message = "must be an API version such as 64.0")
        @DefaultValue("64.0")
        String apiVersion,
    @Pattern(
            regexp = SalesforceFieldMapping.API_NAME,
            message = "must be a Salesforce field API name such as Chatbot_Conversation_Id__c")
        @DefaultValue("Chatbot_Conversation_Id__c")
        String externalIdField,
    @NotBlank @DefaultValue("Chatbot") String leadSource,
    @Pattern(
            regexp = "(?i)|true|false",
            message = "must be TRUE, FALSE, or empty for TRUE unless the route names an owner")
        String autoAssign,
    @NotNull
        @DurationMin(millis = 100, message = "must be at least 100ms, for example 10s")
        @DefaultValue("10s")
        Duration timeout,
    @Valid @DefaultValue SalesforceFieldMapping fields) {

  /** The environment variables a deployment sets the credentials with. */
  static final String CLIENT_ID_ENV = "SALESFORCE_CLIENT_ID";

  static final String CLIENT_SECRET_ENV = "SALESFORCE_CLIENT_SECRET";

  public SalesforceProperties {
    fields = fields == null ? SalesforceFieldMapping.standard() : fields;
    List<String> conflicts = conflictsIn(fields, externalIdField);
    if (!conflicts.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid leads.salesforce.fields: " + String.join("; ", conflicts));
    }
  }

  /** The defaults, as a worker with no configuration has them. */
  public static SalesforceProperties defaults() {
    return new SalesforceProperties(
        "auto",
        "https://login.salesforce.com",
        null,
        null,
        "64.0",
        "Chatbot_Conversation_Id__c",
        "Chatbot",
        null,
        Duration.ofSeconds(10),
        SalesforceFieldMapping.standard());
  }

  /**
   * The same configuration in live mode against another login URL with these credentials, for
   * example an emulation's.
   */
  public SalesforceProperties withCredentials(
      String newLoginUrl, String newClientId, String newClientSecret) {
    return new SalesforceProperties(
        "live",
        newLoginUrl,
        newClientId,
        newClientSecret,
        apiVersion,
        externalIdField,
        leadSource,
        autoAssign,
        timeout,
        fields);
  }

  /** The same configuration with another REST API version. */
  public SalesforceProperties withApiVersion(String version) {
    return new SalesforceProperties(
        mode,
        loginUrl,
        clientId,
        clientSecret,
        version,
        externalIdField,
        leadSource,
        autoAssign,
        timeout,
        fields);
  }

  /** The same configuration with another {@code Sforce-Auto-Assign} setting. */
  public SalesforceProperties withAutoAssign(String value) {
    return new SalesforceProperties(
        mode,
        loginUrl,
        clientId,
        clientSecret,
        apiVersion,
        externalIdField,
        leadSource,
        value,
        timeout,
        fields);
  }

  /** The same configuration with another HTTP timeout. */
  public SalesforceProperties withTimeout(Duration value) {
    return new SalesforceProperties(
        mode,
        loginUrl,
        clientId,
        clientSecret,
        apiVersion,
        externalIdField,
        leadSource,
        autoAssign,
        value,
        fields);
  }

  /** The same configuration with another field mapping. */
  public SalesforceProperties withFields(SalesforceFieldMapping mapping) {
    return new SalesforceProperties(
        mode,
        loginUrl,
        clientId,
        clientSecret,
        apiVersion,
        externalIdField,
        leadSource,
        autoAssign,
        timeout,
        mapping);
  }

  /** The login URL without a trailing slash. */
  public String loginEndpoint() {
    return loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
  }

  /** The environment variables of the credentials that are not set, in order. */
  List<String> missingCredentials() {
    List<String> missing = new ArrayList<>();
    if (clientId == null || clientId.isBlank()) {
      missing.add(CLIENT_ID_ENV);
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      missing.add(CLIENT_SECRET_ENV);
    }
    return missing;
  }

  /** The {@code Sforce-Auto-Assign} value for a Lead with or without an owner from its route. */
  boolean autoAssignFor(boolean routeNamesOwner) {
    if (autoAssign == null || autoAssign.isBlank()) {
      return !routeNamesOwner;
    }
    return autoAssign.strip().toUpperCase(Locale.ROOT).equals("TRUE");
  }

  private static List<String> conflictsIn(SalesforceFieldMapping fields, String externalIdField) {
    List<String> conflicts = new ArrayList<>();
    Map<String, String> firstUse = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : fields.mapped().entrySet()) {
      String apiName = entry.getValue();
      String previous = firstUse.putIfAbsent(apiName.toLowerCase(Locale.ROOT), entry.getKey());
      if (previous != null) {
        conflicts.add(
            "%s and %s both map to %s; map each Lead field once"
                .formatted(previous, entry.getKey(), apiName));
      }
      if (apiName.equalsIgnoreCase(externalIdField)) {
        conflicts.add(
            "%s maps to %s, the external id field (leads.salesforce.external-id-field), which"
                    .formatted(entry.getKey(), apiName)
                + " only carries the conversation id");
      }
      if (apiName.equalsIgnoreCase("OwnerId")) {
        conflicts.add(
            entry.getKey() + " maps to OwnerId, which is set from the route's owner or queue");
      }
    }
    return conflicts;
  }
}
