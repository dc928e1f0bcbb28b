package com.leadprocessor.connector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links to a lead's workflow in the Temporal UI. */
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

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
