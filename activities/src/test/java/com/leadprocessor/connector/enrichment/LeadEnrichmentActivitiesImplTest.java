package com.leadprocessor.connector.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import com.leadprocessor.workflow.verification.VerificationResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ua_parser.Parser;

class LeadEnrichmentActivitiesImplTest {

  private static final Parser PARSER = new Parser();

  private final LeadEnrichmentActivitiesImpl activities =
      new LeadEnrichmentActivitiesImpl(
          List.of(new EmailDomainCompanySource(), new UserAgentSource(PARSER)),
          EnrichmentProperties.defaults());

  private static EnrichmentInput input(String email, boolean free, String userAgent) {
    String domain = email.substring(email.indexOf('@') + 1);
    return new EnrichmentInput(
        ExampleLead.event(email, ExampleLead.QUESTION, "/pricing/enterprise", userAgent),
        VerificationResult.accepted(email, domain, free));
  }

  @Test
  void businessDomainNamesTheCompany() {
    Enrichment enrichment = activities.enrich(input("jane@acme-corp.com", false, null));

    assertThat(enrichment.company())
        .isEqualTo(new Company("Acme Corp", "acme-corp.com", null, null, "email-domain"));
  }

  @Test
  void companyIsNamedAfterTheRegistrableDomainBelowItsPublicSuffix() {
    Enrichment enrichment = activities.enrich(input("jane@mail.big-bank.co.uk", false, null));

    assertThat(enrichment.company().name()).isEqualTo("Big Bank");
    assertThat(enrichment.company().domain()).isEqualTo("big-bank.co.uk");
  }

  @Test
  void freeMailNamesNoCompanyAndSaysWhy() {
    Enrichment enrichment =
        activities.enrich(input("jane@gmail.com", true, ExampleLead.USER_AGENT));

    assertThat(enrichment.company()).isNull();
    assertThat(enrichment.unavailable())
        .containsExactly("company: free email provider gmail.com names no company");
  }

  @Test
  void userAgentIsParsedInTheParsersWords() {
    Enrichment enrichment =
        activities.enrich(input("jane@acme-corp.com", false, ExampleLead.USER_AGENT));

    assertThat(enrichment.userAgent())
        .isEqualTo(new UserAgentDetails("Chrome 118", "Windows 10", "Other"));
    assertThat(enrichment.unavailable()).isEmpty();
  }

  @Test
  void missingUserAgentIsListedAsUnavailableWhileTheCompanyStillComes() {
    Enrichment enrichment = activities.enrich(input("jane@acme-corp.com", false, null));

    assertThat(enrichment.userAgent()).isNull();
    assertThat(enrichment.company()).isNotNull();
    assertThat(enrichment.unavailable()).containsExactly("user agent: not sent");
  }

  @Test
  void failingSourceIsListedAsUnavailableWhileTheOthersContribute() {
    EnrichmentSource broken =
        new EnrichmentSource() {
          @Override
          public String name() {
            return "ip firmographics";
          }

          @Override
          public EnrichmentContribution enrich(EnrichmentInput input) {
            throw new IllegalStateException("provider answered 503");
          }
        };
    LeadEnrichmentActivitiesImpl withBrokenSource =
        new LeadEnrichmentActivitiesImpl(
            List.of(broken, new EmailDomainCompanySource(), new UserAgentSource(PARSER)),
            EnrichmentProperties.defaults());

    Enrichment enrichment =
        withBrokenSource.enrich(input("jane@acme-corp.com", false, ExampleLead.USER_AGENT));

    assertThat(enrichment.unavailable())
        .containsExactly("ip firmographics: failed: provider answered 503");
    assertThat(enrichment.company().name()).isEqualTo("Acme Corp");
    assertThat(enrichment.userAgent()).isNotNull();
  }

  @Test
  void unverifiedLeadGetsNoCompany() {
    Enrichment enrichment =
        activities.enrich(
            new EnrichmentInput(ExampleLead.event(), VerificationResult.rejected("fake")));

    assertThat(enrichment.company()).isNull();
    assertThat(enrichment.unavailable()).containsExactly("company: no verified email domain");
  }

  @Test
  void slowSourcesRunInParallel() {
    CountDownLatch bothRunning = new CountDownLatch(2);
    LeadEnrichmentActivitiesImpl withSlowSources =
        new LeadEnrichmentActivitiesImpl(
            List.of(
                meeting("first", bothRunning),
                meeting("second", bothRunning),
                new EmailDomainCompanySource()),
            EnrichmentProperties.defaults());

    Enrichment enrichment = withSlowSources.enrich(input("jane@acme-corp.com", false, null));

    // Each source waits for the other to be running: run one after the other, they never meet.
    assertThat(enrichment.unavailable())
        .containsExactly("first: met the other source", "second: met the other source");
  }

  @Test
  void sourceStillBusyAtTheOverallTimeoutIsListedAndTheOthersContribute() {
    EnrichmentProperties defaults = EnrichmentProperties.defaults();
    LeadEnrichmentActivitiesImpl withHungSource =
        new LeadEnrichmentActivitiesImpl(
            List.of(
                sleeping("ip firmographics", Duration.ofSeconds(10)),
                new EmailDomainCompanySource(),
                new UserAgentSource(PARSER)),
            new EnrichmentProperties(
                Duration.ofMillis(300), defaults.firmographics(), defaults.transcript()));

    Enrichment enrichment =
        withHungSource.enrich(input("jane@acme-corp.com", false, ExampleLead.USER_AGENT));

    assertThat(enrichment.unavailable())
        .containsExactly("ip firmographics: no answer within 300ms");
    assertThat(enrichment.company().name()).isEqualTo("Acme Corp");
    assertThat(enrichment.userAgent()).isNotNull();
    withHungSource.destroy();
  }

  private static EnrichmentSource meeting(String name, CountDownLatch bothRunning) {
    return new EnrichmentSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public EnrichmentContribution enrich(EnrichmentInput input) {
        bothRunning.countDown();
        try {
          boolean met = bothRunning.await(3, TimeUnit.SECONDS);
          return EnrichmentContribution.unavailable(met ? "met the other source" : "ran alone");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return EnrichmentContribution.unavailable("interrupted");
        }
      }
    };
  }

  private static EnrichmentSource sleeping(String name, Duration duration) {
    return new EnrichmentSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public EnrichmentContribution enrich(EnrichmentInput input) {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return EnrichmentContribution.unavailable("slept");
      }
    };
  }
}
