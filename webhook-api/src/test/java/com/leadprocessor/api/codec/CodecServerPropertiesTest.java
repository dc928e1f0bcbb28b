package com.leadprocessor.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CodecServerPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Binding.class);

  @EnableConfigurationProperties(CodecServerProperties.class)
  static class Binding {}

  @Test
  void composeDefaultsWithoutAnIdentityProviderBindToNoAccessTokens() {
    context
        .withPropertyValues(
            "leads.codec-server.access-token.issuer=",
            "leads.codec-server.access-token.jwk-set-uri=",
            "leads.codec-server.access-token.audience=",
            "leads.codec-server.access-token.required-claim=scope",
            "leads.codec-server.access-token.required-value=")
        .run(
            started ->
                assertThat(started.getBean(CodecServerProperties.class).accessToken()).isNull());
  }

  @Test
  void anIssuerAloneStopsStartUpNamingTheMissingSetting() {
    context
        .withPropertyValues("leads.codec-server.access-token.issuer=" + ISSUER)
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining(
                        "leads.codec-server.access-token.jwk-set-uri must be set"));
  }

  private static final String ISSUER = "https://idp.example.com/realms/leads";
  private static final String JWKS = "https://idp.example.com/realms/leads/certs";

  @Test
  void anIssuerWithoutAnAudienceStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> accessToken(ISSUER, JWKS, null, "leads:review"))
        .hasMessageContaining("leads.codec-server.access-token.audience must be set");
  }

  @Test
  void anIssuerWithoutTheRequiredValueStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> accessToken(ISSUER, JWKS, "temporal-ui", " "))
        .hasMessageContaining("leads.codec-server.access-token.required-value must be set");
  }

  @Test
  void aJwksWithoutAnIssuerStopsStartUpNamingTheSetting() {
    assertThatThrownBy(() -> accessToken(null, JWKS, "temporal-ui", "leads:review"))
        .hasMessageContaining("leads.codec-server.access-token.issuer must be set");
  }

  @Test
  void aJwksThatIsNotAnHttpUrlStopsStartUp() {
    assertThatThrownBy(() -> accessToken(ISSUER, "file:/etc/jwks", "temporal-ui", "leads:review"))
        .hasMessageContaining("leads.codec-server.access-token.jwk-set-uri must be an http(s) URL");
  }

  @Test
  void nothingSetMeansNoAccessTokens() {
    CodecServerProperties properties =
        new CodecServerProperties(
            "http://localhost:8233",
            Duration.ofHours(8),
            new CodecServerProperties.AccessToken(null, "", null, "scope", null));

    assertThat(properties.accessToken()).isNull();
  }

  @Test
  void aSessionLifetimeOfZeroStopsStartUp() {
    assertThatThrownBy(
            () -> new CodecServerProperties("http://localhost:8233", Duration.ZERO, null))
        .hasMessageContaining("leads.codec-server.session-lifetime must be positive");
  }

  private static CodecServerProperties.AccessToken accessToken(
      String issuer, String jwks, String audience, String value) {
    return new CodecServerProperties.AccessToken(issuer, jwks, audience, "scope", value);
  }
}
