package com.leadprocessor.worker;

import com.leadprocessor.workflow.LeadSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the lead search attributes on the namespace at start-up, for local servers that have
 * none. Production namespaces get them from their set-up (see docker-compose.yml); this is off
 * unless {@code leads.temporal.register-search-attributes} is true.
 */
@Component
@ConditionalOnBooleanProperty("leads.temporal.register-search-attributes")
class SearchAttributeRegistration implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private final WorkflowServiceStubs workflowService;
  private final String namespace;

  SearchAttributeRegistration(
      WorkflowServiceStubs workflowService,
      @org.springframework.beans.factory.annotation.Value("${spring.temporal.namespace:default}")
          String namespace) {
    this.workflowService = workflowService;
    this.namespace = namespace;
  }

  @Override
  public void run(ApplicationArguments args) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(workflowService.getRawChannel())
                .validateAndBuildWithDefaults());
    for (var key : LeadSearchAttributes.ALL) {
      try {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putSearchAttributes(key.getName(), key.getValueType())
                    .build());
        log.info(
            "Registered search attribute {} ({}) on namespace {}",
            key.getName(),
            key.getValueType(),
            namespace);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
        log.debug("Search attribute {} already registered", key.getName());
      }
    }
  }
}
