package io.sluice.models.moderation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The training data: the three public sets (mapped by {@link PublicModerationData}) plus our template examples,
 * split three ways: train (fits the head), tune (picks the thresholds) and dev (reported, used for nothing
 * else). Public data is split per stratum (the source's own class) with a seeded shuffle; template data by whole
 * templates (see {@link TemplateExamples#heldOut}).
 */
public record ModerationDataset(List<LabeledText> train, List<LabeledText> tune, List<LabeledText> dev,
    int skippedRows, Map<String, Double> tuneStratumWeights, Map<String, Double> devStratumWeights) {
  /** Fraction of each public stratum held out for dev, and the same again for tuning. */
  public static final double DEV_FRACTION = 0.15;
  public static final int VARIANTS_PER_TEMPLATE = 15;
  /**
   * At most this many training / held-out examples per stratum. Encoding is the expensive step on the shared
   * cores, so the large classes (Davidson offensive and neither, SMS ham) are sampled; held-out metrics are
   * reweighted to the source's natural class proportions with the stratum weights.
   */
  public static final int MAX_TRAIN_PER_STRATUM = 6000;
  public static final int MAX_HELD_OUT_PER_STRATUM = 400;

  public static ModerationDataset assemble(Path dataDir, long seed) throws IOException {
    List<LabeledText> publicExamples = new ArrayList<>();
    int skipped = 0;
    for (PublicModerationData.Loaded loaded : List.of(PublicModerationData.davidson(dataDir),
        PublicModerationData.toxigen(dataDir), PublicModerationData.smsSpam(dataDir))) {
      publicExamples.addAll(loaded.examples());
      skipped += loaded.skippedRows();
    }
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> tune = new ArrayList<>();
    List<LabeledText> dev = new ArrayList<>();
    splitByStratum(publicExamples, DEV_FRACTION, seed, train, tune, dev);
    train = capPerStratum(train, MAX_TRAIN_PER_STRATUM);
    Map<String, Double> tuneWeights = new LinkedHashMap<>();
    tune = capWithWeights(tune, tuneWeights);
    Map<String, Double> devWeights = new LinkedHashMap<>();
    dev = capWithWeights(dev, devWeights);
    TemplateExamples templates = TemplateExamples.bundled();
    TemplateExamples.HeldOut heldOut = templates.heldOut(seed);
    for (LabeledText t : templates.generate(VARIANTS_PER_TEMPLATE, seed)) {
      (heldOut.dev().contains(t.stratum()) ? dev : heldOut.tune().contains(t.stratum()) ? tune : train).add(t);
    }
    return new ModerationDataset(train, tune, dev, skipped, tuneWeights, devWeights);
  }

  /**
   * Seeded stratified split: of each shuffled stratum, the first round(fraction * size) examples go to dev, as
   * many from the end to tune, the rest to train.
   */
  static void splitByStratum(List<LabeledText> examples, double heldOutFraction, long seed, List<LabeledText> train,
      List<LabeledText> tune, List<LabeledText> dev) {
    Map<String, List<LabeledText>> byStratum = new LinkedHashMap<>();
    for (LabeledText e : examples) {
      byStratum.computeIfAbsent(e.stratum(), k -> new ArrayList<>()).add(e);
    }
    Random random = new Random(seed);
    for (List<LabeledText> stratum : byStratum.values()) {
      List<LabeledText> shuffled = new ArrayList<>(stratum);
      Collections.shuffle(shuffled, random);
      int n = (int) Math.round(heldOutFraction * shuffled.size());
      dev.addAll(shuffled.subList(0, n));
      train.addAll(shuffled.subList(n, shuffled.size() - n));
      tune.addAll(shuffled.subList(shuffled.size() - n, shuffled.size()));
    }
  }

  /** Caps a held-out split per stratum and records each stratum's natural size over its sampled size. */
  private static List<LabeledText> capWithWeights(List<LabeledText> heldOut, Map<String, Double> weights) {
    Map<String, Integer> natural = countByStratum(heldOut);
    List<LabeledText> capped = capPerStratum(heldOut, MAX_HELD_OUT_PER_STRATUM);
    Map<String, Integer> sampled = countByStratum(capped);
    natural.forEach((stratum, n) -> weights.put(stratum, (double) n / sampled.get(stratum)));
    return capped;
  }

  private static Map<String, Integer> countByStratum(List<LabeledText> examples) {
    Map<String, Integer> out = new LinkedHashMap<>();
    examples.forEach(e -> out.merge(e.stratum(), 1, Integer::sum));
    return out;
  }

  /** Weight of a dev example in reweighted metrics: its stratum's natural size over its sampled size. */
  public double devWeight(LabeledText example) {
    return devStratumWeights.getOrDefault(example.stratum(), 1.0);
  }

  /** Weight of a tuning example, as {@link #devWeight} for dev. */
  public double tuneWeight(LabeledText example) {
    return tuneStratumWeights.getOrDefault(example.stratum(), 1.0);
  }

  /** Keeps the first {@code cap} examples of each stratum (the split already shuffled them, seeded). */
  static List<LabeledText> capPerStratum(List<LabeledText> examples, int cap) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<LabeledText> out = new ArrayList<>();
    for (LabeledText e : examples) {
      if (seen.merge(e.stratum(), 1, Integer::sum) <= cap) {
        out.add(e);
      }
    }
    return out;
  }

  /** Positive examples per category and source, for the model card. */
  public static Map<ModerationCategory, Map<String, Integer>> positives(List<LabeledText> examples) {
    Map<ModerationCategory, Map<String, Integer>> out = new EnumMap<>(ModerationCategory.class);
    for (ModerationCategory c : ModerationCategory.values()) {
      out.put(c, new LinkedHashMap<>());
    }
    for (LabeledText e : examples) {
      for (ModerationCategory c : e.labels()) {
        out.get(c).merge(e.source(), 1, Integer::sum);
      }
    }
    return out;
  }
}
