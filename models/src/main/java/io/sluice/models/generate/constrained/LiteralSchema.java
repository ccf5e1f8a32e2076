package io.sluice.models.generate.constrained;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A value that is one of a fixed list of serialized JSON texts: enum and const values, true/false, null. Literals
 * may be prefixes of one another (enum [1, 12]): the frame can then end or go on.
 */
final class LiteralSchema implements ValueSchema {
  private final byte[][] literals;

  LiteralSchema(List<byte[]> literals) {
    List<byte[]> distinct = new ArrayList<>();
    for (byte[] literal : literals) {
      if (distinct.stream().noneMatch(seen -> Arrays.equals(seen, literal))) {
        distinct.add(literal);
      }
    }
    this.literals = distinct.toArray(new byte[0][]);
  }

  @Override
  public Frame start(Frame parent) {
    return new LiteralFrame(parent, this, 0, 0);
  }

  @Override
  public int minBytes() {
    int min = Integer.MAX_VALUE;
    for (byte[] literal : literals) {
      min = Math.min(min, literal.length);
    }
    return min;
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    for (byte[] literal : literals) {
      first.set(literal[0] & 0xFF);
    }
    return first;
  }

  /** True when literal j starts with the first {@code length} bytes of literal i. */
  private boolean sharePrefix(int i, int j, int length) {
    return literals[j].length >= length && Arrays.equals(literals[i], 0, length, literals[j], 0, length);
  }

  static final class LiteralFrame extends Frame {
    private final LiteralSchema schema;
    /** The first literal that matches what was written so far. */
    private final int candidate;
    private final int matched;

    LiteralFrame(Frame parent, LiteralSchema schema, int candidate, int matched) {
      super(parent);
      this.schema = schema;
      this.candidate = candidate;
      this.matched = matched;
    }

    @Override
    Frame consume(int b) {
      byte[][] literals = schema.literals;
      for (int j = candidate; j < literals.length; j++) {
        if (literals[j].length > matched && (literals[j][matched] & 0xFF) == b && schema.sharePrefix(candidate, j, matched)) {
          LiteralFrame next = new LiteralFrame(parent, schema, j, matched + 1);
          return next.canEnd() && !next.canGoOn() ? parent : next;
        }
      }
      return null;
    }

    private boolean canGoOn() {
      for (int j = candidate; j < schema.literals.length; j++) {
        if (schema.literals[j].length > matched && schema.sharePrefix(candidate, j, matched)) {
          return true;
        }
      }
      return false;
    }

    @Override
    boolean canEnd() {
      for (int j = candidate; j < schema.literals.length; j++) {
        if (schema.literals[j].length == matched && schema.sharePrefix(candidate, j, matched)) {
          return true;
        }
      }
      return false;
    }

    @Override
    int bytesToEnd() {
      int min = Integer.MAX_VALUE;
      for (int j = candidate; j < schema.literals.length; j++) {
        if (schema.sharePrefix(candidate, j, matched)) {
          min = Math.min(min, schema.literals[j].length - matched);
        }
      }
      return min;
    }

    @Override
    Frame withParent(Frame newParent) {
      return new LiteralFrame(newParent, schema, candidate, matched);
    }

    @Override
    boolean sameLocalState(Frame other) {
      LiteralFrame that = (LiteralFrame) other;
      return schema == that.schema && candidate == that.candidate && matched == that.matched;
    }

    @Override
    int localHash() {
      return (System.identityHashCode(schema) * 31 + candidate) * 31 + matched;
    }
  }
}
