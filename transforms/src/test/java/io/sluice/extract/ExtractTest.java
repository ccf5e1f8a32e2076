package io.sluice.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.bench.RandomDecoders;
import io.sluice.models.extract.FieldExtractor;
import io.sluice.models.extract.FieldExtractorFactory;
import io.sluice.models.extract.GenerativeFieldExtractor;
import io.sluice.models.extract.GenerativeSettings;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.ErrorKinds;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Extract transform on the receipts we wrote: exact typed records from known raw values, generative extraction
 * with a random decoder (records always validate, whatever the model writes), and dead letters with reasons.
 */
class ExtractTest {
  private static final String EXPLODES = "a document the extractor cannot read";
  @TempDir static Path tmp;
  private static Path modelDir;

  @BeforeAll
  static void writeModel() throws Exception {
    modelDir = RandomDecoders.write(tmp.resolve("tiny-llama"), RandomDecoders.tiny(4096), 64, 3);
  }

  private static List<Document> documents() {
    List<Document> documents = new ArrayList<>();
    for (Receipts r : Receipts.all()) {
      documents.add(new Document(r.id(), r.text(), "receipts.jsonl"));
    }
    documents.add(new Document("blank", "   \n ", "receipts.jsonl"));
    return documents;
  }

  @Test
  void receiptsBecomeTypedRecordsAndBadDocumentsGoToDeadLettersWithReasons() {
    ExtractionSchema schema = RecordAssemblerTest.receiptSchema();
    Map<String, Map<String, List<String>>> rawByText = new HashMap<>();
    Receipts.all().forEach(r -> rawByText.put(r.text(), r.fields()));
    Map<String, List<String>> undated = new HashMap<>(Receipts.all().get(0).fields());
    undated.put("date", List.of("sometime"));
    rawByText.put("an undated receipt", undated);
    List<Document> input = new ArrayList<>(documents());
    input.add(new Document("undated", "an undated receipt", null));
    input.add(new Document("explodes", EXPLODES, null));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    Extract.Result result = p.apply(Create.of(input).withCoder(AvroCoder.of(Document.class)))
        .apply(Extract.with(schema, lookup(rawByText)).withBatchLimits(3, 1 << 20));
    PAssert.that(result.records()).satisfies(records -> {
      Map<String, GenericRecord> byId = new TreeMap<>();
      records.forEach(r -> byId.put(r.get(ExtractionSchema.DOC_ID).toString(), r));
      assertEquals(List.of("r1", "r2", "r3", "r4", "r5"), List.copyOf(byId.keySet()));
      RecordAssemblerTest.assertReceipt(byId.get("r2"), "Blue Bottle Coffee", java.time.LocalDate.of(2019, 12, 5),
          "10.65", "USD", "CARD", 2, List.of("Latte", "Almond Croissant"));
      RecordAssemblerTest.assertReceipt(byId.get("r5"), "ELECTRO MEGA STORE SDN BHD",
          java.time.LocalDate.of(2019, 1, 3), "1249.50", "MYR", "CARD", 2, List.of("LED TV 55\"", "HDMI CABLE"));
      return null;
    });
    PAssert.that(result.deadLetters()).satisfies(dead -> {
      Map<String, DeadLetter> byId = new TreeMap<>();
      dead.forEach(d -> byId.put(d.getRecordId(), d));
      assertEquals(List.of("blank", "explodes", "undated"), List.copyOf(byId.keySet()));
      assertEquals(ErrorKinds.EMPTY_TEXT, byId.get("blank").getErrorKind());
      assertEquals(ExtractMetrics.EXTRACTION_FAILED, byId.get("explodes").getErrorKind());
      assertEquals(ExtractMetrics.NOT_NORMALISED, byId.get("undated").getErrorKind());
      assertTrue(byId.get("undated").getMessage().contains("'date'"));
      assertFalse(byId.get("undated").getMessage().contains("sometime"), "reasons never quote document text");
      assertEquals("an undated receipt", byId.get("undated").getRaw(), "the document is kept for replay");
      return null;
    });
    p.run().waitUntilFinish();
  }

  /** An extractor that knows each text's raw values (a stand-in for a trained model) and fails on one text. */
  private static FieldExtractorFactory lookup(Map<String, Map<String, List<String>>> rawByText) {
    return () -> new FieldExtractor() {
      @Override
      public List<Map<String, List<String>>> extract(List<String> texts) {
        if (texts.contains(EXPLODES)) {
          throw new IllegalStateException("unreadable document");
        }
        return texts.stream().map(t -> rawByText.getOrDefault(t, Map.of())).toList();
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void generativeExtractionWithARandomDecoderAlwaysGivesValidTypedRecords() {
    // random weights write any string (also "") and any number: company and total are optional here, so every
    // receipt must come out as a record; the date is required, and constrained decoding always writes a real one
    ExtractionSchema schema = ExtractionSchema.parse("""
        {"type": "record", "name": "Receipt", "fields": [
          {"name": "company", "type": ["null", "string"], "doc": "Name of the shop."},
          {"name": "date", "type": {"type": "int", "logicalType": "date"}, "doc": "Date of purchase."},
          {"name": "total", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}]},
          {"name": "payment", "type": ["null", {"type": "enum", "name": "Payment", "symbols": ["CASH", "CARD"]}]},
          {"name": "item_count", "type": ["null", "int"]},
          {"name": "items", "type": {"type": "array", "items": "string"}, "doc": "Names of the items bought."}]}""");
    List<Document> input = new ArrayList<>(documents());
    input.add(new Document("too-long", "receipt line ".repeat(400), null));
    FieldExtractorFactory generative = GenerativeFieldExtractor.factory(modelDir, schema.extracted().toString(),
        new GenerativeSettings("cpu", 64, 4));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    Extract.Result result = p.apply(Create.of(input).withCoder(AvroCoder.of(Document.class)))
        .apply(Extract.with(schema, generative).withBatchLimits(4, 1 << 20));
    Schema output = schema.output();
    PAssert.that(result.records()).satisfies(records -> {
      List<String> ids = new ArrayList<>();
      for (GenericRecord r : records) {
        ids.add(r.get(ExtractionSchema.DOC_ID).toString());
        assertTrue(GenericData.get().validate(output, r), r.toString());
        assertTrue(r.get("company") == null || r.get("company") instanceof CharSequence);
        assertTrue(r.get("date") instanceof Integer);
        assertTrue(r.get("total") == null || r.get("total") instanceof ByteBuffer);
        assertTrue(r.get("items") instanceof List<?>);
      }
      ids.sort(null);
      assertEquals(List.of("r1", "r2", "r3", "r4", "r5"), ids);
      return null;
    });
    PAssert.that(result.deadLetters()).satisfies(dead -> {
      Map<String, DeadLetter> byId = new TreeMap<>();
      dead.forEach(d -> byId.put(d.getRecordId(), d));
      assertEquals(List.of("blank", "too-long"), List.copyOf(byId.keySet()));
      DeadLetter tooLong = byId.get("too-long");
      assertEquals(ExtractMetrics.EXTRACTION_FAILED, tooLong.getErrorKind());
      assertTrue(tooLong.getMessage().contains("too long"), tooLong.getMessage());
      assertFalse(tooLong.getMessage().contains("receipt line"));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
