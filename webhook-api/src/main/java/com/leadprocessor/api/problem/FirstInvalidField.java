package com.leadprocessor.api.problem;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The one field error that a problem names when Bean Validation refuses a request record: the first
 * field in the order the record declares it (nested records' fields where the nested record is),
 * and within a field its length before its form. Bean Validation reports its violations in no
 * particular order; this keeps the answer the same from one request to the next.
 */
final class FirstInvalidField {

  private static final String LENGTH = "Size";

  private FirstInvalidField() {}

  static FieldError of(BindingResult result) {
    List<String> order = paths(result.getTarget() == null ? null : result.getTarget().getClass());
    return result.getFieldErrors().stream()
        .min(
            Comparator.comparingInt((FieldError error) -> position(order, error.getField()))
                .thenComparing(error -> !LENGTH.equals(error.getCode())))
        .orElse(null);
  }

  private static int position(List<String> order, String field) {
    int position = order.indexOf(field);
    return position < 0 ? order.size() : position;
  }

  /** {@code reason, correction, correction.capturedEmail, ...} for a record type. */
  private static List<String> paths(Class<?> type) {
    List<String> paths = new ArrayList<>();
    if (type != null && type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        paths.add(component.getName());
        paths(component.getType()).forEach(nested -> paths.add(component.getName() + "." + nested));
      }
    }
    return paths;
  }
}
