package io.sluice.synth.profile;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The value distribution of one field: top values for text and enums, numbers' statistics otherwise. */
final class FieldProfile implements Serializable {
  static final int TOP = 10;

  private final TopValues values;
  private final NumberStats numbers;
  private long nulls;

  private FieldProfile(TopValues values, NumberStats numbers) {
    this.values = values;
    this.numbers = numbers;
  }

  static FieldProfile text() {
    return new FieldProfile(new TopValues(), null);
  }

  /** @param wholeNumbers int and long fields, array lengths: histogram bins at least 1 wide */
  static FieldProfile numeric(boolean wholeNumbers) {
    return new FieldProfile(null, new NumberStats(wholeNumbers));
  }

  void add(Object value) {
    if (value == null) {
      nulls++;
    } else if (numbers != null) {
      numbers.add(((Number) value).doubleValue());
    } else {
      values.add(value.toString(), 1);
    }
  }

  void merge(FieldProfile other) {
    nulls += other.nulls;
    if (numbers != null) {
      numbers.merge(other.numbers);
    } else {
      values.merge(other.values);
    }
  }

  /** What summary.json shows for the field. */
  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (numbers != null) {
      out.put("count", numbers.count());
      if (numbers.count() > 0) {
        out.put("min", numbers.min());
        out.put("max", numbers.max());
        out.put("mean", numbers.mean());
        out.put("histogram", numbers.histogram());
      }
    } else {
      out.put("top_values", values.top(TOP));
      out.put("distinct_values_tracked", values.distinctTracked());
      out.put("counts_exact", values.exact());
    }
    out.put("nulls", nulls);
    return out;
  }
}
