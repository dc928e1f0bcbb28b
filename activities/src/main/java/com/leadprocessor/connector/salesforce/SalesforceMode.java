package com.leadprocessor.connector.salesforce;

import com.leadprocessor.workflow.salesforce.SalesforceLeadActivities;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether Leads go to Salesforce or to the log, decided once from {@code leads.salesforce.mode} and
 * the credentials, so that exactly one {@link SalesforceLeadActivities} bean exists.
 */
public enum SalesforceMode {
  LIVE,
  DRY_RUN;

  /**
   * {@code live} and {@code dry-run} are taken as said. {@code auto} is live as soon as a client id
   * or secret is set: half a configuration then fails start-up naming what is missing, rather than
   * silently logging Leads that someone meant to send.
   */
  static SalesforceMode resolve(String mode, String clientId, String clientSecret) {
    if ("live".equals(mode)) {
      return LIVE;
    }
    if ("dry-run".equals(mode)) {
      return DRY_RUN;
    }
    return isSet(clientId) || isSet(clientSecret) ? LIVE : DRY_RUN;
  }

  static SalesforceMode of(ConditionContext context) {
    Binder binder = Binder.get(context.getEnvironment());
    return resolve(
        binder.bind("leads.salesforce.mode", String.class).orElse("auto"),
        binder.bind("leads.salesforce.client-id", String.class).orElse(null),
        binder.bind("leads.salesforce.client-secret", String.class).orElse(null));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** Matches when Leads go to Salesforce. */
  static final class LiveCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return of(context) == LIVE;
    }
  }

  /** Matches when Leads are only logged. */
  static final class DryRunCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return of(context) == DRY_RUN;
    }
  }
}
