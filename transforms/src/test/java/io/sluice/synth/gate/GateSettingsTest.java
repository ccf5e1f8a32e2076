package io.sluice.synth.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.synth.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateSettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsTurnEveryCheckOnWithTheBuiltInPolicyAndNoSource() {
    GateSettings settings = GateSettings.defaults();
    assertTrue(settings.piiScan());
    assertEquals("default", settings.pii().policy().name);
    assertFalse(settings.sourceCheck());
    assertNull(settings.sourcePath());
    assertTrue(settings.withinOutput() && settings.exactDedup());
    assertEquals(new MinHasher(5, 128, 32), settings.minHash());
    assertEquals(0.7, settings.threshold());
  }

  @Test
  void readsEveryKeyAndResolvesPathsAgainstTheSpecDirectory() throws IOException {
    Files.writeString(dir.resolve("p.yaml"), "name: mine\nentities:\n  EMAIL_ADDRESS: {}\n  URL: {}\n");
    GateSettings settings = GateSettings.parse(Map.of(
        "pii", Map.of("policy", "p.yaml", "entities", java.util.List.of("EMAIL_ADDRESS"), "min_score", 0.6),
        "near_duplicates", Map.of("source", "corpus", "threshold", 0.7, "shingle", 3, "permutations", 64, "bands", 16),
        "within_output", false, "exact_dedup", true), dir);
    assertEquals("mine", settings.pii().policy().name);
    assertEquals(java.util.Set.of("EMAIL_ADDRESS"), settings.pii().entities());
    assertEquals(0.6, settings.pii().minScore());
    assertEquals(dir.resolve("corpus"), settings.sourcePath());
    assertEquals(new MinHasher(3, 64, 16), settings.minHash());
    assertEquals(0.7, settings.threshold());
    assertFalse(settings.withinOutput());
  }

  @Test
  void partsSwitchOff() {
    GateSettings settings = GateSettings.parse(Map.of("pii", false, "near_duplicates", Map.of("enabled", false,
        "source", "x.jsonl")), dir);
    assertFalse(settings.piiScan());
    assertFalse(settings.sourceCheck());
    GateSettings none = GateSettings.parse(Map.of("enabled", false), dir);
    assertFalse(none.piiScan() || none.sourceCheck() || none.withinOutput() || none.exactDedup());
  }

  @Test
  void mistakesSayWhatToFix() throws IOException {
    assertMessage("gate.near_duplicates.bands (5) must divide gate.near_duplicates.permutations (128)",
        Map.of("near_duplicates", Map.of("bands", 5)));
    assertMessage("gate has unknown keys [within_outputs]", Map.of("within_outputs", true));
    assertMessage("gate.near_duplicates.threshold must be between 0.01 and 1.0, not 1.5",
        Map.of("near_duplicates", Map.of("threshold", 1.5)));
    assertMessage("gate.exact_dedup must be true or false, not 'yes please'", Map.of("exact_dedup", "yes please"));
    Files.writeString(dir.resolve("p.yaml"), "name: mine\nentities:\n  EMAIL_ADDRESS: {}\n");
    assertMessage("gate.pii.entities names [PERSON], which policy 'mine' does not detect",
        Map.of("pii", Map.of("policy", "p.yaml", "entities", "PERSON")));
  }

  private void assertMessage(String expectedStart, Map<String, Object> gate) {
    SpecException e = assertThrows(SpecException.class, () -> GateSettings.parse(gate, dir));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
