package com.leadprocessor.api.codec;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The codec server the Temporal Web UI decodes payloads through.
 *
 * @param uiOrigin the origin of the Temporal Web UI, the only one a browser may call the codec
 *     server from ({@code LEADS_CODEC_SERVER_UI_ORIGIN}), for example {@code http://localhost:8233}
 * @param sessionLifetime how long a reviewer stays signed in after signing in at {@code
 *     /codec/sign-in} with a review API token ({@code LEADS_CODEC_SERVER_SESSION_LIFETIME})
 * @param accessToken the identity provider whose access tokens the UI passes when its OIDC sign-in
 *     is on; none configured means only review API tokens and sign-in sessions are accepted
 */
@ConfigurationProperties("leads.codec-server")
public record CodecServerProperties(
    @DefaultValue("http://localhost:8233") String uiOrigin,
    @DefaultValue("8h") Duration sessionLifetime,
    AccessToken accessToken) {

  public CodecServerProperties {
    if (uiOrigin == null || uiOrigin.isBlank() || uiOrigin.contains("*")) {
      throw new IllegalArgumentException(
          "leads.codec-server.ui-origin must be the Temporal UI's origin, for example"
              + " http://localhost:8233; a wildcard is not allowed");
    }
    uiOrigin = uiOrigin.strip().replaceAll("/+$", "");
    if (sessionLifetime == null || sessionLifetime.isNegative() || sessionLifetime.isZero()) {
      throw new IllegalArgumentException(
          "leads.codec-server.session-lifetime must be positive, for example 8h");
    }
    if (accessToken != null && !accessToken.configured()) {
      accessToken = null;
    }
  }

  /**
   * The signed-in UI user's access token (a JWT), accepted when it is signed by the identity
   * provider's key, issued by {@code issuer} for {@code audience}, not expired, and its {@code
   * requiredClaim} holds {@code requiredValue}.
   *
   * @param issuer the identity provider's issuer, exactly as in the tokens' {@code iss} ({@code
   *     LEADS_CODEC_SERVER_ACCESS_TOKEN_ISSUER}); setting it turns access tokens on
   * @param jwkSetUri where the provider publishes its signing keys ({@code
   *     LEADS_CODEC_SERVER_ACCESS_TOKEN_JWK_SET_URI}), fetched on first use and cached
   * @param audience the audience the tokens must name in {@code aud} ({@code
   *     LEADS_CODEC_SERVER_ACCESS_TOKEN_AUDIENCE})
   * @param requiredClaim the claim that says who may read leads ({@code
   *     LEADS_CODEC_SERVER_ACCESS_TOKEN_REQUIRED_CLAIM}, default {@code scope}): a string of
   *     space-separated values or a list, for example {@code scope}, {@code scp} or {@code roles}
   * @param requiredValue the value that claim must hold ({@code
   *     LEADS_CODEC_SERVER_ACCESS_TOKEN_REQUIRED_VALUE}), for example {@code leads:review}
   */
  public record AccessToken(
      String issuer,
      String jwkSetUri,
      String audience,
      @DefaultValue("scope") String requiredClaim,
      String requiredValue) {

    static final String PREFIX = "leads.codec-server.access-token.";

    public AccessToken {
      // In a compact constructor the fields are assigned at its end: only the parameters count.
      issuer = blankToNull(issuer);
      jwkSetUri = blankToNull(jwkSetUri);
      audience = blankToNull(audience);
      requiredValue = blankToNull(requiredValue);
      requiredClaim = requiredClaim == null ? "scope" : requiredClaim.strip();
      if (issuer != null || jwkSetUri != null) {
        require(issuer, "issuer", "the identity provider's issuer, as in its tokens' iss");
        require(jwkSetUri, "jwk-set-uri", "the identity provider's JWKS URL");
        require(audience, "audience", "the audience the UI's access tokens are issued for");
        require(requiredValue, "required-value", "the scope or role that may read leads");
        require(requiredClaim, "required-claim", "the claim to check, for example scope or roles");
        String scheme = URI.create(jwkSetUri).getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
          throw new IllegalArgumentException(
              PREFIX + "jwk-set-uri must be an http(s) URL, for example https://idp/jwks");
        }
      }
    }

    /** Whether access tokens are accepted: an issuer or a JWKS URL is set. */
    boolean configured() {
      return issuer != null || jwkSetUri != null;
    }

    private static void require(String value, String name, String what) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            PREFIX
                + name
                + " must be set when access tokens are accepted ("
                + PREFIX
                + "issuer or jwk-set-uri is set): "
                + what);
      }
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
