package com.leadprocessor.connector.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The email on a Slack member's profile ({@code users.info}; scopes {@code users:read} and {@code
 * users:read.email}), to find the salesperson in Salesforce. The email is handed to the caller and
 * never logged.
 */
@Component
@Conditional(SlackModeCondition.Live.class)
public class SlackUserEmails {

  /** Answers that mean "no email to go by", not "try again". */
  private static final Set<String> NO_EMAIL_ERRORS =
      Set.of("user_not_found", "user_not_visible", "missing_scope");

  private final MethodsClient slack;

  public SlackUserEmails(MethodsClient slack) {
    this.slack = slack;
  }

  /**
   * The member's profile email, or why there is none.
   *
   * @param email the email; null when Slack gave none
   * @param missingBecause why there is no email, naming the Slack user id only; null when found
   */
  public record ProfileEmail(String email, String missingBecause) {}

  /**
   * The email of the Slack user.
   *
   * @throws io.temporal.failure.ApplicationFailure when Slack is unavailable or rate limited
   *     (retryable) or rejects the token (not retryable)
   */
  public ProfileEmail of(String slackUserId) {
    UsersInfoResponse response;
    try {
      response = slack.usersInfo(request -> request.user(slackUserId));
    } catch (SlackApiException e) {
      throw SlackFailures.of("users.info", e);
    } catch (IOException e) {
      throw SlackFailures.of("users.info", e);
    }
    if (response != null && response.isOk()) {
      String email =
          response.getUser() == null || response.getUser().getProfile() == null
              ? null
              : response.getUser().getProfile().getEmail();
      return email == null || email.isBlank()
          ? new ProfileEmail(
              null,
              "Slack shows no email for <@%s> (the Slack app needs the users:read.email scope)"
                  .formatted(slackUserId))
          : new ProfileEmail(email.strip(), null);
    }
    String error = response == null ? null : response.getError();
    if (error != null && NO_EMAIL_ERRORS.contains(error)) {
      return new ProfileEmail(
          null,
          "Slack users.info for <@%s> answered '%s'%s"
              .formatted(
                  slackUserId,
                  error,
                  "missing_scope".equals(error)
                      ? " (add users:read and users:read.email to the Slack app)"
                      : ""));
    }
    throw SlackFailures.of("users.info", slackUserId, response);
  }
}
