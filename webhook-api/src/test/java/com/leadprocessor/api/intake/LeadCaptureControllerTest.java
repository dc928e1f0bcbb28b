package com.leadprocessor.api.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.api.TestEvents;
import com.leadprocessor.api.signature.TestSignatures;
import com.leadprocessor.api.start.LeadStart;
import com.leadprocessor.api.start.LeadStartUnavailableException;
import com.leadprocessor.api.start.LeadStarter;
import com.leadprocessor.workflow.LeadRequest;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(LeadCaptureController.class)
@Import({IntakeConfiguration.class, LeadCaptureControllerTest.FixedClock.class})
@TestPropertySource(
    properties = {
      "leads.webhook.secrets=" + LeadCaptureControllerTest.SECRET,
      "leads.webhook.max-body-size=2KB"
    })
class LeadCaptureControllerTest {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final Instant NOW = Instant.parse("2023-10-27T10:00:05Z");
  static final String PATH = "/webhooks/lead-capture";
  static final String PROBLEMS = "https://lead-processor.dev/problems/";
  static final String WORKFLOW_ID = "lead-conv-12345";

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean LeadStarter starter;

  static MockHttpServletRequestBuilder signed(String body) {
    return signedAt(body, NOW.getEpochSecond());
  }

  static MockHttpServletRequestBuilder signedAt(String body, long timestamp) {
    return post(PATH)
        .contentType(MediaType.APPLICATION_JSON)
        .header("webhook-id", "msg_1")
        .header("webhook-timestamp", timestamp)
        .header(
            "webhook-signature", TestSignatures.standardWebhooks(SECRET, "msg_1", timestamp, body))
        .content(body);
  }

  static ResultActions expectProblem(ResultActions result, int status, String type)
      throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(PROBLEMS + type))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").isNotEmpty())
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(jsonPath("$.trace").doesNotExist())
        .andExpect(jsonPath("$.exception").doesNotExist());
  }

  @Nested
  class Accepted {

    @Test
    void signedLeadIsStartedAndAnswered202WithItsWorkflowId() throws Exception {
      given(starter.start(any())).willReturn(LeadStart.started(WORKFLOW_ID));

      mvc.perform(signed(TestEvents.example()))
          .andExpect(status().isAccepted())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
          .andExpect(content().json("{\"workflowId\":\"lead-conv-12345\"}", true));

      ArgumentCaptor<LeadRequest> request = ArgumentCaptor.forClass(LeadRequest.class);
      verify(starter).start(request.capture());
      assertThat(request.getValue().deliveryId()).isEqualTo("msg_1");
      assertThat(request.getValue().receivedAt()).isEqualTo(NOW);
      assertThat(request.getValue().event().conversationId()).isEqualTo("conv-12345");
      assertThat(request.getValue().event().metadata().sourceUrl())
          .isEqualTo("/pricing/enterprise");
    }

    @Test
    void duplicateDeliveryIsAnswered200WithTheSameWorkflowId() throws Exception {
      given(starter.start(any())).willReturn(LeadStart.duplicate(WORKFLOW_ID));

      mvc.perform(signed(TestEvents.example()))
          .andExpect(status().isOk())
          .andExpect(
              content().json("{\"workflowId\":\"lead-conv-12345\",\"duplicate\":true}", true));
    }

    @Test
    void unknownFieldsArePassedThroughAsPlainValues() throws Exception {
      given(starter.start(any())).willReturn(LeadStart.started(WORKFLOW_ID));
      String body =
          TestEvents.example()
              .replace(
                  "\"metadata\": {",
                  "\"campaign\": {\"id\": 7, \"tags\": [\"a\", true, 1.5, null]},"
                      + " \"referrer\": null, \"metadata\": {\"locale\": \"de-DE\",");

      mvc.perform(signed(body)).andExpect(status().isAccepted());

      ArgumentCaptor<LeadRequest> request = ArgumentCaptor.forClass(LeadRequest.class);
      verify(starter).start(request.capture());
      assertThat(request.getValue().event().additionalFields())
          .containsOnlyKeys("campaign", "referrer")
          .containsEntry("referrer", null)
          .containsEntry(
              "campaign", Map.of("id", 7, "tags", java.util.Arrays.asList("a", true, 1.5, null)));
      assertThat(request.getValue().event().metadata().additionalFields())
          .isEqualTo(Map.of("locale", "de-DE"));
    }

    @Test
    void vendorJsonMediaTypeWithCharsetIsAccepted() throws Exception {
      given(starter.start(any())).willReturn(LeadStart.started(WORKFLOW_ID));

      mvc.perform(
              signed(TestEvents.example())
                  .contentType("application/vnd.chatbot.lead+json; charset=utf-8"))
          .andExpect(status().isAccepted());
    }
  }

  @Nested
  class Unauthorized {

    @Test
    void missingSignatureIsRejected() throws Exception {
      expectProblem(
              mvc.perform(
                  post(PATH).contentType(MediaType.APPLICATION_JSON).content(TestEvents.example())),
              401,
              "invalid-signature")
          .andExpect(jsonPath("$.title").value("Invalid webhook signature"))
          .andExpect(jsonPath("$.detail").value(containsString("carries no signature")));
      verifyNoInteractions(starter);
    }

    @Test
    void invalidSignatureIsRejected() throws Exception {
      String body = TestEvents.example();
      expectProblem(
              mvc.perform(signed(body).content(body.replace("conv-12345", "conv-99999"))),
              401,
              "invalid-signature")
          .andExpect(jsonPath("$.detail").value(containsString("no v1 signature that matches")));
      verifyNoInteractions(starter);
    }

    @Test
    void staleTimestampIsRejected() throws Exception {
      long sixMinutesAgo = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();

      expectProblem(
              mvc.perform(signedAt(TestEvents.example(), sixMinutesAgo)), 401, "invalid-signature")
          .andExpect(jsonPath("$.detail").value(containsString("stale")));
      verifyNoInteractions(starter);
    }

    @Test
    void signatureIsCheckedBeforeTheBodyIsParsed() throws Exception {
      expectProblem(
          mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{not json")),
          401,
          "invalid-signature");
    }
  }

  @Nested
  class BodySignature {

    @Test
    void xSignature256IsTheDefaultBodySignatureHeader() throws Exception {
      given(starter.start(any())).willReturn(LeadStart.started(WORKFLOW_ID));
      String body = TestEvents.example();

      mvc.perform(
              post(PATH)
                  .contentType(MediaType.APPLICATION_JSON)
                  .header("X-Signature-256", TestSignatures.signature256(SECRET, body))
                  .content(body))
          .andExpect(status().isAccepted());
    }

    @Test
    void gitHubStyleHeaderIsRefusedUnlessConfigured() throws Exception {
      String body = TestEvents.example();

      expectProblem(
              mvc.perform(
                  post(PATH)
                      .contentType(MediaType.APPLICATION_JSON)
                      .header("X-Hub-Signature-256", TestSignatures.signature256(SECRET, body))
                      .content(body)),
              401,
              "invalid-signature")
          .andExpect(jsonPath("$.detail").value(containsString("or X-Signature-256.")));
      verifyNoInteractions(starter);
    }
  }

  @Nested
  class BadBodies {

    @Test
    void malformedJsonIsRejected() throws Exception {
      expectProblem(mvc.perform(signed("{\"event\": ")), 400, "malformed-json")
          .andExpect(jsonPath("$.title").value("Malformed JSON"))
          .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
      verifyNoInteractions(starter);
    }

    @Test
    void standardWebhooksBodyThatIsNotUtf8IsMalformed() throws Exception {
      expectProblem(
              mvc.perform(
                  signed("{}")
                      .content(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'})),
              400,
              "malformed-json")
          .andExpect(
              jsonPath("$.detail").value("The body is not valid UTF-8; send JSON as UTF-8."));
      verifyNoInteractions(starter);
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() throws Exception {
      expectProblem(mvc.perform(signed("[1, 2]")), 400, "malformed-json")
          .andExpect(jsonPath("$.detail").value(containsString("expected a JSON object")));
    }

    @Test
    void duplicateKeysAreRejected() throws Exception {
      expectProblem(
          mvc.perform(signed("{\"event\": \"a\", \"event\": \"b\"}")), 400, "malformed-json");
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() throws Exception {
      String body =
          """
          {"event": "lead_capture_fallback", "timestamp": "yesterday", "captured_email": "  ",
           "trigger_query": 42, "conversation_transcript_url": "ftp://example.com/t",
           "metadata": {"source_url": 7}}
          """;

      expectProblem(mvc.perform(signed(body)), 422, "invalid-lead")
          .andExpect(jsonPath("$.title").value("Invalid lead event"))
          .andExpect(jsonPath("$.detail").value(containsString("6 fields")))
          .andExpect(
              content()
                  .json(
                      """
                      {"errors": [
                        {"field": "timestamp", "message": "must be an ISO-8601 date-time with an offset, e.g. 2023-10-27T10:00:00Z"},
                        {"field": "conversation_id", "message": "is required"},
                        {"field": "captured_email", "message": "must not be blank"},
                        {"field": "trigger_query", "message": "must be a string"},
                        {"field": "conversation_transcript_url", "message": "must be an absolute http or https URL"},
                        {"field": "metadata.source_url", "message": "must be a string"}
                      ]}
                      """));
      verifyNoInteractions(starter);
    }

    @Test
    void overlongFieldsAreRejected() throws Exception {
      String body = TestEvents.example().replace("conv-12345", "c".repeat(257));

      expectProblem(mvc.perform(signed(body)), 422, "invalid-lead")
          .andExpect(jsonPath("$.errors[0].field").value("conversation_id"))
          .andExpect(jsonPath("$.errors[0].message").value("must be at most 256 characters"));
    }
  }

  @Nested
  class TooLarge {

    static final String OVERSIZED = "{\"padding\": \"" + "x".repeat(3_000) + "\"}";

    @Test
    void bodyOverTheDeclaredLimitIsRejected() throws Exception {
      expectProblem(mvc.perform(signed(OVERSIZED)), 413, "payload-too-large")
          .andExpect(jsonPath("$.detail").value(containsString("2048 bytes")));
      verifyNoInteractions(starter);
    }

    @Test
    void chunkedBodyOverTheLimitIsRejected() throws Exception {
      expectProblem(
          mvc.perform(
              new ChunkedPost(PATH)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(OVERSIZED.getBytes(StandardCharsets.UTF_8))),
          413,
          "payload-too-large");
      verifyNoInteractions(starter);
    }

    /** A POST without {@code Content-Length}, as a chunked request arrives. */
    static final class ChunkedPost extends AbstractMockHttpServletRequestBuilder<ChunkedPost> {
      ChunkedPost(String path) {
        super(HttpMethod.POST);
        uri(path);
        header("Transfer-Encoding", "chunked");
      }

      @Override
      protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
        return new MockHttpServletRequest(servletContext) {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
      }
    }
  }

  @Nested
  class WrongRequests {

    @Test
    void wrongContentTypeIsRejected() throws Exception {
      expectProblem(
              mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content("hello")),
              415,
              "unsupported-media-type")
          .andExpect(jsonPath("$.detail").value(containsString("text/plain")));
    }

    @Test
    void missingContentTypeIsRejected() throws Exception {
      expectProblem(mvc.perform(post(PATH).content("{}")), 415, "unsupported-media-type")
          .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void wrongMethodIsRejectedWithAllow() throws Exception {
      expectProblem(mvc.perform(get(PATH)), 405, "method-not-allowed")
          .andExpect(header().string("Allow", "POST"))
          .andExpect(jsonPath("$.detail").value("Method GET is not supported here; use POST."));
      expectProblem(mvc.perform(put(PATH)), 405, "method-not-allowed");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
      expectProblem(mvc.perform(get("/webhooks/nothing-here")), 404, "not-found")
          .andExpect(jsonPath("$.detail").value(containsString("/webhooks/nothing-here")));
    }
  }

  @Nested
  class TemporalTrouble {

    @Test
    void unavailableTemporalIsAnswered503WithRetryAfter() throws Exception {
      given(starter.start(any()))
          .willThrow(
              new LeadStartUnavailableException(
                  "Temporal did not accept the start", Duration.ofMillis(4_200), null));

      expectProblem(mvc.perform(signed(TestEvents.example())), 503, "service-unavailable")
          .andExpect(header().string("Retry-After", "5"))
          .andExpect(jsonPath("$.detail").value(containsString("after 5 seconds")));
    }

    @Test
    void bugIsAnswered500WithoutItsMessage() throws Exception {
      given(starter.start(any())).willThrow(new IllegalStateException("secret internals"));

      expectProblem(mvc.perform(signed(TestEvents.example())), 500, "internal-error")
          .andExpect(content().string(org.hamcrest.Matchers.not(containsString("internals"))))
          .andExpect(
              content().string(org.hamcrest.Matchers.not(containsString("IllegalStateException"))));
    }
  }
}
