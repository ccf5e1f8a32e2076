package io.sluice.models.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.ModelSpec;
import io.sluice.models.weights.WeightFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandSupportTest {
  @Test
  void listShowsEmbeddedAndConfiguredModels(@TempDir Path conf) throws Exception {
    Files.writeString(conf.resolve("ner.json"),
        "{\"id\":\"ner\",\"source\":\"trained-dir\",\"path\":\"/models/ner\",\"task\":\"token-classification\",\"device\":\"auto\"}");
    List<ModelSpec> specs = ModelsCommandSupport.readSpecs(conf);
    assertEquals(1, specs.size());
    assertEquals("auto", specs.get(0).device());
    String text = ModelsCommandSupport.list(specs);
    assertTrue(text.contains("all-minilm-l6-v2") && text.contains("present"), text);
    assertTrue(text.contains("bge-small-en-v1.5"), text);
    assertTrue(text.contains("ner") && text.contains("trained-dir") && text.contains("token-classification"), text);
  }

  @Test
  void infoAndVerifyTheEmbeddedEncoder() {
    ModelSpec spec = ModelSpec.embedded("all-minilm-l6-v2");
    String info = ModelsCommandSupport.info(spec);
    assertTrue(info.contains("6 layers, hidden 384"), info);
    assertTrue(info.contains("parameters: 22,"), info);
    String verified = ModelsCommandSupport.verify(spec);
    assertTrue(verified.startsWith("OK all-minilm-l6-v2"), verified);
  }

  @Test
  void verifyFailsOnAWrongPin() {
    ModelSpec pinned = ModelSpec.embedded("all-minilm-l6-v2").withSha256("ab".repeat(32));
    WeightFormatException e = assertThrows(WeightFormatException.class, () -> ModelsCommandSupport.verify(pinned));
    assertTrue(e.getMessage().contains("sha256 mismatch"));
  }

  @Test
  void badSpecsAreRejectedClearly(@TempDir Path conf) throws Exception {
    Files.writeString(conf.resolve("bad.json"), "{\"id\":\"x\",\"source\":\"pickle\",\"path\":\"p\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelsCommandSupport.readSpecs(conf));
    assertTrue(e.getMessage().contains("unknown model source"));
    assertThrows(IllegalArgumentException.class, () -> ModelsCommandSupport.info(
        ModelSpec.of("nope", ModelSpec.SourceKind.EMBEDDED, "no-such-model", ModelSpec.Task.ENCODER)));
  }
}
