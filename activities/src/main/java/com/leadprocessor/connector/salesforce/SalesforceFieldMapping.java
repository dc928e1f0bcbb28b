package com.leadprocessor.connector.salesforce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Lead field, by API name, receives each part of a lead ({@code leads.salesforce.fields.*}).
 * Email, LastName and Company are required by Salesforce, so they must be mapped; every other part
 * may be left blank to not send it. The question, transcript, source page, route and enrichment are
 * always summarised in the description field as well, so an org without custom fields loses
 * nothing.
 *
 * @param email the captured, verified email ({@code Email})
 * @param firstName the first name read from the email's local part, when there is one
 * @param lastName the last name read from the email's local part, or {@code Unknown}
 * @param company the enriched company name, else the email's domain, else {@code [not provided]}
 * @param leadSource the configured lead source value ({@code LeadSource})
 * @param description the summary of the question, transcript, page, route and enrichment
 * @param question the visitor's question alone, for example {@code Chatbot_Question__c}
 * @param transcriptUrl the transcript link, for example {@code Chatbot_Transcript_Url__c}
 * @param sourcePage the page the visitor was on, for example {@code Chatbot_Source_Page__c}
 * @param route the routing rule that matched, for example {@code Chatbot_Route__c}
 * @param priority the route's priority, for example {@code Rating} with a matching picklist
 * @param website the company's domain when enrichment found one ({@code Website})
 * @param companySize the company's employee band such as {@code 51-200}; a text field, since {@code
 *     NumberOfEmployees} takes a number
 * @param industry the company's industry; mind that {@code Industry} is a picklist
 */
public record SalesforceFieldMapping(
    @NotBlank(message = "must name a Lead field: Salesforce requires Email for these leads")
        @Pattern(regexp = API_NAME, message = API_NAME_MESSAGE)
        @DefaultValue("Email")
        String email,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) @DefaultValue("FirstName")
        String firstName,
    @NotBlank(message = "must name a Lead field: Salesforce requires LastName on every Lead")
        @Pattern(regexp = API_NAME, message = API_NAME_MESSAGE)
        @DefaultValue("LastName")
        String lastName,
    @NotBlank(message = "must name a Lead field: Salesforce requires Company on every Lead")
        @Pattern(regexp = API_NAME, message = API_NAME_MESSAGE)
        @DefaultValue("Company")
        String company,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) @DefaultValue("LeadSource")
        String leadSource,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) @DefaultValue("Description")
        String description,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String question,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String transcriptUrl,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String sourcePage,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String route,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String priority,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String website,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String companySize,
    @Pattern(regexp = OPTIONAL_API_NAME, message = API_NAME_MESSAGE) String industry) {

  /**
   * A Salesforce field API name: a letter, then letters, digits and single underscores, with an
   * optional namespace prefix and {@code __c} suffix for custom fields.
   */
  static final String API_NAME =
      "([A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*(__c)?";

  static final String OPTIONAL_API_NAME = "|" + API_NAME;

  static final String API_NAME_MESSAGE =
      "must be a Lead field API name such as Company or Chatbot_Question__c, or empty to not send"
          + " it";

  /** The mapping a worker without configuration uses: Salesforce's standard Lead fields. */
  public static SalesforceFieldMapping standard() {
    return new SalesforceFieldMapping(
        "Email",
        "FirstName",
        "LastName",
        "Company",
        "LeadSource",
        "Description",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The logical fields that are mapped, by property name, to their API names. */
  public Map<String, String> mapped() {
    Map<String, String> mapped = new LinkedHashMap<>();
    put(mapped, "email", email);
    put(mapped, "first-name", firstName);
    put(mapped, "last-name", lastName);
    put(mapped, "company", company);
    put(mapped, "lead-source", leadSource);
    put(mapped, "description", description);
    put(mapped, "question", question);
    put(mapped, "transcript-url", transcriptUrl);
    put(mapped, "source-page", sourcePage);
    put(mapped, "route", route);
    put(mapped, "priority", priority);
    put(mapped, "website", website);
    put(mapped, "company-size", companySize);
    put(mapped, "industry", industry);
    return mapped;
  }

  private static void put(Map<String, String> mapped, String name, String apiName) {
    if (apiName != null && !apiName.isBlank()) {
      mapped.put(name, apiName.strip());
    }
  }
}
