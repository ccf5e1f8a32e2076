package io.sluice.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldReadersTest {
  @TempDir Path dir;

  @Test
  void readsPresidioResearchJson() throws IOException {
    Path f = dir.resolve("gold.json");
    Files.writeString(f, "[{\"full_text\": \"Call Anna Berg\", \"masked\": \"\", \"spans\": [{\"entity_type\": \"PERSON\","
        + " \"entity_value\": \"Anna Berg\", \"start_position\": 5, \"end_position\": 14}]}]");
    List<GoldDocument> docs = GoldReaders.read(f);
    assertEquals(1, docs.size());
    assertEquals(List.of(new EntitySpan("PERSON", 5, 14)), docs.get(0).spans());
  }

  @Test
  void readsOurJsonl() throws IOException {
    Path f = dir.resolve("gold.jsonl");
    Files.writeString(f, "{\"id\": \"a\", \"text\": \"Oslo\", \"entities\": [{\"type\": \"LOCATION\", \"start\": 0, \"end\": 4}]}\n\n"
        + "{\"id\": \"b\", \"text\": \"nothing\", \"entities\": []}\n");
    List<GoldDocument> docs = GoldReaders.read(f);
    assertEquals(2, docs.size());
    assertEquals("a", docs.get(0).id());
    assertTrue(docs.get(1).spans().isEmpty());
  }

  @Test
  void badRecordsAreErrorsThatNameTheLine() throws IOException {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, "{\"id\": \"a\", \"text\": \"Oslo\", \"entities\": []}\n{\"id\": \"b\", \"text\": \"Oslo\","
        + " \"entities\": [{\"type\": \"LOCATION\", \"start\": 0, \"end\": 40}]}\n");
    IOException e = assertThrows(IOException.class, () -> GoldReaders.read(f));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    Path g = dir.resolve("notjson.jsonl");
    Files.writeString(g, "not json\n");
    assertThrows(IOException.class, () -> GoldReaders.read(g));
  }

  @Test
  void readsTheSampleManifest() throws IOException {
    Path samples = Path.of("..", "conf", "samples");
    List<GoldDocument> docs = GoldReaders.readManifest(samples.resolve("manifest.json"), samples.resolve("corpus.jsonl"));
    assertEquals(200, docs.size());
    GoldDocument first = docs.stream().filter(d -> d.id().equals("doc-0001")).findFirst().orElseThrow();
    assertTrue(first.spans().contains(new EntitySpan("ORGANIZATION", 21, 40)));
  }

  @Test
  void skipWordsFileIsReadFromItsLists() throws IOException {
    Path f = dir.resolve("skip.json");
    Files.writeString(f, "{\"_about\": \"x\", \"a\": [\"The\", \"of\"], \"b\": [\"dear\"]}");
    SkipWords s = SkipWords.read(f);
    assertTrue(s.contains("the") && s.contains("DEAR") && s.contains(","));
    assertTrue(!s.contains("anna"));
  }
}
