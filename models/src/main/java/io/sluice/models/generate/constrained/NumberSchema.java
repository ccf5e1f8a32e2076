package io.sluice.models.generate.constrained;

import java.util.BitSet;

/**
 * A JSON integer or number without exponent: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, with at most
 * {@link #MAX_DIGITS} digits before and after the point so a value always ends (and an integer fits a long).
 */
final class NumberSchema implements ValueSchema {
  static final int MAX_DIGITS = 15;

  private final boolean integer;

  NumberSchema(boolean integer) {
    this.integer = integer;
  }

  @Override
  public Frame start(Frame parent) {
    return new NumberFrame(parent, integer, NumberFrame.START, 0);
  }

  @Override
  public int minBytes() {
    return 1;
  }

  @Override
  public BitSet firstBytes() {
    BitSet first = new BitSet();
    first.set('-');
    first.set('0', '9' + 1);
    return first;
  }

  static final class NumberFrame extends Frame {
    static final int START = 0;
    static final int MINUS = 1;
    static final int ZERO = 2;
    static final int INTEGER_DIGITS = 3;
    static final int POINT = 4;
    static final int FRACTION_DIGITS = 5;

    private final boolean integer;
    private final int phase;
    private final int digits;

    NumberFrame(Frame parent, boolean integer, int phase, int digits) {
      super(parent);
      this.integer = integer;
      this.phase = phase;
      this.digits = digits;
    }

    private NumberFrame with(int newPhase, int newDigits) {
      return new NumberFrame(parent, integer, newPhase, newDigits);
    }

    @Override
    Frame consume(int b) {
      boolean digit = b >= '0' && b <= '9';
      switch (phase) {
        case START:
          if (b == '-') {
            return with(MINUS, 0);
          }
          // fall through: after the sign the same digits may come
        case MINUS:
          if (b == '0') {
            return with(ZERO, 1);
          }
          return digit ? with(INTEGER_DIGITS, 1) : null;
        case ZERO:
          return b == '.' && !integer ? with(POINT, 0) : null;
        case INTEGER_DIGITS:
          if (digit) {
            return digits < MAX_DIGITS ? with(INTEGER_DIGITS, digits + 1) : null;
          }
          return b == '.' && !integer ? with(POINT, 0) : null;
        case POINT:
          return digit ? with(FRACTION_DIGITS, 1) : null;
        default:
          return digit && digits < MAX_DIGITS ? with(FRACTION_DIGITS, digits + 1) : null;
      }
    }

    @Override
    boolean canEnd() {
      return phase == ZERO || phase == INTEGER_DIGITS || phase == FRACTION_DIGITS;
    }

    @Override
    int bytesToEnd() {
      return canEnd() ? 0 : 1;
    }

    @Override
    Frame withParent(Frame newParent) {
      return new NumberFrame(newParent, integer, phase, digits);
    }

    @Override
    boolean sameLocalState(Frame other) {
      NumberFrame that = (NumberFrame) other;
      return integer == that.integer && phase == that.phase && digits == that.digits;
    }

    @Override
    int localHash() {
      return (phase * 31 + digits) * 2 + (integer ? 1 : 0);
    }
  }
}
