package io.sluice.models.generate.constrained;

/**
 * One level of the byte-level pushdown automaton: the position inside one JSON value. A frame points to the frame
 * of the enclosing value, already moved to where it continues once this value is done, so the whole immutable
 * chain is the automaton state. States are compared by value: equal chains allow the same tokens, which is what
 * lets masks be cached per state.
 */
abstract class Frame {
  final Frame parent;
  private int hash;

  Frame(Frame parent) {
    this.parent = parent;
  }

  /**
   * The state after byte b (0-255) when this frame takes it, else null. A frame that finishes with b (a closing
   * quote or bracket) returns its parent.
   */
  abstract Frame consume(int b);

  /** True when the value may end here, so a byte this frame does not take can go to the parent. */
  abstract boolean canEnd();

  /** The fewest bytes that finish this frame's value, not counting what the parents still need. */
  abstract int bytesToEnd();

  /** This frame on top of another parent (the frame's own position unchanged). */
  abstract Frame withParent(Frame newParent);

  /** This frame as far as a token of at most {@code horizon} bytes can tell (a long count left becomes horizon). */
  Frame normalized(int horizon) {
    return this;
  }

  /** How many more plain printable ASCII characters this frame takes without any other change (free text). */
  int plainCharactersAllowed() {
    return 0;
  }

  /**
   * The top {@code keep} frames of a state over a stand-in for the rest, the top one normalized: the key under which
   * a mask is cached when computing it touched only those frames (what lies below cannot change it).
   */
  static Frame truncate(Frame state, int keep, int horizon) {
    Frame[] top = new Frame[keep];
    Frame frame = state;
    for (int i = 0; i < keep; i++) {
      top[i] = frame;
      frame = frame.parent;
    }
    Frame key = frame == null ? null : Unreachable.INSTANCE;
    for (int i = keep - 1; i >= 0; i--) {
      key = i == keep - 1 && key == null ? top[i] : top[i].withParent(key);
    }
    return key.normalized(horizon);
  }

  static int depth(Frame state) {
    int depth = 0;
    for (Frame frame = state; frame != null; frame = frame.parent) {
      depth++;
    }
    return depth;
  }

  /** Told of each frame that {@link #advance(Frame, int, Consumer)} asks to take a byte. */
  interface Consumer {
    void visited(Frame frame);
  }

  abstract boolean sameLocalState(Frame other);

  abstract int localHash();

  /** The state after byte b, ending finished values as needed; null when b cannot come next. */
  static Frame advance(Frame state, int b) {
    return advance(state, b, frame -> { });
  }

  /** {@link #advance(Frame, int)} telling {@code visitor} which frames it consulted. */
  static Frame advance(Frame state, int b, Consumer visitor) {
    for (Frame frame = state; frame != null; frame = frame.parent) {
      visitor.visited(frame);
      Frame next = frame.consume(b);
      if (next != null) {
        return next;
      }
      if (!frame.canEnd()) {
        return null;
      }
    }
    return null;
  }

  /** The fewest bytes that make the whole document complete from this state. */
  static int bytesToComplete(Frame state) {
    int total = 0;
    for (Frame frame = state; frame != null; frame = frame.parent) {
      total += frame.bytesToEnd();
    }
    return total;
  }

  /** True when the output so far is a complete document (possibly one that could still go on, like a number). */
  static boolean isAccepting(Frame state) {
    for (Frame frame = state; frame != null; frame = frame.parent) {
      if (frame instanceof DocumentEnd) {
        return true;
      }
      if (!frame.canEnd()) {
        return false;
      }
    }
    return false;
  }

  @Override
  public final boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || other.getClass() != getClass() || other.hashCode() != hashCode()) {
      return false;
    }
    Frame that = (Frame) other;
    return sameLocalState(that) && java.util.Objects.equals(parent, that.parent);
  }

  @Override
  public final int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * localHash() + (parent == null ? 0 : parent.hashCode());
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  /** The bottom of every state: the root value is done and nothing may follow. */
  static final class DocumentEnd extends Frame {
    static final DocumentEnd INSTANCE = new DocumentEnd();

    private DocumentEnd() {
      super(null);
    }

    @Override
    Frame consume(int b) {
      return null;
    }

    @Override
    boolean canEnd() {
      return true;
    }

    @Override
    int bytesToEnd() {
      return 0;
    }

    @Override
    boolean sameLocalState(Frame other) {
      return true;
    }

    @Override
    int localHash() {
      return 17;
    }

    @Override
    Frame withParent(Frame newParent) {
      return this;
    }
  }

  /** Stands for enclosing frames that no token can reach in a cache key: takes nothing, ends nothing. */
  static final class Unreachable extends Frame {
    static final Unreachable INSTANCE = new Unreachable();

    private Unreachable() {
      super(null);
    }

    @Override
    Frame consume(int b) {
      return null;
    }

    @Override
    boolean canEnd() {
      return false;
    }

    @Override
    int bytesToEnd() {
      return 0;
    }

    @Override
    boolean sameLocalState(Frame other) {
      return true;
    }

    @Override
    int localHash() {
      return 19;
    }

    @Override
    Frame withParent(Frame newParent) {
      return this;
    }
  }
}
