package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.leadprocessor.connector.ExampleLead;
import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.connector.TemporalUiProperties;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.routing.TopicMatch;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LeadAlertMessageTest {

  private static final String WORKFLOW_ID = "lead-conv-12345";

  private final LeadAlertMessage message =
      new LeadAlertMessage(
          new TemporalUiLinks(new TemporalUiProperties("http://localhost:8233/"), "default"));

  private static LeadAlert exampleAlert(CrmLead crmLead) {
    return new LeadAlert(
        WORKFLOW_ID,
        ExampleLead.event(),
        "potential.lead@example.com",
        ExampleLead.enterpriseRoute(),
        ExampleLead.acmeEnrichment(),
        crmLead,
        null);
  }

  private static LeadAlert alertWithQuestion(String question, Enrichment enrichment) {
    return new LeadAlert(
        WORKFLOW_ID,
        ExampleLead.event("jane@acme.com", question, "/pricing/enterprise", null),
        "jane@acme.com",
        ExampleLead.enterpriseRoute(),
        enrichment,
        null,
        null);
  }

  private static JsonObject json(ChatPostMessageRequest request) {
    return JsonParser.parseString(DryRunSlackAlertActivities.json(request)).getAsJsonObject();
  }

  private static List<String> texts(JsonElement element) {
    List<String> texts = new ArrayList<>();
    collectTexts(element, texts);
    return texts;
  }

  private static void collectTexts(JsonElement element, List<String> texts) {
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(child -> collectTexts(child, texts));
    } else if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      if (object.has("text") && object.get("text").isJsonPrimitive() && object.has("type")) {
        texts.add(object.get("text").getAsString());
      }
      object.entrySet().forEach(entry -> collectTexts(entry.getValue(), texts));
    }
  }

  @Test
  void alertShowsPriorityEmailQuestionCompanyPageAndRoute() {
    JsonObject request =
        json(
            message.build(
                exampleAlert(
                    new CrmLead(
                        "00Q5e00000AbCdE",
                        "https://acme.my.salesforce.com/00Q5e00000AbCdE",
                        true))));

    assertThat(request.get("channel").getAsString()).isEqualTo("#dev-sales");
    assertThat(request.get("unfurl_links").getAsBoolean()).isFalse();
    assertThat(request.get("text").getAsString())
        .isEqualTo(
            "HIGH priority lead: potential.lead@example.com asked \"Does your API support batch"
                + " processing for over 1 million records?\"");
    JsonArray blocks = request.getAsJsonArray("blocks");
    assertThat(blocks).hasSize(5);
    JsonObject header = blocks.get(0).getAsJsonObject();
    assertThat(header.get("type").getAsString()).isEqualTo("header");
    assertThat(header.getAsJsonObject("text").get("text").getAsString())
        .isEqualTo(":fire: HIGH priority lead from Acme Corp");
    assertThat(blocks.get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .isEqualTo(
            "*Question*\n>Does your API support batch processing for over 1 million records?");
    assertThat(texts(blocks.get(2)))
        .containsExactly(
            "*Email*\n<mailto:potential.lead@example.com|potential.lead@example.com>",
            "*Company*\nAcme Corp",
            "*Source page*\n/pricing/enterprise",
            "*Route*\n`enterprise+api` → #dev-sales · HIGH",
            "*Topics*\napi");
    assertThat(texts(blocks.get(3)))
        .containsExactly(
            "Conversation `conv-12345` · visitor anon-f8a9b2c1 ·"
                + " <https://api.chatbot.com/transcripts/conv-12345|transcript> · Chrome 118 on"
                + " Windows 10 · Salesforce Lead 00Q5e00000AbCdE (new)");
  }

  @Test
  void buttonsLinkToTheCrmLeadAndToTheWorkflowInTheTemporalUi() {
    JsonArray blocks =
        json(message.build(
                exampleAlert(new CrmLead("00Q1", "https://acme.my.salesforce.com/00Q1", true))))
            .getAsJsonArray("blocks");

    JsonArray buttons = blocks.get(4).getAsJsonObject().getAsJsonArray("elements");
    assertThat(buttons).hasSize(2);
    assertThat(buttons.get(0).getAsJsonObject().get("url").getAsString())
        .isEqualTo("https://acme.my.salesforce.com/00Q1");
    assertThat(buttons.get(0).getAsJsonObject().get("style").getAsString()).isEqualTo("primary");
    assertThat(buttons.get(1).getAsJsonObject().get("url").getAsString())
        .isEqualTo("http://localhost:8233/namespaces/default/workflows/lead-conv-12345");
  }

  @Test
  void dryRunCrmLeadWithoutUrlGetsOnlyTheWorkflowButton() {
    JsonArray blocks =
        json(message.build(exampleAlert(new CrmLead("dry-run-conv-12345", null, true))))
            .getAsJsonArray("blocks");

    JsonArray buttons = blocks.get(4).getAsJsonObject().getAsJsonArray("elements");
    assertThat(buttons).hasSize(1);
    assertThat(buttons.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("Open workflow in Temporal");
  }

  @Test
  void alertShowsWhyTheLeadTookItsRoute() {
    Route route =
        new Route(
            "competitor",
            "#sales-leads",
            null,
            LeadPriority.HIGH,
            List.of("migration"),
            new TopicMatch("migration", 0.54, "Can you import our historical records?", "meaning"),
            null);
    LeadAlert alert =
        new LeadAlert(
            WORKFLOW_ID,
            ExampleLead.event("jane@acme.com", "Move our old CRM over?", "/", null),
            "jane@acme.com",
            route,
            null,
            null,
            null);

    JsonArray blocks = json(message.build(alert)).getAsJsonArray("blocks");

    assertThat(texts(blocks.get(2)))
        .contains(
            "*Why this route*\ntopic migration 0.54, like \"Can you import our historical"
                + " records?\"");
  }

  @Test
  void companySizeIsShownWhenKnown() {
    Enrichment enrichment =
        new Enrichment(
            new Company("Acme Corp", "acme.com", "51-200", "Software", "ip-firmographics"),
            null,
            null,
            List.of("user agent: not sent"));

    JsonArray blocks =
        json(message.build(alertWithQuestion("Pricing?", enrichment))).getAsJsonArray("blocks");

    assertThat(texts(blocks.get(2))).contains("*Company*\nAcme Corp · 51-200 employees");
    assertThat(texts(blocks.get(3))).contains("Enrichment unavailable: user agent: not sent");
  }

  @Test
  void visitorTextIsEscapedSoItCannotMentionChannelsOrForgeLinks() {
    JsonArray blocks =
        json(message.build(
                alertWithQuestion("<!channel> see <https://evil.example|docs> & more", null)))
            .getAsJsonArray("blocks");

    assertThat(texts(blocks.get(1)))
        .containsExactly(
            "*Question*\n>&lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; more");
  }

  @Test
  void longQuestionIsTruncatedVisiblyWithinTheTextLimit() {
    String question = "a".repeat(5_000);

    JsonArray blocks =
        json(message.build(alertWithQuestion(question, null))).getAsJsonArray("blocks");

    String shown = texts(blocks.get(1)).get(0);
    assertThat(shown)
        .hasSizeLessThanOrEqualTo(LeadAlertMessage.MAX_TEXT)
        .contains(
            "a".repeat(LeadAlertMessage.MAX_QUESTION)
                + "… [truncated: 2100 more characters, see the transcript]");
  }

  @Test
  void everyTextStaysWithinSlackLimitsWhateverTheInput() {
    String huge = "&<>".repeat(4_000);
    Enrichment enrichment =
        new Enrichment(
            new Company(huge, "acme.com", huge, null, "email-domain"),
            null,
            null,
            Collections.nCopies(500, "source: " + huge));

    JsonObject request = json(message.build(alertWithQuestion(huge, enrichment)));

    assertThat(request.getAsJsonArray("blocks").size())
        .isLessThanOrEqualTo(LeadAlertMessage.MAX_BLOCKS);
    assertThat(texts(request.getAsJsonArray("blocks")))
        .allSatisfy(
            text -> {
              assertThat(text).hasSizeLessThanOrEqualTo(LeadAlertMessage.MAX_TEXT);
              assertThat(text).doesNotContainPattern("&[a-z]{0,3}…");
            });
    assertThat(request.get("text").getAsString())
        .hasSizeLessThanOrEqualTo(LeadAlertMessage.MAX_TEXT);
    JsonObject header = request.getAsJsonArray("blocks").get(0).getAsJsonObject();
    assertThat(header.getAsJsonObject("text").get("text").getAsString())
        .hasSizeLessThanOrEqualTo(150);
  }

  @Test
  void dryRunLogsTheRequestAsTheSlackSdkSerialisesIt(CapturedOutput output) {
    SlackMessage posted =
        new DryRunSlackAlertActivities(message, SlackProperties.defaults())
            .postLeadAlert(exampleAlert(new CrmLead("x", null, true)));

    assertThat(posted).isEqualTo(new SlackMessage("#dev-sales", "dry-run"));
    assertThat(output)
        .contains("Slack DRY RUN (leads.slack.mode=auto, SLACK_BOT_TOKEN not set)")
        .contains("would POST https://slack.com/api/chat.postMessage")
        .contains("\"channel\": \"#dev-sales\"")
        .contains("\"type\": \"header\"")
        .contains("\"event_type\": \"lead_alert\"")
        .contains("\"workflow_id\": \"lead-conv-12345\"")
        .contains("potential.lead@example.com");
  }
}
