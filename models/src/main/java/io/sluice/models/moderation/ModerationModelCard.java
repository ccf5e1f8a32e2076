package io.sluice.models.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders MODEL_CARD.md for a trained moderation head: data per category, command, settings, dev metrics. */
final class ModerationModelCard {
  private final ModerationDataset dataset;
  private final ModerationHeadTrainer.Settings settings;
  private final String command;
  private final List<ModerationEvaluation.CategoryRow> rows;
  private final double davidsonMacroF1;
  private final double[] sms;
  private final double encodeSeconds;
  private final double wallSeconds;

  ModerationModelCard(ModerationDataset dataset, ModerationHeadTrainer.Settings settings, String command,
      List<ModerationEvaluation.CategoryRow> rows, double davidsonMacroF1, double[] sms,
      double encodeSeconds, double wallSeconds) {
    this.dataset = dataset;
    this.settings = settings;
    this.command = command;
    this.rows = rows;
    this.davidsonMacroF1 = davidsonMacroF1;
    this.sms = sms;
    this.encodeSeconds = encodeSeconds;
    this.wallSeconds = wallSeconds;
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Sluice moderation head (embedded default)\n\n")
        .append("A multi-label classifier: a two-layer head (384 -> ").append(settings.hiddenSize())
        .append(" ReLU -> 7 sigmoid) on the frozen, embedded all-MiniLM-L6-v2 encoder (mean-pooled, L2-normalised ")
        .append("sentence embedding; training texts encoded in windows of ").append(TrainModeration.TRAIN_MAX_TOKENS)
        .append(" tokens). Categories: toxicity, hate, harassment, sexual, violence, self_harm, spam ")
        .append("(see `ModerationCategory` for definitions). At inference, texts longer than ").append(TrainModeration.MAX_TOKENS)
        .append(" tokens are scored per window (stride ").append(TrainModeration.WINDOW_STRIDE)
        .append(" tokens of overlap) and each category takes its maximum over windows.\n\n")
        .append("## Data\n\n")
        .append("Label mapping: Davidson hate speech -> hate + toxicity, offensive -> toxicity, neither -> none; ")
        .append("ToxiGen statements hate -> hate + toxicity, neutral -> none; SMS spam -> spam, ham -> none. ")
        .append("Harassment, sexual, violence and self_harm have no public data here: their examples are our own, ")
        .append("filled from hand-written templates (`templates.tsv` in this module, ")
        .append(TemplateExamples.bundled().templateCount()).append(" templates, up to ")
        .append(ModerationDataset.VARIANTS_PER_TEMPLATE).append(" seeded fillings each), together with benign ")
        .append("hard negatives (business text with words such as kill, shoot, attack, prize, harassment training).\n\n")
        .append("Dev split: ").append(Math.round(ModerationDataset.DEV_FRACTION * 100))
        .append("% of each public set, stratified by its own class with a seeded shuffle; for templates, a seeded ")
        .append("quarter of the templates of each label set is held out whole. Training keeps at most ")
        .append(ModerationDataset.MAX_TRAIN_PER_STRATUM).append(" examples per stratum and dev at most ")
        .append(ModerationDataset.MAX_DEV_PER_STRATUM).append(" (this samples Davidson's offensive and neither ")
        .append("classes and SMS ham: encoding every text was more CPU than we had). The two target numbers below ")
        .append("are reweighted to each source's natural class proportions; the per-category table is not. Rows skipped as unreadable: ")
        .append(dataset.skippedRows()).append(".\n\n")
        .append("| category | train positives (by source) | dev positives (by source) |\n|---|---|---|\n");
    Map<ModerationCategory, Map<String, Integer>> train = ModerationDataset.positives(dataset.train());
    Map<ModerationCategory, Map<String, Integer>> dev = ModerationDataset.positives(dataset.dev());
    for (ModerationCategory c : ModerationCategory.values()) {
      sb.append("| ").append(c.label()).append(" | ").append(counts(train.get(c))).append(" | ")
          .append(counts(dev.get(c))).append(" |\n");
    }
    long trainBenign = dataset.train().stream().filter(e -> e.labels().isEmpty()).count();
    long devBenign = dataset.dev().stream().filter(e -> e.labels().isEmpty()).count();
    sb.append("| (benign) | ").append(trainBenign).append(" | ").append(devBenign).append(" |\n")
        .append("| **all** | ").append(dataset.train().size()).append(" | ").append(dataset.dev().size())
        .append(" |\n\n");
    sb.append("## Reproduce\n\n```\n").append(command).append("\n```\n\n")
        .append("(`scripts/train-moderation` runs `io.sluice.models.moderation.TrainModeration` with the models ")
        .append("classpath; `scripts/sluice train moderation` takes the same options.) Head training: AdamW lr ").append(settings.learningRate()).append(", weight decay ")
        .append(settings.weightDecay()).append(", dropout ").append(settings.dropout()).append(", ")
        .append(settings.epochs()).append(" epochs, batch ").append(settings.batchSize())
        .append(", positive-class weight sqrt(neg/pos) capped at ").append(settings.maxPositiveWeight())
        .append(", seed ").append(settings.seed()).append(". Wall time on 2 shared CPU cores: ")
        .append(String.format(Locale.ROOT, "%.0f s (of which encoding the texts once: %.0f s; later runs reuse "
            + "the feature cache)", wallSeconds, encodeSeconds)).append(".\n\n");
    sb.append("## Dev metrics\n\nThresholds are the best-F1 points on this same dev split, so the thresholded ")
        .append("numbers are optimistic; AUROC and AUPRC do not depend on them.\n\n")
        .append(String.format(Locale.ROOT, "- Davidson macro-F1 over hate/offensive/neither (hate if hate passes, "
            + "else offensive if toxicity passes, else neither): **%s** (target 0.75)%n",
            ModerationEvaluation.fmt(davidsonMacroF1)))
        .append(String.format(Locale.ROOT, "- SMS spam F1 on the SMS dev split: **%s** (precision %s, recall %s; "
            + "target 0.95)%n%n", ModerationEvaluation.fmt(sms[2]), ModerationEvaluation.fmt(sms[0]),
            ModerationEvaluation.fmt(sms[1])))
        .append(ModerationEvaluation.table(rows)).append('\n')
        .append("## Limits, honestly\n\n")
        .append("- Harassment, sexual, violence and self_harm were learned only from our templates; their dev ")
        .append("numbers measure generalisation to held-out templates of the same style, not to real user text. ")
        .append("Treat them as a keyword-plus-paraphrase baseline and plug in a stronger model for those categories ")
        .append("where it matters.\n")
        .append("- Hate comes from tweets (Davidson) and short statements (ToxiGen): implicit hate in long prose is ")
        .append("less well covered. Davidson's labels treat many slurs as offensive rather than hateful.\n")
        .append("- Windows are mean-pooled: a single harmful sentence inside a window of benign text can be diluted ")
        .append("below threshold (scoring sentences on their own made business documents look like SMS spam, so it ")
        .append("is not done). Harm that fills a good part of a window is found wherever it is in the document.\n")
        .append("- English only. Spam knowledge is SMS-era prize/premium-rate spam plus our email-style templates.\n");
    return sb.toString();
  }

  private static String counts(Map<String, Integer> bySource) {
    if (bySource.isEmpty()) {
      return "0";
    }
    int total = bySource.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder sb = new StringBuilder().append(total).append(" (");
    bySource.forEach((k, v) -> sb.append(k).append(' ').append(v).append(", "));
    sb.setLength(sb.length() - 2);
    return sb.append(')').toString();
  }
}
