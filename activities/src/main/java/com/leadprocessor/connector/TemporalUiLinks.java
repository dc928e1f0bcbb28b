package com.leadprocessor.connector;

import com.leadprocessor.workflow.LeadSearchAttributes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links to a lead's workflow, and to the review queue, in the Temporal UI. */
@Component
public class TemporalUiLinks {

  private final String baseUrl;
  private final String namespace;

  /**
   * @param namespace the namespace the worker uses, read from the Temporal starter's own property
   */
  public TemporalUiLinks(
      TemporalUiProperties properties,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    String url = properties.temporalUiUrl();
    this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.namespace = namespace;
  }

  /** {@code <ui>/namespaces/<namespace>/workflows/<workflowId>}, each segment encoded. */
  public String workflowUrl(String workflowId) {
    return baseUrl + "/namespaces/" + segment(namespace) + "/workflows/" + segment(workflowId);
  }

  /**
   * {@code <ui>/namespaces/<namespace>/workflows?query=LeadStatus="NEEDS_REVIEW"}: the Web UI's
   * workflow list with the review queue's query filled in.
   */
  public String reviewQueueUrl() {
    return baseUrl
        + "/namespaces/"
        + segment(namespace)
        + "/workflows?query="
        + segment(LeadSearchAttributes.IN_REVIEW_QUERY);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
