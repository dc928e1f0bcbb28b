package com.leadprocessor.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.api.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document in {@code src/main/resources/openapi.yaml} is valid and says what the code
 * does: the required fields are those the parser reports missing in an empty object, the lengths
 * are the parser's limits, and every status and problem type the API answers is described.
 */
class OpenApiDocumentTest {

  private static OpenAPI api;

  @BeforeAll
  static void parse() throws IOException {
    String yaml = new ClassPathResource("openapi.yaml").getContentAsString(StandardCharsets.UTF_8);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    api = result.getOpenAPI();
  }

  @Test
  void describesOpenApi31AndTheWebhookPost() {
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    // The Slack interactivity endpoint's description is checked by SlackInteractivityDocumentTest.
    assertThat(api.getPaths()).containsOnlyKeys(LeadCaptureController.PATH, "/slack/interactivity");
    assertThat(api.getPaths().get(LeadCaptureController.PATH).readOperations()).hasSize(1);
  }

  @Test
  void requiredFieldsAreTheOnesTheParserReportsMissing() {
    List<String> reportedMissing =
        problemsOf("{}").stream()
            .filter(problem -> problem.message().equals("is required"))
            .map(FieldProblem::field)
            .toList();

    assertThat(schema("LeadCaptureEvent").getRequired())
        .containsExactlyInAnyOrderElementsOf(reportedMissing);
  }

  @Test
  void maximumLengthsAreTheParsersLimits() {
    assertThat(maxLengths("LeadCaptureEvent"))
        .containsEntry("event", LeadEventParser.MAX_ID_LENGTH)
        .containsEntry("timestamp", LeadEventParser.MAX_TIMESTAMP_LENGTH)
        .containsEntry("visitor_id", LeadEventParser.MAX_ID_LENGTH)
        .containsEntry("conversation_id", LeadEventParser.MAX_ID_LENGTH)
        .containsEntry("captured_email", LeadEventParser.MAX_EMAIL_LENGTH)
        .containsEntry("trigger_query", LeadEventParser.MAX_QUERY_LENGTH)
        .containsEntry("conversation_transcript_url", LeadEventParser.MAX_URL_LENGTH);
    assertThat(maxLengths("LeadMetadata"))
        .containsEntry("source_url", LeadEventParser.MAX_URL_LENGTH)
        .containsEntry("ip_address", LeadEventParser.MAX_IP_LENGTH)
        .containsEntry("user_agent", LeadEventParser.MAX_USER_AGENT_LENGTH);
  }

  /**
   * Schemathesis found a schema-valid {@code trigger_query} ({@code "\u001d"}) that the parser
   * refused as blank: the patterns of the required strings now say what blank means to the parser.
   */
  @Test
  void requiredStringPatternsRefuseExactlyWhatTheParserCallsBlank() {
    for (String field : List.of("event", "conversation_id", "captured_email", "trigger_query")) {
      String pattern = (String) schema("LeadCaptureEvent").getProperties().get(field).getPattern();
      assertThat(pattern).as(field).isNotNull();
      Pattern notBlank = Pattern.compile(pattern);
      for (char c = 0; c < Character.MIN_SURROGATE; c++) {
        String one = String.valueOf(c);
        assertThat(notBlank.matcher(one).find())
            .as("%s: U+%04X", field, (int) c)
            .isEqualTo(!one.isBlank());
      }
      assertThat(notBlank.matcher(" \t\u001d\u3000 ").find()).isFalse();
      assertThat(notBlank.matcher(" \u00a0 ").find()).isTrue();
      assertThat(notBlank.matcher("\uD83D\uDE00").find()).isTrue();
    }
  }

  @Test
  void everyStatusTheApiAnswersIsDescribed() {
    Operation post = api.getPaths().get(LeadCaptureController.PATH).getPost();
    List<String> problemStatuses =
        ProblemType.webhookTypes().stream()
            .map(type -> Integer.toString(type.status().value()))
            .distinct()
            .toList();

    assertThat(post.getResponses().keySet())
        .contains("202", "200")
        .containsAll(problemStatuses)
        .containsAll(List.of("400", "401", "404", "405", "413", "415", "422", "503"));
    assertThat(post.getResponses().get("503").getHeaders()).containsKey("Retry-After");
    assertThat(post.getParameters())
        .extracting(parameter -> parameter.getIn() + ":" + parameter.getName())
        .containsExactlyInAnyOrder(
            "header:webhook-id",
            "header:webhook-timestamp",
            "header:webhook-signature",
            "header:X-Signature-256");
  }

  @Test
  void problemBodyListsEveryProblemTypeAndTheFieldErrors() {
    Schema<?> problem = schema("Problem");

    assertThat(problem.getRequired()).contains("type", "title", "status", "detail");
    assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "errors");
    assertThat(problem.getProperties().get("type").getEnum())
        .map(Object::toString)
        .containsExactlyInAnyOrderElementsOf(
            ProblemType.webhookTypes().stream().map(type -> type.type().toString()).toList());
    assertThat(schema("FieldProblem").getRequired())
        .containsExactlyInAnyOrder(
            Arrays.stream(FieldProblem.class.getRecordComponents())
                .map(component -> component.getName())
                .toArray(String[]::new));
  }

  private static List<FieldProblem> problemsOf(String json) {
    try {
      new LeadEventParser().parse(json.getBytes(StandardCharsets.UTF_8));
      throw new AssertionError("expected " + json + " to be invalid");
    } catch (InvalidLeadException e) {
      return e.problems();
    }
  }

  private static Schema<?> schema(String name) {
    return api.getComponents().getSchemas().get(name);
  }

  private static Map<String, Integer> maxLengths(String schemaName) {
    Map<String, Schema> properties = schema(schemaName).getProperties();
    return properties.entrySet().stream()
        .filter(entry -> entry.getValue().getMaxLength() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getMaxLength()));
  }
}
