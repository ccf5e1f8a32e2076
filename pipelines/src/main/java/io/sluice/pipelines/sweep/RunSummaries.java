package io.sluice.pipelines.sweep;

import io.sluice.pipelines.summary.JobCounts;
import io.sluice.pipelines.summary.SluiceMetrics;
import io.sluice.schemas.DocumentFindingCount;
import io.sluice.schemas.RunSummary;
import java.time.Instant;
import java.util.List;

/** Builds the {@link RunSummary} of a finished job from its counters. */
final class RunSummaries {
  private RunSummaries() {}

  static RunSummary of(String job, SweepOptions options, JobCounts counts, Instant startedAt, long elapsedMs,
      List<DocumentFindingCount> topDocuments) {
    long read = counts.get(SluiceMetrics.RECORDS_READ);
    long written = counts.get(SluiceMetrics.DOCUMENTS_WRITTEN);
    long dead = counts.get(SluiceMetrics.DEAD_LETTERS_WRITTEN);
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
        .setFindings(counts.get(SluiceMetrics.FINDINGS_WRITTEN))
        .setFindingsByEntity(counts.withPrefix(SluiceMetrics.FINDINGS_BY_ENTITY))
        .setFindingsByDetector(counts.withPrefix(SluiceMetrics.FINDINGS_BY_DETECTOR))
        .setDeadLettersByKind(counts.withPrefix(SluiceMetrics.DEAD_LETTERS_BY_KIND))
        .setCharacters(counts.get(SluiceMetrics.CHARACTERS_WRITTEN))
        .setTopDocuments(topDocuments)
        .build();
  }
}
