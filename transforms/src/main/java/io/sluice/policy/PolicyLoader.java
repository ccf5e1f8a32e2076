package io.sluice.policy;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.pii.RecognizerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a policy from YAML and validates its structure, failing fast with messages that give the YAML
 * path and say what to fix. Whether its keys are present is checked separately, by
 * {@code KeyRing.resolve}, so that a report-only sweep runs without secrets.
 */
public final class PolicyLoader {
  /** Where the build puts {@code conf/policies/default.yaml} on the classpath. */
  static final String DEFAULT_RESOURCE = "/io/sluice/policy/default.yaml";

  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  static {
    // A key written with nothing under it ("entities:", "URL:") means "empty" or "the defaults", as it
    // reads. YAML gives such a value as an empty string or a null; lists and maps become empty, settings
    // objects null (filled with defaults after binding).
    for (LogicalType type : List.of(LogicalType.Map, LogicalType.Collection)) {
      MAPPER.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
    }
    MAPPER.coercionConfigFor(LogicalType.POJO).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    MAPPER.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    MAPPER.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
  }

  private PolicyLoader() {}

  /** Reads and validates the policy file at {@code yaml}. */
  public static Policy load(Path yaml) {
    String text;
    try {
      text = Files.readString(yaml, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PolicyException("policy file not found: " + yaml.toAbsolutePath()
          + " (conf/policies/default.yaml is a documented starting point)", e);
    } catch (IOException e) {
      throw new PolicyException("policy file " + yaml.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
    }
    return parse(text, yaml.toString());
  }

  /**
   * Parses and validates policy YAML.
   *
   * @param sourceName where the text came from, used in messages (a file name)
   */
  public static Policy parse(String yaml, String sourceName) {
    return parse(yaml, sourceName, RecognizerFactories.available());
  }

  /** The built-in policy: {@code conf/policies/default.yaml}, packaged on the classpath. */
  public static Policy defaultPolicy() {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath: the transforms build"
            + " copies conf/policies/default.yaml there");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default.yaml (built in)");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** {@link #parse(String, String)} against the given recognizer factories (tests pass their own). */
  static Policy parse(String yaml, String sourceName, Map<String, RecognizerFactory> factories) {
    Policy policy = bind(yaml, sourceName);
    fillEmptyEntries(policy);
    List<String> problems = new PolicyValidator(factories).problems(policy);
    if (!problems.isEmpty()) {
      throw new PolicyException("policy " + sourceName + " has " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems));
    }
    return policy;
  }

  private static Policy bind(String yaml, String sourceName) {
    if (yaml.isBlank()) {
      throw new PolicyException("policy " + sourceName + " is empty: start from conf/policies/default.yaml");
    }
    Policy policy;
    try {
      policy = MAPPER.readValue(yaml, Policy.class);
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> valid = new TreeSet<>();
      e.getKnownPropertyIds().forEach(id -> valid.add(String.valueOf(id)));
      throw new PolicyException(where(sourceName, e) + "unknown key '" + e.getPropertyName() + "' at "
          + path(e) + NearestName.hint(e.getPropertyName(), valid) + "; valid keys here: "
          + String.join(", ", valid), e);
    } catch (JsonMappingException e) {
      throw new PolicyException(where(sourceName, e) + "wrong value at " + path(e) + ": "
          + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new PolicyException(where(sourceName, e) + "not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    }
    if (policy == null) {
      throw new PolicyException("policy " + sourceName + " holds no settings: start from conf/policies/default.yaml");
    }
    return policy;
  }

  /** A section written with nothing under it means "the defaults", as it reads. */
  private static void fillEmptyEntries(Policy policy) {
    policy.entities.replaceAll((name, settings) -> settings == null ? new Policy.EntityPolicy() : settings);
    if (policy.context == null) {
      policy.context = new Policy.ContextSettings();
    }
    if (policy.defaultOperator == null) {
      policy.defaultOperator = Policy.OperatorSpec.replace();
    }
    if (policy.moderation == null) {
      policy.moderation = new ModerationPolicy();
    }
  }

  private static String where(String sourceName, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 0
        ? "policy " + sourceName + ": "
        : "policy " + sourceName + " line " + location.getLineNr() + ": ";
  }

  /** The YAML path of a binding error, e.g. {@code custom_recognizers[0].patterns[1].score}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
