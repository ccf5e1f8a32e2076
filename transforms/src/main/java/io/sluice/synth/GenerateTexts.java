package io.sluice.synth;

import io.sluice.generate.Generate;
import io.sluice.generate.GenerationPrompt;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.SynthRecord;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Records [0, count) whose text field a decoder SLM writes (mode slm): per record, the fields are generated, a
 * prompt template is filled from them, the existing {@link Generate} transform decodes it with the record's own
 * seed (optionally constrained by a JSON Schema), and the text goes into the record. Same spec, seed and model
 * give the same texts.
 */
public final class GenerateTexts extends PTransform<PBegin, SynthesisResult> {
  /** Prompts per unit of work: the model step batches within a bundle, so ranges stay small to spread early. */
  static final long RANGE_SIZE = 64;

  private final RecordPlan plan;
  private final SlmSettings slm;
  private final long count;

  private GenerateTexts(RecordPlan plan, SlmSettings slm, long count) {
    this.plan = plan;
    this.slm = slm;
    this.count = count;
  }

  public static GenerateTexts of(RecordPlan plan, SlmSettings slm, long count) {
    return new GenerateTexts(plan, slm, count);
  }

  /**
   * Record {@code index}'s prompt: its fields generated, a template filled from them, and the record's own seed, so
   * its text does not depend on the batch it is decoded in.
   */
  public static GenerationPrompt prompt(RecordFactory factory, RecordPlan plan, SlmSettings slm, long index) {
    factory.record(index);
    String prompt = factory.evaluate(slm.prompts()).toString();
    return new GenerationPrompt(plan.id(index), prompt, null, RecordSeeds.of(plan.seed(), index), null);
  }

  @Override
  public SynthesisResult expand(PBegin begin) {
    PCollection<GenerationPrompt> prompts = begin
        .apply("IndexRanges", Create.of(IndexRange.split(count, RANGE_SIZE)).withCoder(SerializableCoder.of(IndexRange.class)))
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("Prompts", ParDo.of(new PromptsFn(plan, slm)))
        .setCoder(SerializableCoder.of(GenerationPrompt.class));
    Generate generate = Generate.with(slm.model()).device(slm.device()).params(slm.params())
        .batchSize(slm.batchSize()).seed(plan.seed());
    if (slm.jsonSchema() != null) {
      generate = generate.schema(slm.jsonSchema(), slm.attempts());
    }
    Generate.Result generated = prompts.apply("GenerateText", generate);
    TupleTag<SynthRecord> records = new TupleTag<>("records");
    TupleTag<DeadLetter> dead = new TupleTag<>("deadLetters");
    PCollectionTuple completed = generated.generations()
        .apply("CompleteRecords", ParDo.of(new CompleteRecordsFn(plan, records, dead))
            .withOutputTags(records, TupleTagList.of(dead)));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(generated.deadLetters())
        .and(completed.get(dead).setCoder(AvroCoder.of(DeadLetter.class)))
        .apply("FlattenDeadLetters", Flatten.pCollections());
    return new SynthesisResult(completed.get(records).setCoder(AvroCoder.of(SynthRecord.class)), deadLetters);
  }
}
