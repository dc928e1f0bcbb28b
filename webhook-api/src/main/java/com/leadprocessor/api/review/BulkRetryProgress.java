package com.leadprocessor.api.review;

import java.time.Instant;

/**
 * A batch job as {@code DescribeBatchOperation} reports it.
 *
 * @param operation {@code SIGNAL} for a bulk retry
 * @param state {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param total how many workflows the query matched; 0 until the job counted them
 * @param completed how many were signalled
 * @param failed how many could not be signalled, for example because they closed meanwhile
 */
public record BulkRetryProgress(
    String jobId,
    String operation,
    String state,
    String query,
    String reason,
    String identity,
    Instant startTime,
    Instant closeTime,
    long total,
    long completed,
    long failed) {}
