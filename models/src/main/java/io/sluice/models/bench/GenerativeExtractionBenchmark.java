package io.sluice.models.bench;

import static io.sluice.models.bench.EncoderBenchmark.option;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.extract.ExtractionPrompt;
import io.sluice.models.extract.FieldExtractor;
import io.sluice.models.extract.GenerativeFieldExtractor;
import io.sluice.models.extract.GenerativeSettings;
import io.sluice.models.generate.DecoderLoader;
import io.sluice.models.generate.DecoderModel;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.GenerationResult;
import io.sluice.models.generate.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;

/**
 * Generative extraction throughput on a random SmolLM2-135M-shaped decoder (mechanics, not quality): records/s and
 * generated tokens/s of {@link GenerativeFieldExtractor} (prompt from the field docs, schema-constrained decoding,
 * JSON parsed into raw values), against free greedy decoding of the same prompts for the same number of tokens in
 * the same process, rounds alternated so machine noise hits both alike. Usage: {@code GenerativeExtractionBenchmark
 * [--documents conf/extract/receipts.jsonl] [--schema conf/extract/receipt.avsc] [--records 16] [--batch 8]
 * [--new-tokens 96] [--threads 2] [--rounds 2] [--work target/bench-extract]}.
 */
public final class GenerativeExtractionBenchmark {
  private GenerativeExtractionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path documents = Path.of(option(args, "--documents", "conf/extract/receipts.jsonl"));
    Path schemaFile = Path.of(option(args, "--schema", "conf/extract/receipt.avsc"));
    int records = Integer.parseInt(option(args, "--records", "16"));
    int batch = Integer.parseInt(option(args, "--batch", "8"));
    int newTokens = Integer.parseInt(option(args, "--new-tokens", "96"));
    int threads = Integer.parseInt(option(args, "--threads", "2"));
    int rounds = Integer.parseInt(option(args, "--rounds", "2"));
    Path work = Path.of(option(args, "--work", "target/bench-extract"));
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

    Path modelDir = work.resolve("smollm2-135m-random");
    if (!Files.exists(modelDir.resolve("model.safetensors"))) {
      RandomDecoders.write(modelDir, RandomDecoders.smolLm2Shape(), newTokens, 1);
    }
    Schema record = new Schema.Parser().parse(schemaFile.toFile());
    List<String> texts = texts(documents, records);
    System.out.printf(Locale.ROOT, "random SmolLM2-135M shape, cpu, threads %d, %d records (%s, repeated), schema %s "
        + "(%d fields), batch %d, max %d new tokens, greedy, java %s%n", threads, records, documents,
        record.getFullName(), record.getFields().size(), batch, newTokens, System.getProperty("java.version"));

    long openStart = System.nanoTime();
    try (FieldExtractor opened = GenerativeFieldExtractor.factory(modelDir, record.toString(),
            new GenerativeSettings("cpu", newTokens, batch)).open();
        DecoderModel reference = DecoderLoader.load(modelDir, "cpu")) {
      GenerativeFieldExtractor extractor = (GenerativeFieldExtractor) opened;
      System.out.printf(Locale.ROOT, "extractor opened (model loaded, schema compiled for the vocabulary) in %.0f ms%n",
          (System.nanoTime() - openStart) / 1e6);
      extractor.extract(texts.subList(0, 1)); // warm-up: first calls allocate and pick kernels, first masks cached
      List<long[]> prompts = new ArrayList<>();
      ExtractionPrompt prompt = new ExtractionPrompt(record);
      texts.forEach(t -> prompts.add(reference.encodePrompt(prompt.plain(t))));
      Generator free = reference.newGenerator(batch);

      double recordsPerSecond = 0;
      double extractTokensPerSecond = 0;
      double freeTokensPerSecond = 0;
      long promptTokens = 0;
      long generated = 0;
      for (int r = 0; r < rounds; r++) {
        long tokensBefore = extractor.generatedTokens();
        long promptBefore = extractor.promptTokens();
        long start = System.nanoTime();
        extractor.extract(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        long tokens = extractor.generatedTokens() - tokensBefore;
        promptTokens += extractor.promptTokens() - promptBefore;
        generated += tokens;
        recordsPerSecond += texts.size() / seconds / rounds;
        extractTokensPerSecond += tokens / seconds / rounds;
        int sameLength = Math.max(1, (int) Math.round((double) tokens / texts.size()));
        freeTokensPerSecond += freeTokensPerSecond(free, prompts, sameLength) / rounds;
      }
      System.out.printf(Locale.ROOT, "prompt tokens per record %.0f, generated tokens per record %.1f%n",
          (double) promptTokens / (rounds * texts.size()), (double) generated / (rounds * texts.size()));
      System.out.printf(Locale.ROOT, "| records/s | generated tokens/s | free decoding tokens/s (same prompts, same "
          + "length) | extraction / free |%n|---:|---:|---:|---:|%n| %.2f | %.1f | %.1f | %.2f |%n", recordsPerSecond,
          extractTokensPerSecond, freeTokensPerSecond, extractTokensPerSecond / freeTokensPerSecond);
    }
    System.out.println("peak RSS MB " + EncoderBenchmark.peakRssMb());
  }

  private static double freeTokensPerSecond(Generator generator, List<long[]> prompts, int newTokens) {
    GenerationParams greedy = GenerationParams.greedy(newTokens);
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      requests.add(new GenerationRequest("free-" + i, prompts.get(i), greedy, null));
    }
    long start = System.nanoTime();
    List<GenerationResult> results = generator.generate(requests);
    double seconds = (System.nanoTime() - start) / 1e9;
    return results.stream().mapToInt(GenerationResult::generatedTokens).sum() / seconds;
  }

  /** The documents' texts, repeated in order until there are {@code count}. */
  private static List<String> texts(Path jsonl, int count) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> distinct = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (!line.isBlank()) {
        distinct.add(json.readTree(line).get("text").asText());
      }
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(distinct.get(i % distinct.size()));
    }
    return texts;
  }
}
