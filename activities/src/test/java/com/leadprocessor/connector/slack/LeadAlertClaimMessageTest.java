package com.leadprocessor.connector.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.leadprocessor.connector.TemporalUiLinks;
import com.leadprocessor.connector.TemporalUiProperties;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.claim.AlertActions;
import com.leadprocessor.workflow.claim.ClaimView;
import com.leadprocessor.workflow.slack.AlertUpdate;
import com.leadprocessor.workflow.slack.SlackMessage;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert of a lead whose route asks for a claim: its buttons and line per status. */
class LeadAlertClaimMessageTest {

  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
  private static final SlackMessage POSTED = new SlackMessage("C000000001", "1700000000.000100");

  private final LeadAlertMessage message =
      new LeadAlertMessage(
          new TemporalUiLinks(new TemporalUiProperties("http://localhost:8233/"), "default"));

  private JsonArray blocksOf(LeadStatus status, ClaimView claim) {
    return JsonParser.parseString(
            SLACK_JSON.toJson(
                message.update(
                    new AlertUpdate(ClaimAlerts.claimable(), POSTED, status, claim), "#dev-sales")))
        .getAsJsonObject()
        .getAsJsonArray("blocks");
  }

  private static JsonObject claimActions(JsonArray blocks) {
    for (JsonElement block : blocks) {
      JsonObject object = block.getAsJsonObject();
      if (object.has("block_id")
          && object.get("block_id").getAsString().equals(AlertActions.blockId("lead-conv-12345"))) {
        return object;
      }
    }
    return null;
  }

  private static List<String> actionIds(JsonArray blocks) {
    List<String> ids = new ArrayList<>();
    for (JsonElement block : blocks) {
      JsonObject object = block.getAsJsonObject();
      if (object.has("elements") && "actions".equals(object.get("type").getAsString())) {
        object
            .getAsJsonArray("elements")
            .forEach(element -> ids.add(element.getAsJsonObject().get("action_id").getAsString()));
      }
    }
    return ids;
  }

  @Test
  void newAlertOfAClaimRouteOffersClaimAndNotALeadBesideTheLinks() {
    JsonArray blocks =
        JsonParser.parseString(SLACK_JSON.toJson(message.build(ClaimAlerts.claimable())))
            .getAsJsonObject()
            .getAsJsonArray("blocks");

    JsonObject actions = claimActions(blocks);
    assertThat(actions).isNotNull();
    JsonArray elements = actions.getAsJsonArray("elements");
    JsonObject claim = elements.get(0).getAsJsonObject();
    assertThat(claim.get("type").getAsString()).isEqualTo("button");
    assertThat(claim.get("action_id").getAsString()).isEqualTo(AlertActions.CLAIM);
    assertThat(claim.get("value").getAsString()).isEqualTo("lead-conv-12345");
    assertThat(claim.get("style").getAsString()).isEqualTo("primary");
    assertThat(claim.has("url")).isFalse();
    JsonObject notALead = elements.get(1).getAsJsonObject();
    assertThat(notALead.get("type").getAsString()).isEqualTo("static_select");
    assertThat(notALead.get("action_id").getAsString()).isEqualTo(AlertActions.NOT_A_LEAD);
    List<String> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    notALead
        .getAsJsonArray("options")
        .forEach(
            option -> {
              values.add(option.getAsJsonObject().get("value").getAsString());
              labels.add(
                  option.getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
            });
    assertThat(values).containsExactlyElementsOf(AlertActions.NOT_A_LEAD_REASONS);
    assertThat(labels)
        .containsExactly(
            "Spam", "Existing customer", "Job seeker", "Vendor or partner pitch", "Other");
    assertThat(actionIds(blocks))
        .containsExactly(
            AlertActions.CLAIM, AlertActions.NOT_A_LEAD, "open_crm_lead", "open_workflow");
    assertThat(blocks.toString()).contains("Waiting for someone to claim this lead");
  }

  @Test
  void routeWithoutAClaimPolicyKeepsTheAlertAsItWas() {
    JsonArray blocks =
        JsonParser.parseString(
                SLACK_JSON.toJson(message.build(SlackConnectorFixture.routedAlert())))
            .getAsJsonObject()
            .getAsJsonArray("blocks");

    assertThat(claimActions(blocks)).isNull();
    assertThat(actionIds(blocks)).containsExactly("open_crm_lead", "open_workflow");
    assertThat(blocks).hasSize(5);
  }

  @Test
  void escalatedAlertStillOffersClaimAndSaysItWasEscalated() {
    JsonArray blocks = blocksOf(LeadStatus.ESCALATED, ClaimAlerts.escalated());

    assertThat(actionIds(blocks))
        .containsExactly(
            AlertActions.CLAIM, AlertActions.NOT_A_LEAD, "open_crm_lead", "open_workflow");
    assertThat(blocks.toString()).contains("Escalated: nobody claimed this lead in time");
  }

  @Test
  void claimedAlertNamesTheOwnerAndTimeToClaimAndOffersHandBack() {
    JsonArray blocks = blocksOf(LeadStatus.CLAIMED, ClaimAlerts.claimed());

    assertThat(actionIds(blocks))
        .containsExactly(
            AlertActions.HAND_BACK, AlertActions.NOT_A_LEAD, "open_crm_lead", "open_workflow");
    JsonObject handBack = claimActions(blocks).getAsJsonArray("elements").get(0).getAsJsonObject();
    assertThat(handBack.get("value").getAsString()).isEqualTo("lead-conv-12345");
    assertThat(blocks.toString())
        .contains("Claimed by <@U024BE7LH> after 4m 12s")
        .contains("Salesforce owner 0055e000001AbCdAAK");
  }

  @Test
  void claimedAlertShowsWhyTheClaimerDidNotBecomeTheSalesforceOwner() {
    ClaimView claimed = ClaimAlerts.claimed();
    ClaimView withNote =
        new ClaimView(
            claimed.ownerSlackUserId(),
            claimed.ownerName(),
            claimed.alertedAt(),
            claimed.claimedAt(),
            claimed.secondsToClaim(),
            false,
            null,
            "No active Salesforce user has the claimer's email; the Lead keeps its owner",
            null);

    assertThat(blocksOf(LeadStatus.CLAIMED, withNote).toString())
        .contains("No active Salesforce user has the claimer's email");
  }

  @Test
  void notALeadAlertShowsTheReasonAndNoClaimButtons() {
    JsonArray blocks = blocksOf(LeadStatus.NOT_A_LEAD, ClaimAlerts.notALead());

    assertThat(claimActions(blocks)).isNull();
    assertThat(actionIds(blocks)).containsExactly("open_crm_lead", "open_workflow");
    assertThat(blocks.toString())
        .contains("Not a lead (Vendor or partner pitch), marked by <@U024BE7LH>");
  }

  @Test
  void unclaimedAlertSaysNobodyClaimedItAndHasNoClaimButtons() {
    JsonArray blocks = blocksOf(LeadStatus.UNCLAIMED, ClaimAlerts.escalated());

    assertThat(claimActions(blocks)).isNull();
    assertThat(actionIds(blocks)).containsExactly("open_crm_lead", "open_workflow");
    assertThat(blocks.toString()).contains("Unclaimed: nobody claimed this lead");
  }

  @Test
  void updateAddressesThePostedMessageByChannelIdAndTs() {
    var request =
        message.update(
            new AlertUpdate(
                ClaimAlerts.claimable(), POSTED, LeadStatus.CLAIMED, ClaimAlerts.claimed()),
            "#dev-sales");

    assertThat(request.getChannel()).isEqualTo("C000000001");
    assertThat(request.getTs()).isEqualTo("1700000000.000100");
    assertThat(request.getText()).startsWith(":white_check_mark: Claimed by <@U024BE7LH>");
  }

  @Test
  void durationsReadLikePeopleSayThem() {
    assertThat(LeadAlertMessage.readable(java.time.Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(LeadAlertMessage.readable(java.time.Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(LeadAlertMessage.readable(java.time.Duration.ofMinutes(125))).isEqualTo("2h 5m");
  }
}
