package com.leadprocessor.worker;

import com.leadprocessor.codec.PlainFailureTypes;
import com.leadprocessor.workflow.ReviewRefusal;
import com.leadprocessor.workflow.claim.ClaimRefusal;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Leaves the review Updates' and the alert actions' refusal messages readable: the worker's
 * validators write them, the Web UI and the CLI show them to the reviewer as they are (neither
 * decodes an Update's failure through the codec server), the Slack interactivity endpoint shows a
 * claim's refusal to the salesperson who clicked, and they quote no personal data ({@link
 * ReviewRefusal}, {@link ClaimRefusal}: a lead's id and status, a claimer's Slack mention). Every
 * other failure stays sealed.
 */
@Configuration(proxyBeanMethods = false)
class ReviewRefusalMessages {

  @Bean
  PlainFailureTypes reviewRefusalFailureTypes() {
    Set<String> types = new HashSet<>(ReviewRefusal.failureTypes());
    types.addAll(ClaimRefusal.failureTypes());
    return PlainFailureTypes.of(types);
  }
}
