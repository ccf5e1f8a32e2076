package io.sluice.models;

import io.sluice.models.encoder.EncoderConfig;
import io.sluice.models.encoder.Pooling;
import io.sluice.models.heads.HeadConfig;
import io.sluice.models.weights.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Everything read from a model source before anything is placed on a device: architecture, weights under
 * this runtime's names, tokenizer.json bytes, pooling, the head (if any) and the digest of the weight files.
 */
public record ResolvedModel(
    String id,
    EncoderConfig config,
    Map<String, Tensor> weights,
    byte[] tokenizerJson,
    Pooling pooling,
    HeadConfig head,
    List<String> weightFiles,
    String sha256) {}
