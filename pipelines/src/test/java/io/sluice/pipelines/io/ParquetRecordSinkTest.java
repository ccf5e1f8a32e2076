package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Finding;
import io.sluice.schemas.RedactedDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's files are the files parquet-avro writes with the same settings, byte for byte, whether its records take
 * the field-writer path ({@link FlatRecordWriteSupport}) or parquet-avro's own; and they read back as the records.
 */
class ParquetRecordSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PLAIN = List.of("text", "raw", "id", "doc_id", "record_id", "source");
  /** Not flat: a nested record and an array, written by parquet-avro itself. */
  private static final Schema NESTED = SchemaBuilder.record("Nested").fields()
      .requiredString("id")
      .name("inner").type(SchemaBuilder.record("Inner").fields().requiredInt("n").endRecord()).noDefault()
      .name("tags").type().array().items().stringType().noDefault()
      .endRecord();

  @TempDir Path dir;

  @Test
  void sweepSchemasTakeTheFieldWriterPathAndOthersParquetAvros() {
    for (Schema schema : List.of(Finding.getClassSchema(), RedactedDocument.getClassSchema(),
        DeadLetter.getClassSchema())) {
      assertTrue(support(schema).writesFieldByField(), schema.getName());
    }
    assertFalse(support(NESTED).writesFieldByField());
  }

  @Test
  void findingsAreParquetAvrosFile() throws IOException {
    List<GenericRecord> findings = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      findings.add(Finding.newBuilder().setDocId("doc-" + i / 7).setEntityType(i % 3 == 0 ? "EMAIL_ADDRESS" : "US_SSN")
          .setStart(i).setEnd(i + 11).setScore(0.5 + i % 5 / 10.0).setDetector("UsSsnRecognizer")
          .setOperator(i % 4 == 0 ? null : "replace").build());
    }
    assertSameFileAndRecords(Finding.getClassSchema(), findings);
  }

  @Test
  void documentsWithMapsAndAnyTextAreParquetAvrosFile() throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("US_SSN", 2);
    counts.put("PERSON", 1);
    List<GenericRecord> documents = List.of(
        RedactedDocument.newBuilder().setId("a").setText("Dear <PERSON>,\n SSN <US_SSN> — ok 😀").setSource("f:1")
            .setFindingCount(3).setEntityCounts(counts).build(),
        RedactedDocument.newBuilder().setId("b").setText("plain ascii").setSource(null)
            .setFindingCount(0).setEntityCounts(Map.of()).build(),
        RedactedDocument.newBuilder().setId("c").setText("àé Latin-1 only").setSource("f:3")
            .setFindingCount(1).setEntityCounts(Map.of("EMAIL_ADDRESS", 1)).build());
    assertSameFileAndRecords(RedactedDocument.getClassSchema(), documents);
  }

  @Test
  void deadLettersAreParquetAvrosFile() throws IOException {
    List<GenericRecord> deadLetters = List.of(
        DeadLetter.newBuilder().setRecordId(null).setSource("in.jsonl:2").setStage("read").setErrorKind("MALFORMED_JSON")
            .setMessage("not valid JSON at column 9").setRaw("{\"id\":").setRawSize(6).build(),
        DeadLetter.newBuilder().setRecordId("x").setSource(null).setStage("detect").setErrorKind("DETECTION_FAILED")
            .setMessage("IllegalStateException during detection").setRaw(null).setRawSize(0).build());
    assertSameFileAndRecords(DeadLetter.getClassSchema(), deadLetters);
  }

  @Test
  void nestedRecordsAreParquetAvrosFile() throws IOException {
    GenericRecord inner = new GenericData.Record(NESTED.getField("inner").schema());
    inner.put("n", 7);
    GenericRecord record = new GenericData.Record(NESTED);
    record.put("id", "n1");
    record.put("inner", inner);
    record.put("tags", List.of("a", "b"));
    assertSameFileAndRecords(NESTED, List.of(record));
  }

  private void assertSameFileAndRecords(Schema schema, List<GenericRecord> records) throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ParquetRecordSink<GenericRecord> sink = new ParquetRecordSink<>(schema, PLAIN);
    sink.open(Channels.newChannel(written));
    for (GenericRecord record : records) {
      sink.write(record);
    }
    sink.flush();

    Path reference = dir.resolve(schema.getName() + "-parquet-avro.parquet");
    Configuration conf = new Configuration(false);
    AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(
            HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(reference.toUri()), conf))
        .withSchema(schema).withDataModel(GenericData.get()).withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
    PLAIN.stream().filter(c -> schema.getField(c) != null).forEach(c -> builder.withDictionaryEncoding(c, false));
    try (ParquetWriter<GenericRecord> writer = builder.build()) {
      for (GenericRecord record : records) {
        writer.write(record);
      }
    }
    assertArrayEquals(Files.readAllBytes(reference), written.toByteArray());

    Path ours = dir.resolve(schema.getName() + "-sink.parquet");
    Files.write(ours, written.toByteArray());
    List<JsonNode> expected = new ArrayList<>();
    for (GenericRecord record : records) {
      expected.add(JSON.readTree(record.toString()));
    }
    assertEquals(expected, readBack(ours));
  }

  /** The records of a file as JSON trees (GenericData's JSON), which compare maps whatever their order. */
  private static List<JsonNode> readBack(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        rows.add(JSON.readTree(r.toString()));
      }
    }
    return rows;
  }

  private static FlatRecordWriteSupport support(Schema schema) {
    return new FlatRecordWriteSupport(new AvroSchemaConverter(new Configuration(false)).convert(schema), schema);
  }
}
