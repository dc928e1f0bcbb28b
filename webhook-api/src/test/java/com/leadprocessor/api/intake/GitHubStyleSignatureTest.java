package com.leadprocessor.api.intake;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.api.TestEvents;
import com.leadprocessor.api.signature.TestSignatures;
import com.leadprocessor.api.start.LeadStart;
import com.leadprocessor.api.start.LeadStarter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A sender that signs the way GitHub does is accepted once the header name is configured. */
@WebMvcTest(LeadCaptureController.class)
@Import(IntakeConfiguration.class)
@TestPropertySource(
    properties = {
      "leads.webhook.secrets=" + GitHubStyleSignatureTest.SECRET,
      "leads.webhook.body-signature-header=X-Hub-Signature-256"
    })
class GitHubStyleSignatureTest {

  static final String SECRET = "a-plain-utf8-secret";

  @Autowired MockMvc mvc;
  @MockitoBean LeadStarter starter;

  static MockHttpServletRequestBuilder signedIn(String header) {
    String body = TestEvents.example();
    return post(LeadCaptureController.PATH)
        .contentType(MediaType.APPLICATION_JSON)
        .header(header, TestSignatures.signature256(SECRET, body))
        .content(body);
  }

  @Test
  void gitHubStyleDeliveryIsAccepted() throws Exception {
    given(starter.start(any())).willReturn(LeadStart.started("lead-conv-12345"));

    mvc.perform(signedIn("X-Hub-Signature-256"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.workflowId").value("lead-conv-12345"));
  }

  @Test
  void theDefaultHeaderIsNoLongerReadOnceAnotherIsConfigured() throws Exception {
    mvc.perform(signedIn("X-Signature-256"))
        .andExpect(status().isUnauthorized())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "The request carries no signature: send webhook-id,"
                        + " webhook-timestamp and webhook-signature (Standard Webhooks), or"
                        + " X-Hub-Signature-256."));
    verifyNoInteractions(starter);
  }
}
