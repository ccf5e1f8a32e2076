package io.sluice.models.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Scores a span model on the dev split its training held out (same file, fraction and seed as its training
 * command; {@code --dev-fraction 1} scores every document) and prints per-field exact match and the average
 * ({@link ExtractionEvaluation}):
 *
 * <pre>EvaluateExtraction --model DIR --data FILE [--format jsonl|sroie] [--dev-fraction 0.15] [--seed 13]</pre>
 */
public final class EvaluateExtraction {
  private EvaluateExtraction() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of(required(args, "--model"));
    Path data = Path.of(required(args, "--data"));
    LabelledDocument.Format format =
        LabelledDocument.Format.valueOf(option(args, "--format", "jsonl").toUpperCase(Locale.ROOT));
    double fraction = Double.parseDouble(option(args, "--dev-fraction", "0.15"));
    long seed = Long.parseLong(option(args, "--seed", "13"));
    List<LabelledDocument> all = LabelledDocument.read(data, format);
    List<LabelledDocument> dev = fraction >= 1 ? all : DevSplit.of(all, fraction, seed).dev();
    try (SpanFieldExtractor extractor = SpanFieldExtractor.open(model)) {
      ExtractionEvaluation result = ExtractionEvaluation.score(SpanFields.read(model.resolve(SpanFieldExtractor.SCHEMA)),
          dev, extractor.extract(dev.stream().map(LabelledDocument::text).toList()));
      System.out.println(dev.size() + " documents\n" + result.toTable());
    }
  }

  private static String required(String[] args, String name) {
    String v = option(args, name, null);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required; usage: EvaluateExtraction --model DIR --data FILE"
          + " [--format jsonl|sroie] [--dev-fraction F] [--seed N]");
    }
    return v;
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
