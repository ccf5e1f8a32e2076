package io.sluice.synth.fields;

import java.util.Random;

/**
 * A number from a uniform, normal or lognormal distribution, within optional bounds. Draws outside the bounds are
 * redrawn (a truncated distribution) up to {@link #REDRAWS} times, then clamped, so a bound far in a tail cannot
 * stall a worker. Integral fields round to the nearest whole number; {@code decimals} rounds decimals.
 */
record NumberField(Distribution distribution, double a, double b, double min, double max, boolean integral,
    int decimals) implements FieldGenerator {
  static final int REDRAWS = 64;

  enum Distribution { UNIFORM, NORMAL, LOGNORMAL }

  @Override
  public ValueKind kind() {
    return integral ? ValueKind.INTEGER : ValueKind.DECIMAL;
  }

  @Override
  public Object generate(GeneratorContext context) {
    Random random = context.random();
    if (distribution == Distribution.UNIFORM && integral) {
      // inclusive bounds, every whole number equally likely
      return (long) min + (long) Math.floor(random.nextDouble() * ((long) max - (long) min + 1));
    }
    double x = draw(random);
    for (int i = 0; i < REDRAWS && (x < min || x > max); i++) {
      x = draw(random);
    }
    x = Math.max(min, Math.min(max, x));
    if (integral) {
      return Math.round(x);
    }
    if (decimals >= 0) {
      double scale = Math.pow(10, decimals);
      x = Math.round(x * scale) / scale;
    }
    return x;
  }

  private double draw(Random random) {
    return switch (distribution) {
      case UNIFORM -> min + random.nextDouble() * (max - min);
      case NORMAL -> a + b * random.nextGaussian();
      case LOGNORMAL -> Math.exp(a + b * random.nextGaussian());
    };
  }
}
