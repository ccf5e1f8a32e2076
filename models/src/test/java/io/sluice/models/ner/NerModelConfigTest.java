package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class NerModelConfigTest {
  private final ObjectMapper json = new ObjectMapper();
  private final NerModelConfig config = new NerModelConfig(TrainNer.ENCODER, "ab", 256, 64, NerLabels.ENTITIES, 256,
      TokenFeatures.WIDTH, 0.35);

  @Test
  void theTunedThresholdIsStoredAndOlderConfigsDecodeAtOneHalf() {
    assertEquals(config, NerModelConfig.fromJson(config.toJson(json)));
    ObjectNode older = config.toJson(json);
    older.remove("entity_threshold");
    assertEquals(NerModelConfig.DEFAULT_ENTITY_THRESHOLD, NerModelConfig.fromJson(older).entityThreshold());
  }

  @Test
  void aThresholdOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> config.withEntityThreshold(1.0));
    assertThrows(IllegalArgumentException.class, () -> config.withEntityThreshold(0));
  }
}
