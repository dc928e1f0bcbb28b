package com.leadprocessor.workflow.enrichment;

/**
 * A visitor's company.
 *
 * @param size an employee-count band such as {@code 51-200}, when known
 * @param source where it came from: {@code email-domain}, {@code ip-firmographics} or {@code
 *     reviewer}
 */
public record Company(String name, String domain, String size, String industry, String source) {}
