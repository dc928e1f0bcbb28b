package com.leadprocessor.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.api.problem.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document describes {@code POST /slack/interactivity} as the code answers it: its
 * signature headers, its form body, and every status and problem type.
 */
class SlackInteractivityDocumentTest {

  private static OpenAPI api;

  @BeforeAll
  static void parse() throws IOException {
    String yaml = new ClassPathResource("openapi.yaml").getContentAsString(StandardCharsets.UTF_8);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    api = result.getOpenAPI();
  }

  @Test
  void describesTheSignedFormPostAndEveryAnswer() {
    Operation post = api.getPaths().get(SlackInteractivityController.PATH).getPost();

    assertThat(api.getPaths().get(SlackInteractivityController.PATH).readOperations()).hasSize(1);
    assertThat(post.getParameters())
        .extracting(parameter -> parameter.getIn() + ":" + parameter.getName())
        .containsExactlyInAnyOrder(
            "header:" + SlackRequestVerifier.TIMESTAMP_HEADER,
            "header:" + SlackRequestVerifier.SIGNATURE_HEADER);
    assertThat(post.getRequestBody().getContent())
        .containsOnlyKeys("application/x-www-form-urlencoded");
    assertThat(post.getResponses().keySet())
        .containsAll(
            ProblemType.slackInteractivityTypes().stream()
                .map(type -> Integer.toString(type.status().value()))
                .toList())
        .contains("200");
  }

  @Test
  void problemTypesAreExactlyThoseTheEndpointAnswers() {
    Schema<?> type =
        (Schema<?>)
            api.getComponents().getSchemas().get("SlackProblem").getProperties().get("type");

    assertThat(type.getEnum())
        .map(Object::toString)
        .containsExactlyInAnyOrderElementsOf(
            ProblemType.slackInteractivityTypes().stream()
                .map(problem -> problem.type().toString())
                .toList());
  }
}
