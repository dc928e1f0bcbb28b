package com.leadprocessor.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page for errors that happen outside Spring MVC (a servlet filter,
 * the container): a problem of the right status, never an exception message or trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof Throwable failure) {
      // A client's fault (an invalid chunk, a body cut short) is not an error of ours.
      if (status.is5xxServerError()) {
        log.error("Request failed outside Spring MVC", failure);
      } else {
        log.info(
            "Refused a request outside Spring MVC ({}): {}", status.value(), failure.toString());
      }
    }
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        status.is5xxServerError()
            ? "An unexpected error occurred. It has been logged; nothing about it was stored."
            : status.getReasonPhrase() + ".";
    ProblemDetail problem = type.problem(detail);
    problem.setStatus(status.value());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(Object code) {
    if (!(code instanceof Integer value)) {
      // Asked for directly, /error is just a path that does not exist.
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = HttpStatus.resolve(value);
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
