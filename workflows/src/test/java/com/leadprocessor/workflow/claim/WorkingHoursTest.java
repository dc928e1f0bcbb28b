package com.leadprocessor.workflow.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final List<DayOfWeek> WEEKDAYS =
      List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  /** 08:00 to 18:00, Monday to Friday, in Berlin. */
  private static final WorkingHours OFFICE =
      new WorkingHours("Europe/Berlin", LocalTime.of(8, 0), LocalTime.of(18, 0), WEEKDAYS);

  @Test
  void deadlineInsideTheWorkingDayIsPlainElapsedTime() {
    // Tuesday 2026-03-03 10:00 in Berlin.
    Instant from = berlin("2026-03-03T10:00");

    assertThat(OFFICE.after(from, Duration.ofMinutes(10))).isEqualTo(berlin("2026-03-03T10:10"));
  }

  @Test
  void deadlineThatRunsPastTheEndOfTheDayContinuesNextMorning() {
    Instant from = berlin("2026-03-03T17:55");

    assertThat(OFFICE.after(from, Duration.ofMinutes(10))).isEqualTo(berlin("2026-03-04T08:05"));
  }

  @Test
  void deadlineStartingInQuietHoursStartsCountingWhenTheDayStarts() {
    Instant overnight = berlin("2026-03-03T23:30");
    Instant earlyMorning = berlin("2026-03-04T06:00");

    assertThat(OFFICE.after(overnight, Duration.ofMinutes(10)))
        .isEqualTo(berlin("2026-03-04T08:10"));
    assertThat(OFFICE.after(earlyMorning, Duration.ofMinutes(10)))
        .isEqualTo(berlin("2026-03-04T08:10"));
  }

  @Test
  void weekendDoesNotCount() {
    Instant fridayEvening = berlin("2026-03-06T17:50");
    Instant saturday = berlin("2026-03-07T12:00");

    assertThat(OFFICE.after(fridayEvening, Duration.ofMinutes(30)))
        .isEqualTo(berlin("2026-03-09T08:20"));
    assertThat(OFFICE.after(saturday, Duration.ofMinutes(10)))
        .isEqualTo(berlin("2026-03-09T08:10"));
  }

  @Test
  void longDeadlineSpansSeveralWorkingDays() {
    // 25 working hours from Thursday 09:00: 9 h Thursday, 10 h Friday, 6 h Monday.
    Instant thursday = berlin("2026-03-05T09:00");

    assertThat(OFFICE.after(thursday, Duration.ofHours(25))).isEqualTo(berlin("2026-03-09T14:00"));
  }

  @Test
  void deadlineAtTheEndOfTheDayEndsThenRatherThanNextMorning() {
    Instant from = berlin("2026-03-03T17:00");

    assertThat(OFFICE.after(from, Duration.ofHours(1))).isEqualTo(berlin("2026-03-03T18:00"));
  }

  @Test
  void springForwardShortensTheNightNotTheWorkingTime() {
    // Berlin moves from 02:00 to 03:00 on Sunday 2026-03-29; Friday 17:30 + 1 h = Monday 08:30.
    Instant friday = berlin("2026-03-27T17:30");

    Instant deadline = OFFICE.after(friday, Duration.ofHours(1));

    assertThat(deadline).isEqualTo(berlin("2026-03-30T08:30"));
    assertThat(deadline.atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
  }

  @Test
  void windowThatTheClockChangeShortensCountsOnlyTheHoursThatPass() {
    // Every day 01:00 to 05:00: on 2026-03-29 the clock jumps 02:00 to 03:00, three hours pass.
    WorkingHours night =
        new WorkingHours(
            "Europe/Berlin",
            LocalTime.of(1, 0),
            LocalTime.of(5, 0),
            List.copyOf(EnumSet.allOf(DayOfWeek.class)));

    Instant deadline = night.after(berlin("2026-03-29T01:00"), Duration.ofHours(3));

    assertThat(deadline).isEqualTo(berlin("2026-03-29T05:00"));
    assertThat(Duration.between(berlin("2026-03-29T01:00"), deadline))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void fallBackLengthensTheWindowByTheRepeatedHour() {
    // Berlin repeats 02:00 to 03:00 on Sunday 2026-10-25: the 01:00-05:00 window has five hours.
    WorkingHours night =
        new WorkingHours(
            "Europe/Berlin",
            LocalTime.of(1, 0),
            LocalTime.of(5, 0),
            List.copyOf(EnumSet.allOf(DayOfWeek.class)));
    Instant opens = berlin("2026-10-25T01:00");

    assertThat(night.after(opens, Duration.ofHours(5))).isEqualTo(berlin("2026-10-25T05:00"));
    assertThat(night.after(opens, Duration.ofHours(4)))
        .isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
  }

  @Test
  void nightShiftRunsPastMidnight() {
    WorkingHours nights =
        new WorkingHours(
            "America/New_York", LocalTime.of(22, 0), LocalTime.of(6, 0), List.of(DayOfWeek.MONDAY));
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant tuesdayThreeAm = LocalDateTime.parse("2026-03-03T03:00").atZone(newYork).toInstant();

    // Monday's shift ends Tuesday 06:00; the next starts Monday 22:00 a week later.
    assertThat(nights.after(tuesdayThreeAm, Duration.ofHours(4)))
        .isEqualTo(LocalDateTime.parse("2026-03-09T23:00").atZone(newYork).toInstant());
  }

  @Test
  void noWorkingHoursMeansAlways() {
    Instant saturdayNight = berlin("2026-03-07T23:00");

    assertThat(WorkingHours.after(null, saturdayNight, Duration.ofMinutes(10)))
        .isEqualTo(berlin("2026-03-07T23:10"));
    assertThat(WorkingHours.after(OFFICE, saturdayNight, Duration.ofMinutes(10)))
        .isEqualTo(berlin("2026-03-09T08:10"));
  }

  @Test
  void hoursWithoutAWorkingDayAreRefused() {
    WorkingHours never =
        new WorkingHours("Europe/Berlin", LocalTime.of(8, 0), LocalTime.of(18, 0), List.of());

    assertThatThrownBy(() -> never.after(Instant.EPOCH, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no working day");
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
