package com.leadprocessor.workflow.claim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A route's working hours: deadlines only run between {@code start} and {@code end} on {@code
 * days}, in {@code timeZone}; the rest is quiet hours.
 *
 * <p>A window whose {@code end} is not after its {@code start} runs past midnight (22:00 to 06:00
 * is a night shift starting on each of {@code days}; 00:00 to 00:00 is the whole day). Working time
 * is elapsed time inside the windows, so a window that a daylight saving change shortens or
 * lengthens counts the hours that really pass in it.
 *
 * @param timeZone an IANA zone id, for example {@code Europe/Berlin}
 * @param start when the working day starts, for example 08:00
 * @param end when it ends, for example 18:00
 * @param days the working days
 */
public record WorkingHours(String timeZone, LocalTime start, LocalTime end, List<DayOfWeek> days) {

  /** How far ahead {@link #after} looks for working time before it gives up: five years. */
  private static final int MAX_DAYS = 5 * 366;

  public WorkingHours {
    days = days == null ? List.of() : List.copyOf(days);
  }

  /**
   * The instant at which {@code workingTime} of working time has passed since {@code from}: quiet
   * hours and days that are not working days do not count. A deadline that starts in quiet hours
   * starts counting when the next window opens. Pure, so workflow code may call it.
   *
   * @throws IllegalArgumentException when no working day is configured
   */
  public Instant after(Instant from, Duration workingTime) {
    if (days.isEmpty()) {
      throw new IllegalArgumentException("working hours name no working day");
    }
    ZoneId zone = ZoneId.of(timeZone);
    Duration remaining = workingTime.isNegative() ? Duration.ZERO : workingTime;
    // Start a day early: a window that runs past midnight may have opened yesterday.
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!days.contains(day.getDayOfWeek())) {
        continue;
      }
      Instant opens = day.atTime(start).atZone(zone).toInstant();
      LocalDate closingDay = end.isAfter(start) ? day : day.plusDays(1);
      Instant closes = closingDay.atTime(end).atZone(zone).toInstant();
      Instant begin = opens.isAfter(from) ? opens : from;
      if (!begin.isBefore(closes)) {
        continue;
      }
      Duration open = Duration.between(begin, closes);
      if (remaining.compareTo(open) <= 0) {
        return begin.plus(remaining);
      }
      remaining = remaining.minus(open);
    }
    throw new IllegalArgumentException(
        "no working time within " + MAX_DAYS + " days of " + from + " in " + timeZone);
  }

  /** {@link #after} under {@code hours}, or plain elapsed time when there are none (always on). */
  public static Instant after(WorkingHours hours, Instant from, Duration workingTime) {
    return hours == null ? from.plus(workingTime) : hours.after(from, workingTime);
  }
}
