package com.leadprocessor.codec;

import io.temporal.common.converter.DataConverter;
import io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives the Temporal client and workers of both apps a data converter that seals every payload with
 * {@link AesGcmPayloadCodec}, failure messages and stack traces included ({@code
 * encodeFailureAttributes}), so that an error text quoting an email is sealed too. The one
 * exception is the message of a failure whose type a {@link PlainFailureTypes} bean names (the
 * review Updates' refusals), see {@link SealingDataConverter}. Off only with {@code
 * leads.codec.enabled=false}; otherwise missing keys stop start-up.
 */
@AutoConfiguration(
    before = {RootNamespaceAutoConfiguration.class, TestServerAutoConfiguration.class})
@EnableConfigurationProperties(PayloadCodecProperties.class)
@ConditionalOnPayloadCodec
public class PayloadCodecAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PayloadCodecAutoConfiguration.class);

  @Bean
  AesGcmPayloadCodec leadPayloadCodec(PayloadCodecProperties properties) {
    CodecKeys keys = CodecKeys.from(properties);
    log.info(
        "Temporal payloads are sealed with key '{}'; keys that decrypt: {}",
        keys.ids().get(0),
        keys.ids());
    return new AesGcmPayloadCodec(keys);
  }

  /** Named so that the Temporal auto-configuration picks it among any other converters. */
  @Bean
  DataConverter mainDataConverter(
      AesGcmPayloadCodec codec, ObjectProvider<PlainFailureTypes> plainFailureTypes) {
    Set<String> types =
        plainFailureTypes
            .orderedStream()
            .flatMap(t -> t.types().stream())
            .collect(Collectors.toUnmodifiableSet());
    log.info("Failure messages left readable (their stack traces stay sealed): types {}", types);
    return new SealingDataConverter(codec, types);
  }
}
