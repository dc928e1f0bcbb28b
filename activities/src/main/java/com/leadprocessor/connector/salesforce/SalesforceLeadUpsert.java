package com.leadprocessor.connector.salesforce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One upsert of a Lead by its external id: {@code PATCH
 * /services/data/vXX.X/sobjects/Lead/<externalIdField>/<externalId>} with the other fields as the
 * JSON body. Salesforce refuses a body that repeats the external id field, so it is only in the
 * path.
 *
 * @param autoAssign whether Salesforce should run the Lead assignment rules ({@code
 *     Sforce-Auto-Assign}); false when the route names an owner
 */
public record SalesforceLeadUpsert(
    String apiVersion,
    String externalIdField,
    String externalId,
    Map<String, Object> body,
    boolean autoAssign) {

  public SalesforceLeadUpsert {
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }

  public String method() {
    return "PATCH";
  }

  public String path() {
    return "/services/data/v" + apiVersion + resourcePath();
  }

  /** The path below the versioned REST root: {@code /sobjects/Lead/<field>/<encoded id>}. */
  public String resourcePath() {
    return "/sobjects/Lead/%s/%s"
        .formatted(
            externalIdField,
            URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
