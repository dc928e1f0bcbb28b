package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Without a configured token the review endpoints do not exist: 404, like any unknown path. */
@WebMvcTest({LeadReviewController.class, BulkRetryController.class})
@TestPropertySource(properties = "leads.review.api-tokens=")
class ReviewApiDisabledTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @MockitoBean LeadDirectory directory;

  @Test
  void reviewEndpointsAre404ProblemsWhenNoTokenIsConfigured() throws Exception {
    for (var request :
        java.util.List.of(
            get("/leads"),
            get("/leads/lead-conv-1"),
            post("/leads/lead-conv-1/retry"),
            post("/leads/retry").contentType(MediaType.APPLICATION_JSON).content("{}"),
            get("/leads/retry-jobs/retry-1"))) {
      mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer anything-at-all-123456"))
          .andExpect(status().isNotFound())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("https://lead-processor.dev/problems/not-found"));
    }
    verifyNoInteractions(directory);
  }

  @Test
  void noReviewControllerIsRegistered() {
    assertThat(context.getBeansOfType(LeadReviewController.class)).isEmpty();
    assertThat(context.getBeansOfType(BulkRetryController.class)).isEmpty();
  }
}
