package com.leadprocessor.salesforce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Leads reach Salesforce.
 *
 * @param mode {@code dry-run} logs the request that would be sent instead of sending it; the live
 *     connector comes with a later issue
 * @param apiVersion the REST API version, as in {@code /services/data/v64.0/}
 * @param externalIdField the Lead field, marked External ID in the org, that carries the chatbot's
 *     conversation id so that a retried upsert never makes a second Lead
 * @param leadSource the Lead's {@code LeadSource} picklist value
 */
@Validated
@ConfigurationProperties("leads.salesforce")
public record SalesforceProperties(
    @Pattern(
            regexp = "dry-run",
            message = "must be 'dry-run': the live Salesforce connector is not implemented yet")
        @DefaultValue("dry-run")
        String mode,
    @Pattern(regexp = "\\d{2,3}\\.0", message = "must be an API version such as 64.0")
        @DefaultValue("64.0")
        String apiVersion,
    @Pattern(
            regexp = "[A-Za-z][A-Za-z0-9_]*",
            message = "must be a Salesforce field API name such as Chatbot_Conversation_Id__c")
        @DefaultValue("Chatbot_Conversation_Id__c")
        String externalIdField,
    @NotBlank @DefaultValue("Chatbot") String leadSource) {

  /** The defaults, as a worker with no configuration has them. */
  public static SalesforceProperties defaults() {
    return new SalesforceProperties("dry-run", "64.0", "Chatbot_Conversation_Id__c", "Chatbot");
  }
}
