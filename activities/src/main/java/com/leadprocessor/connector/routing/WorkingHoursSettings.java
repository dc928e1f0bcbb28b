package com.leadprocessor.connector.routing;

import com.leadprocessor.connector.routing.RoutingRulesFile.Problem;
import com.leadprocessor.workflow.claim.WorkingHours;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A claim block's {@code working-hours}: claim deadlines run only between {@code start} and {@code
 * end} on {@code days}, in {@code time-zone}.
 *
 * @param timeZone an IANA zone such as {@code Europe/Berlin}
 * @param start such as {@code "08:00"}
 * @param end such as {@code "18:00"}, after start
 * @param days such as {@code [MON, TUE, WED, THU, FRI]}; Monday to Friday when left out
 */
record WorkingHoursSettings(String timeZone, String start, String end, List<String> days) {

  private static final List<DayOfWeek> WEEKDAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  List<Problem> problems(String at) {
    List<Problem> problems = new ArrayList<>();
    if (timeZone == null || timeZone.isBlank()) {
      problems.add(
          new Problem(
              at + ".time-zone", "is required; expected an IANA zone such as Europe/Berlin"));
    } else {
      try {
        ZoneId.of(timeZone.strip());
      } catch (DateTimeException e) {
        problems.add(
            new Problem(
                at + ".time-zone",
                "'%s' is not a known time zone; expected an IANA zone such as Europe/Berlin or"
                        .formatted(timeZone)
                    + " America/New_York"));
      }
    }
    LocalTime from = time(start, at + ".start", problems);
    LocalTime to = time(end, at + ".end", problems);
    if (from != null && to != null && !to.isAfter(from)) {
      problems.add(
          new Problem(
              at + ".end",
              "'%s' is not after start '%s'; expected the end of the working day"
                  .formatted(to, from)));
    }
    for (String day : days == null ? List.<String>of() : days) {
      if (day(day) == null) {
        problems.add(
            new Problem(
                at + ".days",
                "names unknown day '%s'; expected MON, TUE, WED, THU, FRI, SAT or SUN"
                    .formatted(day)));
      }
    }
    if (days != null && days.isEmpty()) {
      problems.add(new Problem(at + ".days", "is empty; expected at least one working day"));
    }
    return problems;
  }

  WorkingHours toWorkingHours() {
    return new WorkingHours(
        ZoneId.of(timeZone.strip()).getId(),
        LocalTime.parse(start.strip()),
        LocalTime.parse(end.strip()),
        days == null ? WEEKDAYS : days.stream().map(WorkingHoursSettings::day).toList());
  }

  private static LocalTime time(String value, String path, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(path, "is required; expected a time such as \"08:00\""));
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              path,
              "'%s' is not a time; expected hours and minutes such as \"08:00\"".formatted(value)));
      return null;
    }
  }

  /** {@code MON} or {@code monday}; null when it is no day. */
  private static DayOfWeek day(String name) {
    String upper = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
        return day;
      }
    }
    return null;
  }
}
