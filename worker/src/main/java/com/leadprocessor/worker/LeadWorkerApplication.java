package com.leadprocessor.worker;

import com.leadprocessor.connector.LeadActivitiesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Hosts {@code LeadWorkflow} and its activities on the lead task queue. Run as many of these as the
 * load needs; they share nothing but Temporal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(LeadActivitiesConfiguration.class)
public class LeadWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(LeadWorkerApplication.class, args);
  }
}
