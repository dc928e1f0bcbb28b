package com.leadprocessor.worker;

import com.leadprocessor.workflow.LeadSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the namespace has every search attribute the workflow writes, with the right type,
 * before the worker polls. A workflow that upserts an attribute the namespace lacks fails its
 * workflow task over and over, so a worker that started anyway would accept every lead and finish
 * none. Spring Boot calls runners before it publishes the ready event, which is when the Temporal
 * starter starts the workers and readiness turns UP: a failed check stops start-up with both still
 * down. While Temporal cannot be reached the check waits and tries again.
 *
 * <p>Missing attributes are added when {@code leads.temporal.register-search-attributes} is true
 * (local servers); otherwise the message names each one with the command that adds it. An attribute
 * of the wrong type is never changed here: that needs an operator.
 */
@Component
class NamespaceSearchAttributes implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(NamespaceSearchAttributes.class);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final WorkflowServiceStubs workflowService;
  private final String namespace;
  private final boolean register;

  NamespaceSearchAttributes(
      WorkflowServiceStubs workflowService,
      @Value("${spring.temporal.namespace:default}") String namespace,
      @Value("${leads.temporal.register-search-attributes:false}") boolean register) {
    this.workflowService = workflowService;
    this.namespace = namespace;
    this.register = register;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(workflowService.getRawChannel())
                .validateAndBuildWithDefaults());
    Optional<Map<String, IndexedValueType>> present = listWhenReachable(operator);
    if (present.isEmpty()) {
      // Only the SDK's in-memory test server lacks the call; it accepts additions.
      log.warn("Temporal cannot list search attributes; the namespace check is skipped");
      if (register) {
        LeadSearchAttributes.ALL.forEach(key -> add(operator, key));
      }
      return;
    }
    Gaps gaps = Gaps.in(present.get());
    if (!gaps.wrongType().isEmpty() || (!gaps.missing().isEmpty() && !register)) {
      throw new UnservableNamespaceException(namespace, gaps.missing(), gaps.wrongType());
    }
    gaps.missing().forEach(key -> add(operator, key));
    log.info("Namespace {} has the lead search attributes {}", namespace, names());
  }

  /** What a namespace lacks: attributes that are not there, and those of another type. */
  record Gaps(List<SearchAttributeKey<?>> missing, List<String> wrongType) {

    static Gaps in(Map<String, IndexedValueType> present) {
      List<SearchAttributeKey<?>> missing = new ArrayList<>();
      List<String> wrongType = new ArrayList<>();
      for (var key : LeadSearchAttributes.ALL) {
        IndexedValueType type = present.get(key.getName());
        if (type == null) {
          missing.add(key);
        } else if (type != key.getValueType()) {
          wrongType.add(
              key.getName()
                  + " is "
                  + LeadSearchAttributes.typeName(type)
                  + ", expected "
                  + LeadSearchAttributes.typeName(key.getValueType()));
        }
      }
      return new Gaps(missing, wrongType);
    }
  }

  private Optional<Map<String, IndexedValueType>> listWhenReachable(OperatorServiceStubs operator)
      throws InterruptedException {
    Duration wait = Duration.ofMillis(250);
    while (true) {
      try {
        ListSearchAttributesResponse response =
            operator
                .blockingStub()
                .listSearchAttributes(
                    ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build());
        Map<String, IndexedValueType> all = new HashMap<>(response.getSystemAttributesMap());
        all.putAll(response.getCustomAttributesMap());
        return Optional.of(all);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
          return Optional.empty();
        }
        if (!isTransient(e.getStatus().getCode())) {
          throw e;
        }
        log.warn(
            "Cannot read the search attributes of namespace {} yet ({}); trying again in {} ms",
            namespace,
            e.getStatus().getCode(),
            wait.toMillis());
        Thread.sleep(wait.toMillis());
        wait = min(wait.multipliedBy(2), LONGEST_WAIT);
      }
    }
  }

  private void add(OperatorServiceStubs operator, SearchAttributeKey<?> key) {
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
          LeadSearchAttributes.typeName(key.getValueType()),
          namespace);
    } catch (StatusRuntimeException e) {
      // Another worker starting at the same moment may have added it first.
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean isTransient(Status.Code code) {
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
  }

  private static List<String> names() {
    return LeadSearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList();
  }
}
