package io.sluice.pipelines.sweep;

import org.apache.beam.sdk.values.PCollection;

/** Every record a stage produced, tagged, in one collection; and whether it moderated (quarantine/, moderation/). */
record StageRecords(PCollection<SweepRecord> records, boolean moderated) {}
