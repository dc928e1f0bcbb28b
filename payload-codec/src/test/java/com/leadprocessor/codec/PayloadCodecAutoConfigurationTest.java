package com.leadprocessor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.DataConverter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PayloadCodecAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PayloadCodecAutoConfiguration.class));

  @Test
  void configuredKeysGiveTemporalASealingConverter() {
    runner
        .withPropertyValues("leads.codec.keys=" + TestKeys.NEW + "," + TestKeys.OLD)
        .run(
            context ->
                assertThat(context.getBean("mainDataConverter", DataConverter.class))
                    .isInstanceOf(SealingDataConverter.class));
  }

  @Test
  void failureTypesDeclaredAsBeansKeepTheirMessagesReadable() {
    runner
        .withPropertyValues("leads.codec.keys=" + TestKeys.NEW)
        .withBean(
            PlainFailureTypes.class,
            () -> PlainFailureTypes.of(List.of(IllegalStateException.class.getName())))
        .run(
            context -> {
              DataConverter converter = context.getBean("mainDataConverter", DataConverter.class);
              assertThat(
                      converter
                          .exceptionToFailure(new IllegalStateException("not in review"))
                          .getMessage())
                  .isEqualTo("not in review");
              assertThat(
                      converter
                          .exceptionToFailure(new IllegalArgumentException("a@example.com"))
                          .getMessage())
                  .isEqualTo("Encoded failure");
            });
  }

  @Test
  void missingKeyStopsStartUpWithAReportNamingTheSetting() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis =
              new InvalidCodecKeysFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).contains("leads.codec.keys");
          assertThat(analysis.getAction()).contains("LEADS_CODEC_KEYS").contains("openssl rand");
        });
  }

  @Test
  void disabledCodecLeavesTheDefaultConverter() {
    runner
        .withPropertyValues("leads.codec.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(DataConverter.class));
  }
}
