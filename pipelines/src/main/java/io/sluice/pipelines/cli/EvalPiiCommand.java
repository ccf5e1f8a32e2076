package io.sluice.pipelines.cli;

import static io.sluice.pipelines.cli.FileOptions.requireFile;

import io.sluice.models.eval.EntityMapping;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.GoldReaders;
import io.sluice.models.eval.SkipWords;
import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.eval.PiiEvalJob;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice eval pii}: per-entity precision, recall, F1 and F2, token and span level. */
@Command(
    name = "pii",
    mixinStandardHelpOptions = true,
    description = {
      "Score PII detection against gold spans (code points): runs the policy's analyzer over the gold texts,",
      "or reads an earlier sweep's findings (--findings, a sweep --output written with --format jsonl).",
      "Gold: Presidio-research JSON (.json: full_text, spans[entity_type, start_position, end_position]),",
      "our JSONL (id, text, entities[type, start, end]), or a sample manifest.json with --corpus.",
      "Prints the table and writes eval.json and eval.txt under --output."
    },
    sortOptions = false)
final class EvalPiiCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold annotations.")
  Path gold;

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "The corpus.jsonl whose texts a manifest.json gold file annotates.")
  Path corpus;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where eval.json and eval.txt go.")
  Path output;

  @Option(names = "--policy", paramLabel = "FILE", description = "YAML policy (default: the built-in default policy).")
  Path policy;

  @Option(names = "--findings", paramLabel = "DIR", description = "Score this sweep output's findings instead of running the analyzer.")
  Path findings;

  @Option(names = "--entity-map", paramLabel = "FROM=TO,...",
      description = "Rename entity types (gold and predicted) before scoring, e.g. PER=PERSON,GPE=LOCATION.")
  String entityMap;

  @Option(names = "--entities", paramLabel = "TYPE,...", description = "Types to score (default: every type in the gold).")
  String entities;

  @Option(names = "--skip-words", paramLabel = "FILE",
      description = "JSON skip-word lists (e.g. presidio-research's), ignored at token level where gold and prediction disagree.")
  Path skipWords;

  private final PrintStream out;

  EvalPiiCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    requireFile(gold, "--gold");
    List<GoldDocument> docs;
    if (gold.getFileName().toString().equals("manifest.json") || corpus != null) {
      requireFile(corpus, "--corpus");
      docs = GoldReaders.readManifest(gold, corpus);
    } else {
      docs = GoldReaders.read(gold);
    }
    Policy p = policy == null ? PolicyLoader.defaultPolicy() : PolicyLoader.load(requireFile(policy, "--policy"));
    SkipWords skip = skipWords == null ? SkipWords.none() : SkipWords.read(requireFile(skipWords, "--skip-words"));
    EntityMapping mapping;
    try {
      mapping = EntityMapping.parse(entityMap);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--entity-map: " + e.getMessage());
    }
    Set<String> types = entities == null ? Set.of()
        : Arrays.stream(entities.split(",")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    PiiEvalJob.run(new PiiEvalJob.Settings(docs, p, findings, mapping, types, skip, output), out);
    return 0;
  }
}
