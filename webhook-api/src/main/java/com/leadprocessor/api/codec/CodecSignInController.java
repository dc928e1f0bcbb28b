package com.leadprocessor.api.codec;

import com.leadprocessor.api.review.ReviewApiEnabledCondition;
import com.leadprocessor.codec.ConditionalOnPayloadCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /codec/sign-in}: a reviewer opens it in the browser they use the Web UI in, enters a
 * review API token, and gets a session cookie (HttpOnly, SameSite=Strict, path {@code /codec}) that
 * the UI sends to the codec server when its Codec Server settings include cross-origin credentials.
 * The UI and the codec server are then on the same site (same host, other port), so the browser
 * sends the cookie although the origins differ. {@code POST /codec/sign-out} ends the session in
 * that browser.
 */
@RestController
@Conditional(ReviewApiEnabledCondition.class)
@ConditionalOnPayloadCodec
class CodecSignInController {

  static final String SIGN_IN = CodecServerController.CODEC + "/sign-in";
  static final String SIGN_OUT = CodecServerController.CODEC + "/sign-out";

  private static final Logger log = LoggerFactory.getLogger(CodecSignInController.class);

  private final CodecSessions sessions;
  private final String uiOrigin;

  CodecSignInController(CodecSessions sessions, CodecServerProperties properties) {
    this.sessions = sessions;
    this.uiOrigin = properties.uiOrigin();
  }

  @GetMapping(path = SIGN_IN, produces = MediaType.TEXT_HTML_VALUE)
  String form() {
    return page("Sign in to read leads in the Temporal UI", form(""));
  }

  @PostMapping(
      path = SIGN_IN,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> signIn(
      @RequestParam(required = false) String token, HttpServletRequest request) {
    Optional<String> session = token == null ? Optional.empty() : sessions.open(token.strip());
    if (session.isEmpty()) {
      log.info("Refused a codec sign-in: wrong review API token");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .contentType(MediaType.TEXT_HTML)
          .body(
              page(
                  "Sign in to read leads in the Temporal UI",
                  form("<p role=\"alert\">That is not a review API token.</p>")));
    }
    String endpoint =
        ServletUriComponentsBuilder.fromContextPath(request).path("/codec").build().toUriString();
    String ui = HtmlUtils.htmlEscape(uiOrigin);
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, cookie(session.get(), sessions.lifetime(), request))
        .contentType(MediaType.TEXT_HTML)
        .body(
            page(
                "Signed in",
                "<p>This browser may now read leads in the Temporal UI for "
                    + sessions.lifetime().toHours()
                    + " h.</p>"
                    + "<p>In the UI, open <em>Codec Server</em> (the icon at the top), choose"
                    + " <em>Use my browser setting</em>, enter <code>"
                    + HtmlUtils.htmlEscape(endpoint)
                    + "</code> and turn on <em>Include cross-origin credentials</em>.</p>"
                    + "<p><a href=\""
                    + ui
                    + "\">Open the Temporal UI</a></p>"
                    + "<form method=\"post\" action=\""
                    + SIGN_OUT
                    + "\"><button type=\"submit\">Sign out</button></form>"));
  }

  @PostMapping(path = SIGN_OUT, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> signOut(HttpServletRequest request) {
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request))
        .contentType(MediaType.TEXT_HTML)
        .body(page("Signed out", "<p>This browser no longer reads leads.</p>"));
  }

  private static String cookie(String value, Duration maxAge, HttpServletRequest request) {
    return ResponseCookie.from(CodecSessions.COOKIE, value)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Strict")
        .path(CodecServerController.CODEC)
        .maxAge(maxAge)
        .build()
        .toString();
  }

  private static String form(String message) {
    return message
        + "<form method=\"post\" action=\""
        + SIGN_IN
        + "\"><label for=\"token\">Review API token</label> "
        + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required> "
        + "<button type=\"submit\">Sign in</button></form>";
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head><body><h1>"
        + title
        + "</h1>"
        + body
        + "</body></html>";
  }
}
