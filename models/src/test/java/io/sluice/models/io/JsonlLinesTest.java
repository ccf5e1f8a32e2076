package io.sluice.models.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlLinesTest {
  @TempDir Path dir;

  @Test
  void handsOnEachNonBlankLineWithTheNumberAnEditorShows() throws IOException {
    Path f = Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"a\"}\n\n   \n{\"id\": \"b\"}\n");
    List<String> seen = new ArrayList<>();
    JsonlLines.forEach(f, (json, number) -> seen.add(json.get("id").asText() + "@" + number));
    assertEquals(List.of("a@1", "b@4"), seen);
  }

  @Test
  void aLineThatIsNotJsonNamesFileAndLineButNotItsContent() throws IOException {
    Path f = Files.writeString(dir.resolve("b.jsonl"), "{\"id\": \"a\"}\n\nAnna Berg, 555-0101\n{\"id\": \"c\"}\n");
    List<Integer> handled = new ArrayList<>();
    JsonlLines.MalformedLineException e = assertThrows(JsonlLines.MalformedLineException.class,
        () -> JsonlLines.forEach(f, (json, number) -> handled.add(number)));
    assertEquals(f + " line 3 is not JSON", e.getMessage());
    assertFalse(e.getMessage().contains("Anna"));
    assertEquals(List.of(1), handled, "reading stops at the bad line");
  }

  @Test
  void theHandlersOwnErrorsPassThrough() throws IOException {
    Path f = Files.writeString(dir.resolve("c.jsonl"), "{}\n");
    IOException e = assertThrows(IOException.class,
        () -> JsonlLines.forEach(f, (json, number) -> {
          throw new IOException("record " + number + " has no id");
        }));
    assertTrue(e.getMessage().equals("record 1 has no id"), e.getMessage());
  }
}
