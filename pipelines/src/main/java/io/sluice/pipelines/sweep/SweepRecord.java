package io.sluice.pipelines.sweep;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * One record a sweep writes, tagged with its kind. The sweep's outputs travel as one collection of these, so one
 * step counts them and one sink writes them: on Spark every extra consumer of a collection means a recomputed or
 * cached copy of it, and every extra sink several Spark jobs.
 */
record SweepRecord(SweepOutput kind, SpecificRecordBase record) {
  SweepRecord {
    if (!kind.type().isInstance(record)) {
      throw new IllegalArgumentException(kind + " holds " + kind.type().getSimpleName() + ", not "
          + record.getClass().getSimpleName());
    }
  }
}
