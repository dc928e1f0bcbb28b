package com.leadprocessor.connector.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A named routing rule: when its condition holds, its outcome applies. */
public record RoutingRule(
    @NotBlank(message = "is required; expected a short name such as 'enterprise'")
        @Pattern(
            regexp = "[^+]*",
            message = "must not contain '+', which joins rule names in a route")
        String name,
    @NotNull(
            message =
                "has no condition; expected at least one of [topics-any, source-url-prefix,"
                    + " source-url-pattern, email-kind, company-size-any, industry-any,"
                    + " country-any]")
        @Valid
        RuleCondition when,
    @NotNull(
            message =
                "sets nothing; expected at least one of [slack-channel, salesforce-owner-id,"
                    + " priority]")
        @Valid
        RouteOutcome then) {}
