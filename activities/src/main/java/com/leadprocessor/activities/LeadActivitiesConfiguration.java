package com.leadprocessor.activities;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Every activity implementation of this module with its configuration. A worker application
 * {@code @Import}s this class. Each property under {@code leads.} has a default, so a worker needs
 * no configuration for the activities beyond the {@code leads.task-queue} its workflows share.
 *
 * <p>The scan names this module's feature packages one by one rather than {@code
 * com.leadprocessor}, so importing it never picks up the application's own components or the
 * workflow module's classes.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
    basePackages = {
      "com.leadprocessor.activities",
      "com.leadprocessor.verification",
      "com.leadprocessor.routing",
      "com.leadprocessor.enrichment",
      "com.leadprocessor.salesforce",
      "com.leadprocessor.slack",
      "com.leadprocessor.review"
    })
@ConfigurationPropertiesScan(
    basePackages = {
      "com.leadprocessor.activities",
      "com.leadprocessor.verification",
      "com.leadprocessor.routing",
      "com.leadprocessor.enrichment",
      "com.leadprocessor.salesforce",
      "com.leadprocessor.slack",
      "com.leadprocessor.review"
    })
public class LeadActivitiesConfiguration {}
