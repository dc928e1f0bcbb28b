package com.leadprocessor.api.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of error this API answers, each with a stable {@code type} URI under {@value #BASE}.
 * Clients may switch on the type; the title is for people.
 */
public enum ProblemType {
  INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid webhook signature"),
  MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
  BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),
  INVALID_LEAD(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-lead", "Invalid lead event"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  SERVICE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Lead could not be stored yet"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
  // Review API types. Each comes after the intake's type of the same status, so that forStatus
  // keeps answering Spring MVC's own errors with the general type.
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or invalid bearer token"),
  INVALID_PARAMETER(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-parameter", "Invalid parameter"),
  LEAD_NOT_IN_REVIEW(HttpStatus.CONFLICT, "lead-not-in-review", "Lead is not in review"),
  DECISION_REFUSED(HttpStatus.CONFLICT, "decision-refused", "Review decision refused"),
  TEMPORAL_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "temporal-unavailable", "Temporal could not answer"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed to read leads"),
  // Slack interactivity types, after the general types of their statuses for the same reason.
  INVALID_SLACK_SIGNATURE(
      HttpStatus.UNAUTHORIZED, "invalid-slack-signature", "Invalid Slack request signature"),
  INVALID_INTERACTION(HttpStatus.BAD_REQUEST, "invalid-interaction", "Invalid Slack interaction"),
  REPLAYED_INTERACTION(
      HttpStatus.CONFLICT, "replayed-interaction", "Slack request already received");

  private static final Set<ProblemType> REVIEW_API =
      EnumSet.of(
          UNAUTHORIZED,
          INVALID_PARAMETER,
          LEAD_NOT_IN_REVIEW,
          DECISION_REFUSED,
          TEMPORAL_UNAVAILABLE,
          FORBIDDEN);

  private static final Set<ProblemType> SLACK_INTERACTIVITY =
      EnumSet.of(INVALID_SLACK_SIGNATURE, INVALID_INTERACTION, REPLAYED_INTERACTION);

  /** The types the webhook endpoint can answer, as its OpenAPI document lists them. */
  public static List<ProblemType> webhookTypes() {
    return Arrays.stream(values())
        .filter(type -> !REVIEW_API.contains(type) && !SLACK_INTERACTIVITY.contains(type))
        .toList();
  }

  /**
   * The types {@code POST /slack/interactivity} can answer: its own and the general ones of the
   * body size, media type, method and path.
   */
  public static List<ProblemType> slackInteractivityTypes() {
    List<ProblemType> types = new java.util.ArrayList<>(SLACK_INTERACTIVITY);
    types.addAll(
        List.of(
            BAD_REQUEST,
            PAYLOAD_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE,
            METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE,
            NOT_FOUND,
            INTERNAL_ERROR));
    return types;
  }

  /** The base of every problem type URI. */
  public static final String BASE = "https://lead-processor.dev/problems/";

  private final HttpStatus status;
  private final URI type;
  private final String title;

  ProblemType(HttpStatus status, String slug, String title) {
    this.status = status;
    this.type = URI.create(BASE + slug);
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public URI type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** A problem of this type with the given detail. */
  public ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }

  /**
   * The type for a status that Spring MVC produced itself; the most general type of that status,
   * {@link #INTERNAL_ERROR} for an unknown 5xx and {@link #BAD_REQUEST} for an unknown 4xx.
   */
  public static ProblemType forStatus(HttpStatusCode status) {
    return Arrays.stream(values())
        .filter(type -> type != MALFORMED_JSON && type.status.value() == status.value())
        .findFirst()
        .orElse(status.is5xxServerError() ? INTERNAL_ERROR : BAD_REQUEST);
  }
}
