package io.sluice.synth.fields;

/** One of a set of values, with weights. */
record ChoiceField(WeightedValues values) implements FieldGenerator {
  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public Object generate(GeneratorContext context) {
    return values.draw(context.random());
  }
}
