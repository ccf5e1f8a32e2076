package io.sluice.pipelines.io;

import io.sluice.pipelines.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.pipelines.testing.Pipelines;
import io.sluice.schemas.DeadLetter;
import io.sluice.schemas.Document;
import io.sluice.transforms.ErrorKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesReaderTest {
  @TempDir Path dir;
  Path corpus;

  @BeforeEach
  void corpus() throws IOException {
    corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("tickets/2024"));
    Files.writeString(corpus.resolve("note.txt"), "call me 😀 tomorrow");
    Files.writeString(corpus.resolve("tickets/2024/t1.txt"), "ticket one");
    Files.write(corpus.resolve("tickets/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    Files.writeString(corpus.resolve("tickets/empty.txt"), "");
    Files.writeString(corpus.resolve("big.md"), "x".repeat(500));
  }

  @Test
  void aFolderIsReadRecursivelyWithRelativePathIdsAndBadFilesDeadLettered() {
    InputSpec spec = InputSpec.resolve(corpus.toString(), null, new ReadSettings("id", "text", 100));
    assertEquals(InputFormat.TEXT, spec.format());
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, spec);
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings())
            .via((Document d) -> d.getId() + "=" + d.getText())))
        .containsInAnyOrder("note.txt=call me 😀 tomorrow", "tickets/2024/t1.txt=ticket one");
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> d.getRecordId() + " " + d.getErrorKind())))
        .containsInAnyOrder("tickets/latin1.txt " + ErrorKinds.INVALID_UTF8,
            "tickets/empty.txt " + ErrorKinds.EMPTY_TEXT, "big.md " + ErrorKinds.TOO_LARGE);
    p.run().waitUntilFinish();
  }

  @Test
  void aGlobSelectsFilesAndIdsStayRelativeToItsFolder() {
    InputSpec spec = InputSpec.resolve(corpus.resolve("tickets/**.txt").toString(), null, ReadSettings.defaults());
    Pipeline p = Pipelines.direct();
    ReadResult read = DocumentReaders.read(p, spec);
    PAssert.that(read.documents().apply(MapElements.into(TypeDescriptors.strings()).via((Document d) -> d.getId())))
        .containsInAnyOrder("2024/t1.txt");
    p.run().waitUntilFinish();
  }

  @Test
  void aMissingInputFailsFastWithAMessageSayingWhatToFix() {
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> InputSpec.resolve(dir.resolve("nope.jsonl").toString(), null, ReadSettings.defaults()));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--input"), e.getMessage());
  }
}
