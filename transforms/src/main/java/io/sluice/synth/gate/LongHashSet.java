package io.sluice.synth.gate;

/**
 * A set of longs in one open-addressing array: the distinct n-gram counts hold millions of hashes, and a
 * {@code HashSet<Long>} spends a boxed Long and a map entry (about 50 bytes) on each. Zero, the empty-slot
 * marker, is tracked by a flag.
 */
final class LongHashSet {
  private static final double MAX_LOAD = 0.6;

  private long[] slots;
  private int size;
  private boolean hasZero;

  LongHashSet() {
    this(16);
  }

  LongHashSet(int expected) {
    slots = new long[capacityFor(expected)];
  }

  /** True when the value was not in the set. */
  boolean add(long value) {
    if (value == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    int mask = slots.length - 1;
    for (int i = slot(value, mask); ; i = (i + 1) & mask) {
      if (slots[i] == value) {
        return false;
      }
      if (slots[i] == 0) {
        slots[i] = value;
        if (++size > slots.length * MAX_LOAD) {
          rehash(slots.length * 2);
        }
        return true;
      }
    }
  }

  void addAll(long[] values) {
    for (long value : values) {
      add(value);
    }
  }

  void addAll(LongHashSet other) {
    if (other.hasZero) {
      hasZero = true;
    }
    for (long value : other.slots) {
      if (value != 0) {
        add(value);
      }
    }
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  /** The values, in no particular order. */
  long[] toArray() {
    long[] values = new long[size()];
    int n = 0;
    for (long value : slots) {
      if (value != 0) {
        values[n++] = value;
      }
    }
    if (hasZero) {
      values[n] = 0;
    }
    return values;
  }

  private void rehash(int capacity) {
    long[] old = slots;
    slots = new long[capacity];
    int mask = capacity - 1;
    for (long value : old) {
      if (value != 0) {
        int i = slot(value, mask);
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = value;
      }
    }
  }

  /** Values may be raw (not yet mixed) keys: mixed here so runs of close values do not cluster. */
  private static int slot(long value, int mask) {
    return (int) TextTokens.mix(value) & mask;
  }

  private static int capacityFor(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, (int) (expected / MAX_LOAD)) - 1) << 1;
    return Math.max(16, capacity);
  }
}
