package com.leadprocessor.connector.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.TOKEN;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.firmographics;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.leadFrom;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ua_parser.Parser;

/** The firmographics source against a local provider answering in the Clearbit Reveal format. */
@ExtendWith(OutputCaptureExtension.class)
class IpFirmographicsSourceTest {

  @RegisterExtension
  static WireMockExtension provider =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .build();

  private static final Parser PARSER = new Parser();

  /** A Reveal answer for a company network, trimmed to a realistic handful of fields. */
  static final String GLOBEX =
      """
      {
        "ip": "8.8.4.4",
        "fuzzy": false,
        "domain": "globex.com",
        "type": "company",
        "company": {
          "id": "027b0d40-016c-40ea-8925-a076fa640992",
          "name": "Globex Corporation",
          "legalName": "Globex Corporation Inc.",
          "domain": "globex.com",
          "category": {
            "sector": "Information Technology",
            "industryGroup": "Software & Services",
            "industry": "Internet Software & Services",
            "subIndustry": "Internet Software & Services"
          },
          "metrics": {"employees": 850, "employeesRange": "251-1K"},
          "geo": {"city": "Springfield", "country": "United States", "countryCode": "US"}
        },
        "geoIP": {"city": "Springfield", "country": "United States", "countryCode": "US"}
      }
      """;

  private final EnrichmentFixtures.TestTicker ticker = new EnrichmentFixtures.TestTicker();
  private final IpFirmographicsSource source =
      new IpFirmographicsSource(firmographics(providerUrl(), TOKEN), ticker);
  private final LeadEnrichmentActivitiesImpl activities =
      new LeadEnrichmentActivitiesImpl(
          List.of(source, new EmailDomainCompanySource(), new UserAgentSource(PARSER)),
          EnrichmentProperties.defaults());

  private static String providerUrl() {
    return "http://127.0.0.1:" + provider.getPort() + "/v1/companies/find?ip={ip}";
  }

  @Test
  void providerCompanyWinsOverTheEmailDomainCompany() {
    provider.stubFor(get(urlPathEqualTo("/v1/companies/find")).willReturn(okJson(GLOBEX)));

    Enrichment enrichment = activities.enrich(leadFrom("8.8.4.4"));

    assertThat(enrichment.company())
        .isEqualTo(
            new Company(
                "Globex Corporation",
                "globex.com",
                "251-1K",
                "Internet Software & Services",
                "ip-firmographics",
                "US"));
    assertThat(enrichment.unavailable()).isEmpty();
    provider.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/companies/find?ip=8.8.4.4"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void ipv6AddressIsSentInItsShortForm() {
    provider.stubFor(get(urlPathEqualTo("/v1/companies/find")).willReturn(okJson(GLOBEX)));

    source.enrich(leadFrom("2607:F8B0:4005:080A:0000:0000:0000:200E"));

    provider.verify(
        1, getRequestedFor(urlEqualTo("/v1/companies/find?ip=2607%3Af8b0%3A4005%3A80a%3A%3A200e")));
  }

  @Test
  void designExampleAddressIsDocumentationAndNeverSent() {
    Enrichment enrichment = activities.enrich(leadFrom("203.0.113.1"));

    assertThat(enrichment.unavailable())
        .containsExactly(
            "ip firmographics: 203.0.113.1 is a reserved documentation address, never looked up");
    assertThat(enrichment.company().source()).isEqualTo("email-domain");
    assertThat(provider.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest(name = "{0} is a {1} address")
  @CsvSource({
    "10.1.2.3, private",
    "172.16.0.9, private",
    "192.168.1.20, private",
    "100.64.0.1, shared (carrier-grade NAT)",
    "127.0.0.1, loopback",
    "169.254.169.254, link-local",
    "0.0.0.0, reserved",
    "240.0.0.1, reserved",
    "255.255.255.255, reserved",
    "192.0.2.55, reserved documentation",
    "198.51.100.7, reserved documentation",
    "198.18.0.1, reserved benchmarking",
    "224.0.0.251, multicast",
    "::1, loopback",
    "::, unspecified",
    "fe80::1, link-local",
    "fd12:3456::1, private",
    "2001:db8::1, reserved documentation",
    "ff02::1, multicast",
    "::ffff:10.0.0.1, private"
  })
  void nonPublicAddressesAreNeverSent(String ip, String kind) {
    EnrichmentContribution contribution = source.enrich(leadFrom(ip));

    assertThat(contribution.unavailableReason())
        .isEqualTo(ip + " is a " + kind + " address, never looked up");
    assertThat(provider.getAllServeEvents()).isEmpty();
  }

  @Test
  void missingOrMalformedIpIsNamedAndNeverSent() {
    assertThat(source.enrich(leadFrom(null)).unavailableReason()).isEqualTo("no visitor IP sent");
    assertThat(source.enrich(leadFrom("  ")).unavailableReason()).isEqualTo("no visitor IP sent");
    assertThat(source.enrich(leadFrom("intranet.acme.local")).unavailableReason())
        .isEqualTo("'intranet.acme.local' is not an IP address");
    assertThat(provider.getAllServeEvents()).isEmpty();
  }

  @Test
  void secondLeadFromTheSameIpIsAnsweredFromTheCache() {
    provider.stubFor(get(urlPathEqualTo("/v1/companies/find")).willReturn(okJson(GLOBEX)));

    Company first = source.enrich(leadFrom("8.8.4.4")).company();
    ticker.advance(Duration.ofHours(23));
    Company second = source.enrich(leadFrom("8.8.4.4")).company();

    assertThat(second).isEqualTo(first).isNotNull();
    provider.verify(1, getRequestedFor(urlPathEqualTo("/v1/companies/find")));
  }

  @Test
  void cachedCompanyExpiresAfterTheCacheTtl() {
    provider.stubFor(get(urlPathEqualTo("/v1/companies/find")).willReturn(okJson(GLOBEX)));

    source.enrich(leadFrom("8.8.4.4"));
    ticker.advance(Duration.ofHours(24));
    source.enrich(leadFrom("8.8.4.4"));

    provider.verify(2, getRequestedFor(urlEqualTo("/v1/companies/find?ip=8.8.4.4")));
  }

  @Test
  void unknownIpIsRememberedForTheShorterNegativeTtl() {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"unknown_record\",\"message\":\"Unknown IP.\"}}")));

    EnrichmentContribution first = source.enrich(leadFrom("81.2.69.160"));
    ticker.advance(Duration.ofMinutes(59));
    source.enrich(leadFrom("81.2.69.160"));
    ticker.advance(Duration.ofMinutes(1));
    source.enrich(leadFrom("81.2.69.160"));

    assertThat(first.unavailableReason()).isEqualTo("no company known for 81.2.69.160");
    provider.verify(2, getRequestedFor(urlEqualTo("/v1/companies/find?ip=81.2.69.160")));
  }

  @Test
  void answerWithoutACompanyMeansNoneIsKnown() {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find"))
            .willReturn(
                okJson(
                    "{\"ip\":\"81.2.69.160\",\"fuzzy\":false,\"domain\":null,\"company\":null}")));

    EnrichmentContribution contribution = source.enrich(leadFrom("81.2.69.160"));

    assertThat(contribution.company()).isNull();
    assertThat(contribution.unavailableReason()).isEqualTo("no company known for 81.2.69.160");
  }

  @Test
  void slowProviderIsUnavailableWhileTheOtherSourcesContribute() {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find")).willReturn(okJson(GLOBEX).withFixedDelay(3000)));

    Enrichment enrichment = activities.enrich(leadFrom("8.8.4.4"));

    assertThat(enrichment.unavailable())
        .containsExactly(
            "ip firmographics: 127.0.0.1:" + provider.getPort() + " did not answer within 1s");
    assertThat(enrichment.company().source()).isEqualTo("email-domain");
    assertThat(enrichment.userAgent()).isNotNull();
  }

  @Test
  void serverErrorIsUnavailableAndNotCached() {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find")).willReturn(aResponse().withStatus(500)));

    Enrichment enrichment = activities.enrich(leadFrom("8.8.4.4"));
    activities.enrich(leadFrom("8.8.4.4"));

    assertThat(enrichment.unavailable())
        .containsExactly(
            "ip firmographics: 127.0.0.1:" + provider.getPort() + " answered HTTP 500");
    assertThat(enrichment.company().source()).isEqualTo("email-domain");
    provider.verify(2, getRequestedFor(urlPathEqualTo("/v1/companies/find")));
  }

  @Test
  void rejectedTokenSaysWhichPropertyToCheck() {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find")).willReturn(aResponse().withStatus(401)));

    assertThat(activities.enrich(leadFrom("8.8.4.4")).unavailable())
        .containsExactly(
            "ip firmographics: 127.0.0.1:"
                + provider.getPort()
                + " answered HTTP 401 (check leads.enrichment.firmographics.token)");
  }

  @Test
  void invalidJsonIsUnavailable() {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find"))
            .willReturn(okJson("{\"company\": {\"name\": \"Glob")));

    Enrichment enrichment = activities.enrich(leadFrom("8.8.4.4"));

    assertThat(enrichment.unavailable())
        .containsExactly(
            "ip firmographics: 127.0.0.1:" + provider.getPort() + " answered invalid JSON");
    assertThat(enrichment.company().source()).isEqualTo("email-domain");
  }

  @Test
  void closedPortIsUnavailable() {
    IpFirmographicsSource nowhere =
        new IpFirmographicsSource(
            firmographics("http://127.0.0.1:9/v1/companies/find?ip={ip}", TOKEN), ticker);
    LeadEnrichmentActivitiesImpl withNowhere =
        new LeadEnrichmentActivitiesImpl(List.of(nowhere), EnrichmentProperties.defaults());

    assertThat(withNowhere.enrich(leadFrom("8.8.4.4")).unavailable())
        .containsExactly("ip firmographics: could not connect to 127.0.0.1:9");
  }

  @Test
  void tokenIsNeverLoggedNorShownInConfiguration(CapturedOutput output) {
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find")).willReturn(aResponse().withStatus(500)));

    activities.enrich(leadFrom("8.8.4.4"));
    provider.resetAll();
    provider.stubFor(
        get(urlPathEqualTo("/v1/companies/find")).willReturn(okJson(GLOBEX).withFixedDelay(3000)));
    activities.enrich(leadFrom("8.8.8.8"));

    assertThat(output.getAll()).contains("ip firmographics").doesNotContain(TOKEN);
    assertThat(firmographics(providerUrl(), TOKEN).toString())
        .contains("token=******")
        .doesNotContain(TOKEN);
    assertThat(source.toString()).doesNotContain(TOKEN);
  }

  @Test
  void unconfiguredSourceSendsNothingAndReportsNothing() {
    IpFirmographicsSource off = new IpFirmographicsSource(EnrichmentProperties.defaults());

    EnrichmentContribution contribution = off.enrich(leadFrom("9.9.9.9"));

    assertThat(contribution).isEqualTo(EnrichmentContribution.none());
    // An address no other test sends: a late request of an earlier test (one that timed out on
    // the client side) may still reach the shared provider while this test runs.
    provider.verify(0, getRequestedFor(urlEqualTo("/v1/companies/find?ip=9.9.9.9")));
  }
}
