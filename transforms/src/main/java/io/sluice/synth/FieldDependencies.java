package io.sluice.synth;

import io.sluice.synth.fields.FieldSpec;
import io.sluice.synth.fields.LookupKeys;
import io.sluice.synth.fields.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders fields so each is generated after the fields it reads (declaration order otherwise), and checks what
 * they read: the field exists, there is no cycle, template slots are plain values, spans come from a template,
 * and a lookup has a row (or a default) for every value its key field can take.
 */
final class FieldDependencies {
  private FieldDependencies() {}

  static List<FieldSpec> order(Map<String, FieldSpec> byName) {
    for (FieldSpec f : byName.values()) {
      check(f, byName);
    }
    Set<String> done = new LinkedHashSet<>();
    for (String name : byName.keySet()) {
      visit(name, byName, done, new ArrayList<>());
    }
    List<FieldSpec> ordered = new ArrayList<>();
    done.forEach(n -> ordered.add(byName.get(n)));
    return ordered;
  }

  private static void visit(String name, Map<String, FieldSpec> byName, Set<String> done, List<String> path) {
    if (done.contains(name)) {
      return;
    }
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw new SpecException("fields read each other in a cycle: " + String.join(" -> ", cycle));
    }
    path.add(name);
    for (String dependency : byName.get(name).generator().dependsOn()) {
      visit(dependency, byName, done, path);
    }
    path.remove(path.size() - 1);
    done.add(name);
  }

  private static void check(FieldSpec f, Map<String, FieldSpec> byName) {
    Map<String, ValueKind> kinds = new LinkedHashMap<>();
    byName.forEach((n, s) -> kinds.put(n, s.generator().kind()));
    for (String dependency : f.generator().dependsOn()) {
      ValueKind kind = kinds.get(dependency);
      if (kind == null) {
        throw new SpecException("fields." + f.name() + " reads '" + dependency + "', which is not a field of the "
            + "spec; fields: " + kinds.keySet());
      }
      ValueKind own = f.generator().kind();
      if (own == ValueKind.SPANS && kind != ValueKind.TEXT) {
        throw new SpecException("fields." + f.name() + ".of must name a template field; '" + dependency + "' is "
            + kind.name().toLowerCase());
      }
      if (own != ValueKind.SPANS && (kind == ValueKind.TEXT || kind == ValueKind.SPANS)) {
        throw new SpecException("fields." + f.name() + " reads '" + dependency + "', a " + kind.name().toLowerCase()
            + " field; templates and lookups read plain values only");
      }
    }
    LookupKeys.checkCovered(f, byName);
  }
}
