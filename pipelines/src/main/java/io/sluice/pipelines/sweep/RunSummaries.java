package io.sluice.pipelines.sweep;

import io.sluice.pipelines.summary.JobCounts;
import io.sluice.pipelines.summary.JobMetrics;
import io.sluice.schemas.DocumentFindingCount;
import io.sluice.schemas.RunSummary;
import java.time.Instant;
import java.util.List;

/** Builds the {@link RunSummary} of a finished job from its counters. */
final class RunSummaries {
  private RunSummaries() {}

  static RunSummary of(String job, SweepOptions options, JobCounts counts, Instant startedAt, long elapsedMs,
      List<DocumentFindingCount> topDocuments) {
    long read = counts.get(JobMetrics.RECORDS_READ);
    long written = counts.get(JobMetrics.DOCUMENTS_WRITTEN);
    long dead = counts.get(JobMetrics.DEAD_LETTERS_WRITTEN);
    return RunSummary.newBuilder()
        .setJob(job)
        .setRunner(options.runner().kind().name().toLowerCase())
        .setInput(options.input())
        .setOutput(options.output().toString())
        .setPolicy(options.policy() == null ? null : options.policy().toString())
        .setStartedAt(startedAt.toString())
        .setElapsedMs(elapsedMs)
        .setRecordsRead(read)
        .setRecordsWritten(written)
        .setRecordsDeadLettered(dead)
        .setReconciled(read == written + dead)
        .setFindings(counts.get(JobMetrics.FINDINGS_WRITTEN))
        .setFindingsByEntity(counts.withPrefix(JobMetrics.FINDINGS_BY_ENTITY))
        .setFindingsByDetector(counts.withPrefix(JobMetrics.FINDINGS_BY_DETECTOR))
        .setDeadLettersByKind(counts.withPrefix(JobMetrics.DEAD_LETTERS_BY_KIND))
        .setCharacters(counts.get(JobMetrics.CHARACTERS_WRITTEN))
        .setTopDocuments(topDocuments)
        .build();
  }
}
