package io.sluice.models.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Generation with an output check: requests whose output fails the check are generated again with a new seed,
 * together, until they pass or run out of attempts. Every request ends with exactly one outcome.
 */
public final class CheckedGeneration {
  /** Added to a request's seed for each retry (an odd constant, so retries never repeat a seed). */
  static final long RETRY_SEED_STEP = 0x632BE59BD9B4E019L;

  private CheckedGeneration() {}

  /**
   * @param result the last attempt's result
   * @param problem null when the output passed (or no check was asked for), else why the last attempt failed
   */
  public record Outcome(GenerationResult result, int attempts, long seed, String problem) {
    public boolean failed() {
      return problem != null || result.finish() == GenerationResult.FinishReason.ERROR;
    }
  }

  /** Outcomes in request order; {@code check} null accepts everything. */
  public static List<Outcome> generate(Generator generator, List<GenerationRequest> requests, OutputCheck check,
      int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    Outcome[] outcomes = new Outcome[requests.size()];
    List<Integer> pending = new ArrayList<>();
    List<GenerationRequest> current = new ArrayList<>(requests);
    for (int i = 0; i < requests.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<GenerationRequest> batch = new ArrayList<>();
      pending.forEach(i -> batch.add(current.get(i)));
      List<GenerationResult> results = generator.generate(batch);
      List<Integer> again = new ArrayList<>();
      for (int r = 0; r < results.size(); r++) {
        int i = pending.get(r);
        GenerationResult result = results.get(r);
        GenerationRequest request = current.get(i);
        boolean errored = result.finish() == GenerationResult.FinishReason.ERROR;
        String problem = errored || check == null ? null : check.problem(result.text());
        if (problem != null && attempt < attempts) {
          GenerationParams p = request.params();
          current.set(i, new GenerationRequest(request.id(), request.promptIds(),
              p.withSeed(p.seed() + RETRY_SEED_STEP), request.constraints()));
          again.add(i);
        } else {
          outcomes[i] = new Outcome(result, attempt, request.params().seed(), problem);
        }
      }
      pending = again;
    }
    return List.of(outcomes);
  }
}
