package io.sluice.models.heads;

/** A training text with its target per label: one-hot for exclusive labels, 0/1 per label for multi-label. */
public record SequenceExample(String text, float[] target) {}
