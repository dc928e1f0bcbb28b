package com.leadprocessor.connector.slack;

import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.claim.AlertActions;
import com.leadprocessor.workflow.claim.ClaimView;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import com.leadprocessor.workflow.lead.LeadCaptureEvent;
import com.leadprocessor.workflow.routing.LeadPriority;
import com.leadprocessor.workflow.routing.Route;
import com.leadprocessor.workflow.salesforce.CrmLead;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.LeadAlert;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.model.Message;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Builds the Block Kit alert for a lead: a header with the priority, the email, the question, the
 * company, source page and route, and buttons to the CRM Lead and to the workflow in the Temporal
 * UI. Everything the visitor typed is escaped, so a question cannot mention {@code @channel} or
 * forge a link, and every text is cut to Slack's limits.
 *
 * <p>When the lead's route asks for a claim ({@link Route#claim()}), the alert also carries an
 * actions block with the block id {@link AlertActions#blockId} and the buttons the lead's status
 * allows: <i>Claim</i> and <i>Not a lead</i> while it waits for a claim, <i>Hand back</i> and
 * <i>Not a lead</i> once claimed, none once it is closed; a line above them says who has it. A
 * route without a claim policy gets the alert exactly as before claims existed.
 */
@Component
public class LeadAlertMessage {

  /** The {@code event_type} of the metadata on every lead alert. */
  public static final String METADATA_EVENT_TYPE = "lead_alert";

  /** The metadata payload key naming the lead's workflow. */
  public static final String METADATA_WORKFLOW_ID = "workflow_id";

  /** The metadata payload key naming the lead's conversation. */
  public static final String METADATA_CONVERSATION_ID = "conversation_id";

  /** Slack's limit on blocks in one message. */
  static final int MAX_BLOCKS = 50;

  /** Slack's limit on the text of a section or context text object. */
  static final int MAX_TEXT = 3000;

  /** Questions longer than this are cut visibly, leaving room for the label in the same text. */
  static final int MAX_QUESTION = 2900;

  private static final int MAX_HEADER = 150;
  private static final int MAX_FIELD = 2000;
  private static final int MAX_FALLBACK_QUESTION = 300;
  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|]+");
  private static final Pattern PARTIAL_ENTITY_AT_END = Pattern.compile("&[a-z]{0,3}$");

  /** The Not a lead menu's label of each reason in {@link AlertActions#NOT_A_LEAD_REASONS}. */
  private static final Map<String, String> REASON_LABELS =
      Map.of(
          "spam", "Spam",
          "existing-customer", "Existing customer",
          "job-seeker", "Job seeker",
          "vendor", "Vendor or partner pitch",
          "other", "Other");

  private final TemporalUiLinks temporalUi;

  public LeadAlertMessage(TemporalUiLinks temporalUi) {
    this.temporalUi = temporalUi;
  }

  /** The {@code chat.postMessage} request for the lead's routed channel. */
  public ChatPostMessageRequest build(LeadAlert alert) {
    return build(alert, alert.route().slackChannel());
  }

  /**
   * The {@code chat.postMessage} request for a channel. The message carries metadata naming the
   * lead's workflow, so a retried post can find out whether an earlier attempt already posted it.
   */
  public ChatPostMessageRequest build(LeadAlert alert, String channel) {
    LeadStatus status = alert.route().claim() == null ? null : LeadStatus.AWAITING_CLAIM;
    List<LayoutBlock> blocks = blocks(alert, channel, status, null);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(METADATA_WORKFLOW_ID, alert.workflowId());
    payload.put(METADATA_CONVERSATION_ID, alert.event().conversationId());
    return ChatPostMessageRequest.builder()
        .channel(channel)
        .metadata(new Message.Metadata(METADATA_EVENT_TYPE, payload))
        .text(fallbackText(alert))
        .blocks(blocks)
        .unfurlLinks(false)
        .unfurlMedia(false)
        .build();
  }

  /**
   * The {@code chat.update} request that rewrites a posted alert for the lead's status now: the
   * message is addressed by the channel id and ts its post returned, and {@code channel} is the
   * channel as the alert names it in its details.
   */
  public ChatUpdateRequest update(AlertUpdate update, String channel) {
    LeadAlert alert = update.alert();
    List<LayoutBlock> blocks = blocks(alert, channel, update.status(), update.claim());
    String status = statusText(update.status(), update.claim());
    return ChatUpdateRequest.builder()
        .channel(update.message().channel())
        .ts(update.message().ts())
        .text(cut((status == null ? "" : status + " · ") + fallbackText(alert), MAX_TEXT))
        .blocks(blocks)
        .build();
  }

  /**
   * The alert's blocks. {@code status} is null for a route without a claim policy: no claim line,
   * no claim buttons.
   */
  private List<LayoutBlock> blocks(
      LeadAlert alert, String channel, LeadStatus status, ClaimView claim) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(alert));
    blocks.add(question(alert.event()));
    blocks.add(details(alert, channel));
    blocks.add(context(alert));
    if (status != null) {
      String line = statusText(status, claim);
      if (line != null) {
        blocks.add(
            ContextBlock.builder()
                .elements(List.<ContextBlockElement>of(markdown(line, MAX_TEXT)))
                .build());
      }
      List<BlockElement> actions = claimActions(alert.workflowId(), status);
      if (!actions.isEmpty()) {
        blocks.add(
            ActionsBlock.builder()
                .blockId(AlertActions.blockId(alert.workflowId()))
                .elements(actions)
                .build());
      }
    }
    blocks.add(buttons(alert));
    return blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks;
  }

  /** The claim buttons a lead in this status offers. */
  private static List<BlockElement> claimActions(String workflowId, LeadStatus status) {
    return switch (status) {
      case AWAITING_CLAIM, ESCALATED ->
          List.of(actionButton(AlertActions.CLAIM, "Claim", workflowId, "primary"), notALeadMenu());
      case CLAIMED ->
          List.of(
              actionButton(AlertActions.HAND_BACK, "Hand back", workflowId, null), notALeadMenu());
      default -> List.of();
    };
  }

  /**
   * The line that says where the lead stands; null for a status without one. Names only Slack user
   * ids (as mentions) and durations, never the lead's data.
   */
  static String statusText(LeadStatus status, ClaimView claim) {
    if (status == null) {
      return null;
    }
    String owner =
        claim == null || claim.ownerSlackUserId() == null
            ? null
            : "<@" + escape(claim.ownerSlackUserId()) + ">";
    return switch (status) {
      case AWAITING_CLAIM -> ":hourglass_flowing_sand: Waiting for someone to claim this lead";
      case ESCALATED ->
          ":rotating_light: Escalated: nobody claimed this lead in time. Claim it to own it";
      case CLAIMED -> claimedText(owner, claim);
      case NOT_A_LEAD ->
          ":no_entry_sign: Not a lead"
              + (claim == null || claim.notALeadReason() == null
                  ? ""
                  : " (" + reasonLabel(claim.notALeadReason()) + ")")
              + (owner == null ? "" : ", marked by " + owner);
      case UNCLAIMED -> ":warning: Unclaimed: nobody claimed this lead before its final deadline";
      default -> null;
    };
  }

  private static String claimedText(String owner, ClaimView claim) {
    StringBuilder text =
        new StringBuilder(":white_check_mark: Claimed by ").append(owner == null ? "?" : owner);
    if (claim != null && claim.secondsToClaim() != null) {
      text.append(" after ").append(readable(Duration.ofSeconds(claim.secondsToClaim())));
    }
    if (claim != null && claim.salesforceOwnerId() != null) {
      text.append(" · Salesforce owner ").append(escape(claim.salesforceOwnerId()));
    }
    if (claim != null && claim.ownerNote() != null) {
      text.append(" · ").append(escape(claim.ownerNote()));
    }
    return text.toString();
  }

  /** {@code 45s}, {@code 4m 12s}, {@code 2h 5m}: how long a lead waited. */
  static String readable(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : " " + (seconds % 60) + "s");
    }
    long minutes = (seconds % 3600) / 60;
    return (seconds / 3600) + "h" + (minutes == 0 ? "" : " " + minutes + "m");
  }

  /** The menu label of a Not a lead reason. */
  static String reasonLabel(String reason) {
    String label = REASON_LABELS.get(reason);
    if (label != null) {
      return label;
    }
    String words = escape(reason).replace('-', ' ');
    return words.isEmpty()
        ? words
        : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static ButtonElement actionButton(
      String actionId, String text, String workflowId, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(PlainTextObject.builder().text(text).emoji(false).build())
        .value(workflowId)
        .style(style)
        .build();
  }

  private static StaticSelectElement notALeadMenu() {
    List<OptionObject> options =
        AlertActions.NOT_A_LEAD_REASONS.stream()
            .map(
                reason ->
                    OptionObject.builder()
                        .text(PlainTextObject.builder().text(reasonLabel(reason)).build())
                        .value(reason)
                        .build())
            .toList();
    return StaticSelectElement.builder()
        .actionId(AlertActions.NOT_A_LEAD)
        .placeholder(PlainTextObject.builder().text("Not a lead").build())
        .options(options)
        .build();
  }

  private static HeaderBlock header(LeadAlert alert) {
    LeadPriority priority = alert.route().priority();
    String company = companyName(alert.enrichment());
    String text =
        emojiFor(priority)
            + " "
            + priority
            + " priority lead"
            + (company == null ? "" : " from " + company);
    return HeaderBlock.builder()
        .text(PlainTextObject.builder().text(cut(text, MAX_HEADER)).emoji(true).build())
        .build();
  }

  private static SectionBlock question(LeadCaptureEvent event) {
    String question = event.triggerQuery() == null ? "" : event.triggerQuery().strip();
    String shown = question;
    if (question.length() > MAX_QUESTION) {
      shown =
          question.substring(0, MAX_QUESTION)
              + "… [truncated: "
              + (question.length() - MAX_QUESTION)
              + " more characters, see the transcript]";
    }
    String quoted = ">" + escape(shown).replace("\n", "\n>");
    return SectionBlock.builder().text(markdown("*Question*\n" + quoted, MAX_TEXT)).build();
  }

  private static SectionBlock details(LeadAlert alert, String channel) {
    List<TextObject> fields = new ArrayList<>();
    String email = alert.email() == null ? "" : alert.email();
    String safeEmail = escape(email);
    fields.add(
        markdown(
            "*Email*\n"
                + (email.contains("|")
                    ? safeEmail
                    : "<mailto:" + safeEmail + "|" + safeEmail + ">"),
            MAX_FIELD));
    Company company = alert.enrichment() == null ? null : alert.enrichment().company();
    if (company != null && company.name() != null) {
      String size = company.size() == null ? "" : " · " + company.size() + " employees";
      fields.add(markdown("*Company*\n" + escape(company.name()) + size, MAX_FIELD));
    }
    String sourceUrl = alert.event().metadata().sourceUrl();
    if (sourceUrl != null && !sourceUrl.isBlank()) {
      fields.add(markdown("*Source page*\n" + escape(sourceUrl), MAX_FIELD));
    }
    Route route = alert.route();
    fields.add(
        markdown(
            "*Route*\n`%s` → %s · %s"
                .formatted(escape(route.rule()), escape(channel), route.priority()),
            MAX_FIELD));
    if (!route.topics().isEmpty()) {
      fields.add(markdown("*Topics*\n" + escape(String.join(", ", route.topics())), MAX_FIELD));
    }
    if (route.explanation() != null) {
      fields.add(markdown("*Why this route*\n" + escape(route.explanation()), MAX_FIELD));
    }
    return SectionBlock.builder().fields(fields).build();
  }

  private static ContextBlock context(LeadAlert alert) {
    LeadCaptureEvent event = alert.event();
    List<String> facts = new ArrayList<>();
    facts.add("Conversation `" + escape(event.conversationId()) + "`");
    if (event.visitorId() != null) {
      facts.add("visitor " + escape(event.visitorId()));
    }
    String transcript = event.conversationTranscriptUrl();
    if (transcript != null && SAFE_URL.matcher(transcript).matches()) {
      facts.add("<" + transcript + "|transcript>");
    }
    Enrichment enrichment = alert.enrichment();
    UserAgentDetails userAgent = enrichment == null ? null : enrichment.userAgent();
    if (userAgent != null) {
      facts.add(escape(userAgent.browser() + " on " + userAgent.os()));
    }
    CrmLead crmLead = alert.crmLead();
    facts.add(
        crmLead == null
            ? "Salesforce Lead: skipped"
            : "Salesforce Lead " + escape(crmLead.id()) + (crmLead.created() ? " (new)" : ""));
    List<ContextBlockElement> elements = new ArrayList<>();
    elements.add(markdown(String.join(" · ", facts), MAX_TEXT));
    if (enrichment != null && !enrichment.unavailable().isEmpty()) {
      elements.add(
          markdown(
              "Enrichment unavailable: " + escape(String.join("; ", enrichment.unavailable())),
              MAX_TEXT));
    }
    return ContextBlock.builder().elements(elements).build();
  }

  private ActionsBlock buttons(LeadAlert alert) {
    List<BlockElement> buttons = new ArrayList<>();
    CrmLead crmLead = alert.crmLead();
    if (crmLead != null && crmLead.url() != null && SAFE_URL.matcher(crmLead.url()).matches()) {
      buttons.add(button("open_crm_lead", "Open Salesforce Lead", crmLead.url(), "primary"));
    }
    buttons.add(
        button(
            "open_workflow",
            "Open workflow in Temporal",
            temporalUi.workflowUrl(alert.workflowId()),
            null));
    return ActionsBlock.builder().elements(buttons).build();
  }

  private static String fallbackText(LeadAlert alert) {
    String question = alert.event().triggerQuery() == null ? "" : alert.event().triggerQuery();
    return cut(
        "%s priority lead: %s asked \"%s\""
            .formatted(
                alert.route().priority(),
                escape(alert.email()),
                escape(cut(question.strip(), MAX_FALLBACK_QUESTION))),
        MAX_TEXT);
  }

  private static ButtonElement button(String actionId, String text, String url, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(PlainTextObject.builder().text(text).emoji(false).build())
        .url(url)
        .style(style)
        .build();
  }

  private static MarkdownTextObject markdown(String text, int max) {
    return MarkdownTextObject.builder().text(cut(text, max)).build();
  }

  private static String emojiFor(LeadPriority priority) {
    return switch (priority) {
      case URGENT -> ":rotating_light:";
      case HIGH -> ":fire:";
      case NORMAL -> ":incoming_envelope:";
      case LOW -> ":seedling:";
    };
  }

  private static String companyName(Enrichment enrichment) {
    return enrichment == null || enrichment.company() == null ? null : enrichment.company().name();
  }

  /** Escapes the three characters Slack's mrkdwn treats as control characters. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Cuts a text to a limit with a visible ellipsis, never in the middle of an escape. */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String head = PARTIAL_ENTITY_AT_END.matcher(text.substring(0, max - 1)).replaceFirst("");
    return head + "…";
  }
}
