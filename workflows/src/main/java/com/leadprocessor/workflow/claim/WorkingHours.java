package com.leadprocessor.workflow.claim;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * A route's working hours: deadlines only run between {@code start} and {@code end} on {@code
 * days}, in {@code timeZone}; the rest is quiet hours.
 *
 * @param timeZone an IANA zone id, for example {@code Europe/Berlin}
 * @param start when the working day starts, for example 08:00
 * @param end when it ends, for example 18:00
 * @param days the working days
 */
public record WorkingHours(String timeZone, LocalTime start, LocalTime end, List<DayOfWeek> days) {

  public WorkingHours {
    days = days == null ? List.of() : List.copyOf(days);
  }
}
