package com.leadprocessor.api.codec;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.api.review.ReviewAuthentication;
import com.leadprocessor.api.review.ReviewTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Who may call {@code /codec/encode} and {@code /codec/decode}: a caller with {@code Authorization:
 * Bearer} and a review API token (the CLI, a proxy) or, when an identity provider is configured,
 * the access token the Web UI passes for its signed-in user; or a browser with a sign-in session
 * cookie, sent from the UI's origin. Anything else gets 401 and no payload. The browser's CORS
 * preflight carries no credentials, so it is answered without them.
 */
final class CodecAuthentication implements HandlerInterceptor {

  static final String CHALLENGE = "Bearer realm=\"lead-codec\"";
  private static final String BEARER = "bearer ";

  private final ReviewTokens reviewTokens;
  private final CodecSessions sessions;
  private final CodecAccessTokens accessTokens;
  private final String uiOrigin;

  /**
   * @param accessTokens null when no identity provider is configured
   */
  CodecAuthentication(
      ReviewTokens reviewTokens,
      CodecSessions sessions,
      CodecAccessTokens accessTokens,
      String uiOrigin) {
    this.reviewTokens = reviewTokens;
    this.sessions = sessions;
    this.accessTokens = accessTokens;
    this.uiOrigin = uiOrigin;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (CorsUtils.isPreFlightRequest(request)) {
      return true;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      request.setAttribute(ReviewAuthentication.REVIEWER, bearer(authorization));
      return true;
    }
    Optional<String> session = session(request);
    if (session.isPresent()) {
      // A cookie goes with every request the browser sends to this host, whichever page asks;
      // only the UI's own requests may use it.
      if (!uiOrigin.equals(request.getHeader(HttpHeaders.ORIGIN))) {
        throw new ProblemException(
            ProblemType.FORBIDDEN,
            "A sign-in session is accepted from the Temporal UI's origin only.");
      }
      request.setAttribute(ReviewAuthentication.REVIEWER, session.get());
      return true;
    }
    throw new ProblemException(
            ProblemType.UNAUTHORIZED,
            "The request carries no credentials: send 'Authorization: Bearer <review API token>',"
                + " or sign in at /codec/sign-in and let the UI include cross-origin credentials.")
        .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
  }

  private String bearer(String authorization) {
    if (authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      throw new ProblemException(
              ProblemType.UNAUTHORIZED, "The Authorization header is not 'Bearer <token>'.")
          .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    }
    String token = authorization.substring(BEARER.length()).strip();
    int position = reviewTokens.match(token);
    if (position > 0) {
      return "review token #" + position;
    }
    if (accessTokens != null) {
      return accessTokens.reviewer(token);
    }
    throw new ProblemException(
            ProblemType.UNAUTHORIZED, "The bearer token is not a valid review API token.")
        .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
  }

  private Optional<String> session(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> CodecSessions.COOKIE.equals(cookie.getName()))
        .map(cookie -> sessions.reviewer(cookie.getValue()))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
