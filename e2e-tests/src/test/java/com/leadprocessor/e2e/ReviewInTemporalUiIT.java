package com.leadprocessor.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadprocessor.e2e.harness.E2eEnvironment;
import com.leadprocessor.e2e.harness.E2eFigures;
import com.leadprocessor.e2e.harness.HeadlessChromium;
import com.leadprocessor.e2e.harness.LeadProcessorSystem;
import com.leadprocessor.e2e.harness.TestLead;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadWorkflow;
import com.leadprocessor.workflow.slack.SlackChannels;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * An engineer reviews a lead in the Temporal Web UI, in a real (headless) browser: finds it with
 * {@code LeadStatus="NEEDS_REVIEW"}, reads the question, the failed step and the error in its
 * details, sends a {@code reviewRetry} Update from the UI (first one its validator refuses, whose
 * reason the dialog shows, then an accepted one), and sees the lead complete, decided by the
 * reviewer the Update names. The lead's payloads are sealed; the UI reads them through the webhook
 * API's codec server, unmodified, as a reviewer sets it up without OIDC sign-in: the UI's Codec
 * Server settings include cross-origin credentials, and the reviewer signs in at {@code
 * /codec/sign-in} with a review API token, which leaves a session cookie the browser sends with the
 * UI's codec calls. Before signing in, and in another browser afterwards, the same pages show only
 * sealed payloads, the Update's input included. Screenshots of each step are kept in {@code
 * target/e2e-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReviewInTemporalUiIT {

  /** What the UI says when the codec server refuses it (here: 401 without a token). */
  private static final String CODEC_REFUSED = "Codec Server could not connect";

  /**
   * What UI 2.54.1 shows for the refused Update: the validator's own words. The payload codec seals
   * every other failure message, but leaves a review refusal's readable (its stack trace stays
   * sealed), since the UI does not decode an Update's failure through the codec server.
   */
  private static final String REFUSED =
      "correction.slackChannel is refused: it " + SlackChannels.EXPECTED + ".";

  /** What the UI shows for a failure the codec sealed. */
  private static final String SEALED_FAILURE = "Encoded failure";

  private static final LocatorAssertions.IsVisibleOptions PATIENTLY =
      new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

  private static final String REVIEW_TOKEN = "e2e-review-token-" + UUID.randomUUID();
  private static final String QUESTION =
      "Does your API support batch processing for over 1 million records?";
  private static final String RETRY_REASON =
      "Slack token renewed by reviewer " + UUID.randomUUID().toString().substring(0, 8);

  @AutoClose private SlackEmulation slack;
  @AutoClose private LeadProcessorSystem system;
  @AutoClose private HeadlessChromium chromium;

  @BeforeAll
  void startSystem() {
    chromium = HeadlessChromium.launch();
    slack = SlackEmulation.start();
    system =
        LeadProcessorSystem.named("ui-review")
            .liveSlack(slack)
            .uiCodecEndpoint()
            .apiEnv("LEADS_REVIEW_API_TOKENS", REVIEW_TOKEN)
            .start();
  }

  @Test
  void anEngineerFindsALeadInReviewAndRetriesItFromTheWebUi() {
    slack.failWith("invalid_auth");
    TestLead lead = TestLead.apiQuestion("conv-ui-review-1");
    assertThat(system.webhooks().deliver(lead.messageId(), lead.body()).status()).isEqualTo(202);
    await("the lead waits in review")
        .atMost(Duration.ofSeconds(60))
        .until(() -> "NEEDS_REVIEW".equals(system.leads().visibleStatus(lead)));

    Page page = chromium.newPage();
    try {
      includeCredentialsInTheUisCodecSettings(page);
      onlySealedDataBeforeSigningIn(page, lead);
      signInAtTheCodecServer(page);
      reviewInTheUi(page, lead);
      theUpdateInputIsReadable(page, lead);
    } catch (RuntimeException | AssertionError e) {
      screenshot(page, "failure.png");
      writeFailurePage(page);
      throw e;
    }
    Page otherBrowser = chromium.newPage();
    try {
      theUpdateInputIsSealedWithoutSigningIn(otherBrowser, lead);
    } catch (RuntimeException | AssertionError e) {
      screenshot(otherBrowser, "failure.png");
      writeFailurePage(otherBrowser);
      throw e;
    }
    LeadsAssert.assertOneSlackAlertEach(slack, List.of(lead));
    E2eFigures.record(
        "ui-review",
        "found "
            + lead.workflowId()
            + " with LeadStatus=\"NEEDS_REVIEW\" in the Web UI, read the question,"
            + " 'Failed step: SLACK' and the invalid_auth error through the codec server, sent"
            + " a refused reviewRetry (the dialog showed the validator's reason) and then an"
            + " accepted one from the UI's Send an Update dialog:"
            + " COMPLETED with one Slack alert, decided by ui-reviewer; the reviewer signed in at"
            + " /codec/sign-in and the unmodified UI decoded with the session cookie (Include"
            + " cross-origin credentials); before signing in and in another browser the pages,"
            + " the Update's input included, showed only sealed payloads; 8 screenshots in"
            + " target/e2e-screenshots");
  }

  /**
   * What the reviewer sets once in the UI's Codec Server settings (kept in the browser): the codec
   * endpoint, with cross-origin credentials, so that the browser sends the sign-in cookie.
   */
  private void includeCredentialsInTheUisCodecSettings(Page page) {
    page.navigate(system.temporal().uiUrl() + "/namespaces/default/workflows");
    visible(page.locator("[data-testid^=data-encoder-status]")).click();
    Locator dialog = page.locator("#data-encoder-settings");
    assertThat(dialog.getByTestId("data-encoder-title")).isVisible(PATIENTLY);
    dialog.getByText("Use my browser setting").click();
    dialog.locator("#data-encoder-endpoint-input").fill(system.codecEndpoint());
    dialog.getByTestId("data-encoder-include-credentials").click();
    assertThat(dialog.getByTestId("data-encoder-cross-origin-credentials")).isVisible();
    screenshot(page, "00-codec-settings-include-credentials.png");
    dialog.getByTestId("confirm-modal-button").click();
  }

  /**
   * Not signed in yet, the codec server answers 401: the UI says it could not reach the codec
   * server and shows the input as the sealed bytes (base64), without the question or the address.
   */
  private void onlySealedDataBeforeSigningIn(Page page, TestLead lead) {
    page.navigate(system.temporal().uiUrl() + "/namespaces/default/workflows/" + lead.workflowId());
    assertThat(visible(page.getByText(lead.workflowId()))).isVisible(PATIENTLY);
    assertThat(visible(page.getByText(CODEC_REFUSED))).isVisible(PATIENTLY);
    assertThat(visible(page.getByText("Input", new Page.GetByTextOptions().setExact(true))))
        .isVisible(PATIENTLY);
    screenshot(page, "01-lead-before-signing-in.png");
    assertThat(page.content()).doesNotContain(QUESTION).doesNotContain("@example.com");
  }

  /** The sign-in page the webhook API serves, in the browser the reviewer uses the UI in. */
  private void signInAtTheCodecServer(Page page) {
    page.navigate(system.codecEndpoint() + "/sign-in");
    page.getByLabel("Review API token").fill(REVIEW_TOKEN);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Signed in")))
        .isVisible(PATIENTLY);
    assertThat(page.content()).doesNotContain(REVIEW_TOKEN);
  }

  /** The Update the UI sent (sealed by the codec server's encode) reads in the history. */
  private void theUpdateInputIsReadable(Page page, TestLead lead) {
    openHistoryExpanded(page, lead);
    await("the UI shows the decoded Update input")
        .atMost(Duration.ofSeconds(30))
        .until(() -> page.content().contains(RETRY_REASON));
    screenshot(page, "07-update-input-decoded.png");
  }

  private void theUpdateInputIsSealedWithoutSigningIn(Page page, TestLead lead) {
    openHistoryExpanded(page, lead);
    assertThat(visible(page.getByText(CODEC_REFUSED))).isVisible(PATIENTLY);
    screenshot(page, "08-update-input-sealed-in-another-browser.png");
    assertThat(page.content())
        .doesNotContain(RETRY_REASON)
        .doesNotContain(QUESTION)
        .doesNotContain("@example.com");
  }

  /** Opens the lead's event history and the event of the accepted Update in it. */
  private void openHistoryExpanded(Page page, TestLead lead) {
    page.navigate(system.temporal().uiUrl() + "/namespaces/default/workflows/" + lead.workflowId());
    assertThat(visible(page.getByText(lead.workflowId()))).isVisible(PATIENTLY);
    visible(page.getByText("Event History")).click();
    Locator accepted =
        page.locator("[data-testid=event-summary-row]")
            .filter(new Locator.FilterOptions().setHasText(Pattern.compile("Update ?Accepted")))
            .first();
    assertThat(accepted).isVisible(PATIENTLY);
    accepted.click();
    assertThat(page.getByTestId("event-summary-row-expanded").first()).isVisible(PATIENTLY);
  }

  private void reviewInTheUi(Page page, TestLead lead) {
    String query = URLEncoder.encode("LeadStatus=\"NEEDS_REVIEW\"", StandardCharsets.UTF_8);
    page.navigate(system.temporal().uiUrl() + "/namespaces/default/workflows?query=" + query);
    Locator leadLink =
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(lead.workflowId()));
    assertThat(leadLink.first()).isVisible(PATIENTLY);
    screenshot(page, "02-leads-in-review.png");

    leadLink.first().click();
    assertThat(visible(page.getByText(lead.workflowId()))).isVisible(PATIENTLY);
    await("the UI shows the decoded question")
        .atMost(Duration.ofSeconds(30))
        .until(() -> page.content().contains(QUESTION));
    assertThat(page.content()).doesNotContain(CODEC_REFUSED);
    // The workflow's current details (what failed, the error, what to do) are on this tab.
    visible(page.getByText("User Metadata", new Page.GetByTextOptions().setExact(true))).click();
    // The UI renders the Markdown of the details in a sandboxed frame of its own.
    FrameLocator currentDetails =
        page.frameLocator("iframe[title=output][src*='Failed%20step']").first();
    assertThat(currentDetails.getByText("Failed step: SLACK")).isVisible(PATIENTLY);
    assertThat(currentDetails.getByText("invalid_auth").first()).isVisible(PATIENTLY);
    screenshot(page, "03-lead-in-review-details.png");

    // A correction the lead's validator refuses: the dialog shows the refusal, the lead is
    // unchanged.
    Locator dialog = openUpdateDialog(page);
    chooseUpdate(dialog, LeadWorkflow.UPDATE_RETRY);
    dialog
        .locator("[role=textbox][data-language=json]")
        .fill(
            "{\"reason\": \"new channel\", \"decidedBy\": \"ui-reviewer\","
                + " \"correction\": {\"slackChannel\": \"Sales Leads\"}}");
    submit(dialog);
    assertThat(dialog.getByText(REFUSED).first()).isVisible(PATIENTLY);
    assertThat(dialog.getByText(SEALED_FAILURE)).hasCount(0);
    screenshot(page, "04-update-refused.png");
    assertThat(system.leads().state(lead).status()).isEqualTo(LeadStatus.NEEDS_REVIEW);
    assertThat(system.leads().state(lead).lastDecision()).isNull();
    dialog.getByTestId("cancel-modal-button").click();

    slack.heal(); // The bot token works again.
    dialog = openUpdateDialog(page);
    chooseUpdate(dialog, LeadWorkflow.UPDATE_RETRY);
    dialog
        .locator("[role=textbox][data-language=json]")
        .fill("{\"reason\": \"" + RETRY_REASON + "\", \"decidedBy\": \"ui-reviewer\"}");
    screenshot(page, "05-send-retry-update.png");
    submit(dialog);

    assertThat(system.leads().outcome(lead, Duration.ofSeconds(60)).status())
        .isEqualTo(LeadStatus.COMPLETED);
    page.reload();
    assertThat(page.getByText("Completed").first()).isVisible(PATIENTLY);
    assertThat(
            page.frameLocator("iframe[title=output][src*='COMPLETED']")
                .first()
                .getByText("Status: COMPLETED"))
        .isVisible(PATIENTLY);
    assertThat(system.leads().state(lead).lastDecision().decidedBy()).isEqualTo("ui-reviewer");
    screenshot(page, "06-lead-completed.png");
  }

  private static Locator openUpdateDialog(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("More Actions")).click();
    page.locator("#workflow-actions >> visible=true").getByText("Send an Update").click();
    Locator dialog =
        page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Send an Update"));
    assertThat(dialog).isVisible(PATIENTLY);
    return dialog;
  }

  /** Submits the Update under a fresh id, as the dialog's Random UUID button makes one. */
  private static void submit(Locator dialog) {
    dialog
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Random UUID"))
        .click();
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
  }

  /**
   * Picks the Update: the UI offers the workflow's Updates in a list when a worker reports them,
   * and a text field otherwise.
   */
  private static void chooseUpdate(Locator dialog, String name) {
    Locator list = dialog.getByTestId("update-select-button");
    Locator field = dialog.locator("#update-name");
    assertThat(list.or(field).first()).isVisible(PATIENTLY);
    if (list.count() > 0) {
      list.click();
      dialog
          .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(name).setExact(true))
          .click();
    } else {
      field.fill(name);
    }
  }

  /** The first visible match: the UI renders some parts twice, once per screen size. */
  private static Locator visible(Locator locator) {
    return locator.locator("visible=true").first();
  }

  private static Path screenshot(Page page, String name) {
    Path file = E2eEnvironment.buildSubdir("e2e-screenshots").resolve(name);
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    return file;
  }

  private static void writeFailurePage(Page page) {
    try {
      Files.writeString(
          E2eEnvironment.buildSubdir("e2e-screenshots").resolve("failure.html"), page.content());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save the page: " + e);
    }
  }
}
