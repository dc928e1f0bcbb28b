package com.leadprocessor.connector.routing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * A topic as the rules file defines it.
 *
 * @param examples questions a visitor might ask about the topic; a question is on the topic when it
 *     means nearly the same as one of them
 * @param keywords words or phrases that put a question on the topic whenever they are found as
 *     written, whatever the examples say; optional
 * @param threshold this topic's similarity threshold, instead of {@code matching.threshold}
 */
record TopicDefinition(
    @NotEmpty(
            message =
                "has no examples; expected a few questions a visitor might ask about the topic,"
                    + " such as [\"Do you have a REST API?\"]")
        List<@NotBlank(message = "is empty; expected a question") String> examples,
    List<@NotBlank(message = "is empty; expected a word or a phrase") String> keywords,
    @DecimalMin(value = "0", message = "'${validatedValue}' is out of range; expected 0 to 1")
        @DecimalMax(value = "1", message = "'${validatedValue}' is out of range; expected 0 to 1")
        Double threshold) {

  TopicDefinition {
    keywords = keywords == null ? List.of() : keywords;
  }
}
