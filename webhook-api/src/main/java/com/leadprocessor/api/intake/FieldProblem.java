package com.leadprocessor.api.intake;

/**
 * One thing wrong with one field of a lead event.
 *
 * @param field the JSON name, dotted for nested fields ({@code metadata.source_url})
 * @param message what is wrong, for example {@code is required}
 */
public record FieldProblem(String field, String message) {}
