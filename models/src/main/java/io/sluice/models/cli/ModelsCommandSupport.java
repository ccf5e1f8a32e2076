package io.sluice.models.cli;

import io.sluice.models.ModelLoader;
import io.sluice.models.ModelResolver;
import io.sluice.models.ModelSpec;
import io.sluice.models.ResolvedModel;
import io.sluice.models.runtime.EmbeddedModel;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.TokenOutputs;
import io.sluice.models.weights.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The work behind {@code sluice models list|info|verify}, as plain methods returning text; the CLI in
 * pipelines only parses flags and prints. Nothing here logs or returns document text.
 */
public final class ModelsCommandSupport {
  /** A probe with non-BMP characters, so verify also exercises code-point offsets. */
  static final String PROBE = "Sluice verifies 😀 models 𝄞 offline.";

  private ModelsCommandSupport() {}

  /** Model specs from every *.json file in a folder (e.g. conf/models), sorted by file name. */
  public static List<ModelSpec> readSpecs(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<ModelSpec> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(ModelSpec.fromFile(f));
      }
    }
    return out;
  }

  /** Embedded models (and whether their jars are on the classpath) and the configured specs. */
  public static String list(List<ModelSpec> configured) {
    StringBuilder b = new StringBuilder("embedded models:\n");
    for (EmbeddedModel m : EmbeddedModel.values()) {
      b.append(String.format(Locale.ROOT, "  %-22s %-9s bert, %d layers, hidden %d, %s pooling%n", m.id(),
          m.isPresent() ? "present" : "MISSING", m.config().numLayers(), m.config().hiddenSize(), m.pooling()));
    }
    b.append("configured models:\n");
    if (configured.isEmpty()) {
      b.append("  (none)\n");
    }
    for (ModelSpec s : configured) {
      b.append(String.format(Locale.ROOT, "  %-22s %-11s %-24s device %-6s %s%n", s.id(), s.source().label(),
          s.task().label(), s.device(), s.path()));
    }
    return b.toString();
  }

  /** Architecture, weights and head of a model, read from its files without placing it on a device. */
  public static String info(ModelSpec spec) {
    ResolvedModel r = ModelResolver.resolve(spec);
    long params = r.weights().values().stream().mapToLong(t -> t.data().length).sum();
    StringBuilder b = new StringBuilder();
    b.append("id: ").append(spec.id()).append('\n');
    b.append("source: ").append(spec.source().label()).append(' ').append(spec.path()).append('\n');
    b.append("task: ").append(spec.task().label()).append('\n');
    b.append(String.format(Locale.ROOT, "architecture: %s, %d layers, hidden %d, %d heads, intermediate %d, "
            + "vocab %d, max tokens %d, activation %s%n", r.config().modelType(), r.config().numLayers(),
        r.config().hiddenSize(), r.config().numHeads(), r.config().intermediateSize(), r.config().vocabSize(),
        r.config().maxTokens(), r.config().activation()));
    b.append(String.format(Locale.ROOT, "parameters: %,d (%d tensors)%n", params, r.weights().size()));
    b.append("weight files: ").append(String.join(", ", r.weightFiles())).append('\n');
    b.append("sha256: ").append(r.sha256()).append(spec.sha256() == null ? " (not pinned in spec)" : " (matches spec)").append('\n');
    b.append("pooling: ").append(r.pooling().name().toLowerCase(Locale.ROOT)).append('\n');
    if (r.head() != null) {
      b.append("head: ").append(r.head().task().label()).append(r.head().multiLabel() ? " (multi-label)" : "")
          .append(", labels: ").append(String.join(", ", r.head().labels())).append('\n');
    }
    b.append("device: ").append(spec.device()).append('\n');
    return b.toString();
  }

  /**
   * Checks a model end to end: digest (against the spec when pinned), every weight finite, load on the spec's
   * device, one inference with finite outputs and offsets inside the probe text. Throws with a clear message
   * on the first failure; returns a summary when all checks pass.
   */
  public static String verify(ModelSpec spec) {
    ResolvedModel r = ModelResolver.resolve(spec);
    for (Tensor t : r.weights().values()) {
      for (float v : t.data()) {
        if (!Float.isFinite(v)) {
          throw new IllegalStateException("model " + spec.id() + ": weight " + t.name() + " has non-finite values");
        }
      }
    }
    long start = System.nanoTime();
    try (EncoderModel model = ModelLoader.loadEncoder(spec, 0)) {
      long loadedMs = (System.nanoTime() - start) / 1_000_000;
      TokenOutputs out = model.tokenStates(List.of(PROBE)).get(0);
      int probeLength = PROBE.codePointCount(0, PROBE.length());
      for (int i = 0; i < out.size(); i++) {
        if (out.starts()[i] < 0 || out.ends()[i] > probeLength || out.starts()[i] > out.ends()[i]) {
          throw new IllegalStateException("model " + spec.id() + ": token offsets outside the probe text");
        }
        for (float v : out.values()[i]) {
          if (!Float.isFinite(v)) {
            throw new IllegalStateException("model " + spec.id() + ": non-finite encoder output");
          }
        }
      }
      if (out.size() == 0) {
        throw new IllegalStateException("model " + spec.id() + ": tokenizer produced no tokens for the probe");
      }
      return String.format(Locale.ROOT, "OK %s: sha256 %s%s, %d weights finite, loaded on %s in %d ms, "
              + "probe of %d tokens encoded%n", spec.id(), r.sha256(), spec.sha256() == null ? " (not pinned)" : " (pinned, matches)",
          r.weights().size(), spec.device(), loadedMs, out.size());
    }
  }
}
