package io.sluice.generate;

import java.io.Serializable;

/** A generated output: text, token counts, why it ended, how many attempts it took and the seed of the last. */
public record Generation(String id, String text, int promptTokens, int generatedTokens, String finishReason,
    int attempts, long seed) implements Serializable {}
