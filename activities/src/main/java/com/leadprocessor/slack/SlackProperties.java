package com.leadprocessor.slack;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How lead alerts reach Slack.
 *
 * @param mode {@code dry-run} logs the message that would be posted instead of posting it; the live
 *     connector comes with a later issue
 */
@Validated
@ConfigurationProperties("leads.slack")
public record SlackProperties(
    @Pattern(
            regexp = "dry-run",
            message = "must be 'dry-run': the live Slack connector is not implemented yet")
        @DefaultValue("dry-run")
        String mode) {}
