package io.sluice.models.moderation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "--name value" arguments of the moderation main classes; repeated names keep every value. */
final class CommandLine {
  private final Map<String, List<String>> values;

  private CommandLine(Map<String, List<String>> values) {
    this.values = values;
  }

  static CommandLine parse(String[] args) {
    Map<String, List<String>> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      values.computeIfAbsent(args[i], k -> new java.util.ArrayList<>()).add(args[++i]);
    }
    return new CommandLine(values);
  }

  String required(String name) {
    String v = optional(name, null);
    if (v == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return v;
  }

  String optional(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null ? fallback : v.get(v.size() - 1);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
