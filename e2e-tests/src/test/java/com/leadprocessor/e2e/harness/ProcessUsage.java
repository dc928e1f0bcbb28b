package com.leadprocessor.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and memory of one process, read from Linux's {@code /proc/PID/stat} and {@code
 * /proc/PID/status}. Two readings give the cores a process used between them.
 *
 * @param cpuSeconds user plus system CPU time since the process started
 * @param residentBytes resident set size now ({@code VmRSS})
 * @param peakResidentBytes the largest resident set size so far ({@code VmHWM})
 */
public record ProcessUsage(
    long pid, long nanoTime, double cpuSeconds, long residentBytes, long peakResidentBytes) {

  /** Clock ticks per second of {@code /proc/PID/stat}'s times: 100 on every Linux we run on. */
  private static final double TICKS_PER_SECOND = 100.0;

  public static ProcessUsage of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      List<String> status = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
      return new ProcessUsage(
          pid,
          System.nanoTime(),
          ticks / TICKS_PER_SECOND,
          kilobytes(status, "VmRSS:") * 1024,
          kilobytes(status, "VmHWM:") * 1024);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read /proc for process " + pid, e);
    }
  }

  /** Cores used on average since {@code earlier}: 1.0 is one core fully busy. */
  public double coresSince(ProcessUsage earlier) {
    double wallSeconds = (nanoTime - earlier.nanoTime) / 1e9;
    return wallSeconds <= 0 ? 0 : (cpuSeconds - earlier.cpuSeconds) / wallSeconds;
  }

  private static long kilobytes(List<String> status, String field) {
    return status.stream()
        .filter(line -> line.startsWith(field))
        .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(0);
  }
}
