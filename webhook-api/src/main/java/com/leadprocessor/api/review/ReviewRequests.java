package com.leadprocessor.api.review;

import com.leadprocessor.workflow.LeadStatus;
import com.leadprocessor.workflow.LeadStep;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the query parameters, path variables and the bulk retry's step before anything reaches
 * Temporal; the request bodies' other fields are checked by Bean Validation ({@link RetryBody},
 * {@link NoteBody}). Every failure names the parameter; a value is quoted only after it was found
 * short and of safe characters.
 */
final class ReviewRequests {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 100;

  /** Workflow and batch job ids this API creates: {@code LeadWorkflowIds} and bulk retry ids. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private static final Pattern SHORT_WORD = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private ReviewRequests() {}

  static LeadStatus status(String value) {
    return value == null ? LeadStatus.NEEDS_REVIEW : parse("status", value, LeadStatus.class);
  }

  static LeadStep failedStep(String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidParameterException(
            "failedStep", "is required; one of " + names(LeadStep.class) + ".");
      }
      return null;
    }
    return parse("failedStep", value, LeadStep.class);
  }

  static int pageSize(String value) {
    if (value == null) {
      return DEFAULT_PAGE_SIZE;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1 && size <= MAX_PAGE_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // Answered below like an out-of-range number.
    }
    throw new InvalidParameterException(
        "pageSize", "must be a whole number from 1 to " + MAX_PAGE_SIZE + ".");
  }

  static byte[] pageToken(String value) {
    if (value == null || value.isEmpty()) {
      return new byte[0];
    }
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "nextPageToken", "is not a token this API returned; start again without it.");
    }
  }

  static String encodePageToken(byte[] token) {
    return token.length == 0 ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  static String workflowId(String value) {
    return id("workflowId", value);
  }

  static String jobId(String value) {
    return id("jobId", value);
  }

  private static String id(String parameter, String value) {
    if (!ID.matcher(value).matches()) {
      throw new InvalidParameterException(
          parameter, "must be 1 to 200 characters of letters, digits, '.', '_' and '-'.");
    }
    return value;
  }

  private static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type) {
    String name = value.strip().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    String shown = SHORT_WORD.matcher(value).matches() ? "'" + value + "'" : "the value given";
    throw new InvalidParameterException(parameter, shown + " is not one of " + names(type) + ".");
  }

  private static String names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
