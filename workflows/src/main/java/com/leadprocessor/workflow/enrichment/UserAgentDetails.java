package com.leadprocessor.workflow.enrichment;

/** The visitor's browser, operating system and device family, as a user-agent parser reads them. */
public record UserAgentDetails(String browser, String os, String device) {}
