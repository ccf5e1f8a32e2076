package io.sluice.models.generate.constrained;

/** A compiled JSON Schema value: what it may write, as frames of the byte-level automaton. */
interface ValueSchema {

  /** A frame expecting the first byte of this value, that returns to {@code parent} once the value is done. */
  Frame start(Frame parent);

  /** The length in bytes of the shortest valid value. */
  int minBytes();

  /** The bytes a value may start with; anyOf needs its alternatives to start differently. */
  java.util.BitSet firstBytes();
}
