package com.leadprocessor.api.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers as problem documents instead of its HTML page. Tomcat answers by
 * itself, before the app sees anything, the requests it cannot parse: a header over {@code
 * server.max-http-request-header-size}, a non-numeric or repeated {@code Content-Length}, a request
 * target with invalid characters, a control character in a header, an unsupported HTTP version.
 * Errors the app answers itself never get here: their problem is already written.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get() || !response.setErrorReported()) {
      return;
    }
    try {
      // As the app's own problems: no charset parameter, and every member is ASCII.
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is already on its way: nothing more can be said.
    }
  }

  /** The members of the problem; the request is not echoed, as it may not even be readable. */
  static Map<String, Object> problem(int status) {
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    ProblemType type = ProblemType.forStatus(code);
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.type().toString());
    problem.put("title", type.title());
    problem.put("status", status);
    problem.put(
        "detail",
        code.is5xxServerError() && status != HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()
            ? "An unexpected error occurred. It has been logged; nothing about it was stored."
            : "The request could not be read as HTTP"
                + (known == null ? "" : " (" + known.getReasonPhrase() + ")")
                + ".");
    return problem;
  }
}
