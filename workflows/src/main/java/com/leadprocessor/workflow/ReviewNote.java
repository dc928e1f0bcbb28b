package com.leadprocessor.workflow;

/**
 * The payload of the {@code skip} and {@code discard} signals.
 *
 * @param reason why the reviewer decided so; optional
 */
public record ReviewNote(String reason) {}
