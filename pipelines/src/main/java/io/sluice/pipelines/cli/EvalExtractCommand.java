package io.sluice.pipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.extract.ExtractionSchema;
import io.sluice.extract.ExtractionScores;
import io.sluice.models.extract.FieldExtractor;
import io.sluice.models.extract.GenerativeSettings;
import io.sluice.models.extract.JsonFieldValues;
import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.extract.ExtractionGold;
import io.sluice.pipelines.extract.ExtractorChoice;
import io.sluice.pipelines.io.RecordFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice eval extract}: per-field exact match of extracted records against gold values. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Score extraction against gold documents (JSONL {\"id\", \"text\", \"fields\"}): per-field exact match and",
      "overall accuracy, gold and predicted values both normalised to the field types first. Predictions are the",
      "records/ of a 'sluice extract' run (--predictions), or the extraction is run here on the gold texts",
      "(--mode and --model)."
    },
    sortOptions = false)
final class EvalExtractCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold JSONL.")
  Path gold;

  @Option(names = "--schema", required = true, paramLabel = "FILE", description = "The Avro record schema (.avsc).")
  Path schema;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--predictions", paramLabel = "DIR|FILE",
        description = "records/ folder or part file (.jsonl, .avro, .parquet) of an extract run; matched by doc_id.")
    Path predictions;

    @Option(names = "--model", paramLabel = "DIR", description = "Run the extraction on the gold texts with this model.")
    Path model;
  }

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "span",
      description = "With --model: span or generative (default: ${DEFAULT-VALUE}).")
  ExtractorChoice.Mode mode;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "8", description = "With --model (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--max-new-tokens", paramLabel = "N", defaultValue = "256",
      description = "With --mode generative (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  private final PrintStream out;

  EvalExtractCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    ExtractionSchema extraction = ExtractCommand.readSchema(schema);
    List<ExtractionGold> documents = ExtractionGold.read(gold);
    Map<String, Map<String, List<String>>> expected = new LinkedHashMap<>();
    documents.forEach(d -> expected.put(d.id(), d.fields()));
    Map<String, Map<String, List<String>>> predicted = source.predictions != null
        ? readPredictions(source.predictions) : extract(extraction, documents);
    out.print(ExtractionScores.score(extraction, expected, predicted).toTable());
    return 0;
  }

  private static Map<String, Map<String, List<String>>> readPredictions(Path path) {
    Map<String, Map<String, List<String>>> byId = new LinkedHashMap<>();
    for (JsonNode record : RecordFiles.readAsJson(path)) {
      JsonNode id = record.get(ExtractionSchema.DOC_ID);
      if (id == null || !id.isTextual()) {
        throw new ConfigException(path + " holds records without a string " + ExtractionSchema.DOC_ID
            + ": give the records/ of a 'sluice extract' run");
      }
      byId.put(id.asText(), JsonFieldValues.of(record));
    }
    return byId;
  }

  private Map<String, Map<String, List<String>>> extract(ExtractionSchema extraction, List<ExtractionGold> documents)
      throws IOException {
    if (batchSize < 1 || maxNewTokens < 1) {
      throw new ConfigException("--batch-size and --max-new-tokens must be >= 1");
    }
    Map<String, Map<String, List<String>>> byId = new LinkedHashMap<>();
    try (FieldExtractor extractor = ExtractorChoice.factory(mode, source.model, extraction,
        new GenerativeSettings("cpu", maxNewTokens, batchSize)).open()) {
      for (int from = 0; from < documents.size(); from += batchSize) {
        List<ExtractionGold> batch = documents.subList(from, Math.min(documents.size(), from + batchSize));
        try {
          List<Map<String, List<String>>> values = extractor.extract(batch.stream().map(ExtractionGold::text).toList());
          for (int i = 0; i < batch.size(); i++) {
            byId.put(batch.get(i).id(), values.get(i));
          }
        } catch (RuntimeException batchFailure) {
          extractEach(extractor, batch, byId);
        }
      }
    }
    return byId;
  }

  /** One at a time, so a document the extractor fails on counts as a miss and the others are still scored. */
  private void extractEach(FieldExtractor extractor, List<ExtractionGold> batch,
      Map<String, Map<String, List<String>>> into) {
    for (ExtractionGold document : batch) {
      try {
        into.put(document.id(), extractor.extract(List.of(document.text())).get(0));
      } catch (RuntimeException e) {
        out.println("document " + document.id() + " failed extraction and counts as a miss: "
            + e.getClass().getSimpleName());
      }
    }
  }
}
