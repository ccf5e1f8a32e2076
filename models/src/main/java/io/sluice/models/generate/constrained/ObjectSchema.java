package io.sluice.models.generate.constrained;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/**
 * A JSON object with known properties, written in the schema's order: {@code {"a":1,"b":"x"}} with at most one
 * space after each colon and comma. Optional properties may be left out; no other property may appear
 * (additionalProperties false). The fixed order keeps the automaton small and still accepts every property set.
 */
final class ObjectSchema implements ValueSchema {
  /** One property: its key written as a JSON string with both quotes, its value, whether it must appear. */
  record Property(String name, ValueSchema value, boolean required) {
    byte[] keyBytes() {
      return JsonText.quote(name).getBytes(StandardCharsets.UTF_8);
    }
  }

  private final Property[] properties;
  private final byte[][] keys;
  /** For each start index, the last property that may come next (the first required one at or after it). */
  private final int[] lastCandidate;
  /** Bytes the required properties from index i on need, each with its leading comma. */
  private final int[] requiredBytesFrom;

  ObjectSchema(List<Property> properties) {
    this.properties = properties.toArray(new Property[0]);
    int n = this.properties.length;
    keys = new byte[n][];
    lastCandidate = new int[n + 1];
    requiredBytesFrom = new int[n + 1];
    lastCandidate[n] = n - 1;
    for (int i = n - 1; i >= 0; i--) {
      keys[i] = this.properties[i].keyBytes();
      lastCandidate[i] = this.properties[i].required() || i == n - 1 ? i : lastCandidate[i + 1];
      requiredBytesFrom[i] = requiredBytesFrom[i + 1] + (this.properties[i].required() ? 1 + memberBytes(i) : 0);
    }
  }

  /** Bytes of property i written with its shortest value: "key":value. */
  private int memberBytes(int i) {
    return keys[i].length + 1 + properties[i].value().minBytes();
  }

  @Override
  public Frame start(Frame parent) {
    return new ObjectFrame(parent, this, ObjectFrame.OPEN, 0, 0, 0);
  }

  @Override
  public int minBytes() {
    // the leading comma of the first required member is not written
    return 2 + (requiredBytesFrom[0] == 0 ? 0 : requiredBytesFrom[0] - 1);
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    first.set('{');
    return first;
  }

  /** Fewest bytes to finish after writing a member that starts with property j, from inside its key. */
  private int bytesWithMember(int j, int keyBytesWritten) {
    return memberBytes(j) - keyBytesWritten + requiredBytesFrom[j + 1] + 1;
  }

  static final class ObjectFrame extends Frame {
    static final int OPEN = 0;
    static final int FIRST = 1;
    static final int KEY = 2;
    static final int COLON = 3;
    static final int AFTER_COLON = 4;
    static final int AFTER_COLON_SPACE = 5;
    static final int AFTER_MEMBER = 6;
    static final int AFTER_COMMA = 7;
    static final int AFTER_COMMA_SPACE = 8;

    private final ObjectSchema schema;
    private final int phase;
    /** The first property that has not been written or skipped. */
    private final int next;
    /** KEY: the first property whose key matches what was written; COLON and after: the property being written. */
    private final int candidate;
    /** KEY: key bytes written so far, the opening quote included. */
    private final int matched;

    ObjectFrame(Frame parent, ObjectSchema schema, int phase, int next, int candidate, int matched) {
      super(parent);
      this.schema = schema;
      this.phase = phase;
      this.next = next;
      this.candidate = candidate;
      this.matched = matched;
    }

    private ObjectFrame with(int newPhase, int newNext, int newCandidate, int newMatched) {
      return new ObjectFrame(parent, schema, newPhase, newNext, newCandidate, newMatched);
    }

    private boolean mayClose() {
      return schema.requiredBytesFrom[next] == 0;
    }

    private boolean hasMore() {
      return next < schema.properties.length;
    }

    @Override
    Frame consume(int b) {
      switch (phase) {
        case OPEN:
          return b == '{' ? with(FIRST, 0, 0, 0) : null;
        case FIRST:
          if (b == '}') {
            return mayClose() ? parent : null;
          }
          return b == '"' && hasMore() ? with(KEY, next, next, 1) : null;
        case KEY:
          return keyByte(b);
        case COLON:
          return b == ':' ? with(AFTER_COLON, next, candidate, 0) : null;
        case AFTER_COLON:
          if (b == ' ') {
            return with(AFTER_COLON_SPACE, next, candidate, 0);
          }
          return value(b);
        case AFTER_COLON_SPACE:
          return value(b);
        case AFTER_MEMBER:
          if (b == '}') {
            return mayClose() ? parent : null;
          }
          return b == ',' && hasMore() ? with(AFTER_COMMA, next, 0, 0) : null;
        case AFTER_COMMA:
          if (b == ' ') {
            return with(AFTER_COMMA_SPACE, next, 0, 0);
          }
          return b == '"' ? with(KEY, next, next, 1) : null;
        default:
          return b == '"' ? with(KEY, next, next, 1) : null;
      }
    }

    private Frame keyByte(int b) {
      byte[][] keys = schema.keys;
      for (int j = candidate; j <= schema.lastCandidate[next]; j++) {
        if (continuesWrittenKey(j) && (keys[j][matched] & 0xFF) == b) {
          // keys end with their closing quote, so none is a prefix of another: a full match is final
          return matched + 1 == keys[j].length ? with(COLON, j + 1, j, 0) : with(KEY, next, j, matched + 1);
        }
      }
      return null;
    }

    /**
     * KEY: whether property j's key starts with the key bytes written so far and has more to come. Keys of later
     * candidates may be shorter than what was written (an optional "verified" before a required "role"); those are
     * out, and comparing past their end would overrun them.
     */
    private boolean continuesWrittenKey(int j) {
      byte[][] keys = schema.keys;
      return keys[j].length > matched && java.util.Arrays.equals(keys[candidate], 0, matched, keys[j], 0, matched);
    }

    private Frame value(int b) {
      Frame after = with(AFTER_MEMBER, next, 0, 0);
      return schema.properties[candidate].value().start(after).consume(b);
    }

    @Override
    boolean canEnd() {
      return false;
    }

    @Override
    int bytesToEnd() {
      switch (phase) {
        case OPEN:
          return schema.minBytes();
        case FIRST:
          return schema.requiredBytesFrom[next] == 0 ? 1 : schema.requiredBytesFrom[next];
        case KEY:
          int best = Integer.MAX_VALUE;
          for (int j = candidate; j <= schema.lastCandidate[next]; j++) {
            if (continuesWrittenKey(j)) {
              best = Math.min(best, schema.bytesWithMember(j, matched));
            }
          }
          return best;
        case COLON:
          return schema.bytesWithMember(candidate, schema.keys[candidate].length);
        case AFTER_COLON:
        case AFTER_COLON_SPACE:
          return schema.bytesWithMember(candidate, schema.keys[candidate].length + 1);
        case AFTER_MEMBER:
          return schema.requiredBytesFrom[next] + 1;
        default:
          int fewest = Integer.MAX_VALUE;
          for (int j = next; j <= schema.lastCandidate[next]; j++) {
            fewest = Math.min(fewest, schema.bytesWithMember(j, 0));
          }
          return fewest;
      }
    }

    @Override
    Frame withParent(Frame newParent) {
      return new ObjectFrame(newParent, schema, phase, next, candidate, matched);
    }

    @Override
    boolean sameLocalState(Frame other) {
      ObjectFrame that = (ObjectFrame) other;
      return schema == that.schema && phase == that.phase && next == that.next && candidate == that.candidate
          && matched == that.matched;
    }

    @Override
    int localHash() {
      return (((System.identityHashCode(schema) * 31 + phase) * 31 + next) * 31 + candidate) * 31 + matched;
    }
  }
}
