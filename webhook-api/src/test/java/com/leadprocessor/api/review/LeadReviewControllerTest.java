package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.workflow.LeadCorrection;
import com.leadprocessor.workflow.LeadDecision;
import com.leadprocessor.workflow.LeadState;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import com.leadprocessor.workflow.RetryRequest;
import com.leadprocessor.workflow.ReviewNote;
import com.leadprocessor.workflow.ReviewRefusal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest({LeadReviewController.class, BulkRetryController.class})
@TestPropertySource(
    properties =
        "leads.review.api-tokens="
            + LeadReviewControllerTest.OLD_TOKEN
            + ","
            + LeadReviewControllerTest.TOKEN)
class LeadReviewControllerTest {

  static final String OLD_TOKEN = "old-review-token-0123456789";
  static final String TOKEN = "new-review-token-9876543210";
  static final String PROBLEMS = "https://lead-processor.dev/problems/";
  static final String ID = "lead-conv-12345";

  @Autowired MockMvc mvc;
  @MockitoBean LeadDirectory directory;

  static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN);
  }

  static MockHttpServletRequestBuilder postJson(String path, String body) {
    return authorized(post(path)).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static ResultActions expectProblem(ResultActions result, int status, String type)
      throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(PROBLEMS + type))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").isNotEmpty());
  }

  static LeadView inReview(String workflowId) {
    return lead(
        workflowId,
        new LeadState(
            LeadStatus.NEEDS_REVIEW,
            LeadStep.SALESFORCE,
            LeadStep.SALESFORCE,
            "REQUIRED_FIELD_MISSING: Required fields are missing: [Company]",
            "enterprise+api",
            null,
            null,
            "#dev-sales",
            null,
            null,
            null));
  }

  static LeadView lead(String workflowId, LeadState state) {
    return new LeadView(
        workflowId,
        "run-1",
        "RUNNING",
        Instant.parse("2023-10-27T10:00:01Z"),
        null,
        "Lead conv-12345 · potential.lead@example.com · \"Does your API…\"",
        state == null ? "NEEDS_REVIEW" : state.status().name(),
        "SALESFORCE",
        "enterprise+api",
        state,
        state == null ? "The state query could not be answered (is a worker running?)" : null,
        "**Status:** NEEDS_REVIEW\n\n**Failed step:** SALESFORCE");
  }

  static LeadView completed(String workflowId) {
    return lead(
        workflowId,
        new LeadState(
            LeadStatus.COMPLETED,
            null,
            null,
            null,
            "enterprise+api",
            "00Q1",
            "https://sf.example/00Q1",
            "C1",
            "1700000000.0001",
            null,
            null));
  }

  @Nested
  class Authentication {

    @Test
    void missingTokenIs401WithBearerChallengeAndReachesNothing() throws Exception {
      expectProblem(mvc.perform(get("/leads")), 401, "unauthorized")
          .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lead-review\""));
      verifyNoInteractions(directory);
    }

    @Test
    void wrongTokenIs401WithInvalidTokenChallenge() throws Exception {
      expectProblem(
              mvc.perform(
                  get("/leads/" + ID).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")),
              401,
              "unauthorized")
          .andExpect(
              header()
                  .string(
                      HttpHeaders.WWW_AUTHENTICATE,
                      "Bearer realm=\"lead-review\", error=\"invalid_token\""))
          .andExpect(
              jsonPath("$.detail").value("The bearer token is not a valid review API token."));
      verifyNoInteractions(directory);
    }

    @Test
    void otherSchemeIs401() throws Exception {
      expectProblem(
          mvc.perform(get("/leads").header(HttpHeaders.AUTHORIZATION, "Basic " + TOKEN)),
          401,
          "unauthorized");
    }

    @Test
    void authenticationComesBeforeValidation() throws Exception {
      expectProblem(mvc.perform(get("/leads?status=BOGUS")), 401, "unauthorized");
      expectProblem(mvc.perform(post("/leads/retry")), 401, "unauthorized");
    }

    @Test
    void bothTokensWorkDuringRotation() throws Exception {
      given(directory.find(ID)).willReturn(Optional.of(inReview(ID)));

      mvc.perform(get("/leads/" + ID).header(HttpHeaders.AUTHORIZATION, "Bearer " + OLD_TOKEN))
          .andExpect(status().isOk());
      mvc.perform(get("/leads/" + ID).header(HttpHeaders.AUTHORIZATION, "bearer " + TOKEN))
          .andExpect(status().isOk());
    }

    @Test
    void bulkRetryRecordsWhichTokenAsked() throws Exception {
      mvc.perform(
              post("/leads/retry")
                  .header(HttpHeaders.AUTHORIZATION, "Bearer " + OLD_TOKEN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"failedStep\": \"SLACK\"}"))
          .andExpect(status().isAccepted());

      ArgumentCaptor<BulkRetry> retry = ArgumentCaptor.forClass(BulkRetry.class);
      verify(directory).startBulkRetry(retry.capture());
      assertThat(retry.getValue().identity()).isEqualTo("webhook-api review API (review token #1)");
    }
  }

  @Nested
  class ListLeads {

    @Test
    void listsLeadsInReviewAtAStepWithTheExactVisibilityQuery() throws Exception {
      LeadListItem item =
          new LeadListItem(
              ID,
              "run-1",
              "RUNNING",
              "NEEDS_REVIEW",
              "SALESFORCE",
              "enterprise+api",
              Instant.parse("2023-10-27T10:00:01Z"),
              "Lead conv-12345 · potential.lead@example.com · \"Does your API…\"");
      given(directory.list(anyString(), anyInt(), any()))
          .willReturn(new LeadPage(List.of(item), "page-2".getBytes(StandardCharsets.UTF_8)));

      mvc.perform(authorized(get("/leads?status=NEEDS_REVIEW&failedStep=SALESFORCE&pageSize=20")))
          .andExpect(status().isOk())
          .andExpect(
              jsonPath("$.query")
                  .value(
                      "WorkflowType=\"LeadWorkflow\" AND LeadStatus=\"NEEDS_REVIEW\" AND"
                          + " LeadFailedStep=\"SALESFORCE\""))
          .andExpect(jsonPath("$.leads[0].workflowId").value(ID))
          .andExpect(jsonPath("$.leads[0].status").value("NEEDS_REVIEW"))
          .andExpect(jsonPath("$.leads[0].failedStep").value("SALESFORCE"))
          .andExpect(jsonPath("$.leads[0].route").value("enterprise+api"))
          .andExpect(jsonPath("$.leads[0].startTime").value("2023-10-27T10:00:01Z"))
          .andExpect(jsonPath("$.leads[0].summary").value(item.summary()))
          .andExpect(jsonPath("$.nextPageToken").value("cGFnZS0y"));

      verify(directory)
          .list(
              eq(
                  "WorkflowType=\"LeadWorkflow\" AND LeadStatus=\"NEEDS_REVIEW\" AND"
                      + " LeadFailedStep=\"SALESFORCE\""),
              eq(20),
              eq(new byte[0]));
    }

    @Test
    void statusDefaultsToNeedsReviewAndPageSizeTo50() throws Exception {
      given(directory.list(anyString(), anyInt(), any()))
          .willReturn(new LeadPage(List.of(), new byte[0]));

      mvc.perform(authorized(get("/leads")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.leads").isEmpty())
          .andExpect(jsonPath("$.nextPageToken").doesNotExist());

      verify(directory)
          .list(eq("WorkflowType=\"LeadWorkflow\" AND LeadStatus=\"NEEDS_REVIEW\""), eq(50), any());
    }

    @Test
    void statusIsCaseInsensitiveButTheQueryUsesTheEnumName() throws Exception {
      given(directory.list(anyString(), anyInt(), any()))
          .willReturn(new LeadPage(List.of(), new byte[0]));

      mvc.perform(authorized(get("/leads?status=completed"))).andExpect(status().isOk());

      verify(directory)
          .list(eq("WorkflowType=\"LeadWorkflow\" AND LeadStatus=\"COMPLETED\""), eq(50), any());
    }

    @Test
    void nextPageTokenIsPassedBackAsTheRawBytes() throws Exception {
      given(directory.list(anyString(), anyInt(), any()))
          .willReturn(new LeadPage(List.of(), new byte[0]));

      mvc.perform(authorized(get("/leads?nextPageToken=cGFnZS0y"))).andExpect(status().isOk());

      verify(directory).list(anyString(), eq(50), eq("page-2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badStatusIs422NamingTheValue() throws Exception {
      expectProblem(mvc.perform(authorized(get("/leads?status=STUCK"))), 422, "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("status"))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      org.hamcrest.Matchers.startsWith(
                          "status 'STUCK' is not one of RECEIVED, VERIFYING")));
      verifyNoInteractions(directory);
    }

    @Test
    void queryInjectionIsRefusedAndNeverEchoed() throws Exception {
      String injection = "NEEDS_REVIEW\" OR WorkflowType=\"Other";

      expectProblem(
              mvc.perform(authorized(get("/leads").queryParam("status", injection))),
              422,
              "invalid-parameter")
          .andExpect(
              jsonPath("$.detail")
                  .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Other"))));
      verifyNoInteractions(directory);
    }

    @Test
    void badFailedStepIs422NamingTheValue() throws Exception {
      expectProblem(
              mvc.perform(authorized(get("/leads?failedStep=HUBSPOT"))), 422, "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("failedStep"))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "failedStep 'HUBSPOT' is not one of VERIFY, ROUTE, ENRICH, SALESFORCE,"
                          + " SLACK."));
      verifyNoInteractions(directory);
    }

    @Test
    void badPageSizeAndPageTokenAre422() throws Exception {
      expectProblem(mvc.perform(authorized(get("/leads?pageSize=0"))), 422, "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("pageSize"));
      expectProblem(mvc.perform(authorized(get("/leads?pageSize=x"))), 422, "invalid-parameter");
      expectProblem(mvc.perform(authorized(get("/leads?pageSize=101"))), 422, "invalid-parameter");
      expectProblem(
              mvc.perform(authorized(get("/leads?nextPageToken=%%%"))), 422, "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("nextPageToken"));
      verifyNoInteractions(directory);
    }

    @Test
    void temporalDownIs503WithRetryAfter() throws Exception {
      given(directory.list(anyString(), anyInt(), any()))
          .willThrow(new ReviewUnavailableException("list leads", Duration.ofSeconds(5), null));

      expectProblem(mvc.perform(authorized(get("/leads"))), 503, "temporal-unavailable")
          .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
    }
  }

  @Nested
  class ShowLead {

    @Test
    void showsTheFailedStepErrorAndDetailsFromTheStateQuery() throws Exception {
      given(directory.find(ID)).willReturn(Optional.of(inReview(ID)));

      mvc.perform(authorized(get("/leads/" + ID)))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
          .andExpect(jsonPath("$.workflowId").value(ID))
          .andExpect(jsonPath("$.execution").value("RUNNING"))
          .andExpect(jsonPath("$.status").value("NEEDS_REVIEW"))
          .andExpect(jsonPath("$.currentStep").value("SALESFORCE"))
          .andExpect(jsonPath("$.failedStep").value("SALESFORCE"))
          .andExpect(
              jsonPath("$.lastError")
                  .value("REQUIRED_FIELD_MISSING: Required fields are missing: [Company]"))
          .andExpect(jsonPath("$.route").value("enterprise+api"))
          .andExpect(jsonPath("$.slackChannel").value("#dev-sales"))
          .andExpect(
              jsonPath("$.summary").value(org.hamcrest.Matchers.startsWith("Lead conv-12345")))
          .andExpect(
              jsonPath("$.currentDetails")
                  .value(org.hamcrest.Matchers.containsString("**Failed step:** SALESFORCE")))
          .andExpect(jsonPath("$.stateSource").value("query"));
    }

    @Test
    void completedLeadShowsItsCrmRecordAndSlackMessage() throws Exception {
      given(directory.find(ID)).willReturn(Optional.of(completed(ID)));

      mvc.perform(authorized(get("/leads/" + ID)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("COMPLETED"))
          .andExpect(jsonPath("$.crmLeadId").value("00Q1"))
          .andExpect(jsonPath("$.crmLeadUrl").value("https://sf.example/00Q1"))
          .andExpect(jsonPath("$.slackMessageTs").value("1700000000.0001"));
    }

    @Test
    void withoutAWorkerTheSearchAttributesStandIn() throws Exception {
      given(directory.find(ID)).willReturn(Optional.of(lead(ID, null)));

      mvc.perform(authorized(get("/leads/" + ID)))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("NEEDS_REVIEW"))
          .andExpect(jsonPath("$.failedStep").value("SALESFORCE"))
          .andExpect(jsonPath("$.stateSource").value("search-attributes"))
          .andExpect(jsonPath("$.stateError").isNotEmpty());
    }

    @Test
    void unknownLeadIs404() throws Exception {
      given(directory.find("lead-nope")).willReturn(Optional.empty());

      expectProblem(mvc.perform(authorized(get("/leads/lead-nope"))), 404, "not-found")
          .andExpect(jsonPath("$.workflowId").value("lead-nope"));
    }

    @Test
    void idWithForbiddenCharactersIs422() throws Exception {
      expectProblem(
              mvc.perform(authorized(get("/leads/{id}", "lead-a\"b c"))), 422, "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("workflowId"));
      expectProblem(
          mvc.perform(authorized(get("/leads/{id}", "x".repeat(201)))), 422, "invalid-parameter");
      verifyNoInteractions(directory);
    }
  }

  @Nested
  class Decisions {

    static final String REVIEWER = "review token #2";

    static LeadState retried() {
      return new LeadState(
          LeadStatus.CREATING_CRM_LEAD,
          LeadStep.SALESFORCE,
          null,
          "permanent error (INVALID_LEAD_DATA): REQUIRED_FIELD_MISSING",
          "enterprise+api",
          null,
          null,
          "#sales-emea",
          null,
          new LeadDecision("RETRY", LeadStep.SALESFORCE, REVIEWER, "Company added", "update"),
          null);
    }

    @Test
    void retryOfALeadInReviewIsOneUpdateAnswering200WithTheNewStateAndTheReviewer()
        throws Exception {
      given(directory.decide(eq(ID), any())).willReturn(retried());

      mvc.perform(
              postJson(
                  "/leads/" + ID + "/retry",
                  """
                  {"reason": " Company added ",
                   "correction": {"company": "Acme Corp", "capturedEmail": "a@acme.example",
                                  "slackChannel": "#sales-emea", "salesforceOwnerId": "005X"}}
                  """))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.workflowId").value(ID))
          .andExpect(jsonPath("$.decision").value("retry"))
          .andExpect(jsonPath("$.decidedBy").value(REVIEWER))
          .andExpect(jsonPath("$.state.status").value("CREATING_CRM_LEAD"))
          .andExpect(jsonPath("$.state.lastDecision.decidedBy").value(REVIEWER))
          .andExpect(jsonPath("$.state.lastDecision.reason").value("Company added"));

      verify(directory)
          .decide(
              ID,
              ReviewUpdate.retry(
                  new RetryRequest(
                      "Company added",
                      new LeadCorrection("a@acme.example", "Acme Corp", "#sales-emea", "005X"),
                      REVIEWER)));
      verify(directory, never()).find(anyString());
    }

    @Test
    void retryWithoutABodyRerunsTheStepAsItWas() throws Exception {
      given(directory.decide(eq(ID), any())).willReturn(retried());

      mvc.perform(authorized(post("/leads/" + ID + "/retry"))).andExpect(status().isOk());

      verify(directory).decide(ID, ReviewUpdate.retry(new RetryRequest(null, null, REVIEWER)));
    }

    @Test
    void skipAndDiscardCarryTheReasonAndTheReviewer() throws Exception {
      given(directory.decide(eq(ID), any())).willReturn(retried());

      mvc.perform(postJson("/leads/" + ID + "/skip", "{\"reason\": \"already in CRM\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.decision").value("skip"));
      mvc.perform(postJson("/leads/" + ID + "/discard", "{\"reason\": \"spam\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.decision").value("discard"));

      verify(directory).decide(ID, ReviewUpdate.skip(new ReviewNote("already in CRM", REVIEWER)));
      verify(directory).decide(ID, ReviewUpdate.discard(new ReviewNote("spam", REVIEWER)));
    }

    @Test
    void leadNotInReviewIs409WithTheLeadsOwnWords() throws Exception {
      String refusal = "Lead " + ID + " is ALERTING, not waiting for review; nothing was decided.";
      given(directory.decide(eq(ID), any()))
          .willThrow(new LeadNotInReviewException(ID, null, refusal));

      expectProblem(
              mvc.perform(authorized(post("/leads/" + ID + "/retry"))), 409, "lead-not-in-review")
          .andExpect(jsonPath("$.detail").value(refusal))
          .andExpect(jsonPath("$.workflowId").value(ID));
    }

    @Test
    void closedLeadIs409NamingItsStatus() throws Exception {
      given(directory.decide(eq(ID), any()))
          .willThrow(new LeadNotInReviewException(ID, LeadStatus.COMPLETED));

      expectProblem(
              mvc.perform(authorized(post("/leads/" + ID + "/discard"))), 409, "lead-not-in-review")
          .andExpect(jsonPath("$.leadStatus").value("COMPLETED"))
          .andExpect(
              jsonPath("$.detail")
                  .value("Lead " + ID + " is COMPLETED, not NEEDS_REVIEW; nothing was decided."));
    }

    @Test
    void decisionTheValidatorRefusesIs409WithItsMessage() throws Exception {
      String refusal =
          "correction.capturedEmail is refused: invalid email syntax: IP-literal domains are"
              + " not accepted.";
      given(directory.decide(eq(ID), any()))
          .willThrow(new DecisionRefusedException(ID, ReviewRefusal.INVALID_CORRECTION, refusal));

      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/" + ID + "/retry",
                      "{\"correction\": {\"capturedEmail\": \"a@[203.0.113.1]\"}}")),
              409,
              "decision-refused")
          .andExpect(jsonPath("$.detail").value(refusal))
          .andExpect(jsonPath("$.refusal").value("INVALID_CORRECTION"));
    }

    @Test
    void unknownLeadIs404() throws Exception {
      given(directory.decide(eq(ID), any())).willThrow(new LeadNotFoundException(ID));

      expectProblem(mvc.perform(authorized(post("/leads/" + ID + "/skip"))), 404, "not-found");
    }

    @Test
    void invalidCorrectionIs422NamingTheField() throws Exception {
      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/" + ID + "/retry",
                      "{\"correction\": {\"capturedEmail\": \"not an email\"}}")),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("correction.capturedEmail"));
      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/" + ID + "/skip", "{\"reason\": \"" + "x".repeat(1_001) + "\"}")),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("reason"));
      verifyNoInteractions(directory);
    }

    @Test
    void blankFieldsCountAsAbsentAndValuesAreStripped() throws Exception {
      given(directory.decide(eq(ID), any())).willReturn(retried());

      mvc.perform(
              postJson(
                  "/leads/" + ID + "/retry",
                  """
                  {"reason": "   ",
                   "correction": {"capturedEmail": " a@acme.example\\t", "company": " ",
                                  "slackChannel": "\\n#sales ", "salesforceOwnerId": ""}}
                  """))
          .andExpect(status().isOk());

      verify(directory)
          .decide(
              ID,
              ReviewUpdate.retry(
                  new RetryRequest(
                      null, new LeadCorrection("a@acme.example", null, "#sales", null), REVIEWER)));
    }

    @Test
    void everyBodyFieldIsNamedWithWhatIsWrong() throws Exception {
      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/" + ID + "/retry",
                      "{\"correction\": {\"slackChannel\": \"#dev sales\"}}")),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("correction.slackChannel"))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "correction.slackChannel must be a channel name such as #dev-sales or a"
                          + " channel id."));
      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/" + ID + "/retry",
                      "{\"correction\": {\"company\": \"" + "c".repeat(321) + "\"}}")),
              422,
              "invalid-parameter")
          .andExpect(
              jsonPath("$.detail").value("correction.company must be at most 320 characters."));
      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/" + ID + "/discard", "{\"reason\": \"" + "x".repeat(1_001) + "\"}")),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.detail").value("reason must be at most 1000 characters."));
      verifyNoInteractions(directory);
    }

    @Test
    void ofSeveralInvalidFieldsTheFirstIsNamedAndLengthComesBeforeForm() throws Exception {
      String body =
          "{\"correction\": {\"salesforceOwnerId\": \""
              + "o".repeat(321)
              + "\", \"capturedEmail\": \""
              + "e".repeat(321)
              + "\"}, \"reason\": \""
              + "r".repeat(1_001)
              + "\"}";

      for (int i = 0; i < 5; i++) {
        expectProblem(
                mvc.perform(postJson("/leads/" + ID + "/retry", body)), 422, "invalid-parameter")
            .andExpect(jsonPath("$.parameter").value("reason"));
      }
      expectProblem(
              mvc.perform(
                  postJson("/leads/" + ID + "/retry", body.replace("r".repeat(1_001), "ok"))),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("correction.capturedEmail"))
          .andExpect(
              jsonPath("$.detail")
                  .value("correction.capturedEmail must be at most 320 characters."));
      verifyNoInteractions(directory);
    }

    @Test
    void malformedBodyIs400NotA500() throws Exception {
      expectProblem(
          mvc.perform(postJson("/leads/" + ID + "/retry", "{\"reason\": ")), 400, "bad-request");
      verifyNoInteractions(directory);
    }

    @Test
    void getOnASignalPathIs405() throws Exception {
      expectProblem(
          mvc.perform(authorized(get("/leads/" + ID + "/retry"))), 405, "method-not-allowed");
    }
  }

  @Nested
  class BulkRecovery {

    @Test
    void startsOneBatchSignalForTheLeadsInReviewAtTheStep() throws Exception {
      mvc.perform(
              postJson(
                  "/leads/retry",
                  "{\"failedStep\": \"SALESFORCE\", \"reason\": \"Salesforce is back\"}"))
          .andExpect(status().isAccepted())
          .andExpect(
              jsonPath("$.query")
                  .value(
                      "WorkflowType=\"LeadWorkflow\" AND ExecutionStatus=\"Running\" AND"
                          + " LeadStatus=\"NEEDS_REVIEW\" AND LeadFailedStep=\"SALESFORCE\""))
          .andExpect(jsonPath("$.reason").value("Salesforce is back"))
          .andExpect(
              jsonPath("$.jobId").value(org.hamcrest.Matchers.startsWith("retry-salesforce-")));

      ArgumentCaptor<BulkRetry> retry = ArgumentCaptor.forClass(BulkRetry.class);
      verify(directory).startBulkRetry(retry.capture());
      assertThat(retry.getValue().query())
          .isEqualTo(
              "WorkflowType=\"LeadWorkflow\" AND ExecutionStatus=\"Running\" AND"
                  + " LeadStatus=\"NEEDS_REVIEW\" AND LeadFailedStep=\"SALESFORCE\"");
      assertThat(retry.getValue().reason()).isEqualTo("Salesforce is back");
      assertThat(retry.getValue().jobId()).matches("retry-salesforce-[0-9a-f-]{36}");
      assertThat(retry.getValue().identity()).isEqualTo("webhook-api review API (review token #2)");
    }

    @Test
    void answerNamesTheJobAndWhereToFollowIt() throws Exception {
      String location =
          mvc.perform(postJson("/leads/retry", "{\"failedStep\": \"slack\"}"))
              .andExpect(status().isAccepted())
              .andReturn()
              .getResponse()
              .getHeader(HttpHeaders.LOCATION);

      ArgumentCaptor<BulkRetry> retry = ArgumentCaptor.forClass(BulkRetry.class);
      verify(directory).startBulkRetry(retry.capture());
      assertThat(location).isEqualTo("/leads/retry-jobs/" + retry.getValue().jobId());
      assertThat(retry.getValue().reason())
          .isEqualTo("Bulk retry of leads in review at SLACK by review token #2");
    }

    @Test
    void failedStepIsRequired() throws Exception {
      expectProblem(
              mvc.perform(postJson("/leads/retry", "{\"reason\": \"back\"}")),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("failedStep"))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "failedStep is required; one of VERIFY, ROUTE, ENRICH, SALESFORCE, SLACK."));
      expectProblem(
          mvc.perform(postJson("/leads/retry", "{\"failedStep\": \"CRM\"}")),
          422,
          "invalid-parameter");
      verifyNoInteractions(directory);
    }

    @Test
    void overlongReasonIs422() throws Exception {
      expectProblem(
              mvc.perform(
                  postJson(
                      "/leads/retry",
                      "{\"failedStep\": \"SLACK\", \"reason\": \"" + "x".repeat(1_001) + "\"}")),
              422,
              "invalid-parameter")
          .andExpect(jsonPath("$.parameter").value("reason"))
          .andExpect(jsonPath("$.detail").value("reason must be at most 1000 characters."));
      verifyNoInteractions(directory);
    }

    @Test
    void reportsTheProgressOfAJob() throws Exception {
      given(directory.bulkRetryProgress("retry-salesforce-1"))
          .willReturn(
              Optional.of(
                  new BulkRetryProgress(
                      "retry-salesforce-1",
                      "SIGNAL",
                      "RUNNING",
                      "LeadStatus=\"NEEDS_REVIEW\"",
                      "Salesforce is back",
                      "webhook-api review API (review token #2)",
                      Instant.parse("2023-10-27T11:00:00Z"),
                      null,
                      20,
                      12,
                      0)));

      mvc.perform(authorized(get("/leads/retry-jobs/retry-salesforce-1")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.state").value("RUNNING"))
          .andExpect(jsonPath("$.operation").value("SIGNAL"))
          .andExpect(jsonPath("$.total").value(20))
          .andExpect(jsonPath("$.completed").value(12))
          .andExpect(jsonPath("$.failed").value(0));
    }

    @Test
    void unknownJobIs404() throws Exception {
      given(directory.bulkRetryProgress("retry-x")).willReturn(Optional.empty());

      expectProblem(mvc.perform(authorized(get("/leads/retry-jobs/retry-x"))), 404, "not-found");
    }

    @Test
    void badJobIdIs422() throws Exception {
      expectProblem(
          mvc.perform(authorized(get("/leads/retry-jobs/{id}", "a b"))), 422, "invalid-parameter");
    }
  }
}
