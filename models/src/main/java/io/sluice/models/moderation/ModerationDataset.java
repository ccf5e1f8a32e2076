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
import java.util.Set;

/**
 * The training set: the three public sets (mapped by {@link PublicModerationData}) plus our template examples,
 * split into train and dev. Public data is split per stratum (the source's own class) with a seeded shuffle;
 * template data by whole templates (see {@link TemplateExamples#devStrata}).
 */
public record ModerationDataset(List<LabeledText> train, List<LabeledText> dev, int skippedRows,
    Map<String, Double> devStratumWeights) {
  public static final double DEV_FRACTION = 0.15;
  public static final int VARIANTS_PER_TEMPLATE = 15;
  /**
   * At most this many training / dev examples per stratum. Encoding is the expensive step (about 3-6 texts/s
   * on the 2 shared cores we had), so large classes (Davidson offensive and neither, SMS ham) are sampled;
   * dev metrics that the targets are set on are reweighted to the source's natural class proportions with
   * {@link #devStratumWeights}.
   */
  public static final int MAX_TRAIN_PER_STRATUM = 700;
  public static final int MAX_DEV_PER_STRATUM = 400;

  public static ModerationDataset assemble(Path dataDir, long seed) throws IOException {
    List<LabeledText> publicExamples = new ArrayList<>();
    int skipped = 0;
    for (PublicModerationData.Loaded loaded : List.of(PublicModerationData.davidson(dataDir),
        PublicModerationData.toxigen(dataDir), PublicModerationData.smsSpam(dataDir))) {
      publicExamples.addAll(loaded.examples());
      skipped += loaded.skippedRows();
    }
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> dev = new ArrayList<>();
    splitByStratum(publicExamples, DEV_FRACTION, seed, train, dev);
    train = capPerStratum(train, MAX_TRAIN_PER_STRATUM);
    Map<String, Integer> naturalDev = countByStratum(dev);
    dev = capPerStratum(dev, MAX_DEV_PER_STRATUM);
    Map<String, Integer> sampledDev = countByStratum(dev);
    Map<String, Double> weights = new LinkedHashMap<>();
    naturalDev.forEach((stratum, n) -> weights.put(stratum, (double) n / sampledDev.get(stratum)));
    TemplateExamples templates = TemplateExamples.bundled();
    Set<String> devTemplates = templates.devStrata(seed);
    for (LabeledText t : templates.generate(VARIANTS_PER_TEMPLATE, seed)) {
      (devTemplates.contains(t.stratum()) ? dev : train).add(t);
    }
    return new ModerationDataset(train, dev, skipped, weights);
  }

  /** Seeded stratified split: each stratum contributes round(fraction * size) examples to dev. */
  static void splitByStratum(List<LabeledText> examples, double devFraction, long seed, List<LabeledText> train,
      List<LabeledText> dev) {
    Map<String, List<LabeledText>> byStratum = new LinkedHashMap<>();
    for (LabeledText e : examples) {
      byStratum.computeIfAbsent(e.stratum(), k -> new ArrayList<>()).add(e);
    }
    Random random = new Random(seed);
    for (List<LabeledText> stratum : byStratum.values()) {
      List<LabeledText> shuffled = new ArrayList<>(stratum);
      Collections.shuffle(shuffled, random);
      int n = (int) Math.round(devFraction * shuffled.size());
      dev.addAll(shuffled.subList(0, n));
      train.addAll(shuffled.subList(n, shuffled.size()));
    }
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
