package com.leadprocessor.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * An error that already knows how it is answered: its {@link ProblemType}, a detail for people,
 * extra problem members and response headers. {@link ProblemDetailsAdvice} answers it as is.
 */
public class ProblemException extends RuntimeException {

  private static final Set<String> RESERVED =
      Set.of("type", "title", "status", "detail", "instance");

  private final ProblemType type;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final HttpHeaders headers = new HttpHeaders();

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ProblemException(ProblemType type, String detail, Throwable cause) {
    super(detail, cause);
    this.type = type;
  }

  /** Adds a member to the problem document, for example the offending parameter. */
  public ProblemException withProperty(String name, Object value) {
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(name + " is a standard problem member, not a property");
    }
    properties.put(name, value);
    return this;
  }

  /** Adds a response header, for example {@code WWW-Authenticate} or {@code Retry-After}. */
  public ProblemException withHeader(String name, String value) {
    headers.add(name, value);
    return this;
  }

  public ProblemType type() {
    return type;
  }

  Map<String, Object> properties() {
    return properties;
  }

  HttpHeaders headers() {
    return headers;
  }
}
