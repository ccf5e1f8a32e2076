package io.sluice.synth.fields;

import java.util.List;

/** The gold spans of a template field: what was injected where. */
record SpansField(String of) implements FieldGenerator {
  @Override
  public ValueKind kind() {
    return ValueKind.SPANS;
  }

  @Override
  public List<String> dependsOn() {
    return List.of(of);
  }

  @Override
  public Object generate(GeneratorContext context) {
    Object text = context.value(of);
    return text instanceof TemplateText t ? t.spans() : List.of();
  }
}
