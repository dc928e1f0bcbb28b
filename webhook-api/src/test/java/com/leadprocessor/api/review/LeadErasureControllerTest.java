package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.api.erasure.EmailHash;
import com.leadprocessor.api.erasure.ErasureConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LeadErasureController.class)
@Import(ErasureConfiguration.class)
@TestPropertySource(properties = "leads.review.api-tokens=" + LeadErasureControllerTest.TOKEN)
@ExtendWith(OutputCaptureExtension.class)
class LeadErasureControllerTest {

  static final String TOKEN = "erasure-review-token-0123456789";
  static final String EMAIL = "Jane.Roe@Example.org";

  @Autowired MockMvc mvc;
  @Autowired EmailHash emailHash;
  @MockitoBean LeadErasure erasure;

  @Test
  void erasureDeletesThePersonsLeadsAndReportsThemInTheAuditLog(CapturedOutput output)
      throws Exception {
    String hash = emailHash.of("jane.roe@example.org");
    given(erasure.erase(hash))
        .willReturn(
            new LeadErasure.Result(
                List.of(
                    new ErasedLead("lead-conv-1", "run-1", "COMPLETED", ErasedLead.BY_EMAIL_HASH),
                    new ErasedLead("lead-conv-2", "run-2", "RUNNING", ErasedLead.BY_START_INPUT)),
                7,
                true));

    mvc.perform(
            delete("/leads")
                .param("email", EMAIL)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.emailHash").value(hash))
        .andExpect(jsonPath("$.count").value(2))
        .andExpect(jsonPath("$.deleted[0].workflowId").value("lead-conv-1"))
        .andExpect(jsonPath("$.deleted[1].executionStatus").value("RUNNING"))
        .andExpect(jsonPath("$.deleted[1].foundBy").value("start input"))
        .andExpect(jsonPath("$.withoutEmailHash.scanned").value(7))
        .andExpect(jsonPath("$.withoutEmailHash.complete").value(true));

    assertThat(output.getOut())
        .contains(
            "Erasure: review token #1 deleted 2 lead workflow(s) with email hash "
                + hash
                + ": [lead-conv-1,lead-conv-2]; 7 lead(s) without the hash scanned (all)")
        .doesNotContain("Jane.Roe")
        .doesNotContain("jane.roe");
  }

  @Test
  void erasureWithoutATokenIsRefusedBeforeAnythingIsDeleted() throws Exception {
    mvc.perform(delete("/leads").param("email", EMAIL)).andExpect(status().isUnauthorized());

    verifyNoInteractions(erasure);
  }

  @Test
  void erasureWithoutAnEmailIsRefused() throws Exception {
    mvc.perform(delete("/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.parameter").value("email"));

    verifyNoInteractions(erasure);
  }
}
