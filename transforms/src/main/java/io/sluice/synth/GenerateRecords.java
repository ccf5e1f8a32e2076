package io.sluice.synth;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Records [0, count) of a plan (schema mode). The index space is cut into ranges that are shuffled across
 * workers; each record is a function of (spec seed, index) alone, so which worker builds it, and in which order,
 * cannot change it. Usage: {@code pipeline.apply(GenerateRecords.of(plan, 1_000_000))}.
 */
public final class GenerateRecords extends PTransform<PBegin, SynthesisResult> {
  /** Records per unit of work: enough to amortize a DoFn call, small enough to spread 2 x cores ranges early. */
  static final long RANGE_SIZE = 5_000;

  private final RecordPlan plan;
  private final long count;

  private GenerateRecords(RecordPlan plan, long count) {
    this.plan = plan;
    this.count = count;
  }

  public static GenerateRecords of(RecordPlan plan, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    return new GenerateRecords(plan, count);
  }

  @Override
  public SynthesisResult expand(PBegin begin) {
    TupleTag<SynthRecord> records = new TupleTag<>("records");
    TupleTag<DeadLetter> dead = new TupleTag<>("deadLetters");
    PCollectionTuple out = begin
        .apply("IndexRanges", Create.of(IndexRange.split(count, RANGE_SIZE)).withCoder(SerializableCoder.of(IndexRange.class)))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("BuildRecords", ParDo.of(new GenerateRecordsFn(plan, records, dead)).withOutputTags(records, TupleTagList.of(dead)));
    return new SynthesisResult(out.get(records).setCoder(AvroCoder.of(SynthRecord.class)),
        out.get(dead).setCoder(AvroCoder.of(DeadLetter.class)));
  }
}
