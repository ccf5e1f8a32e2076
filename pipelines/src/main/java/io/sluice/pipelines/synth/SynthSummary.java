package io.sluice.pipelines.synth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What a synthesis run did, written as {@code summary.json}: generated = written + dead-lettered always holds for
 * a reconciled run; the gate's findings; the per-field value distributions of what was written.
 *
 * @param gate accepted, rejected per kind (duplicates among them), distinct-1/2 ratios; empty without a gate
 * @param fields per field: top values (text, enums) or count/min/max/mean/histogram (numbers, array lengths)
 * @param generation mode slm: the model's prompt and generated tokens and its decoding milliseconds (left out of
 *     the JSON in other modes)
 */
public record SynthSummary(String job, String spec, String mode, String runner, String format, String output,
    long seed, long count, String startedAt, long elapsedMs, long recordsGenerated, long recordsWritten,
    long recordsDeadLettered, boolean reconciled, double acceptanceRate, Map<String, Long> deadLettersByKind,
    Map<String, Object> gate, JsonNode fields,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> generation) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public SynthSummary {
    generation = generation == null ? Map.of() : generation; // absent from the JSON of other modes
  }

  public static final String PROMPT_TOKENS = "prompt_tokens";
  public static final String GENERATED_TOKENS = "generated_tokens";
  public static final String DECODE_MS = "decode_ms";

  /** Tokens the model generated (mode slm), 0 in other modes. */
  public long generatedTokens() {
    return generation.getOrDefault(GENERATED_TOKENS, 0L);
  }

  /** Milliseconds the model spent decoding (mode slm), 0 in other modes. */
  public long decodeMs() {
    return generation.getOrDefault(DECODE_MS, 0L);
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static SynthSummary read(Path file) {
    try {
      return JSON.readValue(file.toFile(), SynthSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The reconciliation line and the acceptance rate, as the sweep prints its own. */
  public String reconciliationLine() {
    return String.format(Locale.ROOT, "reconciliation: generated %,d = written %,d + dead-lettered %,d  %s",
        recordsGenerated, recordsWritten, recordsDeadLettered, reconciled ? "OK"
            : "MISMATCH (" + (recordsGenerated - recordsWritten - recordsDeadLettered) + " unaccounted)");
  }

  public void print(PrintStream out) {
    out.println(reconciliationLine());
    if (!deadLettersByKind.isEmpty()) {
      io.sluice.pipelines.summary.SummaryTable.table(out, "dead-letter kind", "records", deadLettersByKind);
    }
    out.printf(Locale.ROOT, "synthesize (%s): %,d records written, acceptance %.4f, in %.1f s on %s -> %s%n", mode,
        recordsWritten, acceptanceRate, elapsedMs / 1000.0, runner, output);
    if (!generation.isEmpty()) {
      out.printf(Locale.ROOT, "model: %,d prompt tokens, %,d generated tokens; %.1f generated tokens/s over the job,"
          + " %.1f while decoding%n", generation.get(PROMPT_TOKENS), generatedTokens(),
          generatedTokens() * 1000.0 / elapsedMs, generatedTokens() * 1000.0 / Math.max(1, decodeMs()));
    }
  }
}
