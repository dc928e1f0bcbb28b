package com.leadprocessor.connector.enrichment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ua_parser.CachingParser;
import ua_parser.Parser;

/** Beans the enrichment sources share. */
@Configuration(proxyBeanMethods = false)
class EnrichmentConfiguration {

  /**
   * The user-agent parser; building it compiles a few hundred regular expressions, so once. Parsing
   * tries them one by one (7% of the worker's CPU in the benchmark's profile), and visitors share a
   * small set of browsers, so the parser remembers its last thousand answers.
   */
  @Bean
  Parser userAgentParser() {
    return new CachingParser();
  }
}
