package com.leadprocessor.api.codec;

import static com.leadprocessor.api.codec.CodecPayloadsJson.json;
import static com.leadprocessor.api.codec.CodecPayloadsJson.payloads;
import static com.leadprocessor.api.codec.CodecPayloadsJson.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.codec.AesGcmPayloadCodec;
import com.leadprocessor.codec.PayloadCodecAutoConfiguration;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A reviewer using the Web UI without OIDC sign-in signs in at the codec server with a review API
 * token; the UI then decodes with the browser's session cookie ("Include cross-origin
 * credentials").
 */
@WebMvcTest({CodecServerController.class, CodecSignInController.class})
@ImportAutoConfiguration(PayloadCodecAutoConfiguration.class)
@TestPropertySource(
    properties = {
      "leads.review.api-tokens=" + CodecSignInTest.TOKEN,
      "leads.codec-server.ui-origin=" + CodecSignInTest.UI,
      "spring.temporal.namespace=leads"
    })
class CodecSignInTest {

  static final String TOKEN = "review-token-0123456789abcdef";
  static final String UI = "http://localhost:8233";
  static final String QUESTION = "Can you integrate with our CRM, asks jane.roe@example.org";

  @Autowired MockMvc mvc;
  @Autowired AesGcmPayloadCodec codec;

  @Test
  void theSignInPageAsksForAReviewToken() throws Exception {
    String page =
        mvc.perform(get("/codec/sign-in"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page).contains("Review API token").contains("type=\"password\"");
  }

  @Test
  void signingInSetsAnHttpOnlyStrictSessionCookieForTheCodecPaths() throws Exception {
    String cookie =
        signIn(TOKEN)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.SET_COOKIE);

    assertThat(cookie)
        .startsWith(CodecSessions.COOKIE + "=")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/codec")
        .doesNotContain(TOKEN);
  }

  @Test
  void theUiDecodesWithTheSessionCookie() throws Exception {
    String decoded =
        decode(session(), UI)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(payloads(decoded)).containsExactly(plain(QUESTION));
  }

  @Test
  void aWrongTokenSetsNoCookie() throws Exception {
    signIn("not-the-review-token-at-all")
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
  }

  @Test
  void theSessionIsRefusedFromAnotherPageOfTheSameSite() throws Exception {
    String answer =
        decode(session(), "http://localhost:9999")
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(answer).doesNotContain("jane.roe");
  }

  @Test
  void aForgedSessionGets401AndNoPlaintext() throws Exception {
    Cookie forged = new Cookie(CodecSessions.COOKIE, "1.99999999999.AAAA");

    String answer =
        decode(forged, UI)
            .andExpect(status().isUnauthorized())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(answer).doesNotContain("jane.roe").doesNotContain("CRM");
  }

  @Test
  void thePreflightAllowsCredentialsForTheUiOrigin() throws Exception {
    mvc.perform(
            options("/codec/decode")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-namespace"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI))
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));
  }

  @Test
  void aSessionEndsWithItsLifetime() {
    Instant signedIn = Instant.parse("2026-01-05T09:00:00Z");
    List<String> tokens = List.of(TOKEN);
    String session =
        new CodecSessions(tokens, Duration.ofHours(8), Clock.fixed(signedIn, ZoneOffset.UTC))
            .open(TOKEN)
            .orElseThrow();

    CodecSessions sevenHoursLater = at(tokens, signedIn.plus(Duration.ofHours(7)));
    CodecSessions nineHoursLater = at(tokens, signedIn.plus(Duration.ofHours(9)));
    CodecSessions afterRotation =
        at(List.of("another-review-token-0123456789"), signedIn.plus(Duration.ofHours(1)));

    assertThat(sevenHoursLater.reviewer(session)).contains("review token #1 (signed in)");
    assertThat(nineHoursLater.reviewer(session)).isEmpty();
    assertThat(afterRotation.reviewer(session)).isEmpty();
  }

  private static CodecSessions at(List<String> tokens, Instant now) {
    return new CodecSessions(tokens, Duration.ofHours(8), Clock.fixed(now, ZoneOffset.UTC));
  }

  private Cookie session() throws Exception {
    Cookie cookie = signIn(TOKEN).andReturn().getResponse().getCookie(CodecSessions.COOKIE);
    assertThat(cookie).isNotNull();
    return cookie;
  }

  private ResultActions signIn(String token) throws Exception {
    return mvc.perform(
        post("/codec/sign-in")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("token=" + token));
  }

  private ResultActions decode(Cookie cookie, String origin) throws Exception {
    return mvc.perform(
        post("/codec/decode")
            .cookie(cookie)
            .header(HttpHeaders.ORIGIN, origin)
            .header("X-Namespace", "leads")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json(codec.encode(List.of(plain(QUESTION))))));
  }
}
