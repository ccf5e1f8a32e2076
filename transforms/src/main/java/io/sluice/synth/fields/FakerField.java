package io.sluice.synth.fields;

/** A datafaker expression such as {@code #{Name.fullName}} or {@code #{numerify 'TK-####'}}. */
record FakerField(String expression) implements FieldGenerator {
  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public Object generate(GeneratorContext context) {
    return context.faker().expression(expression);
  }
}
