package com.leadprocessor.connector.enrichment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua_parser.Parser;

/** Beans the enrichment sources share. */
@Configuration(proxyBeanMethods = false)
class EnrichmentConfiguration {

  /**
   * The user-agent parser; building it compiles a few hundred regular expressions, so once. {@link
   * UserAgentSource} keeps its recent answers.
   */
  @Bean
  Parser userAgentParser() {
    return new Parser();
  }
}
