package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;

/**
 * What one forward call does with the key/value cache, shared by all layers: which cache rows its tokens'
 * keys and values go to, whether attention reads the cache (decode) or only the call's own tokens (prefill of
 * fresh sequences), and the additive attention mask [batch or 1, 1, 1, seq, keys].
 *
 * @param cacheRows rows of the flattened cache [slots * capacity] written, one per written token; null: no cache
 * @param tokenRows rows of the flattened call tokens [batch * seq] that are written; null: all of them
 * @param readLength keys read from the cache (0: attend to the call's own tokens)
 */
record StepPlan(NDArray cacheRows, NDArray tokenRows, int readLength, NDArray mask) {
  boolean readsCache() {
    return readLength > 0;
  }
}
