package com.leadprocessor.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Receives signed lead-capture webhooks and durably starts one {@code LeadWorkflow} per lead. This
 * process is a Temporal client only: it never polls a task queue.
 */
@SpringBootApplication
public class WebhookApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebhookApiApplication.class, args);
  }
}
