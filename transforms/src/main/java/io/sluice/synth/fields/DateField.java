package io.sluice.synth.fields;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant drawn uniformly in [from, to], in whole days or whole seconds (UTC). Written to a string field with
 * {@code format} (a {@link DateTimeFormatter} pattern), by default ISO {@code 2024-03-01} for whole days and
 * {@code 2024-03-01T08:30:00} otherwise.
 */
record DateField(long fromEpochSecond, long toEpochSecond, boolean wholeDays, String format) implements FieldGenerator {
  private static final long DAY = 86_400;

  String render(Instant instant) {
    String pattern = format != null ? format : wholeDays ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss";
    return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TIMESTAMP;
  }

  @Override
  public Object generate(GeneratorContext context) {
    long unit = wholeDays ? DAY : 1;
    long steps = (toEpochSecond - fromEpochSecond) / unit + 1;
    long pick = (long) Math.floor(context.random().nextDouble() * steps);
    return Instant.ofEpochSecond(fromEpochSecond + pick * unit);
  }
}
