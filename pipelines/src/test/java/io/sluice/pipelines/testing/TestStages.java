package io.sluice.pipelines.testing;

import io.sluice.pipelines.sweep.StageResult;
import io.sluice.pipelines.sweep.SweepStage;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Stages that exercise the sweep's I/O without PII detection: each occurrence of {@link #MARKER} is a
 * finding of type {@link #ENTITY}, and a document whose text starts with {@link #FAIL} is dead-lettered
 * as a processing failure, so the reconciliation sees dead letters from both reading and processing.
 */
public final class TestStages {
  public static final String MARKER = "[[x]]";
  public static final String ENTITY = "TEST_MARKER";
  public static final String FAIL = "FAIL";

  private static final TupleTag<RedactedDocument> DOCS = new TupleTag<>() {};
  private static final TupleTag<Finding> FINDINGS = new TupleTag<>() {};
  private static final TupleTag<DeadLetter> DEAD = new TupleTag<>() {};

  private TestStages() {}

  public static SweepStage markers() {
    return documents -> {
      PCollectionTuple out = documents.apply("FindMarkers",
          ParDo.of(new MarkerFn()).withOutputTags(DOCS, TupleTagList.of(FINDINGS).and(DEAD)));
      return new StageResult(out.get(DOCS).setCoder(AvroCoder.of(RedactedDocument.class)),
          out.get(FINDINGS).setCoder(AvroCoder.of(Finding.class)),
          out.get(DEAD).setCoder(AvroCoder.of(DeadLetter.class)));
    };
  }

  static final class MarkerFn extends DoFn<Document, RedactedDocument> {
    @ProcessElement
    public void process(@Element Document doc, MultiOutputReceiver out) {
      String text = doc.getText();
      if (text.startsWith(FAIL)) {
        out.get(DEAD).output(DeadLetters.of(doc.getId(), doc.getSource(), "detect", ErrorKinds.DETECTION_FAILED,
            "test failure", null));
        return;
      }
      int count = 0;
      for (int at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + 1)) {
        int start = text.codePointCount(0, at);
        out.get(FINDINGS).output(Finding.newBuilder().setDocId(doc.getId()).setEntityType(ENTITY)
            .setStart(start).setEnd(start + MARKER.length()).setScore(1.0).setDetector("marker").build());
        count++;
      }
      out.get(DOCS).output(RedactedDocument.newBuilder().setId(doc.getId()).setText(text)
          .setSource(doc.getSource()).setFindingCount(count)
          .setEntityCounts(count == 0 ? Map.of() : Map.of(ENTITY, count)).build());
    }
  }
}
