package com.leadprocessor.api.codec;

import com.leadprocessor.api.review.ReviewApiEnabledCondition;
import com.leadprocessor.api.review.ReviewApiProperties;
import com.leadprocessor.api.review.ReviewTokens;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets only the Temporal UI's origin call the codec server from a browser, with credentials (the
 * sign-in cookie), and puts {@link CodecAuthentication} in front of {@code /codec/encode} and
 * {@code /codec/decode}: the people who may read leads through the review API, or whom the
 * configured identity provider grants the required scope, may read them in the UI.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReviewApiEnabledCondition.class)
@EnableConfigurationProperties({CodecServerProperties.class, ReviewApiProperties.class})
class CodecServerWebConfiguration implements WebMvcConfigurer {

  /** What the UI sends with the signed-in user's ID token when it passes the access token. */
  static final String AUTHORIZATION_EXTRAS = "Authorization-Extras";

  private final CodecServerProperties properties;
  private final CodecAuthentication authentication;
  private final CodecSessions sessions;

  CodecServerWebConfiguration(CodecServerProperties properties, ReviewApiProperties review) {
    this.properties = properties;
    this.sessions =
        new CodecSessions(review.apiTokens(), properties.sessionLifetime(), Clock.systemUTC());
    this.authentication =
        new CodecAuthentication(
            ReviewTokens.of(review.apiTokens()),
            sessions,
            properties.accessToken() == null
                ? null
                : new CodecAccessTokens(properties.accessToken()),
            properties.uiOrigin());
  }

  @Bean
  CodecSessions codecSessions() {
    return sessions;
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping(CodecServerController.CODEC + "/**")
        .allowedOrigins(properties.uiOrigin())
        .allowedMethods("POST")
        .allowedHeaders(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.AUTHORIZATION,
            AUTHORIZATION_EXTRAS,
            CodecServerController.NAMESPACE_HEADER)
        .allowCredentials(true)
        .maxAge(600);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(authentication)
        .addPathPatterns(
            CodecServerController.CODEC + "/encode", CodecServerController.CODEC + "/decode");
  }
}
