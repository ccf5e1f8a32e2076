package io.sluice.models.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders MODEL_CARD.md for a trained moderation head: data per category, command, settings, dev metrics. */
final class ModerationModelCard {
  /** What a training run measured: dev rows at the shipped thresholds, the two target numbers, timings. */
  record Results(List<ModerationEvaluation.CategoryRow> rows, ModerationEvaluation.DavidsonScores davidson,
      double[] sms, double davidsonTuneMacroF1, double smsTuneF1, double encodeSeconds, double wallSeconds) {}

  private static final String[] DAVIDSON_NAMES = {"hate speech", "offensive", "neither"};

  private final ModerationDataset dataset;
  private final ModerationHeadTrainer.Settings settings;
  private final String command;
  private final Results results;

  ModerationModelCard(ModerationDataset dataset, ModerationHeadTrainer.Settings settings, String command,
      Results results) {
    this.dataset = dataset;
    this.settings = settings;
    this.command = command;
    this.results = results;
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Sluice moderation head (embedded default)\n\n")
        .append("A multi-label classifier, wide and deep, on the frozen, embedded all-MiniLM-L6-v2 encoder: a ")
        .append("two-layer path on the sentence embedding (mean-pooled, L2-normalised; 384 -> ")
        .append(settings.hiddenSize()).append(" ReLU -> 7 logits) plus a linear path on ")
        .append(TrainModeration.LEXICAL_BUCKETS).append(" hashed TF-IDF buckets of word uni- and bigrams and ")
        .append("character 3- to 5-grams, plus shape terms (digit-run lengths, currency signs, words in capitals) ")
        .append("(`LexicalFeatures`; idf fitted on the training texts), summed into one sigmoid per category. ")
        .append("Categories: toxicity, hate, harassment, sexual, violence, self_harm, spam (see `ModerationCategory` ")
        .append("for definitions). At inference a document is cut into sentence chunks ")
        .append("(`ModerationChunks`: a chunk closes at ").append(ModerationChunks.MIN_WORDS).append(" words, none ")
        .append("is longer than ").append(ModerationChunks.MAX_WORDS).append("); each harm category takes its ")
        .append("**maximum over chunks**, spam (a property of the whole message) the chunks' mean weighted by ")
        .append("words. Tuning and dev examples are short texts scored whole, which for texts of up to ")
        .append(ModerationChunks.MAX_WORDS).append(" words is the inference path exactly.\n\n")
        .append("## Data\n\n")
        .append("Label mapping onto our categories: Davidson hate speech -> hate + toxicity (hate is always toxic in ")
        .append("our scheme), offensive -> toxicity, neither -> none; ToxiGen statements hate -> hate + toxicity, ")
        .append("neutral -> none; SMS spam -> spam, ham -> none. Harassment, sexual, violence and self_harm have no ")
        .append("public data here: their examples are our own, filled from hand-written templates (`templates.tsv` ")
        .append("in this module, ").append(TemplateExamples.bundled().templateCount()).append(" templates, up to ")
        .append(ModerationDataset.VARIANTS_PER_TEMPLATE).append(" seeded fillings each), together with benign ")
        .append("hard negatives (business text with words such as kill, shoot, attack, prize, harassment training).\n\n")
        .append("Splits: of each public set, stratified by its own class with a seeded shuffle, ")
        .append(Math.round(ModerationDataset.DEV_FRACTION * 100)).append("% is dev and another ")
        .append(Math.round(ModerationDataset.DEV_FRACTION * 100)).append("% the tuning split; of the templates of ")
        .append("each label set, a seeded quarter is held out whole for dev and a fifth for tuning. Training ")
        .append("keeps at most ").append(ModerationDataset.MAX_TRAIN_PER_STRATUM).append(" examples per stratum, ")
        .append("tuning and dev at most ").append(ModerationDataset.MAX_HELD_OUT_PER_STRATUM).append(" (this ")
        .append("samples Davidson's offensive and neither classes and SMS ham: encoding every text costs more CPU ")
        .append("than the shared machine had). The Davidson and SMS numbers below are reweighted to each source's ")
        .append("natural class proportions; the per-category table is not. Thresholds are chosen on the tuning ")
        .append("split only (no threshold below ").append(ModerationThresholds.FLOOR).append(", see ")
        .append("`ModerationThresholds`); dev is used for nothing but these numbers. Rows skipped as unreadable: ")
        .append(dataset.skippedRows()).append(".\n\n")
        .append("| category | train positives (by source) | tuning positives | dev positives (by source) |\n")
        .append("|---|---|---|---|\n");
    Map<ModerationCategory, Map<String, Integer>> train = ModerationDataset.positives(dataset.train());
    Map<ModerationCategory, Map<String, Integer>> tune = ModerationDataset.positives(dataset.tune());
    Map<ModerationCategory, Map<String, Integer>> dev = ModerationDataset.positives(dataset.dev());
    for (ModerationCategory c : ModerationCategory.values()) {
      sb.append("| ").append(c.label()).append(" | ").append(counts(train.get(c))).append(" | ")
          .append(counts(tune.get(c))).append(" | ").append(counts(dev.get(c))).append(" |\n");
    }
    sb.append("| (benign) | ").append(benign(dataset.train())).append(" | ").append(benign(dataset.tune()))
        .append(" | ").append(benign(dataset.dev())).append(" |\n")
        .append("| **all** | ").append(dataset.train().size()).append(" | ").append(dataset.tune().size())
        .append(" | ").append(dataset.dev().size()).append(" |\n\n");
    sb.append("## Reproduce\n\n```\n").append(command).append("\n```\n\n")
        .append("(`scripts/train-moderation` runs `io.sluice.models.moderation.TrainModeration` with the models ")
        .append("classpath; `scripts/sluice train moderation` takes the same options.) Head training ")
        .append("(`ModerationHeadTrainer` on the heads' shared `MinibatchTrainer`): AdamW lr ")
        .append(settings.learningRate()).append(", weight decay ").append(settings.weightDecay())
        .append(", dropout ").append(settings.dropout()).append(", ").append(settings.epochs())
        .append(" epochs, batch ").append(settings.batchSize())
        .append(", positive-class weight sqrt(neg/pos) capped at ").append(settings.maxPositiveWeight())
        .append(", lexical gain ").append(gains()).append(" (the wide path's logit times the gain while ")
        .append("training, folded into the saved weights; see `ModerationHead` and `ModerationHeadTrainer`)")
        .append(", seed ").append(settings.seed()).append(". Wall time on 2 shared CPU cores: ")
        .append(String.format(Locale.ROOT, "%.0f s (of which encoding texts not yet in the feature cache: %.0f s)",
            results.wallSeconds(), results.encodeSeconds())).append(".\n\n");
    ModerationEvaluation.DavidsonScores d = results.davidson();
    sb.append("## Dev metrics\n\n")
        .append(String.format(Locale.ROOT, "- Davidson macro-F1 over hate/offensive/neither: **%s** (target 0.75; "
            + "tuning split: %s). Decision rule: hate if our hate score passes its threshold, else offensive if "
            + "toxicity passes, else neither; the two thresholds are picked jointly for this on the tuning split.%n",
            ModerationEvaluation.fmt(d.macroF1()), ModerationEvaluation.fmt(results.davidsonTuneMacroF1())))
        .append(String.format(Locale.ROOT, "- SMS spam F1 on the SMS dev split: **%s** (precision %s, recall %s; "
            + "target 0.95; tuning split: %s). The spam threshold is picked for this on the tuning split.%n%n",
            ModerationEvaluation.fmt(results.sms()[2]), ModerationEvaluation.fmt(results.sms()[0]),
            ModerationEvaluation.fmt(results.sms()[1]), ModerationEvaluation.fmt(results.smsTuneF1())))
        .append("| Davidson class | precision | recall | F1 |\n|---|---|---|---|\n");
    for (int k = 0; k < DAVIDSON_NAMES.length; k++) {
      sb.append("| ").append(DAVIDSON_NAMES[k]).append(" | ").append(ModerationEvaluation.fmt(d.precision()[k]))
          .append(" | ").append(ModerationEvaluation.fmt(d.recall()[k])).append(" | ")
          .append(ModerationEvaluation.fmt(d.f1()[k])).append(" |\n");
    }
    sb.append("\nPer category on the whole dev split (all sources, unweighted), at the shipped thresholds:\n\n")
        .append(ModerationEvaluation.table(results.rows())).append('\n')
        .append("## Limits, honestly\n\n")
        .append("- Harassment, sexual, violence and self_harm were learned only from our templates; their dev ")
        .append("numbers measure generalisation to held-out templates of the same style, not to real user text, ")
        .append("and rest on few held-out templates (see the counts). Treat them as a keyword-plus-paraphrase ")
        .append("baseline and plug in a stronger model for those categories where it matters.\n")
        .append("- Hate comes from tweets (Davidson) and short statements (ToxiGen): implicit hate in long prose is ")
        .append("less well covered. Davidson's labels treat many slurs as offensive rather than hateful, and its hate ")
        .append("class stays the weakest (see the table). The hate and toxicity thresholds serve Davidson's decision ")
        .append("rule; a policy can set its own.\n")
        .append("- Chunks are scored on their own: a chunk that reads as harmful only with its wider context is ")
        .append("missed, and the lexical path can fire on quoted or reported slurs.\n")
        .append("- English only. Spam knowledge is SMS-era prize/premium-rate spam plus our email-style templates. ")
        .append("The spam threshold serves SMS: business mail with amounts, card numbers and \"cancel/charge\" ")
        .append("wording (template hard negatives: subscription renewals, cancellation tickets) can score in the ")
        .append("same range (on the tuning split, up to about 0.6), so a policy for business documents should set ")
        .append("a higher spam threshold, as the default policy does.\n");
    return sb.toString();
  }

  /** Gains that are not 1, by category, e.g. "spam 6.0"; "none" when every gain is 1. */
  private String gains() {
    StringBuilder sb = new StringBuilder();
    float[] g = settings.lexicalGain();
    for (ModerationCategory c : ModerationCategory.values()) {
      if (g != null && g[c.ordinal()] != 1f) {
        sb.append(sb.length() == 0 ? "" : ", ").append(c.label()).append(' ').append(g[c.ordinal()]);
      }
    }
    return sb.length() == 0 ? "none" : sb.toString();
  }

  private static long benign(List<LabeledText> examples) {
    return examples.stream().filter(e -> e.labels().isEmpty()).count();
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
