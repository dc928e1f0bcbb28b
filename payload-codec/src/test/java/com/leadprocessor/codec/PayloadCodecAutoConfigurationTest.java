package com.leadprocessor.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
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
                    .isInstanceOf(CodecDataConverter.class));
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
