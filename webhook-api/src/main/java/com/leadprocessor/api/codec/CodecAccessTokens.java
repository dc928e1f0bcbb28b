package com.leadprocessor.api.codec;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import java.util.Arrays;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The access tokens the Web UI passes for its signed-in user ({@code
 * TEMPORAL_CODEC_PASS_ACCESS_TOKEN=true}), checked with Spring Security's Nimbus decoder: the
 * signature against the identity provider's JWKS, then issuer, audience, expiry and not-before (60
 * seconds of clock skew), then the claim that says who may read leads. A token that is not valid
 * gets 401; a valid token without that claim value gets 403.
 */
final class CodecAccessTokens {

  private static final Logger log = LoggerFactory.getLogger(CodecAccessTokens.class);

  private final JwtDecoder decoder;
  private final String requiredClaim;
  private final String requiredValue;

  CodecAccessTokens(CodecServerProperties.AccessToken properties) {
    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
    nimbus.setJwtValidator(
        JwtValidators.createDefaultWithValidators(
            new JwtIssuerValidator(properties.issuer()),
            new JwtAudienceValidator(properties.audience())));
    this.decoder = nimbus;
    this.requiredClaim = properties.requiredClaim();
    this.requiredValue = properties.requiredValue();
  }

  /**
   * @return who the token names, {@code access token of <sub>}
   * @throws ProblemException 401 when the token is not valid, 403 when it lacks the required value
   */
  String reviewer(String token) {
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtException e) {
      log.info("Refused a codec request: the access token is not valid ({})", e.getMessage());
      throw new ProblemException(
              ProblemType.UNAUTHORIZED,
              "The bearer token is neither a review API token nor a valid access token of the"
                  + " configured identity provider.")
          .withHeader(
              HttpHeaders.WWW_AUTHENTICATE,
              CodecAuthentication.CHALLENGE + ", error=\"invalid_token\"");
    }
    if (!holdsRequiredValue(jwt.getClaims().get(requiredClaim))) {
      // Not the subject: some identity providers make it the user's email.
      log.info(
          "Refused a codec request: the access token lacks {}={}", requiredClaim, requiredValue);
      throw new ProblemException(
              ProblemType.FORBIDDEN,
              "The access token is valid but its '"
                  + requiredClaim
                  + "' claim does not hold '"
                  + requiredValue
                  + "', which reading leads needs.")
          .withHeader(
              HttpHeaders.WWW_AUTHENTICATE,
              CodecAuthentication.CHALLENGE + ", error=\"insufficient_scope\"");
    }
    return "access token of " + jwt.getSubject();
  }

  private boolean holdsRequiredValue(Object claim) {
    if (claim instanceof String values) {
      return Arrays.asList(values.split(" ")).contains(requiredValue);
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().anyMatch(requiredValue::equals);
    }
    return false;
  }
}
