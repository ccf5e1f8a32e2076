package io.sluice.models.heads;

import java.time.Instant;
import java.util.Locale;

/** The MODEL_CARD.md of a trained model: what it is, what it was trained on and how, and how training went. */
record ModelCard(String id, HeadConfig head, int examples, TrainingOptions options, TrainingReport report,
    String command) {

  String markdown(String weightsSha256) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(id).append("\n\n");
    b.append("- task: ").append(head.task().label()).append('\n');
    b.append("- labels (").append(head.labels().size()).append("): ").append(String.join(", ", head.labels())).append('\n');
    if (head.task() != io.sluice.models.ModelSpec.Task.TOKEN_CLASSIFICATION) {
      b.append("- pooling: ").append(head.pooling().name().toLowerCase(Locale.ROOT))
          .append(", ").append(head.multiLabel() ? "multi-label (sigmoid)" : "exclusive labels (softmax)").append('\n');
    }
    b.append("- written: ").append(Instant.now()).append('\n');
    b.append("- weights sha256 (model.safetensors): ").append(weightsSha256).append("\n\n");
    b.append("## Training\n\n");
    b.append("- examples: ").append(examples).append(", windows per epoch: ").append(report.windowsPerEpoch()).append('\n');
    b.append(String.format(Locale.ROOT, "- epochs: %d, learning rate: %g, batch size: %d, encoder: %s, seed: %d%n",
        options.epochs(), options.learningRate(), options.batchSize(),
        options.freezeEncoder() ? "frozen" : "fine-tuned", options.seed()));
    b.append("- command: `").append(command == null ? "(not recorded)" : command).append("`\n\n");
    b.append("## Metrics\n\n| epoch | mean training loss |\n|---|---|\n");
    for (int i = 0; i < report.epochLosses().size(); i++) {
      b.append(String.format(Locale.ROOT, "| %d | %.5f |%n", i + 1, report.epochLosses().get(i)));
    }
    return b.toString();
  }
}
