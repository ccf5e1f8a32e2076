package io.sluice.synth.deid;

import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.pii.operators.surrogate.SurrogateGenerator;
import io.sluice.schemas.AnalyzedDocument;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.DeidentifiedDocument;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.SynthRecord;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.DetectPii;
import io.sluice.transforms.SluiceMetrics;
import io.sluice.transforms.TransformResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * De-identified copies of a real corpus: the sweep's detection ({@link DetectPii} with the spec's policy) finds
 * PII, and every finding is replaced with a consistent, format-valid surrogate ({@link DocumentSurrogates}). Each
 * copy becomes a {@link SynthRecord} for the gate:
 *
 * <ul>
 *   <li>{@code index}: the first 63 bits of SHA-256 of the document's id and text, so it is the same on every
 *       runner (a corpus has no record numbers); the gate keeps the lowest index of duplicates;
 *   <li>{@code id}: the source document's id;
 *   <li>{@code payload}: {@link DeidentifiedDocument} (id, text) as Avro binary, schema {@link #OUTPUT_SCHEMA};
 *   <li>{@code text}: the de-identified text; {@code injected}: the surrogates, so the gate does not take them
 *       for leaks.
 * </ul>
 *
 * <pre>{@code
 * DeidentifiedCopies.Result copies = documents.apply(DeidentifiedCopies.with(DeidSettings.parse(block, specDir)));
 * copies.records();      // PCollection<SynthRecord>, into SynthesisGate
 * copies.deadLetters();  // documents detection or replacement failed on
 * }</pre>
 */
public final class DeidentifiedCopies extends PTransform<PCollection<Document>, DeidentifiedCopies.Result> {
  /** Schema of the records' payload; writers of records/ decode payloads with it. */
  public static final Schema OUTPUT_SCHEMA = DeidentifiedDocument.getClassSchema();

  static final String STAGE = "deidentify";
  static final String FAILED = "DEIDENTIFY_FAILED";

  private final DeidSettings settings;

  private DeidentifiedCopies(DeidSettings settings) {
    this.settings = settings;
  }

  public static DeidentifiedCopies with(DeidSettings settings) {
    return new DeidentifiedCopies(settings);
  }

  @Override
  public Result expand(PCollection<Document> documents) {
    DetectPii.Result detected = documents.apply("Detect", DetectPii.with(settings.scan().policy()));
    TupleTag<SynthRecord> recordTag = new TupleTag<>("records");
    TupleTag<DeadLetter> deadLetterTag = new TupleTag<>("deadLetters");
    PCollectionTuple copies = detected.analyzed().apply("Surrogate",
        ParDo.of(new SurrogateFn(settings, recordTag, deadLetterTag)).withOutputTags(recordTag, TupleTagList.of(deadLetterTag)));
    PCollection<DeadLetter> deadLetters = PCollectionList.of(detected.deadLetters())
        .and(copies.get(deadLetterTag).setCoder(AvroCoder.of(DeadLetter.class)))
        .apply("DeidDeadLetters", Flatten.pCollections());
    return new Result(copies.get(recordTag).setCoder(AvroCoder.of(SynthRecord.class)), deadLetters);
  }

  /** The copies as SynthRecords, and documents that could not be copied. */
  public static final class Result extends TransformResult {
    private final PCollection<SynthRecord> records;

    Result(PCollection<SynthRecord> records, PCollection<DeadLetter> deadLetters) {
      super(records.getPipeline(), Map.of(new TupleTag<SynthRecord>("records"), records), deadLetters);
      this.records = records;
    }

    public PCollection<SynthRecord> records() {
      return records;
    }
  }

  /** The index a copy gets: deterministic, and distinct for distinct (id, text) pairs. */
  static long recordIndex(String id, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(id.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong() & Long.MAX_VALUE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Rewrites each analyzed document and wraps it as a SynthRecord. Keys are read here, on the worker. */
  static final class SurrogateFn extends DoFn<AnalyzedDocument, SynthRecord> {
    private final DeidSettings settings;
    private final TupleTag<SynthRecord> recordTag;
    private final TupleTag<DeadLetter> deadLetterTag;
    private transient DocumentSurrogates surrogates;
    private transient SpecificDatumWriter<DeidentifiedDocument> writer;

    SurrogateFn(DeidSettings settings, TupleTag<SynthRecord> recordTag, TupleTag<DeadLetter> deadLetterTag) {
      this.settings = settings;
      this.recordTag = recordTag;
      this.deadLetterTag = deadLetterTag;
    }

    @Setup
    public void setup() {
      surrogates = new DocumentSurrogates(
          new SurrogateGenerator(settings.scan().policy().phoneRegions), settings.readKey(System.getenv()));
      writer = new SpecificDatumWriter<>(DeidentifiedDocument.class);
    }

    @ProcessElement
    public void process(@Element AnalyzedDocument analyzed, MultiOutputReceiver out) {
      Document document = analyzed.getDocument();
      String id = document.getId();
      String text = document.getText();
      SynthRecord record;
      try {
        DocumentSurrogates.Copy copy = surrogates.replace(id, text, detections(text, analyzed.getFindings()));
        record = SynthRecord.newBuilder()
            .setIndex(recordIndex(id, text))
            .setId(id)
            .setPayload(ByteBuffer.wrap(encode(new DeidentifiedDocument(id, copy.text()))))
            .setText(copy.text())
            .setInjected(copy.injected())
            .build();
      } catch (RuntimeException e) {
        SluiceMetrics.countDeadLetter(FAILED);
        out.get(deadLetterTag).output(DeadLetters.of(id, document.getSource(), STAGE, FAILED,
            e.getClass().getSimpleName() + " while replacing PII with surrogates", text));
        return;
      }
      out.get(recordTag).output(record);
    }

    /** The findings that count for the spec, back in the char offsets the anonymizer works in. */
    private List<Detection> detections(String text, List<Finding> findings) {
      CodePoints offsets = new CodePoints(text);
      List<Detection> out = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        Detection d = new Detection(f.getEntityType(), offsets.toChar(f.getStart()), offsets.toChar(f.getEnd()),
            f.getScore(), f.getDetector());
        if (settings.scan().counts(d)) {
          out.add(d);
        }
      }
      return out;
    }

    private byte[] encode(DeidentifiedDocument document) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      try {
        writer.write(document, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }
}
