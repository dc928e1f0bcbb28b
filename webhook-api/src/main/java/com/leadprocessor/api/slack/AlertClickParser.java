package com.leadprocessor.api.slack;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.claim.AlertAction;
import com.leadprocessor.workflow.claim.AlertActions;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the click out of a verified interactivity request: an {@code application/x-www-form-
 * urlencoded} body whose one {@code payload} field is Slack's {@code block_actions} JSON. Only what
 * the Update needs is read (the user's id and name, the action, its time and the response URL);
 * everything else in the payload, the message with the lead's data included, is left alone.
 */
final class AlertClickParser {

  static final String BLOCK_ACTIONS = "block_actions";

  private static final Map<String, String> UPDATES =
      Map.of(
          AlertActions.CLAIM, LeadWorkflow.UPDATE_CLAIM,
          AlertActions.NOT_A_LEAD, LeadWorkflow.UPDATE_NOT_A_LEAD,
          AlertActions.HAND_BACK, LeadWorkflow.UPDATE_HAND_BACK);
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");
  private static final Pattern WORKFLOW_ID = Pattern.compile("lead-[A-Za-z0-9._-]{1,140}");
  private static final Pattern ACTION_TS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,6})?");
  private static final int MAX_NAME_LENGTH = 80;

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final ResponseUrlPolicy responseUrls;

  AlertClickParser(ResponseUrlPolicy responseUrls) {
    this.responseUrls = responseUrls;
  }

  /**
   * @throws ProblemException {@link ProblemType#INVALID_INTERACTION} for a body that is not one
   *     {@code payload} field of a {@code block_actions} payload with one known alert action
   */
  AlertClick parse(byte[] body) {
    JsonNode payload = json(payloadField(new String(body, StandardCharsets.UTF_8)));
    String type = text(payload, "type");
    if (!BLOCK_ACTIONS.equals(type)) {
      throw invalid(
          "The payload's type is "
              + (type == null ? "missing" : "not one this endpoint takes")
              + "; only block_actions (a button of a lead alert) is.");
    }
    JsonNode user = payload.path("user");
    String userId = required(user, "id", "user.id");
    if (!USER_ID.matcher(userId).matches()) {
      throw invalid("user.id is not a Slack user id.");
    }
    String userName = name(user);
    JsonNode actions = payload.path("actions");
    if (!actions.isArray() || actions.size() != 1) {
      throw invalid("actions must hold exactly one action.");
    }
    JsonNode action = actions.get(0);
    String actionId = required(action, "action_id", "actions[0].action_id");
    String updateName = UPDATES.get(actionId);
    if (updateName == null) {
      throw invalid("actions[0].action_id is not an action of a lead alert.");
    }
    String workflowId = workflowId(required(action, "block_id", "actions[0].block_id"));
    String value = text(action, "value");
    if (value != null && !value.equals(workflowId)) {
      throw invalid("actions[0].value names another lead than its block.");
    }
    String reason = null;
    if (actionId.equals(AlertActions.NOT_A_LEAD)) {
      reason = text(action.path("selected_option"), "value");
      if (reason == null || !AlertActions.NOT_A_LEAD_REASONS.contains(reason)) {
        throw invalid(
            "actions[0].selected_option.value must be one of " + AlertActions.NOT_A_LEAD_REASONS);
      }
    }
    String actionTs = required(action, "action_ts", "actions[0].action_ts");
    if (!ACTION_TS.matcher(actionTs).matches()) {
      throw invalid("actions[0].action_ts is not a Slack timestamp such as 1700000000.123456.");
    }
    String responseUrl = required(payload, "response_url", "response_url");
    try {
      return new AlertClick(
          workflowId,
          updateName,
          new AlertAction(userId, userName, reason, instant(actionTs)),
          actionId,
          actionTs,
          responseUrls.allowed(responseUrl));
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage() + ".");
    }
  }

  private static String payloadField(String form) {
    String payload = null;
    for (String pair : form.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (name.equals("payload")) {
        if (payload != null) {
          throw invalid("The form has more than one payload field.");
        }
        payload = equals < 0 ? "" : decode(pair.substring(equals + 1));
      }
    }
    if (payload == null || payload.isBlank()) {
      throw invalid("The form has no payload field; Slack sends payload=<JSON>.");
    }
    return payload;
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("The body is not a valid application/x-www-form-urlencoded form.");
    }
  }

  private static JsonNode json(String payload) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (JacksonException e) {
      throw invalid("The payload field is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw invalid("The payload field is not a JSON object.");
    }
    return node;
  }

  private static String workflowId(String blockId) {
    String workflowId =
        blockId.startsWith(AlertActions.BLOCK_ID_PREFIX)
            ? blockId.substring(AlertActions.BLOCK_ID_PREFIX.length())
            : "";
    if (!WORKFLOW_ID.matcher(workflowId).matches()) {
      throw invalid(
          "actions[0].block_id is not a lead alert's block ("
              + AlertActions.BLOCK_ID_PREFIX
              + "<workflow id>).");
    }
    return workflowId;
  }

  /** Slack's {@code username}, else its {@code name}, cut to a sane length; null when neither. */
  private static String name(JsonNode user) {
    String name = text(user, "username");
    if (name == null || name.isBlank()) {
      name = text(user, "name");
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    name = name.strip();
    return name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH
        ? name
        : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
  }

  private static Instant instant(String actionTs) {
    BigDecimal seconds = new BigDecimal(actionTs);
    return Instant.ofEpochSecond(
        seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
  }

  private static String required(JsonNode node, String field, String path) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      throw invalid(path + " is missing.");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : null;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_INTERACTION, detail);
  }
}
