package io.sluice.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep detects and how it redacts, bound from YAML ({@code conf/policies/*.yaml}) by
 * {@link PolicyLoader}, which also validates it. Field names are the YAML keys; every key is documented
 * in {@code conf/policies/default.yaml}.
 *
 * <p>Plain mutable fields because Jackson binds them; treat a loaded policy as read-only. It is
 * {@link Serializable} because Beam ships it to workers inside DoFns.
 */
public class Policy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Shown in summaries and reports. */
  public String name = "unnamed";

  /** Findings scoring below this are dropped, unless the entity sets its own threshold. */
  @JsonProperty("default_threshold")
  public double defaultThreshold = 0.5;

  /** Regions libphonenumber tries for numbers written without a country code (ISO 3166 alpha-2). */
  @JsonProperty("phone_regions")
  public List<String> phoneRegions = new ArrayList<>(List.of("US", "GB", "DE", "FR", "IN"));

  public ContextSettings context = new ContextSettings();

  /**
   * Entities to detect, by Presidio name. An entity missing here is not reported; an entity with
   * {@code enabled: false} is switched off.
   */
  public Map<String, EntityPolicy> entities = new LinkedHashMap<>();

  /** Operator for entities that do not name one. */
  @JsonProperty("default_operator")
  public OperatorSpec defaultOperator = OperatorSpec.replace();

  /** Exact strings never reported, whatever matches them (case-insensitive). */
  @JsonProperty("allow_list")
  public List<String> allowList = new ArrayList<>();

  /** Exact strings always reported as the given entity, score 1.0 (case-insensitive, whole words). */
  @JsonProperty("deny_list")
  public Map<String, List<String>> denyList = new LinkedHashMap<>();

  /** Regex recognizers declared by the user. */
  @JsonProperty("custom_recognizers")
  public List<CustomRecognizerSpec> customRecognizers = new ArrayList<>();

  /**
   * Model-based (or other pluggable) recognizers by instance name; each entry has a {@code type}
   * answered by a {@link io.sluice.pii.RecognizerFactory} and that factory's settings.
   */
  public Map<String, Map<String, Object>> recognizers = new LinkedHashMap<>();

  /**
   * Where secrets come from, by key name. Keys never appear in the policy itself: only the
   * environment variable or file that holds them.
   */
  public Map<String, KeySource> keys = new LinkedHashMap<>();

  /** Content moderation: model, per-category thresholds and actions (see {@link ModerationPolicy}). */
  public ModerationPolicy moderation = new ModerationPolicy();

  /** Settings for one entity type. */
  public static class EntityPolicy implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled = true;
    /** Overrides {@link Policy#defaultThreshold}; null means the default. */
    public Double threshold;
    /** Overrides {@link Policy#defaultOperator}; null means the default. */
    public OperatorSpec operator;
    /** Extra context words for this entity, added to the recognizer's own. */
    public List<String> context = new ArrayList<>();
  }

  /** Presidio-style context enhancement: words near a match raise its score. */
  public static class ContextSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Words looked at on each side of a match. */
    @JsonProperty("window_words")
    public int windowWords = 5;
    /** Added to the score when a context word is found. */
    @JsonProperty("similarity_factor")
    public double similarityFactor = 0.35;
    /** A match with context scores at least this much. */
    @JsonProperty("min_score_with_context")
    public double minScoreWithContext = 0.4;
  }

  /** How findings of one entity are rewritten. */
  public static class OperatorSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    /** redact | replace | mask | hash | surrogate | keep */
    public String type;
    /** mask: the character written over the original. */
    @JsonProperty("masking_char")
    public String maskingChar = "*";
    /** mask: how many characters to mask; null masks all. */
    @JsonProperty("chars_to_mask")
    public Integer charsToMask;
    /** mask: mask from the end of the value rather than the start. */
    @JsonProperty("from_end")
    public boolean fromEnd = false;
    /** replace: the text written instead; null writes {@code <ENTITY_TYPE>}. */
    @JsonProperty("new_value")
    public String newValue;
    /** hash and surrogate: name of the key under {@link Policy#keys}. */
    public String key;

    public static OperatorSpec replace() {
      OperatorSpec spec = new OperatorSpec();
      spec.type = "replace";
      return spec;
    }
  }

  /** A regex recognizer the user declares in the policy. */
  public static class CustomRecognizerSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    public String name;
    /** Entity emitted; may be a new name (upper snake case) or a Presidio one. */
    public String entity;
    public List<PatternSpec> patterns = new ArrayList<>();
    public List<String> context = new ArrayList<>();
  }

  /** One named regex with its base score. */
  public static class PatternSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    public String name;
    public String regex;
    public double score = 0.5;
  }

  /** A secret's location: exactly one of {@code env} or {@code file}. */
  public static class KeySource implements Serializable {
    private static final long serialVersionUID = 1L;
    public String env;
    public String file;
  }
}
