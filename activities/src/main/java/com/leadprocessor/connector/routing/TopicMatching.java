package com.leadprocessor.connector.routing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How questions are matched to topics by meaning; {@code matching} in the rules file.
 *
 * @param threshold the cosine similarity, from 0 to 1, a question needs with a topic's nearest
 *     example to be on that topic; 0.5 when not set
 * @param maxTopics how many topics a question can be on at most, nearest first; 2 when not set
 * @param margin how much less similar than the nearest topic a further topic may be and still
 *     count, so that a question clearly about one topic is not also on the next; 0.05 when not set.
 *     A keyword found counts as similarity 1.
 */
record TopicMatching(
    @DecimalMin(value = "0", message = "'${validatedValue}' is out of range; expected 0 to 1")
        @DecimalMax(value = "1", message = "'${validatedValue}' is out of range; expected 0 to 1")
        Double threshold,
    @Min(value = 1, message = "'${validatedValue}' is out of range; expected 1 to 10")
        @Max(value = 10, message = "'${validatedValue}' is out of range; expected 1 to 10")
        Integer maxTopics,
    @DecimalMin(value = "0", message = "'${validatedValue}' is out of range; expected 0 to 1")
        @DecimalMax(value = "1", message = "'${validatedValue}' is out of range; expected 0 to 1")
        Double margin) {

  static final double DEFAULT_THRESHOLD = 0.5;
  static final int DEFAULT_MAX_TOPICS = 2;
  static final double DEFAULT_MARGIN = 0.05;

  TopicMatching {
    threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
    maxTopics = maxTopics == null ? DEFAULT_MAX_TOPICS : maxTopics;
    margin = margin == null ? DEFAULT_MARGIN : margin;
  }

  static TopicMatching defaults() {
    return new TopicMatching(null, null, null);
  }
}
