package io.sluice.models.generate.constrained;

import java.util.BitSet;

/**
 * A JSON string of at most {@code maxLength} characters (code points; an escape is one). Its bytes are valid UTF-8
 * even when a multi-byte character is split across tokens; control characters must be escaped; {@code \\u}
 * escapes of lone surrogates are refused so every output decodes.
 */
final class StringSchema implements ValueSchema {
  private final int maxLength;

  StringSchema(int maxLength) {
    this.maxLength = maxLength;
  }

  @Override
  public Frame start(Frame parent) {
    return new StringFrame(parent, StringFrame.OPEN, maxLength, 0, 0, 0);
  }

  @Override
  public int minBytes() {
    return 2;
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    first.set('"');
    return first;
  }

  static final class StringFrame extends Frame {
    static final int OPEN = 0;
    static final int CHARS = 1;
    static final int ESCAPE = 2;
    static final int HEX = 3;
    static final int CONTINUATION = 4;

    private final int phase;
    private final int charsLeft;
    /** HEX: digits still to come; CONTINUATION: continuation bytes still to come. */
    private final int pending;
    /** HEX: 1 when the first digit was d (so the second may not start a surrogate); CONTINUATION: lowest byte. */
    private final int low;
    /** CONTINUATION: highest byte allowed next. */
    private final int high;

    StringFrame(Frame parent, int phase, int charsLeft, int pending, int low, int high) {
      super(parent);
      this.phase = phase;
      this.charsLeft = charsLeft;
      this.pending = pending;
      this.low = low;
      this.high = high;
    }

    private StringFrame with(int newPhase, int newCharsLeft, int newPending, int newLow, int newHigh) {
      return new StringFrame(parent, newPhase, newCharsLeft, newPending, newLow, newHigh);
    }

    @Override
    Frame consume(int b) {
      switch (phase) {
        case OPEN:
          return b == '"' ? with(CHARS, charsLeft, 0, 0, 0) : null;
        case CHARS:
          return character(b);
        case ESCAPE:
          if (b == 'u') {
            return with(HEX, charsLeft, 4, 0, 0);
          }
          return "\"\\/bfnrt".indexOf(b) >= 0 ? with(CHARS, charsLeft, 0, 0, 0) : null;
        case HEX:
          return hexDigit(b);
        default:
          if (b < low || b > high) {
            return null;
          }
          return pending == 1 ? with(CHARS, charsLeft, 0, 0, 0) : with(CONTINUATION, charsLeft, pending - 1, 0x80, 0xBF);
      }
    }

    private Frame character(int b) {
      if (b == '"') {
        return parent;
      }
      if (b < 0x20 || charsLeft == 0) {
        return null;
      }
      int left = charsLeft - 1;
      if (b == '\\') {
        return with(ESCAPE, left, 0, 0, 0);
      }
      if (b < 0x80) {
        return with(CHARS, left, 0, 0, 0);
      }
      if (b >= 0xC2 && b <= 0xDF) {
        return with(CONTINUATION, left, 1, 0x80, 0xBF);
      }
      if (b >= 0xE0 && b <= 0xEF) {
        return with(CONTINUATION, left, 2, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF);
      }
      if (b >= 0xF0 && b <= 0xF4) {
        return with(CONTINUATION, left, 3, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF);
      }
      return null;
    }

    private Frame hexDigit(int b) {
      int value = Character.digit(b, 16);
      if (value < 0) {
        return null;
      }
      if (pending == 3 && low == 1 && value >= 8) {
        return null; // \\uD800-\\uDFFF: a lone surrogate
      }
      if (pending == 1) {
        return with(CHARS, charsLeft, 0, 0, 0);
      }
      return with(HEX, charsLeft, pending - 1, pending == 4 && value == 0xD ? 1 : 0, 0);
    }

    @Override
    boolean canEnd() {
      return false;
    }

    @Override
    int bytesToEnd() {
      switch (phase) {
        case OPEN:
          return 2;
        case CHARS:
          return 1;
        case ESCAPE:
          return 2;
        default:
          return pending + 1;
      }
    }

    @Override
    Frame normalized(int horizon) {
      return charsLeft > horizon ? new StringFrame(parent, phase, horizon, pending, low, high) : this;
    }

    @Override
    int plainCharactersAllowed() {
      return phase == CHARS ? charsLeft : 0;
    }

    @Override
    Frame withParent(Frame newParent) {
      return new StringFrame(newParent, phase, charsLeft, pending, low, high);
    }

    @Override
    boolean sameLocalState(Frame other) {
      StringFrame that = (StringFrame) other;
      return phase == that.phase && charsLeft == that.charsLeft && pending == that.pending && low == that.low
          && high == that.high;
    }

    @Override
    int localHash() {
      return (((phase * 31 + charsLeft) * 31 + pending) * 31 + low) * 31 + high;
    }
  }
}
