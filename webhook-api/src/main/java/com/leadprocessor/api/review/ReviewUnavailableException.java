package com.leadprocessor.api.review;

import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/** Temporal could not answer a review request: unreachable, too slow or refusing. */
public class ReviewUnavailableException extends ProblemException {

  public ReviewUnavailableException(String what, Duration retryAfter, Throwable cause) {
    super(
        ProblemType.TEMPORAL_UNAVAILABLE,
        "Temporal could not "
            + what
            + " right now. Try again after "
            + seconds(retryAfter)
            + " seconds.",
        cause);
    withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
  }

  private static long seconds(Duration duration) {
    long seconds = duration.toSeconds();
    return duration.equals(Duration.ofSeconds(seconds)) ? Math.max(seconds, 1) : seconds + 1;
  }
}
