package com.leadprocessor.api.codec;

import static com.leadprocessor.api.codec.CodecPayloadsJson.json;
import static com.leadprocessor.api.codec.CodecPayloadsJson.payloads;
import static com.leadprocessor.api.codec.CodecPayloadsJson.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.codec.AesGcmPayloadCodec;
import com.leadprocessor.codec.PayloadCodecAutoConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The Web UI with OIDC sign-in passes the signed-in user's access token: the codec server checks it
 * against the identity provider's keys, served here as a JWKS over 127.0.0.1 by the JDK's HTTP
 * server, with an RSA key made for the test.
 */
@WebMvcTest(CodecServerController.class)
@ImportAutoConfiguration(PayloadCodecAutoConfiguration.class)
@TestPropertySource(
    properties = {
      "leads.review.api-tokens=" + CodecServerAccessTokenTest.REVIEW_TOKEN,
      "leads.codec-server.ui-origin=" + CodecServerAccessTokenTest.UI,
      "leads.codec-server.access-token.issuer=" + CodecServerAccessTokenTest.ISSUER,
      "leads.codec-server.access-token.audience=temporal-ui",
      "leads.codec-server.access-token.required-claim=scope",
      "leads.codec-server.access-token.required-value=leads:review",
      "spring.temporal.namespace=leads"
    })
class CodecServerAccessTokenTest {

  static final String REVIEW_TOKEN = "review-token-0123456789abcdef";
  static final String UI = "https://temporal-ui.example.com";
  static final String ISSUER = "https://idp.example.com/realms/leads";
  static final String QUESTION = "Can you integrate with our CRM, asks jane.roe@example.org";

  private static final RSAKey PROVIDER_KEY = rsaKey();
  private static final RSAKey OTHER_KEY = rsaKey();
  private static final HttpServer JWKS = jwks(PROVIDER_KEY);

  @Autowired MockMvc mvc;
  @Autowired AesGcmPayloadCodec codec;

  @DynamicPropertySource
  static void jwkSetUri(DynamicPropertyRegistry registry) {
    registry.add(
        "leads.codec-server.access-token.jwk-set-uri",
        () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
  }

  @AfterAll
  static void stopJwks() {
    JWKS.stop(0);
  }

  @Test
  void signedInUserWithTheScopeReadsASealedPayload() throws Exception {
    String decoded =
        decode(token(PROVIDER_KEY, claims -> {}))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(payloads(decoded)).containsExactly(plain(QUESTION));
  }

  @Test
  void scopeAsAListClaimCountsToo() throws Exception {
    decode(token(PROVIDER_KEY, claims -> claims.claim("scope", List.of("openid", "leads:review"))))
        .andExpect(status().isOk());
  }

  @Test
  void thePreflightAllowsTheHeadersTheUiSendsWithTheAccessToken() throws Exception {
    mvc.perform(
            options("/codec/decode")
                .header(HttpHeaders.ORIGIN, UI)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(
                    HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                    "authorization,authorization-extras,content-type,x-namespace"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI));
  }

  @Test
  void reviewApiTokensKeepWorking() throws Exception {
    decode(REVIEW_TOKEN).andExpect(status().isOk());
  }

  @Test
  void expiredTokenGets401AndNoPlaintext() throws Exception {
    Instant longAgo = Instant.now().minus(Duration.ofHours(2));
    refusedWith401(
        token(
            PROVIDER_KEY,
            claims ->
                claims
                    .issueTime(Date.from(longAgo))
                    .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(5))))));
  }

  @Test
  void tokenOfAnotherIssuerGets401() throws Exception {
    refusedWith401(token(PROVIDER_KEY, claims -> claims.issuer("https://idp.example.com/other")));
  }

  @Test
  void tokenForAnotherAudienceGets401() throws Exception {
    refusedWith401(token(PROVIDER_KEY, claims -> claims.audience("some-other-app")));
  }

  @Test
  void tokenSignedWithAnotherKeyGets401() throws Exception {
    refusedWith401(token(OTHER_KEY, claims -> {}));
  }

  @Test
  void garbageBearerGets401() throws Exception {
    refusedWith401("not-a-jwt-and-not-a-review-token");
  }

  @Test
  void validTokenWithoutTheScopeGets403AndNoPlaintext() throws Exception {
    String answer =
        decode(token(PROVIDER_KEY, claims -> claims.claim("scope", "openid profile email")))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(answer).doesNotContain("jane.roe").doesNotContain("CRM");
  }

  private void refusedWith401(String token) throws Exception {
    String answer =
        decode(token)
            .andExpect(status().isUnauthorized())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(answer).doesNotContain("jane.roe").doesNotContain("CRM");
  }

  private ResultActions decode(String bearer) throws Exception {
    return mvc.perform(
        post("/codec/decode")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
            .header(HttpHeaders.ORIGIN, UI)
            .header("X-Namespace", "leads")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json(codec.encode(List.of(plain(QUESTION))))));
  }

  /** A token as the identity provider issues it to the UI, changed by {@code change}. */
  private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("reviewer-" + UUID.randomUUID())
            .audience("temporal-ui")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .claim("scope", "openid profile leads:review");
    change.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(PROVIDER_KEY.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer jwks(RSAKey key) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/jwks",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
