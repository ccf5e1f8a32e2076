package io.sluice.models.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionPairsTest {
  private final Map<String, Integer> seen = new LinkedHashMap<>();

  private void parse(String... args) {
    OptionPairs.apply(args, (name, value) -> {
      if (!name.equals("--count") && !name.equals("--size")) {
        return false;
      }
      seen.put(name, Integer.parseInt(value));
      return true;
    }, problem -> new IllegalArgumentException(problem + "; usage: x [--count N] [--size N]"));
  }

  @Test
  void appliesPairsInOrderLaterValuesWin() {
    parse("--count", "3", "--size", "7", "--count", "4");
    assertEquals(Map.of("--count", 4, "--size", 7), seen);
  }

  @Test
  void declaredFlagsTakeNoValueAndMixWithPairs() {
    List<String> flags = new ArrayList<>();
    OptionPairs.apply(new String[] {"--quiet", "--count", "3", "--dry-run"},
        Map.of("--quiet", () -> flags.add("quiet"), "--dry-run", () -> flags.add("dry-run")),
        (name, value) -> {
          seen.put(name, Integer.parseInt(value));
          return true;
        }, IllegalArgumentException::new);
    assertEquals(List.of("quiet", "dry-run"), flags);
    assertEquals(Map.of("--count", 3), seen);
  }

  @Test
  void danglingNameUnknownNameAndNonNumberFailWithTheUsage() {
    assertEquals("option --size needs a value; usage: x [--count N] [--size N]",
        assertThrows(IllegalArgumentException.class, () -> parse("--count", "1", "--size")).getMessage());
    assertEquals("unknown option --colour; usage: x [--count N] [--size N]",
        assertThrows(IllegalArgumentException.class, () -> parse("--colour", "red")).getMessage());
    assertEquals("option --count needs a number, not three; usage: x [--count N] [--size N]",
        assertThrows(IllegalArgumentException.class, () -> parse("--count", "three")).getMessage());
  }
}
