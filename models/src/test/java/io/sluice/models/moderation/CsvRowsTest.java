package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() {
    List<List<String>> rows = CsvRows.parse("a,b\r\n1,\"x, \"\"y\"\"\nz\"\n2,plain\n");
    assertEquals(List.of(List.of("a", "b"), List.of("1", "x, \"y\"\nz"), List.of("2", "plain")), rows);
  }

  @Test
  void lastRowWithoutNewlineAndEmptyFieldsAreKept() {
    assertEquals(List.of(List.of("", "", "3")), CsvRows.parse(",,3"));
  }
}
