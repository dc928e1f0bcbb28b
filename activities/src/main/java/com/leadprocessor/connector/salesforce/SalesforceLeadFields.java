package com.leadprocessor.connector.salesforce;

import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLeadRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Maps a lead to the fields of its Salesforce Lead: who (Email, FirstName, LastName, Company),
 * where from (LeadSource, the question, transcript, page, route and enrichment in Description, and
 * in their own fields when {@link SalesforceFieldMapping} maps them), who owns it (OwnerId when the
 * route names one) and the conversation id in the external id field.
 */
@Component
public class SalesforceLeadFields {

  /** What Salesforce's required Company gets when nothing names one, as Salesforce suggests. */
  static final String COMPANY_NOT_PROVIDED = "[not provided]";

  /** What Salesforce's required LastName gets when the email names nobody. */
  static final String UNKNOWN_LAST_NAME = "Unknown";

  private static final int EMAIL_MAX = 80;
  private static final int FIRST_NAME_MAX = 40;
  private static final int LAST_NAME_MAX = 80;
  private static final int COMPANY_MAX = 255;
  private static final int DESCRIPTION_MAX = 32_000;

  /** A custom Text field's maximum, the safe size for optional mapped parts. */
  private static final int TEXT_MAX = 255;

  /** A custom Long Text Area's default size, for the question alone. */
  private static final int TEXT_AREA_MAX = 32_768;

  private final SalesforceProperties properties;

  public SalesforceLeadFields(SalesforceProperties properties) {
    this.properties = properties;
  }

  /**
   * Every field of the Lead as Salesforce will hold it, by API name as {@code
   * leads.salesforce.fields} maps it, the external id field included. Parts that are unknown, or
   * not mapped, are left out rather than sent empty, so an update never blanks a field.
   */
  public Map<String, Object> fieldsFor(CrmLeadRequest request) {
    SalesforceFieldMapping map = properties.fields();
    LeadCaptureEvent event = request.event();
    Route route = request.route();
    Company company = request.enrichment() == null ? null : request.enrichment().company();
    PersonName name = PersonName.fromEmail(request.email());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(properties.externalIdField(), event.conversationId());
    put(fields, map.email(), truncate(request.email(), EMAIL_MAX));
    put(fields, map.firstName(), truncate(name.first(), FIRST_NAME_MAX));
    put(fields, map.lastName(), truncate(name.last(), LAST_NAME_MAX));
    put(fields, map.company(), truncate(companyOf(request), COMPANY_MAX));
    put(fields, map.leadSource(), properties.leadSource());
    put(fields, map.description(), truncate(description(request), DESCRIPTION_MAX));
    put(fields, map.question(), truncate(event.triggerQuery(), TEXT_AREA_MAX));
    put(fields, map.transcriptUrl(), truncate(event.conversationTranscriptUrl(), TEXT_MAX));
    put(fields, map.sourcePage(), truncate(event.metadata().sourceUrl(), TEXT_MAX));
    if (route != null) {
      put(fields, map.route(), truncate(route.rule(), TEXT_MAX));
      put(fields, map.priority(), route.priority() == null ? null : route.priority().name());
    }
    if (company != null) {
      put(fields, map.website(), truncate(company.domain(), TEXT_MAX));
      put(fields, map.companySize(), truncate(company.size(), TEXT_MAX));
      put(fields, map.industry(), truncate(company.industry(), TEXT_MAX));
    }
    if (route != null && route.salesforceOwnerId() != null) {
      fields.put("OwnerId", route.salesforceOwnerId());
    }
    return fields;
  }

  /** The upsert that creates or updates the Lead, keyed by the conversation id. */
  public SalesforceLeadUpsert upsertFor(CrmLeadRequest request) {
    Map<String, Object> body = fieldsFor(request);
    body.remove(properties.externalIdField());
    return new SalesforceLeadUpsert(
        properties.apiVersion(),
        properties.externalIdField(),
        request.event().conversationId(),
        body,
        properties.autoAssignFor(body.containsKey("OwnerId")));
  }

  private static void put(Map<String, Object> fields, String apiName, String value) {
    if (apiName != null && !apiName.isBlank() && value != null && !value.isBlank()) {
      fields.put(apiName.strip(), value);
    }
  }

  private static String companyOf(CrmLeadRequest request) {
    Company company = request.enrichment() == null ? null : request.enrichment().company();
    if (company != null && company.name() != null && !company.name().isBlank()) {
      return company.name();
    }
    String email = request.email();
    if (email != null
        && email.lastIndexOf('@') > 0
        && email.lastIndexOf('@') < email.length() - 1) {
      return email.substring(email.lastIndexOf('@') + 1);
    }
    return COMPANY_NOT_PROVIDED;
  }

  private static String description(CrmLeadRequest request) {
    LeadCaptureEvent event = request.event();
    List<String> lines = new ArrayList<>();
    lines.add("Question: " + orNone(event.triggerQuery()));
    lines.add("Transcript: " + orNone(event.conversationTranscriptUrl()));
    lines.add("Source page: " + orNone(event.metadata().sourceUrl()));
    Route route = request.route();
    if (route != null) {
      lines.add(
          "Route: %s -> %s, priority %s, topics %s"
              .formatted(
                  route.rule(),
                  route.slackChannel(),
                  route.priority(),
                  route.topics().isEmpty() ? "none" : String.join(", ", route.topics())));
    }
    lines.addAll(enrichmentLines(request.enrichment()));
    lines.add(
        "Conversation: %s, visitor %s, captured %s"
            .formatted(event.conversationId(), orNone(event.visitorId()), event.timestamp()));
    return String.join("\n", lines);
  }

  private static List<String> enrichmentLines(Enrichment enrichment) {
    if (enrichment == null) {
      return List.of("Enrichment: none");
    }
    List<String> lines = new ArrayList<>();
    Company company = enrichment.company();
    if (company != null) {
      List<String> details = new ArrayList<>();
      for (String detail : Arrays.asList(company.domain(), company.size(), company.industry())) {
        if (detail != null && !detail.isBlank()) {
          details.add(detail);
        }
      }
      lines.add(
          "Company: %s (%s; source %s)"
              .formatted(company.name(), String.join(", ", details), company.source()));
    }
    UserAgentDetails userAgent = enrichment.userAgent();
    if (userAgent != null) {
      lines.add(
          "Browser: %s on %s, device %s"
              .formatted(userAgent.browser(), userAgent.os(), userAgent.device()));
    }
    if (enrichment.transcriptExcerpt() != null) {
      lines.add("Transcript excerpt: " + enrichment.transcriptExcerpt());
    }
    if (!enrichment.unavailable().isEmpty()) {
      lines.add("Enrichment unavailable: " + String.join("; ", enrichment.unavailable()));
    }
    return lines;
  }

  private static String orNone(Object value) {
    return value == null || value.toString().isBlank() ? "(not provided)" : value.toString();
  }

  private static String truncate(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max - 1) + "…";
  }

  /** A person's name as far as an email's local part tells it. */
  record PersonName(String first, String last) {

    /**
     * {@code potential.lead@...} is Potential Lead; {@code jsmith@...} is only a last name, Jsmith;
     * digits and {@code +tags} are ignored; nothing left gives "Unknown".
     */
    static PersonName fromEmail(String email) {
      if (email == null || email.indexOf('@') <= 0) {
        return new PersonName(null, UNKNOWN_LAST_NAME);
      }
      String local = email.substring(0, email.lastIndexOf('@'));
      int plus = local.indexOf('+');
      if (plus > 0) {
        local = local.substring(0, plus);
      }
      List<String> words =
          Arrays.stream(local.split("[._\\-]+"))
              .map(word -> word.replaceAll("\\d", ""))
              .filter(word -> word.chars().anyMatch(Character::isLetter))
              .map(PersonName::capitalised)
              .toList();
      if (words.isEmpty()) {
        return new PersonName(null, UNKNOWN_LAST_NAME);
      }
      if (words.size() == 1) {
        return new PersonName(null, words.get(0));
      }
      return new PersonName(words.get(0), words.get(words.size() - 1));
    }

    private static String capitalised(String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }
  }
}
