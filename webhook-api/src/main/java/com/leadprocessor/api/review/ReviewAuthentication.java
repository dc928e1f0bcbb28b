package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a review request through only with {@code Authorization: Bearer <token>} of a configured
 * token, and records which token (by position) for the audit log. It runs before any parameter is
 * read, so an unauthenticated caller learns nothing about leads or validation.
 */
public final class ReviewAuthentication implements HandlerInterceptor {

  /** The request attribute naming the caller, for example {@code review token #2}. */
  public static final String REVIEWER = "com.leadprocessor.api.review.reviewer";

  private static final Logger log = LoggerFactory.getLogger(ReviewAuthentication.class);
  private static final String BEARER = "bearer ";
  private static final String CHALLENGE = "Bearer realm=\"lead-review\"";

  private final ReviewTokens tokens;

  public ReviewAuthentication(ReviewTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      throw new ProblemException(
              ProblemType.UNAUTHORIZED,
              "The request carries no bearer token: send 'Authorization: Bearer <token>' with a"
                  + " token from leads.review.api-tokens.")
          .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
    int position = tokens.match(authorization.substring(BEARER.length()).strip());
    if (position == 0) {
      log.info("Refused a review request to {}: wrong bearer token", request.getRequestURI());
      throw new ProblemException(
              ProblemType.UNAUTHORIZED, "The bearer token is not a valid review API token.")
          .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
    }
    request.setAttribute(REVIEWER, "review token #" + position);
    return true;
  }
}
