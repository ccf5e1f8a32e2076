package io.sluice.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pipelines.testing.Pipelines;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.ErrorKinds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyBadLineBecomesADeadLetterWithItsKindAndGoodLinesBecomeDocuments() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(utf8("{\"id\":\"a\",\"text\":\"hello 😀 world\"}\n"));          // 1 ok, non-BMP
    file.write(utf8("{\"id\":\"b\",\"text\":\"cut\"\n"));                     // 2 malformed
    file.write(utf8("{\"id\":\"c\"}\n"));                                    // 3 missing text
    file.write(utf8("{\"id\":\"d\",\"text\":42}\n"));                        // 4 non-string text
    file.write(utf8("{\"id\":\"e\",\"text\":\"bad "));                       // 5 invalid UTF-8
    file.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    file.write(utf8("\"}\n"));
    file.write(utf8("{\"id\":\"f\",\"text\":\"  \"}\n"));                    // 6 empty text
    file.write(utf8("\n"));                                                   // 7 blank: not a record
    file.write(utf8("{\"text\":\"no id here\"}\r\n"));                        // 8 derived id, CRLF
    file.write(utf8("{\"id\":7,\"text\":\"numeric id\"}\n"));                 // 9 numeric id
    file.write(utf8("[1,2]\n"));                                              // 10 not an object
    file.write(utf8("{\"id\":{\"x\":1},\"text\":\"object id\"}\n"));          // 11 bad id
    file.write(utf8("{\"id\":\"big\",\"text\":\"" + "y".repeat(300) + "\"}\n")); // 12 too large
    file.write(utf8("{\"id\":\"g\",\"text\":\"trailing\"} junk\n"));          // 13 trailing tokens
    file.write(utf8("{\"id\":\"last\",\"text\":\"no final newline\"}"));      // 14 ok
    Path input = dir.resolve("in.jsonl");
    Files.write(input, file.toByteArray());

    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, spec(input.toString(), new ReadSettings("id", "text", 200)));
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings())
            .via((Document d) -> d.getId() + "=" + d.getText())))
        .containsInAnyOrder("a=hello 😀 world", "in.jsonl:8=no id here", "7=numeric id", "last=no final newline");
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> d.getSource() + " " + d.getErrorKind())))
        .containsInAnyOrder(
            "in.jsonl:2 " + ErrorKinds.MALFORMED_JSON,
            "in.jsonl:3 " + ErrorKinds.MISSING_TEXT,
            "in.jsonl:4 " + ErrorKinds.NON_STRING_TEXT,
            "in.jsonl:5 " + ErrorKinds.INVALID_UTF8,
            "in.jsonl:6 " + ErrorKinds.EMPTY_TEXT,
            "in.jsonl:10 " + ErrorKinds.MALFORMED_JSON,
            "in.jsonl:11 " + ErrorKinds.MISSING_ID,
            "in.jsonl:12 " + ErrorKinds.TOO_LARGE,
            "in.jsonl:13 " + ErrorKinds.MALFORMED_JSON);
    p.run().waitUntilFinish();
  }

  @Test
  void deadLettersKeepABoundedRawCopyAndNoTextInTheMessage() throws IOException {
    String secret = "4111 1111 1111 1111";
    Path input = dir.resolve("bad.jsonl");
    Files.writeString(input, "{\"id\":\"x\",\"text\":\"" + secret + "\"\n");
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, spec(input.toString(), ReadSettings.defaults()));
    PAssert.that(read.deadLetters()).satisfies(letters -> {
      DeadLetter letter = letters.iterator().next();
      assertTrue(letter.getRaw().contains(secret), "raw copy kept for replay");
      assertTrue(!letter.getMessage().contains(secret), "message must not quote the document");
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  void aTwentyMegabyteDocumentIsProcessedNotDeadLettered() throws IOException {
    int size = 20 * 1024 * 1024;
    StringBuilder text = new StringBuilder(size);
    while (text.length() < size) {
      text.append("lorem ipsum dolor sit amet ");
    }
    Path input = dir.resolve("big.jsonl");
    Files.writeString(input, "{\"id\":\"big\",\"text\":\"" + text + "\"}\n{\"id\":\"small\",\"text\":\"s\"}\n");
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, spec(input.toString(), ReadSettings.defaults()));
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings())
            .via((Document d) -> d.getId() + ":" + d.getText().length())))
        .containsInAnyOrder("big:" + text.length(), "small:1");
    PAssert.that(read.deadLetters()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void configurableFieldNamesAndSeveralFilesByGlob() throws IOException {
    Files.writeString(dir.resolve("a.jsonl"), "{\"key\":\"1\",\"body\":\"one\"}\n");
    Files.writeString(dir.resolve("b.jsonl"), "{\"key\":\"2\",\"body\":\"two\"}\n{\"key\":\"3\",\"text\":\"x\"}\n");
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p,
        spec(dir.resolve("*.jsonl").toString(), new ReadSettings("key", "body", 1000)));
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings()).via((Document d) -> d.getId())))
        .containsInAnyOrder("1", "2");
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
        .via((DeadLetter d) -> d.getRecordId() + " " + d.getErrorKind())))
        .containsInAnyOrder("3 " + ErrorKinds.MISSING_TEXT);
    p.run().waitUntilFinish();
  }

  @Test
  void aLargeFileIsReadInLineRangesThatKeepLineNumbers() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 500; i++) {
      lines.append(i == 377 ? "{\"id\":\"broken\"" : "{\"id\":\"d" + i + "\",\"text\":\"line " + i + " 😀\"}")
          .append('\n');
    }
    Path input = dir.resolve("many.jsonl");
    Files.writeString(input, lines);
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, spec(input.toString(), ReadSettings.defaults()), 700);
    PAssert.that(read.documents()).satisfies(docs -> {
      int count = 0;
      for (Document d : docs) {
        count++;
        String n = d.getId().substring(1);
        assertEquals("many.jsonl:" + n, d.getSource(), "line number survives splitting");
        assertEquals("line " + n + " 😀", d.getText());
      }
      assertEquals(499, count);
      return null;
    });
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
        .via((DeadLetter d) -> d.getSource() + " " + d.getErrorKind())))
        .containsInAnyOrder("many.jsonl:377 " + ErrorKinds.MALFORMED_JSON);
    p.run().waitUntilFinish();
  }

  private static InputSpec spec(String input, ReadSettings settings) {
    InputSpec spec = InputSpec.resolve(input, null, settings);
    assertEquals(InputFormat.JSONL, spec.format());
    return spec;
  }
}
