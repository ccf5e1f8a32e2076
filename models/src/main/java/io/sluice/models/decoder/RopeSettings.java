package io.sluice.models.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Rotary position embedding settings: the base (rope_theta) and optional {@code rope_scaling}. Supported
 * scalings: none/default, "linear" (positions divided by the factor) and "llama3" (Llama 3.1/3.2: long
 * wavelengths divided by the factor, short ones kept, a smooth blend between).
 */
public record RopeSettings(double theta, String type, double factor, double lowFreqFactor, double highFreqFactor,
    int originalMaxPositions) {

  public static RopeSettings plain(double theta) {
    return new RopeSettings(theta, "default", 1, 1, 1, 0);
  }

  public static RopeSettings llama3(double theta, double factor, double low, double high, int originalMax) {
    return new RopeSettings(theta, "llama3", factor, low, high, originalMax);
  }

  static RopeSettings fromConfig(JsonNode config) {
    double theta = config.path("rope_theta").asDouble(10000.0);
    JsonNode s = config.get("rope_scaling");
    if (s == null || s.isNull()) {
      return plain(theta);
    }
    String type = s.path("rope_type").asText(s.path("type").asText("default")).toLowerCase(Locale.ROOT);
    return switch (type) {
      case "default" -> plain(theta);
      case "linear" -> new RopeSettings(theta, type, s.path("factor").asDouble(1), 1, 1, 0);
      case "llama3" -> llama3(theta, s.path("factor").asDouble(8), s.path("low_freq_factor").asDouble(1),
          s.path("high_freq_factor").asDouble(4), s.path("original_max_position_embeddings").asInt(8192));
      default -> throw new IllegalArgumentException("unsupported rope_scaling type '" + type
          + "'; supported: default, linear, llama3");
    };
  }

  void writeTo(ObjectNode config) {
    config.put("rope_theta", theta);
    if (type.equals("default")) {
      return;
    }
    ObjectNode s = config.putObject("rope_scaling");
    s.put("rope_type", type);
    s.put("factor", factor);
    if (type.equals("llama3")) {
      s.put("low_freq_factor", lowFreqFactor);
      s.put("high_freq_factor", highFreqFactor);
      s.put("original_max_position_embeddings", originalMaxPositions);
    }
  }

  /** The rotation frequency of each pair of dimensions (headDim / 2 values), computed as transformers does. */
  public float[] inverseFrequencies(int headDim) {
    int half = headDim / 2;
    float[] inv = new float[half];
    for (int i = 0; i < half; i++) {
      // transformers computes these in float32 from int64 exponents; do the same so positions agree bit for bit
      float base = (float) (1.0 / Math.pow(theta, (2.0 * i) / headDim));
      inv[i] = switch (type) {
        case "linear" -> (float) (base / factor);
        case "llama3" -> llama3Scaled(base);
        default -> base;
      };
    }
    return inv;
  }

  private float llama3Scaled(float inv) {
    double lowFreqWavelen = originalMaxPositions / lowFreqFactor;
    double highFreqWavelen = originalMaxPositions / highFreqFactor;
    double wavelen = 2 * Math.PI / inv;
    if (wavelen < highFreqWavelen) {
      return inv; // high frequencies (short wavelengths) keep their resolution
    }
    if (wavelen > lowFreqWavelen) {
      return (float) (inv / factor);
    }
    double smooth = (originalMaxPositions / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
    return (float) ((1 - smooth) * inv / factor + smooth * inv);
  }
}
