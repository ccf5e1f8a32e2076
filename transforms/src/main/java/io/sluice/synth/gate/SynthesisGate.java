package io.sluice.synth.gate;

import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.TransformResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The privacy and quality gate every generated record passes before it is written:
 *
 * <ol>
 *   <li>PII scan ({@link PiiScanFn}): PII in the text that the generator did not record as injected is a leak;
 *   <li>near copies of a source corpus (MinHash/LSH against {@link #withSource source documents});
 *   <li>exact duplicates among the records (the lowest index is kept);
 *   <li>near duplicates among the records (the lowest index is kept).
 * </ol>
 *
 * Each step is switched by {@link GateSettings}. Every record ends either in {@link Result#accepted()} or as one
 * dead letter (stage {@value GateErrorKinds#STAGE}, kinds in {@link GateErrorKinds}) whose message names entity
 * types, counts, similarity and the other record's index or source id, never the text. The accepted set depends
 * only on the input: no step looks at arrival order, and every "keep one of several" keeps the lowest index.
 *
 * <pre>{@code
 * PCollection<Document> source = ... // the settings' sourcePath(), read with the job's document readers
 * SynthesisGate.Result gated = records.apply(SynthesisGate.with(settings).withSource(source));
 * gated.accepted();     // PCollection<SynthRecord>
 * gated.deadLetters();  // PCollection<DeadLetter>
 * GateStatistics.from(pipelineResult.metrics());  // after the run: accepted, rejected per kind, distinct-1/2
 * }</pre>
 *
 * <p>Shuffles: none for the PII and source checks; with exact_dedup or within_output, one join of the records
 * with their rejections by index, plus smaller shuffles of hashes (exact) or of band keys and signatures (near),
 * all grouped by {@link Buckets bucket}.
 */
public final class SynthesisGate extends PTransform<PCollection<SynthRecord>, SynthesisGate.Result> {

  private final GateSettings settings;
  private final PCollection<Document> source;

  private SynthesisGate(GateSettings settings, PCollection<Document> source) {
    this.settings = settings;
    this.source = source;
  }

  public static SynthesisGate with(GateSettings settings) {
    return new SynthesisGate(settings, null);
  }

  /** The source corpus records must not copy; required when the settings name one. */
  public SynthesisGate withSource(PCollection<Document> sourceDocuments) {
    return new SynthesisGate(settings, sourceDocuments);
  }

  @Override
  public Result expand(PCollection<SynthRecord> records) {
    if (settings.sourceCheck() && source == null) {
      throw new IllegalArgumentException("the gate settings name a source corpus (" + settings.source()
          + ") but no source documents were given: read them and pass them with withSource(...)");
    }
    List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();
    PCollection<SynthRecord> scanned = settings.piiScan() ? scanForPii(records, deadLetters) : records;

    FingerprintFn.Tags tags = new FingerprintFn.Tags(
        new TupleTag<>("records"),
        new TupleTag<>("deadLetters"),
        settings.exactDedup() ? new TupleTag<>("textHashes") : null,
        settings.withinOutput() ? new TupleTag<>("signatures") : null,
        settings.withinOutput() ? new TupleTag<>("bandMembers") : null);
    PCollectionView<SourceIndex> sourceIndex = settings.sourceCheck()
        ? source.apply("IndexSource", new SourceSignatures(settings.minHash(), settings.threshold()))
        : null;
    List<TupleTag<?>> extraTags = new ArrayList<>(List.of(tags.deadLetters()));
    for (TupleTag<?> tag : new TupleTag<?>[] {tags.textHashes(), tags.signatures(), tags.bandMembers()}) {
      if (tag != null) {
        extraTags.add(tag);
      }
    }
    ParDo.MultiOutput<SynthRecord, KV<Integer, KV<Long, SynthRecord>>> fingerprint =
        ParDo.of(new FingerprintFn(settings.minHash(), sourceIndex, tags))
            .withOutputTags(tags.records(), TupleTagList.of(extraTags));
    PCollectionTuple fingerprinted = scanned.apply("Fingerprint",
        sourceIndex == null ? fingerprint : fingerprint.withSideInputs(sourceIndex));
    deadLetters.add(fingerprinted.get(tags.deadLetters()).setCoder(AvroCoder.of(DeadLetter.class)));
    PCollection<KV<Integer, KV<Long, SynthRecord>>> byIndex = fingerprinted.get(tags.records())
        .setCoder(bucketed(KvCoder.of(VarLongCoder.of(), AvroCoder.of(SynthRecord.class))));

    List<PCollection<KV<Integer, KV<Long, Rejection>>>> rejections = new ArrayList<>();
    if (settings.exactDedup()) {
      rejections.add(fingerprinted.get(tags.textHashes())
          .setCoder(bucketed(KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
          .apply("ExactDuplicates", new ExactDuplicates()));
    }
    if (settings.withinOutput()) {
      PCollection<KV<Integer, KV<Long, int[]>>> signatures = fingerprinted.get(tags.signatures())
          .setCoder(bucketed(KvCoder.of(VarLongCoder.of(), IntArrayCoder.of())));
      rejections.add(fingerprinted.get(tags.bandMembers())
          .setCoder(bucketed(LongArrayCoder.of()))
          .apply("OutputNearDuplicates", new OutputNearDuplicates(signatures, settings.threshold())));
    }
    PCollection<SynthRecord> accepted = rejections.isEmpty()
        ? byIndex.apply("AcceptAll", ParDo.of(new AcceptFn())).setCoder(AvroCoder.of(SynthRecord.class))
        : resolve(byIndex, rejections, deadLetters);
    accepted.apply("Statistics", new DistinctNgrams());
    PCollection<DeadLetter> allDeadLetters = PCollectionList.of(deadLetters)
        .apply("GateDeadLetters", Flatten.pCollections())
        .setCoder(AvroCoder.of(DeadLetter.class));
    return new Result(accepted, allDeadLetters);
  }

  private PCollection<SynthRecord> scanForPii(PCollection<SynthRecord> records, List<PCollection<DeadLetter>> deadLetters) {
    TupleTag<SynthRecord> passed = new TupleTag<>("piiPassed");
    TupleTag<DeadLetter> leaked = new TupleTag<>("piiRejected");
    PCollectionTuple scanned = records.apply("ScanForPii",
        ParDo.of(new PiiScanFn(settings.pii(), passed, leaked)).withOutputTags(passed, TupleTagList.of(leaked)));
    deadLetters.add(scanned.get(leaked).setCoder(AvroCoder.of(DeadLetter.class)));
    return scanned.get(passed).setCoder(AvroCoder.of(SynthRecord.class));
  }

  private static <V> KvCoder<Integer, V> bucketed(org.apache.beam.sdk.coders.Coder<V> valueCoder) {
    return KvCoder.of(VarIntCoder.of(), valueCoder);
  }

  private static PCollection<SynthRecord> resolve(
      PCollection<KV<Integer, KV<Long, SynthRecord>>> byIndex,
      List<PCollection<KV<Integer, KV<Long, Rejection>>>> rejections,
      List<PCollection<DeadLetter>> deadLetters) {
    PCollection<KV<Integer, KV<Long, Rejection>>> allRejections = PCollectionList.of(rejections)
        .apply("AllRejections", Flatten.pCollections())
        .setCoder(ExactDuplicates.REJECTION_CODER);
    TupleTag<KV<Long, SynthRecord>> recordTag = new TupleTag<>("record");
    TupleTag<KV<Long, Rejection>> rejectionTag = new TupleTag<>("rejection");
    TupleTag<SynthRecord> acceptedTag = new TupleTag<>("accepted");
    TupleTag<DeadLetter> deadLetterTag = new TupleTag<>("rejected");
    PCollectionTuple resolved = KeyedPCollectionTuple.of(recordTag, byIndex)
        .and(rejectionTag, allRejections)
        .apply("JoinRejections", CoGroupByKey.create())
        .apply("Resolve", ParDo.of(new ResolveFn(recordTag, rejectionTag, acceptedTag, deadLetterTag))
            .withOutputTags(acceptedTag, TupleTagList.of(deadLetterTag)));
    deadLetters.add(resolved.get(deadLetterTag).setCoder(AvroCoder.of(DeadLetter.class)));
    return resolved.get(acceptedTag).setCoder(AvroCoder.of(SynthRecord.class));
  }

  /** With no duplicate check there is nothing to join: every record still here is accepted. */
  static final class AcceptFn
      extends org.apache.beam.sdk.transforms.DoFn<KV<Integer, KV<Long, SynthRecord>>, SynthRecord> {
    @ProcessElement
    public void process(@Element KV<Integer, KV<Long, SynthRecord>> record, OutputReceiver<SynthRecord> out) {
      GateCounters.accept();
      out.output(record.getValue().getValue());
    }
  }

  /** Accepted records and rejected ones (as dead letters). Statistics are Beam counters: {@link GateStatistics}. */
  public static final class Result extends TransformResult {
    private final PCollection<SynthRecord> accepted;

    Result(PCollection<SynthRecord> accepted, PCollection<DeadLetter> deadLetters) {
      super(accepted.getPipeline(), Map.of(new TupleTag<SynthRecord>("accepted"), accepted), deadLetters);
      this.accepted = accepted;
    }

    public PCollection<SynthRecord> accepted() {
      return accepted;
    }
  }
}
