package io.sluice.extract;

import io.sluice.models.extract.FieldExtractorFactory;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.TransformResult;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Extracts one typed record of the user's schema per document:
 *
 * <pre>{@code
 * Extract.Result extracted = documents.apply(Extract.with(schema, SpanFieldExtractor.factory(modelDir)));
 * extracted.records();       // PCollection<GenericRecord> of schema.output(): doc_id + the user's fields
 * extracted.deadLetters();   // PCollection<DeadLetter>: empty text, failed extraction, required field missing
 * }</pre>
 *
 * <p>Documents are collected into batches within a bundle and handed to the field extractor together; each worker
 * thread opens its own extractor from the factory (extractors share their model weights per JVM). Raw values are
 * normalised by {@link RecordAssembler}. A batch whose extraction fails is retried one document at a time, so only
 * the failing document is dead-lettered.
 */
public final class Extract extends PTransform<PCollection<Document>, Extract.Result> {
  private static final int DEFAULT_BATCH_DOCUMENTS = 16;
  private static final long DEFAULT_BATCH_CHARS = 1 << 20;

  private final ExtractionSchema schema;
  private final FieldExtractorFactory extractors;
  private final int batchDocuments;
  private final long batchChars;

  private Extract(ExtractionSchema schema, FieldExtractorFactory extractors, int batchDocuments, long batchChars) {
    this.schema = schema;
    this.extractors = extractors;
    this.batchDocuments = batchDocuments;
    this.batchChars = batchChars;
  }

  public static Extract with(ExtractionSchema schema, FieldExtractorFactory extractors) {
    return new Extract(schema, extractors, DEFAULT_BATCH_DOCUMENTS, DEFAULT_BATCH_CHARS);
  }

  /** Flushes a batch at this many documents or this many chars, whichever comes first. */
  public Extract withBatchLimits(int documents, long chars) {
    return new Extract(schema, extractors, documents, chars);
  }

  @Override
  public Result expand(PCollection<Document> documents) {
    TransformResult.requireGlobalWindow(documents, "Extract");
    TupleTag<GenericRecord> recordTag = new TupleTag<>() {};
    TupleTag<DeadLetter> deadTag = new TupleTag<>() {};
    PCollectionTuple out = documents.apply("Extract",
        ParDo.of(new ExtractFn(schema, extractors, batchDocuments, batchChars, recordTag, deadTag))
            .withOutputTags(recordTag, TupleTagList.of(deadTag)));
    return new Result(out.get(recordTag).setCoder(AvroCoder.of(schema.output())),
        out.get(deadTag).setCoder(AvroCoder.of(DeadLetter.class)));
  }

  /** The typed records and the dead letters. */
  public static final class Result extends TransformResult {
    private final PCollection<GenericRecord> records;

    Result(PCollection<GenericRecord> records, PCollection<DeadLetter> deadLetters) {
      super(records.getPipeline(), Map.of(new TupleTag<GenericRecord>("records"), records), deadLetters);
      this.records = records;
    }

    public PCollection<GenericRecord> records() {
      return records;
    }
  }
}
