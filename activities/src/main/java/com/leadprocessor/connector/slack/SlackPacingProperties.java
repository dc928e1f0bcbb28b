package com.leadprocessor.connector.slack;

import com.leadprocessor.workflow.slack.SlackChannels;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How lead alerts are paced per channel ({@code leads.slack.*}, beside {@link SlackProperties}).
 * Every channel the configuration names (routing rules, the default channel, {@code
 * paced-channels}) gets a task queue of its own, {@code <task-queue>/<channel>}, rate limited by
 * the Temporal server at {@code leads.slack.max-messages-per-second}; alerts to any other channel
 * wait on the shared {@code task-queue}. See docs/slack.md, "Pacing".
 *
 * @param taskQueue the shared Slack task queue ({@code SLACK_TASK_QUEUE}), and the prefix of each
 *     channel's own queue
 * @param queuePerChannel false puts every alert on the shared queue, paced for all channels
 *     together, as before per-channel pacing
 * @param pacedChannels channels that get a queue of their own although no routing rule names them,
 *     for example escalation channels ({@code SLACK_PACED_CHANNELS}, comma-separated)
 * @param coalesceAfter how many alerts must have been waiting ahead of an alert before it goes into
 *     a busy channel's summary thread instead of the channel ({@code SLACK_COALESCE_AFTER}); 0
 *     never coalesces
 */
@Validated
@ConfigurationProperties("leads.slack")
public record SlackPacingProperties(
    @NotBlank(message = "is required; expected a task queue name such as leads-slack")
        @Pattern(regexp = "[^/]+", message = "must not contain '/', which separates its channels")
        @DefaultValue("leads-slack")
        String taskQueue,
    @DefaultValue("true") boolean queuePerChannel,
    @NotNull @DefaultValue({})
        List<@Pattern(regexp = SlackChannels.PATTERN, message = SlackChannels.EXPECTED) String>
            pacedChannels,
    @PositiveOrZero(message = "must be 0 (never) or more, for example 10") @DefaultValue("10")
        int coalesceAfter) {

  public SlackPacingProperties {
    pacedChannels = pacedChannels == null ? List.of() : List.copyOf(pacedChannels);
  }

  /** The defaults, as a worker with no configuration has them. */
  public static SlackPacingProperties defaults() {
    return new SlackPacingProperties("leads-slack", true, List.of(), 10);
  }

  /** The task queue of {@code channel}'s own alerts: {@code <task-queue>/<channel>}. */
  public String queueOf(String channel) {
    return taskQueue + "/" + channel;
  }
}
