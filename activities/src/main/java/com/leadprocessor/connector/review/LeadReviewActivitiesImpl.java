package com.leadprocessor.connector.review;

import com.leadprocessor.workflow.review.LeadReviewActivities;
import com.leadprocessor.workflow.review.ReviewAlert;
import com.leadprocessor.workflow.review.ReviewPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells the team about leads in review through every {@link ReviewNotifier}, and counts them:
 * {@code leads.review.entered} and {@code leads.review.reminders}, tagged with the failed step.
 */
@Component
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LeadReviewActivitiesImpl implements LeadReviewActivities {

  static final String ENTERED = "leads.review.entered";
  static final String REMINDERS = "leads.review.reminders";

  private final ReviewReminderProperties properties;
  private final List<ReviewNotifier> notifiers;
  private final MeterRegistry meterRegistry;

  /**
   * Uses the application's {@link MeterRegistry}, or Micrometer's global registry when the worker
   * has none, so a worker without metrics still starts.
   */
  @Autowired
  public LeadReviewActivitiesImpl(
      ReviewReminderProperties properties,
      List<ReviewNotifier> notifiers,
      ObjectProvider<MeterRegistry> meterRegistry) {
    this(properties, notifiers, meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
  }

  public LeadReviewActivitiesImpl(
      ReviewReminderProperties properties,
      List<ReviewNotifier> notifiers,
      MeterRegistry meterRegistry) {
    this.properties = properties;
    this.notifiers = List.copyOf(notifiers);
    this.meterRegistry = meterRegistry;
  }

  @Override
  public ReviewPolicy reviewPolicy() {
    return new ReviewPolicy(properties.remindAfter(), properties.keepRetrying());
  }

  @Override
  public void alertReviewNeeded(ReviewAlert alert) {
    notifiers.forEach(notifier -> notifier.reviewNeeded(alert));
    counter(ENTERED, alert).increment();
  }

  @Override
  public void remindReviewPending(ReviewAlert alert) {
    notifiers.forEach(notifier -> notifier.reviewPending(alert));
    counter(REMINDERS, alert).increment();
  }

  private Counter counter(String name, ReviewAlert alert) {
    return Counter.builder(name)
        .description(
            ENTERED.equals(name) ? "Leads that entered review" : "Reminders of leads in review")
        .tag("step", alert.failedStep() == null ? "unknown" : alert.failedStep().name())
        .register(meterRegistry);
  }
}
