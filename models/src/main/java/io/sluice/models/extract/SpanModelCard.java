package io.sluice.models.extract;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The MODEL_CARD.md of a span-extraction model: data, how its gold values were located, command, dev metrics. */
record SpanModelCard(SpanFields fields, TrainSpanExtractor.Arguments args, int trainDocuments, int devDocuments,
    TrainSpanExtractor.Result result, ExtractionEvaluation dev, double trainSeconds) {
  static final String FILE = "MODEL_CARD.md";

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Span extraction: ").append(args.schema.getFileName()).append("\n\n");
    b.append("A token-classification head on the embedded `").append(TrainSpanExtractor.ENCODER)
        .append("` encoder (frozen; referenced by sha256 in config.json, not copied) tags one B-/I- pair per field: ")
        .append(String.join(", ", fields.names())).append(". Windows of ").append(TrainSpanExtractor.MAX_TOKENS)
        .append(" tokens (stride ").append(TrainSpanExtractor.WINDOW_STRIDE).append(") cover long documents. ")
        .append("Load it with `SpanFieldExtractor.open(DIR)` or `sluice extract --mode span --model DIR`.\n\n");
    b.append("Values returned per field: an array field gets every tagged span in document order; a scalar field gets ")
        .append("the span with the highest mean probability of the field's tags first, then the others by falling ")
        .append("probability; when no span of a scalar field reaches the entity threshold (0.5), the spans decoded at ")
        .append("half of it are its candidates.\n\n");
    b.append("## Data\n\n");
    b.append("- file: `").append(args.data.getFileName()).append("` (format ")
        .append(args.format.name().toLowerCase(Locale.ROOT)).append(")");
    if (args.format == LabelledDocument.Format.SROIE) {
      b.append(": ICDAR 2019 SROIE task 3 training receipts (OCR lines in reading order joined with line breaks, ")
          .append("gold company/date/address/total), from jsdnrs/ICDAR2019-SROIE @ 77c4c11, licence CC-BY 4.0. ")
          .append("In this copy every OCR line is cut at its first comma (no line contains one), while 591 of the 625 ")
          .append("gold addresses contain commas: the text lacks part of most addresses, so an address can match ")
          .append("its gold value exactly only where the cut removed nothing (the in-text column below scores ")
          .append("against the address as the text has it).");
    }
    b.append('\n');
    b.append(String.format(Locale.ROOT, "- split: %d documents trained on, %d held out as the dev split (seeded shuffle,"
        + " seed %d, fraction %.2f), never trained on%n", trainDocuments, devDocuments, args.seed, args.devFraction));
    b.append("- gold values located in the training text (exact / whitespace- and case-insensitive / consecutive lines"
        + " that are pieces of the value / fuzzy / not found, left unlabelled):\n\n"
        + "| field | exact | normalised | lines | fuzzy | not found |\n|---|---|---|---|---|---|\n");
    for (String f : fields.names()) {
      TrainSpanExtractor.Located l = result.located();
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", f,
          l.count(f, ValueLocator.Strategy.EXACT), l.count(f, ValueLocator.Strategy.NORMALISED),
          l.count(f, ValueLocator.Strategy.LINES), l.count(f, ValueLocator.Strategy.FUZZY),
          l.count(f, ValueLocator.Strategy.NONE)));
    }
    b.append("\n## Training\n\n");
    b.append("- command: `").append(args.commandLine()).append("`\n");
    b.append(String.format(Locale.ROOT, "- %d token rows, %d epochs, %.0f s on a shared 2-core CPU (encoder states "
        + "computed once), written %s%n", result.tokens(), result.epochLosses().size(), trainSeconds, Instant.now()));
    b.append("- mean training loss per epoch: ").append(losses(result.epochLosses())).append("\n\n");
    b.append("## Dev metrics\n\n");
    if (dev == null) {
      b.append("No dev split (--dev-fraction 0).\n");
    } else {
      b.append("Exact match of the first value per field after a simple normalisation (trim, whitespace runs as one ")
          .append("space, case-fold; amounts as numbers with currency symbols and thousands separators dropped; ")
          .append("dates parsed from common formats to ISO), against the gold value and against the value as the ")
          .append("document text has it:\n\n").append(dev.toTable());
    }
    return b.toString();
  }

  private static String losses(List<Float> losses) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < losses.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", losses.get(i)));
    }
    return b.toString();
  }
}
