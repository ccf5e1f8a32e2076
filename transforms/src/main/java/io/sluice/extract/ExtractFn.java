package io.sluice.extract;

import io.sluice.models.extract.FieldExtractor;
import io.sluice.models.extract.FieldExtractorFactory;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.BatchingDoFn;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import io.sluice.transforms.SluiceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.TupleTag;

/** Extracts a batch of documents with one extractor (opened per DoFn instance) and assembles typed records. */
final class ExtractFn extends BatchingDoFn<Document, GenericRecord> {
  static final String STAGE = "extract";
  private final ExtractionSchema schema;
  private final FieldExtractorFactory extractors;
  private final TupleTag<GenericRecord> recordTag;
  private final TupleTag<DeadLetter> deadTag;

  private final Counter extracted = Metrics.counter(SluiceMetrics.NAMESPACE, ExtractMetrics.RECORDS_EXTRACTED);
  private final Counter nulled = Metrics.counter(SluiceMetrics.NAMESPACE, ExtractMetrics.FIELDS_NULLED);
  private final Distribution batchMillis = Metrics.distribution(SluiceMetrics.NAMESPACE, ExtractMetrics.BATCH_MS);

  private transient FieldExtractor extractor;
  private transient RecordAssembler assembler;

  ExtractFn(ExtractionSchema schema, FieldExtractorFactory extractors, int batchDocuments, long batchChars,
      TupleTag<GenericRecord> recordTag, TupleTag<DeadLetter> deadTag) {
    super(batchDocuments, batchChars);
    this.schema = schema;
    this.extractors = extractors;
    this.recordTag = recordTag;
    this.deadTag = deadTag;
  }

  @Setup
  public void setup() {
    try {
      extractor = extractors.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the field extractor", e);
    }
    assembler = new RecordAssembler(schema);
  }

  @Teardown
  public void teardown() {
    if (extractor != null) {
      extractor.close();
      extractor = null;
    }
  }

  @Override
  protected long weight(Document document) {
    return document.getText().length();
  }

  @Override
  protected void processBatch(List<Document> documents, Outputs outputs) {
    List<Integer> indexes = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      Document d = documents.get(i);
      if (d.getText().isBlank()) {
        deadLetter(outputs, i, d, ErrorKinds.EMPTY_TEXT, "the document has no text to extract from");
      } else {
        indexes.add(i);
        texts.add(d.getText());
      }
    }
    if (texts.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    List<Map<String, List<String>>> raw = null;
    RuntimeException batchFailure = null;
    try {
      raw = checked(extractor.extract(texts), texts.size());
    } catch (RuntimeException e) {
      batchFailure = e; // isolate the failing document below
    }
    for (int r = 0; r < texts.size(); r++) {
      int i = indexes.get(r);
      Document d = documents.get(i);
      Map<String, List<String>> values;
      try {
        values = raw != null ? raw.get(r) : alone(texts, r, batchFailure);
      } catch (RuntimeException e) {
        deadLetter(outputs, i, d, ExtractMetrics.EXTRACTION_FAILED, e.getClass().getSimpleName()
            + " during extraction: " + e.getMessage());
        continue;
      }
      route(d, assembler.assemble(d.getId(), values), outputs, i);
    }
    batchMillis.update((System.nanoTime() - started) / 1_000_000);
  }

  private void route(Document d, Assembly assembly, Outputs outputs, int index) {
    if (!assembly.succeeded()) {
      deadLetter(outputs, index, d, assembly.errorKind(), assembly.reason());
      return;
    }
    for (String field : assembly.nulledFields()) {
      nulled.inc();
      Metrics.counter(SluiceMetrics.NAMESPACE, ExtractMetrics.FIELDS_NULLED_PREFIX + field).inc();
    }
    extracted.inc();
    outputs.output(recordTag, assembly.record(), index);
  }

  /** One document of a failed batch extracted on its own (a batch of one has already failed: its error stands). */
  private Map<String, List<String>> alone(List<String> texts, int index, RuntimeException batchFailure) {
    if (texts.size() == 1) {
      throw batchFailure;
    }
    return checked(extractor.extract(List.of(texts.get(index))), 1).get(0);
  }

  private static List<Map<String, List<String>>> checked(List<Map<String, List<String>>> raw, int expected) {
    if (raw == null || raw.size() != expected) {
      throw new IllegalStateException("the extractor returned " + (raw == null ? "nothing" : raw.size() + " results")
          + " for " + expected + " documents");
    }
    return raw;
  }

  private void deadLetter(Outputs outputs, int index, Document d, String kind, String reason) {
    SluiceMetrics.countDeadLetter(kind);
    outputs.output(deadTag, DeadLetters.of(d.getId(), d.getSource(), STAGE, kind, reason, d.getText()), index);
  }
}
