package com.leadprocessor.api.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without a signing secret the interactivity endpoint does not exist: 404, like any unknown path.
 */
@WebMvcTest(SlackInteractivityController.class)
@TestPropertySource(properties = "leads.slack.signing-secret=")
class SlackInteractivityDisabledTest {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;

  @Test
  void interactivityIsA404ProblemWhenNoSigningSecretIsConfigured() throws Exception {
    mvc.perform(
            post("/slack/interactivity")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Slack-Request-Timestamp", "1700000000")
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .content("payload=%7B%7D"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://lead-processor.dev/problems/not-found"));
  }

  @Test
  void noInteractivityControllerIsRegistered() {
    assertThat(context.getBeansOfType(SlackInteractivityController.class)).isEmpty();
  }
}
