package com.leadprocessor.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ProcessUsage} reads Linux's /proc: a child's CPU counts for its parent once it ended. */
class ProcessUsageTest {

  private final long self = ProcessHandle.current().pid();

  @Test
  void withChildrenAddsTheCpuOfChildrenThatEnded() throws Exception {
    double childrenBefore = childrenSeconds();
    Process busy =
        new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
    assertThat(busy.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(childrenSeconds()).isGreaterThan(childrenBefore);
  }

  @Test
  void ownFiguresAreThoseOfTheProcess() {
    ProcessUsage own = ProcessUsage.of(self);
    ProcessUsage withChildren = ProcessUsage.withChildren(self);

    assertThat(withChildren.cpuSeconds()).isGreaterThanOrEqualTo(own.cpuSeconds());
    assertThat(withChildren.peakResidentBytes()).isPositive();
  }

  @Test
  void theJitCompilersShareOfThisJvmIsPartOfItsCpu() {
    ProcessUsage own = ProcessUsage.of(self);

    // A test JVM has compiled something by now; a shell has no compiler threads.
    assertThat(own.jitCpuSeconds()).isPositive().isLessThanOrEqualTo(own.cpuSeconds());
  }

  /** The CPU time the JVM's children used, as withChildren adds it to the JVM's own. */
  private double childrenSeconds() {
    ProcessUsage withChildren = ProcessUsage.withChildren(self);
    ProcessUsage own = ProcessUsage.of(self);
    return withChildren.cpuSeconds() - own.cpuSeconds();
  }
}
