package com.leadprocessor.api.problem;

import com.leadprocessor.api.intake.InvalidLeadException;
import com.leadprocessor.api.intake.MalformedJsonException;
import com.leadprocessor.api.intake.PayloadTooLargeException;
import com.leadprocessor.api.intake.UnreadableBodyException;
import com.leadprocessor.api.signature.BodyNotUtf8Exception;
import com.leadprocessor.api.signature.InvalidSignatureException;
import com.leadprocessor.api.start.LeadStartUnavailableException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error as {@code application/problem+json} with a {@link ProblemType}. Spring MVC's
 * own errors (404, 405 with {@code Allow}, 415...) keep their status and headers and get our types;
 * anything unexpected becomes a 500 that names no exception.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidSignature(InvalidSignatureException e) {
    log.info("Refused a delivery: {}", e.getMessage());
    return answer(ProblemType.INVALID_SIGNATURE.problem(e.getMessage()), new HttpHeaders());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> malformedJson(MalformedJsonException e) {
    return answer(ProblemType.MALFORMED_JSON.problem(e.getMessage()), new HttpHeaders());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> bodyNotUtf8(BodyNotUtf8Exception e) {
    return answer(ProblemType.MALFORMED_JSON.problem(e.getMessage()), new HttpHeaders());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadableBody(UnreadableBodyException e) {
    return answer(ProblemType.BAD_REQUEST.problem(e.getMessage()), new HttpHeaders());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidLead(InvalidLeadException e) {
    ProblemDetail problem = ProblemType.INVALID_LEAD.problem(e.getMessage());
    problem.setProperty("errors", e.problems());
    return answer(problem, new HttpHeaders());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
    return answer(ProblemType.PAYLOAD_TOO_LARGE.problem(e.getMessage()), new HttpHeaders());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> leadStartUnavailable(LeadStartUnavailableException e) {
    long seconds = retryAfterSeconds(e.retryAfter());
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return answer(
        ProblemType.SERVICE_UNAVAILABLE.problem(
            "The lead could not be stored durably right now, so it was not accepted."
                + " Deliver it again after "
                + seconds
                + " seconds."),
        headers);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    ProblemDetail problem = e.type().problem(e.getMessage());
    e.properties().forEach(problem::setProperty);
    return answer(problem, e.headers());
  }

  /** A bug, not the client's fault: logged with its trace here, never shown to the client. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error while handling a request", e);
    return answer(
        ProblemType.INTERNAL_ERROR.problem(
            "An unexpected error occurred. It has been logged; nothing about it was stored."),
        new HttpHeaders());
  }

  /**
   * A request record that Bean Validation refused ({@code @Valid @RequestBody}) is answered like an
   * invalid parameter: its first invalid field, by name, with what is wrong.
   */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldError field = FirstInvalidField.of(ex.getBindingResult());
    if (field == null) {
      return handleExceptionInternal(ex, null, headers, status, request);
    }
    ProblemDetail problem =
        ProblemType.INVALID_PARAMETER.problem(field.getField() + " " + field.getDefaultMessage());
    problem.setProperty("parameter", field.getField());
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** Gives Spring MVC's own problems (404, 405, 415...) our type, title and content type. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ProblemType type = ProblemType.forStatus(statusCode);
    String detail = detail(ex, body, type);
    if (statusCode.is5xxServerError()) {
      log.error("Spring MVC failed to handle a request", ex);
      detail = "An unexpected error occurred. It has been logged; nothing about it was stored.";
    }
    ProblemDetail problem = type.problem(detail);
    problem.setStatus(statusCode.value());
    return ResponseEntity.status(statusCode)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String detail(Exception ex, Object body, ProblemType type) {
    if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
      return (unsupported.getContentType() == null
              ? "The request has no Content-Type."
              : "Content-Type '" + unsupported.getContentType() + "' is not supported.")
          + " Send application/json or application/*+json.";
    }
    if (ex instanceof HttpRequestMethodNotSupportedException method) {
      return "Method "
          + method.getMethod()
          + " is not supported here; use "
          + String.join(
              ", ",
              method.getSupportedMethods() == null ? new String[0] : method.getSupportedMethods())
          + ".";
    }
    if (ex instanceof NoHandlerFoundException notFound) {
      return "There is no " + notFound.getHttpMethod() + " " + notFound.getRequestURL() + ".";
    }
    if (ex instanceof NoResourceFoundException notFound) {
      return "There is no "
          + notFound.getHttpMethod()
          + " /"
          + notFound.getResourcePath().replaceFirst("^/", "")
          + ".";
    }
    if (body instanceof ProblemDetail springProblem && springProblem.getDetail() != null) {
      return springProblem.getDetail();
    }
    return type.status().getReasonPhrase() + ".";
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpHeaders headers) {
    return ResponseEntity.status(problem.getStatus())
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static long retryAfterSeconds(Duration retryAfter) {
    long seconds = retryAfter.toSeconds();
    return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
  }
}
