package com.leadprocessor.api.fuzz;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs a property: {@code tries} inputs made by a generator from one seeded random source, each
 * checked in turn. The seed is random unless {@code -Dfuzz.seed=N} fixes it, and a failure names
 * the seed, the try and the input, so that {@code -Dfuzz.seed=N} replays the same inputs.
 */
public final class Properties {

  private Properties() {}

  /** What a property checks for one input; throws (an AssertionError) when it does not hold. */
  @FunctionalInterface
  public interface Check<T> {
    void holdsFor(T input) throws Exception;
  }

  /** The seed of this run: {@code -Dfuzz.seed=N}, or a fresh random one. */
  public static long seed() {
    String fixed = System.getProperty("fuzz.seed");
    return fixed == null || fixed.isBlank()
        ? new SplittableRandom().nextLong()
        : Long.parseLong(fixed.strip());
  }

  /**
   * Checks {@code property} for {@code tries} inputs of {@code generator}.
   *
   * @return how many inputs were checked
   */
  public static <T> int forAll(
      String property, int tries, Function<SplittableRandom, T> generator, Check<T> check) {
    long seed = seed();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 1; i <= tries; i++) {
      T input = generator.apply(random);
      try {
        check.holdsFor(input);
      } catch (Throwable failure) {
        throw new AssertionError(
            property
                + " does not hold for try "
                + i
                + " of "
                + tries
                + " (replay with -Dfuzz.seed="
                + seed
                + "): "
                + input
                + "\n"
                + failure.getMessage(),
            failure);
      }
    }
    System.out.println("[property] " + property + ": " + tries + " tries, seed " + seed);
    return tries;
  }
}
