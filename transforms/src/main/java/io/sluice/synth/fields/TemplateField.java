package io.sluice.synth.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from one of several templates (weighted), with {@code {field}} slots filled with those fields' values as
 * they are written to the record. Slots whose field has an {@code entity_type} become spans of the result, so the
 * text and its gold spans come out together (NER training data).
 *
 * @param slotEntities entity type per slot field that has one
 */
record TemplateField(WeightedValues templates, List<String> slots, Map<String, String> slotEntities)
    implements FieldGenerator {
  static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The field names used as slots, in order of first use across the templates. */
  static List<String> slotsOf(List<String> templates) {
    List<String> names = new ArrayList<>();
    for (String template : templates) {
      Matcher m = SLOT.matcher(template);
      while (m.find()) {
        if (!names.contains(m.group(1))) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TEXT;
  }

  @Override
  public List<String> dependsOn() {
    return slots;
  }

  @Override
  public Object generate(GeneratorContext context) {
    String template = templates.draw(context.random());
    StringBuilder text = new StringBuilder(template.length() + 64);
    List<TemplateText.Span> spans = new ArrayList<>();
    int codePoints = 0;
    int last = 0;
    Matcher m = SLOT.matcher(template);
    while (m.find()) {
      String literal = template.substring(last, m.start());
      text.append(literal);
      codePoints += literal.codePointCount(0, literal.length());
      Object raw = context.value(m.group(1));
      String value = raw == null ? "" : raw.toString();
      int length = value.codePointCount(0, value.length());
      String entity = slotEntities.get(m.group(1));
      if (entity != null && length > 0) {
        spans.add(new TemplateText.Span(entity, codePoints, codePoints + length, value));
      }
      text.append(value);
      codePoints += length;
      last = m.end();
    }
    text.append(template, last, template.length());
    return new TemplateText(text.toString(), List.copyOf(spans));
  }
}
