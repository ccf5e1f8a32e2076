package io.sluice.pii.operators;

import io.sluice.pii.Detection;
import io.sluice.policy.Policy;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Rewrites the detected spans of a text with the operator the policy chooses for each entity type
 * (Presidio's anonymizer engine). Detection is a separate step: this class only rewrites.
 *
 * <p>Thread-safe: build one per worker JVM and share it between threads.
 */
public final class Anonymizer {
  /** Reported for a detection that was not applied because it overlapped another or fell outside the text. */
  public static final String SKIPPED = "skipped";

  private final Map<String, Operator> byEntity;
  private final Operator fallback;

  private Anonymizer(Map<String, Operator> byEntity, Operator fallback) {
    this.byEntity = Map.copyOf(byEntity);
    this.fallback = fallback;
  }

  /**
   * Operators for every entity in the policy, {@code default_operator} for the rest.
   *
   * @param keys resolved with {@link KeyRing#resolve(Policy)}; {@link KeyRing#empty()} when no operator
   *     needs a key
   * @throws io.sluice.policy.PolicyException when an operator needs a key the ring does not hold
   */
  public static Anonymizer fromPolicy(Policy policy, KeyRing keys) {
    Operators operators = new Operators(keys, policy.phoneRegions);
    Operator fallback = policy.defaultOperator == null
        ? new ReplaceOperator(null)
        : operators.create(policy.defaultOperator, "default_operator");
    Map<String, Operator> byEntity = new HashMap<>();
    policy.entities.forEach((entity, settings) -> {
      if (settings != null && settings.operator != null) {
        byEntity.put(entity, operators.create(settings.operator, "entities." + entity + ".operator"));
      }
    });
    return new Anonymizer(byEntity, fallback);
  }

  /** Applies one operator to every entity type (de-identified copies surrogate everything they find). */
  public static Anonymizer everywhere(Operator operator) {
    return new Anonymizer(Map.of(), operator);
  }

  /** Name of the operator applied to findings of this entity type. */
  public String operatorFor(String entityType) {
    return byEntity.getOrDefault(entityType, fallback).name();
  }

  /**
   * Applies the policy's operators to the detected spans.
   *
   * @param detections in UTF-16 char offsets of {@code text}, expected sorted and non-overlapping; a
   *     detection that overlaps an earlier-starting one, or lies outside the text or splits a surrogate
   *     pair, is skipped rather than failing the document
   */
  public AnonymizedText anonymize(String text, List<Detection> detections) {
    String[] applied = new String[detections.size()];
    int[] order = orderByStart(detections);
    StringBuilder out = new StringBuilder(text.length());
    int copiedUpTo = 0;
    for (int index : order) {
      Detection detection = detections.get(index);
      if (detection.start() < copiedUpTo || !fitsIn(text, detection)) {
        applied[index] = SKIPPED;
        continue;
      }
      Operator operator = byEntity.getOrDefault(detection.entityType(), fallback);
      out.append(text, copiedUpTo, detection.start());
      out.append(operator.apply(detection.entityType(), text.substring(detection.start(), detection.end())));
      copiedUpTo = detection.end();
      applied[index] = operator.name();
    }
    out.append(text, copiedUpTo, text.length());
    return new AnonymizedText(out.toString(), List.of(applied));
  }

  /**
   * Indexes of the detections by start, ties in list order. The analyzer's findings are already in that
   * order, which a check finds without sorting boxed indexes.
   */
  private static int[] orderByStart(List<Detection> detections) {
    int[] order = new int[detections.size()];
    boolean sorted = true;
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      sorted &= i == 0 || detections.get(i - 1).start() <= detections.get(i).start();
    }
    if (sorted) {
      return order;
    }
    return IntStream.range(0, order.length).boxed()
        .sorted(Comparator.comparingInt(i -> detections.get(i).start()))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Inside the text and not cutting an emoji or other surrogate pair in half. */
  private static boolean fitsIn(String text, Detection detection) {
    return detection.end() <= text.length()
        && !splitsPair(text, detection.start())
        && !splitsPair(text, detection.end());
  }

  private static boolean splitsPair(String text, int offset) {
    return offset > 0 && offset < text.length()
        && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
  }
}
