package io.sluice.models.generate.constrained;

import java.util.BitSet;
import java.util.List;

/**
 * One of several value schemas that start with different bytes (a type or null, a string or a number), so the
 * first byte decides which one is being written and the automaton stays deterministic.
 */
final class AnyOfSchema implements ValueSchema {
  private final List<ValueSchema> alternatives;
  /** The alternative each first byte selects. */
  private final ValueSchema[] byFirstByte = new ValueSchema[256];

  AnyOfSchema(List<ValueSchema> alternatives) {
    BitSet seen = new BitSet();
    for (ValueSchema alternative : alternatives) {
      if (alternative.firstBytes().intersects(seen)) {
        throw new IllegalArgumentException("anyOf alternatives must start with different characters (for example"
            + " a type and null); these overlap: " + alternatives.size() + " alternatives starting with "
            + describe(seen, alternative.firstBytes()));
      }
      seen.or(alternative.firstBytes());
      alternative.firstBytes().stream().forEach(b -> byFirstByte[b] = alternative);
    }
    this.alternatives = List.copyOf(alternatives);
  }

  private static String describe(BitSet seen, BitSet next) {
    BitSet both = (BitSet) seen.clone();
    both.and(next);
    StringBuilder out = new StringBuilder();
    both.stream().forEach(b -> out.append((char) b));
    return "'" + out + "'";
  }

  @Override
  public Frame start(Frame parent) {
    return new Choice(parent, this);
  }

  @Override
  public int minBytes() {
    return alternatives.stream().mapToInt(ValueSchema::minBytes).min().orElseThrow();
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    alternatives.forEach(alternative -> first.or(alternative.firstBytes()));
    return first;
  }

  /** Before the first byte: hands it to the one alternative that can start with it. */
  static final class Choice extends Frame {
    private final AnyOfSchema schema;

    Choice(Frame parent, AnyOfSchema schema) {
      super(parent);
      this.schema = schema;
    }

    @Override
    Frame consume(int b) {
      ValueSchema alternative = schema.byFirstByte[b];
      return alternative == null ? null : alternative.start(parent).consume(b);
    }

    @Override
    boolean canEnd() {
      return false;
    }

    @Override
    int bytesToEnd() {
      return schema.minBytes();
    }

    @Override
    Frame withParent(Frame newParent) {
      return new Choice(newParent, schema);
    }

    @Override
    boolean sameLocalState(Frame other) {
      return schema == ((Choice) other).schema;
    }

    @Override
    int localHash() {
      return System.identityHashCode(schema);
    }
  }
}
