package com.leadprocessor.api.codec;

import com.leadprocessor.api.review.ReviewApiEnabledCondition;
import com.leadprocessor.api.review.ReviewApiProperties;
import com.leadprocessor.api.review.ReviewAuthentication;
import com.leadprocessor.api.review.ReviewTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets only the Temporal UI's origin call the codec server from a browser, and only with a review
 * API bearer token: the people who may read leads through the review API may read them in the UI.
 * The browser's CORS preflight carries no credentials, so it is answered without a token; the
 * request that follows is refused with 401 unless it carries one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReviewApiEnabledCondition.class)
@EnableConfigurationProperties({CodecServerProperties.class, ReviewApiProperties.class})
class CodecServerWebConfiguration implements WebMvcConfigurer {

  private final CodecServerProperties properties;
  private final ReviewAuthentication authentication;

  CodecServerWebConfiguration(CodecServerProperties properties, ReviewApiProperties review) {
    this.properties = properties;
    this.authentication = new ReviewAuthentication(ReviewTokens.of(review.apiTokens()));
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
            CodecServerController.NAMESPACE_HEADER)
        .allowCredentials(true)
        .maxAge(600);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                return CorsUtils.isPreFlightRequest(request)
                    || authentication.preHandle(request, response, handler);
              }
            })
        .addPathPatterns(CodecServerController.CODEC + "/**");
  }
}
