package com.leadprocessor.workflow.review;

import java.time.Duration;

/**
 * How long a lead may wait in review before the team is reminded, and again after each reminder.
 */
public record ReviewPolicy(Duration remindAfter) {}
