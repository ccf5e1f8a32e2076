package io.sluice.synth.fields;

import java.util.Locale;

/** {@code start + index * step}: ids and counters; with a {@code format} ({@code TX-%08d}) a string. */
record SequenceField(long start, long step, String format) implements FieldGenerator {
  @Override
  public ValueKind kind() {
    return format == null ? ValueKind.INTEGER : ValueKind.STRING;
  }

  @Override
  public Object generate(GeneratorContext context) {
    long value = start + context.index() * step;
    return format == null ? (Object) value : String.format(Locale.ROOT, format, value);
  }
}
