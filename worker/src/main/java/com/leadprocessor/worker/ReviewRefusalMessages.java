package com.leadprocessor.worker;

import com.leadprocessor.codec.PlainFailureTypes;
import com.leadprocessor.workflow.ReviewRefusal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves the review Updates' refusal messages readable: the worker's validators write them, the Web
 * UI and the CLI show them to the reviewer as they are (neither decodes an Update's failure through
 * the codec server), and they quote no personal data ({@link ReviewRefusal}). Every other failure
 * stays sealed.
 */
@Configuration(proxyBeanMethods = false)
class ReviewRefusalMessages {

  @Bean
  PlainFailureTypes reviewRefusalFailureTypes() {
    return PlainFailureTypes.of(ReviewRefusal.failureTypes());
  }
}
