package com.leadprocessor.connector.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.TRANSCRIPT_SECRET;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.lead;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.properties;
import static com.leadprocessor.connector.enrichment.EnrichmentFixtures.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.leadprocessor.workflow.enrichment.Enrichment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/** The transcript source against a local chatbot transcript endpoint. */
@ExtendWith(OutputCaptureExtension.class)
class TranscriptSourceTest {

  @RegisterExtension
  static WireMockExtension chatbot =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
          .build();

  private static final String PATH = "/transcripts/conv-12345";

  private final LeadEnrichmentActivitiesImpl activities =
      activitiesWith(DataSize.ofKilobytes(256), 2000);

  private static LeadEnrichmentActivitiesImpl activitiesWith(DataSize maxBytes, int maxChars) {
    EnrichmentProperties properties =
        properties(
            EnrichmentProperties.defaults().firmographics(),
            transcript(List.of("127.0.0.1"), maxBytes, maxChars));
    return new LeadEnrichmentActivitiesImpl(
        List.of(new TranscriptSource(properties), new EmailDomainCompanySource()), properties);
  }

  private static String transcriptUrl() {
    return "http://127.0.0.1:" + chatbot.getPort() + PATH;
  }

  private static String host() {
    return "127.0.0.1:" + chatbot.getPort();
  }

  private Enrichment enrichLead() {
    return activities.enrich(lead("8.8.4.4", transcriptUrl()));
  }

  @Test
  void plainTextTranscriptIsKeptWithTheAuthHeaderSent() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody("visitor: Do you support SSO?\r\nbot: Yes, SAML and OIDC.\r\n")));

    Enrichment enrichment = enrichLead();

    assertThat(enrichment.transcriptExcerpt())
        .isEqualTo("visitor: Do you support SSO?\nbot: Yes, SAML and OIDC.");
    assertThat(enrichment.unavailable()).isEmpty();
    chatbot.verify(
        1,
        getRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo(TRANSCRIPT_SECRET))
            .withHeader("Accept", equalTo("application/json, text/plain;q=0.9")));
  }

  @Test
  void jsonMessagesReadAsVisitorAndBotLines() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                okJson(
                    """
                    [
                      {"role": "system", "content": "You are the Acme sales assistant."},
                      {"role": "assistant", "content": "Hi! How can I help?"},
                      {"role": "user", "content": "Does your API support batch\\nprocessing\
                     for over 1 million records?"},
                      {"role": "assistant", "content": "That is a detailed question."},
                      {"role": "agent", "content": "Jo from sales here."},
                      {"role": "user", "content": ""}
                    ]
                    """)));

    assertThat(enrichLead().transcriptExcerpt())
        .isEqualTo(
            """
            bot: Hi! How can I help?
            visitor: Does your API support batch processing for over 1 million records?
            bot: That is a detailed question.
            agent: Jo from sales here.""");
  }

  @Test
  void jsonObjectWithMessagesIsReadToo() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/vnd.chatbot+json")
                    .withBody(
                        "{\"conversation_id\": \"conv-12345\", \"messages\": ["
                            + "{\"role\": \"visitor\", \"content\": \"Pricing for 500 seats?\"},"
                            + "{\"role\": \"bot\", \"content\": \"Let me get a specialist.\"}]}")));

    assertThat(enrichLead().transcriptExcerpt())
        .isEqualTo("visitor: Pricing for 500 seats?\nbot: Let me get a specialist.");
  }

  @Test
  void longTranscriptIsCutVisiblyAtAWordBoundary() {
    String words = "word ".repeat(1000);
    chatbot.stubFor(
        get(PATH).willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(words)));

    String excerpt = enrichLead().transcriptExcerpt();

    assertThat(excerpt).hasSizeLessThanOrEqualTo(2000).endsWith("word" + TranscriptSource.CUT_MARK);
    assertThat(excerpt.length()).isGreaterThan(1900);
  }

  @Test
  void oversizedTranscriptIsReadOnlyUpToTheBound() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain")
                    .withBody("chat ".repeat(400_000))));
    LeadEnrichmentActivitiesImpl bounded = activitiesWith(DataSize.ofBytes(1000), 2000);

    String excerpt = bounded.enrich(lead("8.8.4.4", transcriptUrl())).transcriptExcerpt();

    assertThat(excerpt)
        .startsWith("chat chat")
        .endsWith("chat" + TranscriptSource.CUT_MARK)
        .hasSizeLessThanOrEqualTo(1000 + TranscriptSource.CUT_MARK.length());
  }

  @Test
  void oversizedJsonTranscriptIsUnavailableRatherThanHalfParsed() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                okJson(
                    "[" + "{\"role\":\"user\",\"content\":\"hello there\"},".repeat(100) + "{}]")));
    LeadEnrichmentActivitiesImpl bounded = activitiesWith(DataSize.ofBytes(1000), 2000);

    Enrichment enrichment = bounded.enrich(lead("8.8.4.4", transcriptUrl()));

    assertThat(enrichment.transcriptExcerpt()).isNull();
    assertThat(enrichment.unavailable())
        .containsExactly(
            "transcript: "
                + host()
                + " answered a JSON transcript larger than the bound, not parsed");
  }

  @Test
  void missingTranscriptIsUnavailableWhileTheCompanyStillComes() {
    chatbot.stubFor(get(PATH).willReturn(aResponse().withStatus(404)));

    Enrichment enrichment = enrichLead();

    assertThat(enrichment.transcriptExcerpt()).isNull();
    assertThat(enrichment.unavailable())
        .containsExactly("transcript: " + host() + " answered HTTP 404");
    assertThat(enrichment.company()).isNotNull();
  }

  @Test
  void slowTranscriptIsUnavailable() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain")
                    .withBody("late")
                    .withFixedDelay(3000)));

    assertThat(enrichLead().unavailable())
        .containsExactly("transcript: " + host() + " did not answer within 1s");
  }

  @Test
  void redirectIsNotFollowed() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:1/x")));

    assertThat(enrichLead().unavailable())
        .containsExactly(
            "transcript: " + host() + " answered HTTP 302 (redirects are not followed)");
  }

  @Test
  void htmlIsNotTakenForATranscript() {
    chatbot.stubFor(
        get(PATH)
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<html></html>")));

    assertThat(enrichLead().unavailable())
        .containsExactly("transcript: " + host() + " answered text/html, not text/plain or JSON");
  }

  @Test
  void unlistedHostsAndOtherSchemesAreNeverFetched() {
    assertThat(
            activities
                .enrich(lead("8.8.4.4", "http://localhost:" + chatbot.getPort() + PATH))
                .unavailable())
        .containsExactly(
            "transcript: host localhost is not in leads.enrichment.transcript.allowed-hosts");
    assertThat(activities.enrich(lead("8.8.4.4", "file:///etc/passwd")).unavailable())
        .containsExactly("transcript: only http and https transcript URLs are fetched, not 'file'");
    assertThat(activities.enrich(lead("8.8.4.4", "not a url")).unavailable())
        .containsExactly("transcript: the transcript URL is not a valid URL");
    assertThat(chatbot.getAllServeEvents()).isEmpty();
  }

  @Test
  void leadWithoutTranscriptUrlSaysSo() {
    assertThat(activities.enrich(lead("8.8.4.4", null)).unavailable())
        .containsExactly("transcript: not sent");
  }

  @Test
  void sourceIsOffUntilAHostIsAllowed() {
    TranscriptSource off = new TranscriptSource(EnrichmentProperties.defaults());

    assertThat(off.enrich(lead("8.8.4.4", transcriptUrl())))
        .isEqualTo(EnrichmentContribution.none());
    assertThat(chatbot.getAllServeEvents()).isEmpty();
  }

  @Test
  void authHeaderValueIsNeverLoggedNorShownInConfiguration(CapturedOutput output) {
    chatbot.stubFor(get(PATH).willReturn(aResponse().withStatus(401)));

    Enrichment enrichment = enrichLead();

    assertThat(enrichment.unavailable())
        .containsExactly(
            "transcript: "
                + host()
                + " answered HTTP 401 (check leads.enrichment.transcript.auth-header-name and"
                + " auth-header-value)");
    assertThat(output.getAll()).contains("transcript").doesNotContain(TRANSCRIPT_SECRET);
    assertThat(transcript(List.of("127.0.0.1"), DataSize.ofKilobytes(1), 2000).toString())
        .contains("authHeaderValue=******")
        .doesNotContain(TRANSCRIPT_SECRET);
  }

  @Test
  void excerptKeepsShortTextsWholeAndCutsLongWordsWhereTheyAre() {
    assertThat(TranscriptSource.excerpt("short", 100, false)).isEqualTo("short");
    assertThat(TranscriptSource.excerpt("short", 100, true))
        .isEqualTo("short" + TranscriptSource.CUT_MARK);
    assertThat(TranscriptSource.excerpt("x".repeat(500), 100, false))
        .isEqualTo(
            "x".repeat(100 - TranscriptSource.CUT_MARK.length()) + TranscriptSource.CUT_MARK);
  }
}
