package io.sluice.models.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object's members as the raw values a {@link FieldExtractor} returns: each scalar as text (numbers in plain
 * notation, never 1E+3), an array's items in order, null left out. Used for generated records, gold files and
 * written records alike, so all of them are compared in one form.
 */
public final class JsonFieldValues {
  private JsonFieldValues() {}

  public static Map<String, List<String>> of(JsonNode object) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("expected a JSON object of field values, got " + object.getNodeType());
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      List<String> items = new ArrayList<>();
      if (field.getValue().isArray()) {
        field.getValue().forEach(item -> addText(item, items));
      } else {
        addText(field.getValue(), items);
      }
      values.put(field.getKey(), items);
    }
    return values;
  }

  private static void addText(JsonNode value, List<String> into) {
    if (value.isNull()) {
      return;
    }
    into.add(value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
  }
}
