package com.leadprocessor.connector.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How leads in review are followed up.
 *
 * @param remindAfter how long a lead may wait in review before the team is reminded, and again
 *     after each reminder; positive, for example {@code 24h} or {@code 30m}
 */
@Validated
@ConfigurationProperties("leads.review")
public record ReviewReminderProperties(
    @NotNull
        @DurationMin(seconds = 1, message = "must be positive, for example 24h or 30m")
        @DefaultValue("24h")
        Duration remindAfter) {}
