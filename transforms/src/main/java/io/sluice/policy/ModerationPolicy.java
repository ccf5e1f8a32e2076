package io.sluice.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sluice.models.moderation.ModerationCategory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code moderation:} section of a policy: which model scores documents, and per category the threshold
 * and what happens at or above it. Categories are the fixed names of {@link ModerationCategory}.
 *
 * <pre>
 * moderation:
 *   model: embedded            # or the path of a moderation model spec (JSON, see ModerationModelSpec)
 *   default_action: quarantine # allow | flag | quarantine, for categories that name none
 *   categories:
 *     toxicity: {action: flag}            # threshold omitted: the model's tuned one
 *     spam: {threshold: 0.8, action: quarantine}
 *     sexual: {action: allow}             # scored and reported, never flagged
 * </pre>
 * A document's action is the strongest action among its categories at or above threshold (quarantine over
 * flag over allow). Plain mutable fields because Jackson binds them; read-only once loaded.
 */
public class ModerationPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What happens to a document; order matters: a later constant is stronger. */
  public enum Action {
    ALLOW, FLAG, QUARANTINE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Action parse(String s) {
      for (Action a : values()) {
        if (a.label().equals(s)) {
          return a;
        }
      }
      return null;
    }
  }

  /** "embedded" (the shipped head) or the path of a moderation model spec JSON. */
  public String model = "embedded";

  @JsonProperty("default_action")
  public String defaultAction = "quarantine";

  public Map<String, CategoryPolicy> categories = new LinkedHashMap<>();

  /** Settings for one category. */
  public static class CategoryPolicy implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Score at or above which the action applies; null means the model's tuned threshold. */
    public Double threshold;
    /** allow | flag | quarantine; null means {@link ModerationPolicy#defaultAction}. */
    public String action;
  }

  /** The action for a category, from its entry or the default. */
  public Action actionFor(ModerationCategory category) {
    CategoryPolicy c = categories.get(category.label());
    return Action.parse(c != null && c.action != null ? c.action : defaultAction);
  }

  /** The threshold for a category: its entry's, else the model's. */
  public double thresholdFor(ModerationCategory category, float modelThreshold) {
    CategoryPolicy c = categories.get(category.label());
    return c != null && c.threshold != null ? c.threshold : modelThreshold;
  }

  /** Problems with YAML paths, empty when the section is valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (Action.parse(defaultAction) == null) {
      problems.add("moderation.default_action: '" + defaultAction + "' is not allow, flag or quarantine");
    }
    if (model == null || model.isBlank()) {
      problems.add("moderation.model: give 'embedded' or the path of a moderation model spec");
    }
    for (Map.Entry<String, CategoryPolicy> e : categories.entrySet()) {
      String path = "moderation.categories." + e.getKey();
      if (ModerationCategory.byLabel(e.getKey()).isEmpty() || !e.getKey().equals(e.getKey().toLowerCase(Locale.ROOT))) {
        problems.add(path + ": unknown category; use toxicity, hate, harassment, sexual, violence, self_harm or spam");
        continue;
      }
      CategoryPolicy c = e.getValue();
      if (c == null) {
        continue;
      }
      if (c.threshold != null && (c.threshold < 0 || c.threshold > 1 || c.threshold.isNaN())) {
        problems.add(path + ".threshold: " + c.threshold + " is outside 0..1");
      }
      if (c.action != null && Action.parse(c.action) == null) {
        problems.add(path + ".action: '" + c.action + "' is not allow, flag or quarantine");
      }
    }
    return problems;
  }
}
