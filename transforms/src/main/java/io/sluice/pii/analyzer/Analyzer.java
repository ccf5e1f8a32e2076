package io.sluice.pii.analyzer;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import io.sluice.pii.recognizers.BuiltInRecognizers;
import io.sluice.pii.recognizers.IndexedRecognizer;
import io.sluice.pii.recognizers.TextIndex;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presidio-style analyzer: runs a policy's recognizers over texts and turns their raw matches into
 * findings. For each text: recognizers run (built-in ones share one {@link TextIndex}); detections of
 * entities the policy does not report are dropped; context words raise scores ({@link ContextEnhancer});
 * allow-listed strings are dropped; detections below their entity's threshold are dropped; overlaps are
 * resolved by {@link ConflictResolver}. The result is in UTF-16 char offsets, sorted by start and
 * non-overlapping; {@link io.sluice.pii.CodePoints} converts to the output's code points.
 *
 * <p>Thread-safe after construction: one instance serves every DoFn thread of a worker.
 */
public final class Analyzer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

  private final EntitySelection selection;
  private final RecognizerRegistry registry;
  private final ContextEnhancer contextEnhancer;
  private final AllowList allowList;
  /** Context words by detector name, then entity type. */
  private final Map<String, Map<String, ContextWords>> contextByDetector = new HashMap<>();
  private final Map<String, ContextWords> policyContextByEntity = new HashMap<>();

  private Analyzer(Policy policy) {
    this.selection = new EntitySelection(policy);
    this.registry = new RecognizerRegistry(policy, selection);
    this.contextEnhancer = new ContextEnhancer(policy.context);
    this.allowList = new AllowList(policy.allowList);
    policy.entities.forEach((entity, settings) -> {
      if (settings != null && settings.context != null) {
        policyContextByEntity.put(entity, new ContextWords(settings.context));
      }
    });
    for (Recognizer recognizer : registry.byName().values()) {
      Map<String, ContextWords> byEntity = new HashMap<>();
      for (String entity : recognizer.supportedEntities()) {
        List<String> words = new ArrayList<>(recognizer.contextWords());
        Policy.EntityPolicy settings = policy.entities.get(entity);
        if (settings != null && settings.context != null) {
          words.addAll(settings.context);
        }
        byEntity.put(entity, new ContextWords(words));
      }
      contextByDetector.put(recognizer.name(), byEntity);
    }
    warnAboutUncoveredEntities();
  }

  /** Builds the recognizers a policy asks for; throws {@link io.sluice.policy.PolicyException} on a bad one. */
  public static Analyzer fromPolicy(Policy policy) {
    Objects.requireNonNull(policy, "policy");
    requirePresent(policy.entities, "entities");
    requirePresent(policy.context, "context");
    requirePresent(policy.allowList, "allow_list");
    requirePresent(policy.denyList, "deny_list");
    requirePresent(policy.customRecognizers, "custom_recognizers");
    requirePresent(policy.recognizers, "recognizers");
    return new Analyzer(policy);
  }

  /** YAML binds an empty key ("allow_list:") to null; say which one instead of failing later. */
  private static void requirePresent(Object field, String key) {
    if (field == null) {
      throw new PolicyException("policy key '" + key + "' is empty: remove it or give it a value");
    }
  }

  /** Entity types with a built-in recognizer, for policy validation. */
  public static Set<String> supportedEntities() {
    return BuiltInRecognizers.entities();
  }

  /** Names of the recognizers in use (the {@code detector} of their findings). */
  public Set<String> recognizerNames() {
    return Collections.unmodifiableSet(registry.byName().keySet());
  }

  /** The recognizers that share one {@link TextIndex} per text, for benchmarks that time them one by one. */
  List<IndexedRecognizer> indexedRecognizers() {
    return registry.indexed();
  }

  /** Findings in {@code text}, char offsets, sorted by start and non-overlapping. */
  public List<Detection> analyze(String text) {
    return analyzeAll(List.of(Objects.requireNonNull(text, "a text to analyze is null"))).get(0);
  }

  /**
   * Findings for each text, in the same order. Pluggable recognizers get the whole list at once so
   * model-based ones can batch it.
   */
  public List<List<Detection>> analyzeAll(List<String> texts) {
    for (String text : texts) {
      Objects.requireNonNull(text, "a text to analyze is null");
    }
    List<List<Detection>> raw = new ArrayList<>(texts.size());
    for (String text : texts) {
      List<Detection> found = new ArrayList<>();
      if (!registry.indexed().isEmpty()) {
        TextIndex index = TextIndex.of(text);
        for (IndexedRecognizer recognizer : registry.indexed()) {
          recognizer.analyze(index, found);
        }
      }
      raw.add(found);
    }
    for (Recognizer recognizer : registry.batched()) {
      List<List<Detection>> perText = recognizer.analyzeAll(texts);
      checkSpans(recognizer, texts, perText);
      for (int i = 0; i < texts.size(); i++) {
        raw.get(i).addAll(perText.get(i));
      }
    }
    List<List<Detection>> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(postProcess(texts.get(i), raw.get(i)));
    }
    return out;
  }

  private static void checkSpans(Recognizer recognizer, List<String> texts, List<List<Detection>> perText) {
    if (perText.size() != texts.size()) {
      throw new IllegalStateException("recognizer '" + recognizer.name() + "' returned " + perText.size()
          + " results for " + texts.size() + " texts");
    }
    for (int i = 0; i < texts.size(); i++) {
      for (Detection d : perText.get(i)) {
        if (d.end() > texts.get(i).length()) {
          throw new IllegalStateException("recognizer '" + recognizer.name() + "' returned a span past the end of text "
              + i + " of the batch");
        }
      }
    }
  }

  private List<Detection> postProcess(String text, List<Detection> raw) {
    List<Detection> kept = new ArrayList<>(raw.size());
    for (Detection d : raw) {
      if (!selection.reports(d.entityType())) {
        continue;
      }
      Detection enhanced = contextEnhancer.enhance(text, d, contextFor(d));
      // The threshold first: it costs a look-up, the allow list a lower-cased copy of the span.
      if (enhanced.score() >= selection.threshold(enhanced.entityType()) && !allowList.allows(text, enhanced)) {
        kept.add(enhanced);
      }
    }
    return ConflictResolver.resolve(kept);
  }

  private ContextWords contextFor(Detection d) {
    Map<String, ContextWords> byEntity = contextByDetector.get(d.detector());
    ContextWords words = byEntity == null ? null : byEntity.get(d.entityType());
    if (words == null) {
      words = policyContextByEntity.getOrDefault(d.entityType(), ContextWords.NONE);
    }
    return words;
  }

  /** An enabled entity that no recognizer emits is almost always a policy mistake worth a log line. */
  private void warnAboutUncoveredEntities() {
    Set<String> uncovered = new TreeSet<>(selection.enabledInPolicy());
    for (Recognizer r : registry.byName().values()) {
      uncovered.removeAll(r.supportedEntities());
    }
    if (!uncovered.isEmpty()) {
      LOG.warn("entities enabled in the policy but emitted by no recognizer: {}", uncovered);
    }
  }

  @Override
  public void close() {
    registry.close();
  }
}
