package com.leadprocessor.connector.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.LeadActivitiesConfiguration;
import com.leadprocessor.workflow.enrichment.Enrichment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** The enrichment sources as the worker wires them, from properties. */
class EnrichmentConfigurationTest {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withUserConfiguration(LeadActivitiesConfiguration.class)
          .withPropertyValues("leads.task-queue=leads");

  @Test
  void withNoConfigurationBothHttpSourcesAreOffAndSilent() {
    contextRunner.run(
        context -> {
          assertThat(context).hasNotFailed();
          EnrichmentProperties properties = context.getBean(EnrichmentProperties.class);
          assertThat(properties.firmographics().enabled()).isFalse();
          assertThat(properties.transcript().enabled()).isFalse();
          assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.firmographics().cacheTtl()).isEqualTo(Duration.ofHours(24));
          assertThat(properties.firmographics().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
          assertThat(properties.firmographics().readTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(properties.transcript().maxBytes()).isEqualTo(DataSize.ofKilobytes(256));
          assertThat(properties.transcript().maxExcerptChars()).isEqualTo(2000);
          assertThat(context.getBeansOfType(EnrichmentSource.class))
              .containsOnlyKeys(
                  "ipFirmographicsSource",
                  "emailDomainCompanySource",
                  "userAgentSource",
                  "transcriptSource");

          Enrichment enrichment =
              context
                  .getBean(LeadEnrichmentActivitiesImpl.class)
                  .enrich(EnrichmentFixtures.lead("8.8.4.4", "https://api.chatbot.com/t/1"));

          assertThat(enrichment.unavailable()).isEmpty();
          assertThat(enrichment.company().source()).isEqualTo("email-domain");
          assertThat(enrichment.transcriptExcerpt()).isNull();
        });
  }

  @Test
  void emptyValuesFromUnsetEnvironmentVariablesMeanOff() {
    contextRunner
        .withPropertyValues(
            "leads.enrichment.firmographics.url=",
            "leads.enrichment.firmographics.token=",
            "leads.enrichment.transcript.allowed-hosts=",
            "leads.enrichment.transcript.auth-header-name=",
            "leads.enrichment.transcript.auth-header-value=")
        .run(
            context -> {
              EnrichmentProperties properties = context.getBean(EnrichmentProperties.class);
              assertThat(properties.firmographics().enabled()).isFalse();
              assertThat(properties.transcript().enabled()).isFalse();
            });
  }

  @Test
  void propertiesTurnTheSourcesOn() {
    contextRunner
        .withPropertyValues(
            "leads.enrichment.timeout=4s",
            "leads.enrichment.firmographics.url=https://reveal.clearbit.com/v1/companies/find?ip={ip}",
            "leads.enrichment.firmographics.token=sk_test",
            "leads.enrichment.firmographics.cache-ttl=12h",
            "leads.enrichment.transcript.allowed-hosts=api.chatbot.com, Transcripts.Chatbot.com",
            "leads.enrichment.transcript.auth-header-name=X-Api-Key",
            "leads.enrichment.transcript.auth-header-value=k",
            "leads.enrichment.transcript.max-bytes=64KB",
            "leads.enrichment.transcript.max-excerpt-chars=1500")
        .run(
            context -> {
              EnrichmentProperties properties = context.getBean(EnrichmentProperties.class);
              assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(4));
              assertThat(properties.firmographics().enabled()).isTrue();
              assertThat(properties.firmographics().cacheTtl()).isEqualTo(Duration.ofHours(12));
              assertThat(properties.transcript().allowedHosts())
                  .isEqualTo(List.of("api.chatbot.com", "transcripts.chatbot.com"));
              assertThat(properties.transcript().maxBytes()).isEqualTo(DataSize.ofKilobytes(64));
              assertThat(properties.transcript().maxExcerptChars()).isEqualTo(1500);
            });
  }

  @Test
  void urlWithoutThePlaceholderStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.enrichment.firmographics.url=https://reveal.clearbit.com/find")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "leads.enrichment.firmographics.url must contain the placeholder {ip}"));
  }

  @Test
  void nonHttpUrlStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.enrichment.firmographics.url=ftp://files.example.net/{ip}")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "leads.enrichment.firmographics.url must be an http or https URL"));
  }

  @Test
  void tokenWithoutUrlStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.enrichment.firmographics.token=sk_live_abc")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "leads.enrichment.firmographics.token is set but"
                            + " leads.enrichment.firmographics.url is not")
                    .satisfies(
                        failure -> assertThat(failure.toString()).doesNotContain("sk_live_abc")));
  }

  @Test
  void authHeaderWithoutAllowedHostsStopsStartUp() {
    contextRunner
        .withPropertyValues(
            "leads.enrichment.transcript.auth-header-name=Authorization",
            "leads.enrichment.transcript.auth-header-value=Bearer x")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "leads.enrichment.transcript.auth-header-name is set but"
                            + " leads.enrichment.transcript.allowed-hosts is empty"));
  }

  @Test
  void nonPositiveTimeoutStopsStartUp() {
    contextRunner
        .withPropertyValues("leads.enrichment.firmographics.read-timeout=0s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "leads.enrichment.firmographics.read-timeout must be positive"));
  }
}
