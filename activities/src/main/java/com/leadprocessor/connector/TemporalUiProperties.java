package com.leadprocessor.connector;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where people open the Temporal UI, for links to a lead's workflow in alerts.
 *
 * @param temporalUiUrl the UI's base URL ({@code leads.temporal-ui-url}); the default is the local
 *     dev server's
 */
@Validated
@ConfigurationProperties("leads")
public record TemporalUiProperties(
    @Pattern(
            regexp = "https?://\\S+",
            message = "must be an http(s) URL such as http://localhost:8233")
        @DefaultValue("http://localhost:8233")
        String temporalUiUrl) {}
