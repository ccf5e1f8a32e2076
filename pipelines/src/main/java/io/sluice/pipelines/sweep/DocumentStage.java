package io.sluice.pipelines.sweep;

import io.sluice.schemas.Document;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Runs a {@link SweepStage} that takes documents on the sweep's tagged records: splits the documents off, applies
 * the stage, and flattens its results, tagged, with the records that passed by it (the reader's dead letters).
 */
final class DocumentStage {
  private static final TupleTag<Document> DOCUMENTS = new TupleTag<>() {};
  private static final TupleTag<SweepRecord> OTHERS = new TupleTag<>() {};

  private DocumentStage() {}

  static StageRecords apply(SweepStage stage, PCollection<SweepRecord> records) {
    PCollectionTuple split = records.apply("SplitDocuments",
        ParDo.of(new SplitFn()).withOutputTags(DOCUMENTS, TupleTagList.of(OTHERS)));
    StageResult processed = stage.apply(split.get(DOCUMENTS).setCoder(AvroCoder.of(Document.class)));

    List<PCollection<SweepRecord>> outputs = new ArrayList<>();
    outputs.add(split.get(OTHERS).setCoder(new SweepRecordCoder()));
    outputs.add(tagged(processed.documents(), SweepOutput.DOCUMENT));
    outputs.add(tagged(processed.findings(), SweepOutput.FINDING));
    outputs.add(tagged(processed.deadLetters(), SweepOutput.DEAD_LETTER));
    if (processed.moderated()) {
      outputs.add(tagged(processed.quarantined(), SweepOutput.QUARANTINED));
      outputs.add(tagged(processed.moderation(), SweepOutput.MODERATION));
    }
    PCollection<SweepRecord> all = PCollectionList.of(outputs).apply("StageOutputs", Flatten.pCollections());
    return new StageRecords(all, processed.moderated());
  }

  private static <T extends SpecificRecordBase> PCollection<SweepRecord> tagged(
      PCollection<T> records, SweepOutput kind) {
    return records
        .apply("Tag" + kind.type().getSimpleName(), MapElements.into(TypeDescriptor.of(SweepRecord.class))
            .via((T record) -> new SweepRecord(kind, record)))
        .setCoder(new SweepRecordCoder());
  }

  /** Documents still to be processed to one output, every other record to the other. */
  static final class SplitFn extends DoFn<SweepRecord, Document> {
    @ProcessElement
    public void process(@Element SweepRecord record, MultiOutputReceiver out) {
      Document document = SweepRecords.TAGGING.documentOf(record);
      if (document != null) {
        out.get(DOCUMENTS).output(document);
      } else {
        out.get(OTHERS).output(record);
      }
    }
  }
}
