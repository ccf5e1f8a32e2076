package io.sluice.pipelines.io;

import io.sluice.pipelines.ConfigException;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pipelines.testing.Pipelines;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.ErrorKinds;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class RecordFilesReaderTest {
  /** A text column that may hold a number, as real exports sometimes do. */
  static final Schema ROWS = SchemaBuilder.record("Row").fields()
      .optionalString("doc_key")
      .name("body").type().unionOf().nullType().and().stringType().and().longType().endUnion().nullDefault()
      .optionalString("other")
      .endRecord();
  static final Schema NO_BODY = SchemaBuilder.record("Other").fields().optionalString("doc_key").endRecord();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = InputFormat.class, names = {"AVRO", "PARQUET"})
  void rowsBecomeDocumentsAndBadRowsDeadLetters(InputFormat format) throws IOException {
    String ext = format == InputFormat.AVRO ? ".avro" : ".parquet";
    write(format, dir.resolve("a" + ext), ROWS, List.of(
        row("k1", "hello 😀"), row(null, "no key"), row("k3", null), row("k4", 12L), row("k5", " ")));
    write(format, dir.resolve("b" + ext), NO_BODY, List.of(rowWithout("k6")));

    ReadSettings settings = new ReadSettings("doc_key", "body", 1000);
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, InputSpec.resolve(dir.resolve("*" + ext).toString(), null, settings));
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings())
            .via((Document d) -> d.getId() + "=" + d.getText())))
        .containsInAnyOrder("k1=hello 😀", "a" + ext + ":2=no key");
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> d.getRecordId() + " " + d.getErrorKind())))
        .containsInAnyOrder("k3 " + ErrorKinds.MISSING_TEXT, "k4 " + ErrorKinds.NON_STRING_TEXT,
            "k5 " + ErrorKinds.EMPTY_TEXT, "k6 " + ErrorKinds.WRONG_SCHEMA);
    p.run().waitUntilFinish();
  }

  @ParameterizedTest
  @EnumSource(value = InputFormat.class, names = {"AVRO", "PARQUET"})
  void aTextColumnAbsentFromTheInputFailsFastNamingTheColumnsThereAre(InputFormat format) throws IOException {
    String ext = format == InputFormat.AVRO ? ".avro" : ".parquet";
    write(format, dir.resolve("only" + ext), ROWS, List.of(row("k1", "x")));
    InputSpec spec = InputSpec.resolve(dir.resolve("only" + ext).toString(), null,
        new ReadSettings("doc_key", "content", 1000));
    ConfigException e = assertThrows(ConfigException.class,
        () -> DocumentReaders.read(Pipelines.direct(), spec));
    assertTrue(e.getMessage().contains("'content'") && e.getMessage().contains("doc_key, body, other")
        && e.getMessage().contains("--text-field"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aCorruptFileIsOneDeadLetterAndTheOtherFilesAreStillRead() throws IOException {
    write(InputFormat.PARQUET, dir.resolve("good.parquet"), ROWS, List.of(row("k1", "fine")));
    Files.writeString(dir.resolve("zz-corrupt.parquet"), "PAR1 this is not parquet");
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p,
        InputSpec.resolve(dir.resolve("*.parquet").toString(), null, new ReadSettings("doc_key", "body", 1000)));
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings()).via((Document d) -> d.getId())))
        .containsInAnyOrder("k1");
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> d.getSource() + " " + d.getErrorKind())))
        .containsInAnyOrder("zz-corrupt.parquet:1 " + ErrorKinds.UNREADABLE_FILE);
    p.run().waitUntilFinish();
  }

  private static GenericRecord row(String key, Object body) {
    GenericRecord r = new GenericData.Record(ROWS);
    r.put("doc_key", key);
    r.put("body", body);
    return r;
  }

  private static GenericRecord rowWithout(String key) {
    GenericRecord r = new GenericData.Record(NO_BODY);
    r.put("doc_key", key);
    return r;
  }

  static void write(InputFormat format, Path file, Schema schema, List<GenericRecord> rows) throws IOException {
    if (format == InputFormat.AVRO) {
      try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
        w.create(schema, new File(file.toString()));
        for (GenericRecord r : rows) {
          w.append(r);
        }
      }
    } else {
      try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(
          HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
          .withSchema(schema).build()) {
        for (GenericRecord r : rows) {
          w.write(r);
        }
      }
    }
  }
}
