package com.leadprocessor.workflow.slack;

/**
 * A posted Slack message: its channel (the id Slack answers with, or the configured name in dry
 * run) and its timestamp, which together identify it.
 */
public record SlackMessage(String channel, String ts) {}
