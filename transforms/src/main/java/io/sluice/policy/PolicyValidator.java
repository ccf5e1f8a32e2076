package io.sluice.policy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.RecognizerFactory;
import io.sluice.pii.operators.OperatorTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Structural checks of a bound policy. Collects every problem, each as "YAML path: what is wrong and
 * what to do", so one run of the loader shows the user everything to fix.
 */
final class PolicyValidator {
  private static final Pattern ENTITY_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, RecognizerFactory> factories;
  private final List<String> problems = new ArrayList<>();

  PolicyValidator(Map<String, RecognizerFactory> factories) {
    this.factories = factories;
  }

  /** Every problem found, empty when the policy is usable. */
  List<String> problems(Policy policy) {
    problems.clear();
    if (policy.name == null || policy.name.isBlank()) {
      problems.add("name: must not be empty; it is shown in summaries and reports");
    }
    checkScore("default_threshold", policy.defaultThreshold);
    checkContext(policy.context);
    checkPhoneRegions(policy.phoneRegions);
    checkKeys(policy.keys);
    problems.addAll(policy.moderation.problems());
    Set<String> known = new TreeSet<>(EntityTypes.KNOWN);
    known.addAll(checkRecognizers(policy.recognizers));
    known.addAll(checkCustomRecognizers(policy));
    checkEntities(policy, known);
    checkAllowList(policy.allowList);
    checkDenyList(policy, known);
    OperatorSpecs.withPaths(policy).forEach((path, spec) -> checkOperator(path, spec, policy.keys));
    return List.copyOf(problems);
  }

  private void checkScore(String path, double value) {
    if (!(value >= 0 && value <= 1)) {
      problems.add(path + ": " + value + " is outside [0, 1]; scores are probabilities, e.g. 0.5");
    }
  }

  private void checkContext(Policy.ContextSettings context) {
    if (context.windowWords < 0) {
      problems.add("context.window_words: " + context.windowWords + " is negative; use e.g. 5");
    }
    checkScore("context.similarity_factor", context.similarityFactor);
    checkScore("context.min_score_with_context", context.minScoreWithContext);
  }

  private void checkPhoneRegions(List<String> regions) {
    Set<String> supported = PhoneNumberUtil.getInstance().getSupportedRegions();
    for (int i = 0; i < regions.size(); i++) {
      String region = regions.get(i);
      if (region == null || !supported.contains(region)) {
        // "UK" is the usual slip: it is not the ISO code, and edit distance would suggest SK or UA.
        String hint = "UK".equalsIgnoreCase(region) ? " (the United Kingdom is GB)"
            : NearestName.hint(String.valueOf(region), supported);
        problems.add("phone_regions[" + i + "]: unknown region '" + region + "'" + hint + "; use an upper-case"
            + " ISO 3166 alpha-2 code libphonenumber supports, e.g. US, GB, DE");
      }
    }
  }

  private void checkKeys(Map<String, Policy.KeySource> keys) {
    keys.forEach((name, source) -> {
      String path = "keys." + name;
      if (source == null || (source.env == null) == (source.file == null)) {
        problems.add(path + ": set exactly one of env (an environment variable name) or file (a path), e.g. "
            + name + ": {env: SLUICE_HMAC_KEY}; the key itself never goes in the policy");
      } else if (source.env != null && !ENV_NAME.matcher(source.env).matches()) {
        problems.add(path + ".env: '" + source.env + "' is not an environment variable name (letters, digits,"
            + " underscores); put the variable's name here, not its value");
      } else if (source.file != null && source.file.isBlank()) {
        problems.add(path + ".file: must not be empty");
      }
    });
  }

  /** Checks each pluggable recognizer; returns the entities they declare. */
  private Set<String> checkRecognizers(Map<String, Map<String, Object>> recognizers) {
    Set<String> entities = new HashSet<>();
    String available = factories.isEmpty()
        ? "none is on the classpath (add the jar that provides the recognizer)"
        : String.join(", ", factories.keySet());
    recognizers.forEach((name, settings) -> {
      String path = "recognizers." + name;
      Object type = settings == null ? null : settings.get("type");
      if (!(type instanceof String)) {
        problems.add(path + ".type: missing; say which kind of recognizer this is. Available types: " + available);
        return;
      }
      RecognizerFactory factory = factories.get(type);
      if (factory == null) {
        problems.add(path + ".type: unknown type '" + type + "'" + NearestName.hint((String) type,
            factories.keySet()) + ". Available types: " + available);
        return;
      }
      try {
        factory.validate(settings);
        entities.addAll(factory.entities(settings));
      } catch (RuntimeException e) {
        problems.add(path + ": " + e.getMessage());
      }
    });
    return entities;
  }

  /** Checks each regex recognizer; returns the entities they emit. */
  private Set<String> checkCustomRecognizers(Policy policy) {
    Set<String> entities = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < policy.customRecognizers.size(); i++) {
      Policy.CustomRecognizerSpec spec = policy.customRecognizers.get(i);
      String path = "custom_recognizers[" + i + "]";
      if (spec == null) {
        problems.add(path + ": empty entry; give it name, entity and patterns");
        continue;
      }
      if (spec.name == null || spec.name.isBlank()) {
        problems.add(path + ".name: missing; it is written to each finding's detector field");
      } else if (!names.add(spec.name)) {
        problems.add(path + ".name: '" + spec.name + "' is used by another custom recognizer; names must be unique");
      }
      if (spec.entity == null || !ENTITY_NAME.matcher(spec.entity).matches()) {
        problems.add(path + ".entity: '" + spec.entity + "' is not an entity name; use UPPER_SNAKE_CASE, e.g."
            + " EMPLOYEE_ID");
      } else {
        entities.add(spec.entity);
        if (!policy.entities.containsKey(spec.entity)) {
          problems.add(path + ".entity: " + spec.entity + " is not listed under entities, so nothing this"
              + " recognizer finds would be reported; add '" + spec.entity + ": {}' under entities");
        }
      }
      if (spec.patterns.isEmpty()) {
        problems.add(path + ".patterns: empty; give at least one {name, regex, score}");
      }
      for (int j = 0; j < spec.patterns.size(); j++) {
        checkPattern(path + ".patterns[" + j + "]", spec.patterns.get(j));
      }
    }
    return entities;
  }

  private void checkPattern(String path, Policy.PatternSpec pattern) {
    if (pattern == null) {
      problems.add(path + ": empty entry; give name, regex and score");
      return;
    }
    String label = path + " (" + (pattern.name == null ? "unnamed" : "'" + pattern.name + "'") + ")";
    if (pattern.name == null || pattern.name.isBlank()) {
      problems.add(path + ".name: missing; name each pattern so findings can be traced to it");
    }
    checkScore(path + ".score", pattern.score);
    if (pattern.regex == null || pattern.regex.isEmpty()) {
      problems.add(label + ".regex: missing");
      return;
    }
    try {
      if (Pattern.compile(pattern.regex).matcher("").matches()) {
        problems.add(label + ".regex: matches the empty string, which would report empty findings; require at"
            + " least one character (e.g. + instead of *)");
      }
    } catch (PatternSyntaxException e) {
      problems.add(label + ".regex: invalid Java regex: " + e.getDescription() + " near index " + e.getIndex()
          + " of " + e.getPattern() + " (in YAML, single-quote regexes so backslashes stay as written)");
    }
  }

  private void checkEntities(Policy policy, Set<String> known) {
    policy.entities.forEach((name, settings) -> {
      String path = "entities." + name;
      if (!known.contains(name)) {
        problems.add(path + ": unknown entity" + NearestName.hint(name, known) + "; use a built-in name ("
            + String.join(", ", new TreeSet<>(EntityTypes.KNOWN)) + "), one a custom recognizer emits, or one"
            + " a recognizers entry declares");
      }
      if (settings.threshold != null) {
        checkScore(path + ".threshold", settings.threshold);
      }
    });
  }

  private void checkAllowList(List<String> allowList) {
    for (int i = 0; i < allowList.size(); i++) {
      if (allowList.get(i) == null || allowList.get(i).isBlank()) {
        problems.add("allow_list[" + i + "]: empty entry; remove it");
      }
    }
  }

  private void checkDenyList(Policy policy, Set<String> known) {
    policy.denyList.forEach((entity, values) -> {
      String path = "deny_list." + entity;
      if (!known.contains(entity)) {
        problems.add(path + ": unknown entity" + NearestName.hint(entity, known) + "; deny-listed strings are"
            + " reported as this entity, so it must be a known one");
      } else if (!policy.entities.containsKey(entity)) {
        problems.add(path + ": " + entity + " is not listed under entities, so these strings would not be"
            + " reported; add '" + entity + ": {}' under entities");
      }
      if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
        problems.add(path + ": give a list of non-empty strings");
      }
    });
  }

  private void checkOperator(String path, Policy.OperatorSpec spec, Map<String, Policy.KeySource> keys) {
    if (spec.type == null || !OperatorTypes.ALL.contains(spec.type)) {
      problems.add(path + ".type: " + (spec.type == null ? "missing" : "unknown operator '" + spec.type + "'"
          + NearestName.hint(spec.type, OperatorTypes.ALL)) + "; use one of " + String.join(", ", OperatorTypes.ALL));
      return;
    }
    if (OperatorTypes.MASK.equals(spec.type)) {
      if (spec.maskingChar == null || spec.maskingChar.codePointCount(0, spec.maskingChar.length()) != 1) {
        problems.add(path + ".masking_char: must be exactly one character, e.g. '*'");
      }
      if (spec.charsToMask != null && spec.charsToMask < 1) {
        problems.add(path + ".chars_to_mask: " + spec.charsToMask + " masks nothing; use a positive count, or"
            + " leave it out to mask every letter and digit");
      }
    }
    if (OperatorTypes.needsKey(spec.type)) {
      if (spec.key == null || spec.key.isBlank()) {
        problems.add(path + ".key: " + spec.type + " needs a secret; name a key declared under keys"
            + declared(keys));
      } else if (!keys.containsKey(spec.key)) {
        problems.add(path + ".key: '" + spec.key + "' is not declared under keys" + NearestName.hint(spec.key,
            keys.keySet()) + declared(keys) + "; declare it, e.g. keys: {" + spec.key + ": {env: SLUICE_HMAC_KEY}}");
      }
    }
  }

  private static String declared(Map<String, Policy.KeySource> keys) {
    return keys.isEmpty() ? " (none is declared)" : " (declared: " + String.join(", ", keys.keySet()) + ")";
  }
}
