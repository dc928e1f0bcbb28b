package com.leadprocessor.worker.observability;

import com.leadprocessor.observability.LeadLogContext;
import com.leadprocessor.workflow.LeadRequest;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackAlertActivities;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.Header;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries two facts of a lead from its workflow input to every activity it schedules, as activity
 * headers, without touching the workflow code: its conversation id, which the activity side puts in
 * the logging MDC next to the SDK's own {@code WorkflowId}, and when the webhook API received it,
 * from which the Slack step's success records {@value #ALERT_LATENCY}.
 *
 * <p>The workflow side only reads its own input and adds headers, so it stays deterministic, and
 * headers are not part of what replay compares: histories recorded without them replay unchanged.
 */
public class LeadContextWorkerInterceptor extends WorkerInterceptorBase {

  /** Webhook received to Slack alert posted. */
  public static final String ALERT_LATENCY = "leads.alert.latency";

  static final String CONVERSATION_ID_HEADER = "lead-conversation-id";
  static final String RECEIVED_AT_HEADER = "lead-received-at";

  /** The {@code route} tag of a lead without a routing rule (a reviewer skipped routing). */
  static final String UNROUTED = "unrouted";

  private final MeterRegistry registry;
  private final Clock clock;

  public LeadContextWorkerInterceptor(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * The alert latency of one route, tagged with the routing rule's name: a handful of configured
   * names, never personal data.
   */
  private Timer alertLatency(String route) {
    return Timer.builder(ALERT_LATENCY)
        .description("Time from the webhook API receiving a lead to its Slack alert posted")
        .tag("route", route)
        .register(registry);
  }

  private static String routeOf(ActivityInboundCallsInterceptor.ActivityInput input) {
    Object[] arguments = input.getArguments();
    if (arguments.length > 0
        && arguments[0] instanceof LeadAlert alert
        && alert.route() != null
        && alert.route().rule() != null) {
      return alert.route().rule();
    }
    return UNROUTED;
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new LeadWorkflowInbound(next);
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new LeadActivityInbound(next);
  }

  /** Remembers the lead's input so that the outbound side can put it in activity headers. */
  private static final class LeadWorkflowInbound extends WorkflowInboundCallsInterceptorBase {

    private final Map<String, Payload> leadHeaders = new HashMap<>();

    LeadWorkflowInbound(WorkflowInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
      super.init(new LeadWorkflowOutbound(outboundCalls, leadHeaders));
    }

    @Override
    public WorkflowOutput execute(WorkflowInput input) {
      Object[] arguments = input.getArguments();
      if (arguments.length > 0 && arguments[0] instanceof LeadRequest request) {
        if (request.event() != null && request.event().conversationId() != null) {
          leadHeaders.put(CONVERSATION_ID_HEADER, payload(request.event().conversationId()));
        }
        if (request.receivedAt() != null) {
          leadHeaders.put(RECEIVED_AT_HEADER, payload(request.receivedAt().toString()));
        }
      }
      return super.execute(input);
    }
  }

  private static final class LeadWorkflowOutbound extends WorkflowOutboundCallsInterceptorBase {

    private final Map<String, Payload> leadHeaders;

    LeadWorkflowOutbound(WorkflowOutboundCallsInterceptor next, Map<String, Payload> leadHeaders) {
      super(next);
      this.leadHeaders = leadHeaders;
    }

    @Override
    public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
      return super.executeActivity(
          new ActivityInput<>(
              input.getActivityName(),
              input.getResultClass(),
              input.getResultType(),
              input.getArgs(),
              input.getOptions(),
              withLeadHeaders(input.getHeader())));
    }

    @Override
    public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
      return super.executeLocalActivity(
          new LocalActivityInput<>(
              input.getActivityName(),
              input.getResultClass(),
              input.getResultType(),
              input.getArgs(),
              input.getOptions(),
              withLeadHeaders(input.getHeader())));
    }

    private Header withLeadHeaders(Header header) {
      Map<String, Payload> values = new HashMap<>(header.getValues());
      values.putAll(leadHeaders);
      return new Header(values);
    }
  }

  private final class LeadActivityInbound extends ActivityInboundCallsInterceptorBase {

    private String activityType;

    LeadActivityInbound(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      activityType = context.getInfo().getActivityType();
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      Optional<String> conversationId = header(input.getHeader(), CONVERSATION_ID_HEADER);
      try (LeadLogContext logContext = LeadLogContext.open(conversationId.orElse(null), null)) {
        ActivityOutput output = super.execute(input);
        if (SlackAlertActivities.POST_SLACK_LEAD_ALERT.equals(activityType)) {
          header(input.getHeader(), RECEIVED_AT_HEADER)
              .map(Instant::parse)
              .ifPresent(
                  receivedAt ->
                      alertLatency(routeOf(input))
                          .record(Duration.between(receivedAt, clock.instant())));
        }
        return output;
      }
    }
  }

  private static Payload payload(String value) {
    return GlobalDataConverter.get().toPayload(value).orElseThrow();
  }

  private static Optional<String> header(Header header, String name) {
    Payload payload = header.getValues().get(name);
    return payload == null
        ? Optional.empty()
        : Optional.ofNullable(
            GlobalDataConverter.get().fromPayload(payload, String.class, String.class));
  }
}
