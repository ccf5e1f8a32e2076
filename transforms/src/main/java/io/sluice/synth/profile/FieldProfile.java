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

  private FieldProfile(boolean numeric) {
    this.values = numeric ? null : new TopValues();
    this.numbers = numeric ? new NumberStats() : null;
  }

  static FieldProfile text() {
    return new FieldProfile(false);
  }

  static FieldProfile numeric() {
    return new FieldProfile(true);
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
