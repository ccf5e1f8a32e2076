package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void anOwnTopLayerIsStoredAndOlderConfigsUseTheSharedEncoders() {
    NerModelConfig own = config.withTopLayer().withEntityThreshold(0.4);
    assertTrue(own.topLayer());
    assertEquals(own, NerModelConfig.fromJson(own.toJson(json)));
    assertEquals(false, NerModelConfig.fromJson(config.toJson(json)).topLayer());
    assertTrue(config.toJson(json).path("top_layer").isMissingNode());
  }

  @Test
  void aThresholdOutsideZeroToOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> config.withEntityThreshold(1.0));
    assertThrows(IllegalArgumentException.class, () -> config.withEntityThreshold(0));
    assertThrows(IllegalArgumentException.class, () -> config.withTypeThresholds(java.util.Map.of("PERSON", 1.2)));
    assertThrows(IllegalArgumentException.class, () -> config.withTypeThresholds(java.util.Map.of("EMAIL", 0.4)));
  }

  @Test
  void typeThresholdsAndWordListFeaturesAreStoredAndOlderConfigsUseCasingOnly() {
    NerModelConfig listed = new NerModelConfig(TrainNer.ENCODER, "ab", 256, 64, NerLabels.ENTITIES, 256,
        NerModelConfig.Features.CASING_AND_GAZETTEER.width(), 0.35, NerModelConfig.Words.ALPHANUMERIC_RUNS,
        NerModelConfig.Features.CASING_AND_GAZETTEER).withTypeThresholds(java.util.Map.of("PERSON", 0.5));
    assertEquals(listed, NerModelConfig.fromJson(listed.toJson(json)));
    assertEquals(java.util.List.of(0.5, 0.35, 0.35, 0.35),
        java.util.Arrays.stream(listed.thresholds()).boxed().toList());
    ObjectNode older = config.toJson(json);
    older.remove("features");
    assertEquals(NerModelConfig.Features.CASING, NerModelConfig.fromJson(older).features());
    ObjectNode mismatched = listed.toJson(json);
    mismatched.put("feature_width", TokenFeatures.WIDTH);
    assertThrows(IllegalArgumentException.class, () -> NerModelConfig.fromJson(mismatched));
  }

  @Test
  void theNameListsAloneAreANarrowerFeatureSetStoredByName() {
    NerModelConfig.Features names = NerModelConfig.Features.named("casing_and_names");
    assertEquals(NerModelConfig.Features.CASING_AND_NAMES, names);
    assertEquals(TokenFeatures.WIDTH + GazetteerFeatures.width(names.lists()), names.width());
    assertTrue(names.width() < NerModelConfig.Features.CASING_AND_GAZETTEER.width());
    NerModelConfig named = new NerModelConfig(TrainNer.ENCODER, "ab", 256, 64, NerLabels.ENTITIES, 256,
        names.width(), 0.35, NerModelConfig.Words.ALPHANUMERIC_RUNS, names);
    assertEquals("casing_and_names", named.toJson(json).path("features").asText());
    assertEquals(named, NerModelConfig.fromJson(named.toJson(json)));
    assertEquals(TokenFeatures.WIDTH, NerModelConfig.Features.CASING.width());
    assertThrows(IllegalArgumentException.class, () -> NerModelConfig.Features.named("names"));
  }
}
