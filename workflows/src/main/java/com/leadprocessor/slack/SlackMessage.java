package com.leadprocessor.slack;

/** A posted Slack message: its channel id and timestamp, which together identify it. */
public record SlackMessage(String channel, String ts) {}
