package io.sluice.models.generate.constrained;

import java.util.BitSet;

/**
 * A JSON array of {@code items}, between minItems and maxItems long (maxItems &lt; 0: unbounded), written as
 * {@code [a,b]} with at most one space after each comma.
 */
final class ArraySchema implements ValueSchema {
  private final ValueSchema items;
  private final int minItems;
  private final int maxItems;

  ArraySchema(ValueSchema items, int minItems, int maxItems) {
    this.items = items;
    this.minItems = minItems;
    this.maxItems = maxItems;
  }

  @Override
  public Frame start(Frame parent) {
    return new ArrayFrame(parent, this, ArrayFrame.OPEN, 0);
  }

  @Override
  public int minBytes() {
    return 2 + itemsBytes(minItems);
  }

  /** Bytes of the n shortest items with the commas between them. */
  private int itemsBytes(int n) {
    return n == 0 ? 0 : n * items.minBytes() + n - 1;
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    first.set('[');
    return first;
  }

  /** Counts past minItems only matter against maxItems: without one they are folded so states stay few. */
  private int countAfter(int count) {
    return maxItems >= 0 ? count + 1 : Math.min(count + 1, minItems);
  }

  static final class ArrayFrame extends Frame {
    static final int OPEN = 0;
    static final int FIRST = 1;
    static final int AFTER_ITEM = 2;
    static final int AFTER_COMMA = 3;
    static final int AFTER_SPACE = 4;

    private final ArraySchema schema;
    private final int phase;
    private final int count;

    ArrayFrame(Frame parent, ArraySchema schema, int phase, int count) {
      super(parent);
      this.schema = schema;
      this.phase = phase;
      this.count = count;
    }

    @Override
    Frame consume(int b) {
      switch (phase) {
        case OPEN:
          return b == '[' ? new ArrayFrame(parent, schema, FIRST, 0) : null;
        case FIRST:
          if (b == ']') {
            return schema.minItems == 0 ? parent : null;
          }
          return schema.maxItems == 0 ? null : item(b);
        case AFTER_ITEM:
          if (b == ']') {
            return count >= schema.minItems ? parent : null;
          }
          if (b == ',' && (schema.maxItems < 0 || count < schema.maxItems)) {
            return new ArrayFrame(parent, schema, AFTER_COMMA, count);
          }
          return null;
        case AFTER_COMMA:
          return b == ' ' ? new ArrayFrame(parent, schema, AFTER_SPACE, count) : item(b);
        default:
          return item(b);
      }
    }

    private Frame item(int b) {
      Frame after = new ArrayFrame(parent, schema, AFTER_ITEM, schema.countAfter(count));
      return schema.items.start(after).consume(b);
    }

    @Override
    boolean canEnd() {
      return false;
    }

    @Override
    int bytesToEnd() {
      int missing = Math.max(0, schema.minItems - count);
      switch (phase) {
        case OPEN:
          return schema.minBytes();
        case FIRST:
          return schema.itemsBytes(missing) + 1;
        case AFTER_ITEM:
          return missing == 0 ? 1 : schema.itemsBytes(missing) + 2;
        default:
          return schema.itemsBytes(Math.max(1, missing)) + 1;
      }
    }

    @Override
    Frame withParent(Frame newParent) {
      return new ArrayFrame(newParent, schema, phase, count);
    }

    @Override
    boolean sameLocalState(Frame other) {
      ArrayFrame that = (ArrayFrame) other;
      return schema == that.schema && phase == that.phase && count == that.count;
    }

    @Override
    int localHash() {
      return (System.identityHashCode(schema) * 31 + phase) * 31 + count;
    }
  }
}
