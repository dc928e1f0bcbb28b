package com.leadprocessor.api.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ReviewAuthentication} in front of every review endpoint, when the API exists. */
@Configuration(proxyBeanMethods = false)
@Conditional(ReviewApiEnabledCondition.class)
@EnableConfigurationProperties(ReviewApiProperties.class)
class ReviewWebConfiguration implements WebMvcConfigurer {

  private final ReviewTokens tokens;

  ReviewWebConfiguration(ReviewApiProperties properties) {
    this.tokens = ReviewTokens.of(properties.apiTokens());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new ReviewAuthentication(tokens))
        .addPathPatterns(LeadReviewController.LEADS, LeadReviewController.LEADS + "/**");
  }
}
