package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.SlackAlertActivities;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses between the live and the dry-run Slack beans from {@code leads.slack.mode} and {@code
 * leads.slack.bot-token}, so exactly one {@link SlackAlertActivities} exists.
 */
public abstract class SlackModeCondition implements Condition {

  static boolean live(ConditionContext context) {
    Binder binder = Binder.get(context.getEnvironment());
    SlackMode mode = binder.bind("leads.slack.mode", SlackMode.class).orElse(SlackMode.AUTO);
    String token = binder.bind("leads.slack.bot-token", String.class).orElse("");
    return mode.isLive(token);
  }

  /** Matches when alerts are posted to Slack. */
  public static final class Live extends SlackModeCondition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return live(context);
    }
  }

  /** Matches when alerts are only logged. */
  public static final class DryRun extends SlackModeCondition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !live(context);
    }
  }
}
