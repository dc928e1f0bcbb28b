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
 * @param jitCpuSeconds of {@code cpuSeconds}, what the JVM's JIT compiler threads now running used
 *     (0 for a process that is not a HotSpot JVM); a compiler thread the JVM ended took its time
 *     with it, so this is a lower bound
 */
public record ProcessUsage(
    long pid,
    long nanoTime,
    double cpuSeconds,
    long residentBytes,
    long peakResidentBytes,
    double jitCpuSeconds) {

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
          kilobytes(status, "VmHWM:") * 1024,
          compilerThreadSeconds(pid));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read /proc for process " + pid, e);
    }
  }

  /**
   * As {@link #of(long)}, with the CPU time of the process's children added: those that ended and
   * were waited for ({@code cutime}, {@code cstime}) and those running now. For a server that works
   * in child processes, such as PostgreSQL's one backend per connection.
   */
  public static ProcessUsage withChildren(long pid) {
    ProcessUsage own = of(pid);
    double seconds = own.cpuSeconds();
    try {
      String[] fields = statFields(pid);
      seconds += (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
      try (var entries = Files.list(Path.of("/proc"))) {
        for (Path entry : entries.toList()) {
          String name = entry.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String[] child = statFields(Long.parseLong(name));
            if (Long.parseLong(child[1]) == pid) {
              seconds += (Long.parseLong(child[11]) + Long.parseLong(child[12])) / TICKS_PER_SECOND;
            }
          } catch (IOException | RuntimeException ended) {
            // The process ended meanwhile; its parent has its time once it waited for it.
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read /proc for the children of " + pid, e);
    }
    return new ProcessUsage(
        pid,
        own.nanoTime(),
        seconds,
        own.residentBytes(),
        own.peakResidentBytes(),
        own.jitCpuSeconds());
  }

  /**
   * CPU seconds of the threads HotSpot names {@code C1 CompilerThre…} and {@code C2 CompilerThre…}
   * (the kernel keeps 15 characters of a thread's name).
   */
  private static double compilerThreadSeconds(long pid) {
    long ticks = 0;
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.matches("C[12] CompilerThre.*")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (IOException | RuntimeException ended) {
          // The thread ended meanwhile.
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** The fields of {@code /proc/PID/stat} after the command name: [0] is the state, [1] ppid. */
  private static String[] statFields(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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
