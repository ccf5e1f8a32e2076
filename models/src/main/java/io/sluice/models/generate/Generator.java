package io.sluice.models.generate;

import io.sluice.models.decoder.KvCache;
import io.sluice.models.decoder.LoadedDecoder;
import io.sluice.models.generate.GenerationResult.FinishReason;
import io.sluice.models.text.TextTokenizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates continuations for a list of requests with continuous batching: up to {@code maxBatch} sequences
 * share a KV cache; each step decodes one token for all of them; a finished sequence's slot is refilled from the
 * queue at once (fresh prompts are prefilled together), so the batch stays full until the queue is empty.
 * One instance per thread; the loaded model is shared.
 */
public final class Generator {
  private static final Logger LOG = LoggerFactory.getLogger(Generator.class);
  private final LoadedDecoder decoder;
  private final TextTokenizer tokenizer;
  private final int maxBatch;

  public Generator(LoadedDecoder decoder, TextTokenizer tokenizer, int maxBatch) {
    if (maxBatch <= 0) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.decoder = decoder;
    this.tokenizer = tokenizer;
    this.maxBatch = maxBatch;
  }

  /** Results in request order. */
  public List<GenerationResult> generate(List<GenerationRequest> requests) {
    GenerationResult[] results = new GenerationResult[requests.size()];
    int context = decoder.config().maxPositions();
    Deque<Integer> queue = new ArrayDeque<>();
    int capacity = 1;
    for (int i = 0; i < requests.size(); i++) {
      GenerationRequest r = requests.get(i);
      if (r.promptIds().length >= context) {
        results[i] = failed(r, "prompt of " + r.promptIds().length + " tokens leaves no room in the model's context of "
            + context + " tokens");
        continue;
      }
      queue.add(i);
      capacity = Math.max(capacity, Math.min(context, r.promptIds().length + r.params().maxNewTokens()));
    }
    if (queue.isEmpty()) {
      return List.of(results);
    }
    int slots = Math.min(maxBatch, queue.size());
    try (KvCache cache = decoder.newCache(slots, capacity)) {
      new Run(cache, requests, results, queue).untilDone();
    }
    return List.of(results);
  }

  /** The state of one generate call: which request occupies which slot. */
  private final class Run {
    private final KvCache cache;
    private final List<GenerationRequest> requests;
    private final GenerationResult[] results;
    private final Deque<Integer> queue;
    private final SequenceState[] bySlot;
    private final int[] requestIndex;

    Run(KvCache cache, List<GenerationRequest> requests, GenerationResult[] results, Deque<Integer> queue) {
      this.cache = cache;
      this.requests = requests;
      this.results = results;
      this.queue = queue;
      this.bySlot = new SequenceState[cache.slots()];
      this.requestIndex = new int[cache.slots()];
    }

    void untilDone() {
      while (!queue.isEmpty() || anyActive()) {
        admit();
        if (anyActive()) {
          decodeStep();
        }
      }
    }

    private void admit() {
      List<Integer> free = new ArrayList<>();
      for (int s = 0; s < bySlot.length; s++) {
        if (bySlot[s] == null && !queue.isEmpty()) {
          free.add(s);
          requestIndex[s] = queue.poll();
          bySlot[s] = new SequenceState(requests.get(requestIndex[s]), decoder.config().vocabSize());
        }
      }
      if (free.isEmpty()) {
        return;
      }
      int[] slots = free.stream().mapToInt(Integer::intValue).toArray();
      long[][] prompts = new long[slots.length][];
      for (int i = 0; i < slots.length; i++) {
        prompts[i] = bySlot[slots[i]].request.promptIds();
      }
      float[][] logits = decoder.prefill(cache, slots, prompts);
      for (int i = 0; i < slots.length; i++) {
        advance(slots[i], logits[i]);
      }
    }

    private void decodeStep() {
      long[] tokens = new long[bySlot.length];
      boolean[] active = new boolean[bySlot.length];
      for (int s = 0; s < bySlot.length; s++) {
        if (bySlot[s] != null) {
          active[s] = true;
          tokens[s] = bySlot[s].lastToken();
        }
      }
      float[][] logits = decoder.decode(cache, tokens, active);
      for (int s = 0; s < bySlot.length; s++) {
        if (active[s]) {
          advance(s, logits[s]);
        }
      }
    }

    /** Chooses the slot's next token and either keeps the sequence going or finishes it. */
    private void advance(int slot, float[] logits) {
      SequenceState seq = bySlot[slot];
      GenerationParams p = seq.request.params();
      int token;
      try {
        token = seq.chooseNext(logits);
      } catch (RuntimeException e) {
        // the result carries only the message; the trace goes to the debug log (ids and counts, never text)
        LOG.debug("request {}: generation stopped after {} tokens", seq.request.id(), seq.outputCount(), e);
        finish(slot, FinishReason.ERROR, "generation stopped after " + seq.outputCount() + " tokens: " + e.getMessage());
        return;
      }
      if (p.stopTokens().contains(token)) {
        finish(slot, FinishReason.STOP, null);
        return;
      }
      seq.append(token);
      if (seq.constraint != null && seq.constraint.isComplete()) {
        finish(slot, FinishReason.STOP, null);
      } else if (!p.stopStrings().isEmpty() && stopStringIndex(tokenizer.decode(seq.output()), p) >= 0) {
        finish(slot, FinishReason.STOP, null);
      } else if (seq.outputCount() >= p.maxNewTokens() || cache.length(slot) >= cache.capacity()) {
        finish(slot, FinishReason.LENGTH, null);
      }
    }

    private void finish(int slot, FinishReason reason, String error) {
      SequenceState seq = bySlot[slot];
      long[] ids = seq.output();
      String text = tokenizer.decode(ids);
      int stop = stopStringIndex(text, seq.request.params());
      if (stop >= 0) {
        text = text.substring(0, stop);
      }
      results[requestIndex[slot]] = new GenerationResult(seq.request.id(), ids, text, seq.request.promptIds().length,
          reason, error);
      bySlot[slot] = null;
      cache.release(slot);
    }

    private boolean anyActive() {
      return Arrays.stream(bySlot).anyMatch(s -> s != null);
    }
  }

  /** Where the earliest stop string starts in the text, or -1. */
  private static int stopStringIndex(String text, GenerationParams p) {
    int first = -1;
    for (String stop : p.stopStrings()) {
      int at = text.indexOf(stop);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

  private static GenerationResult failed(GenerationRequest r, String why) {
    return new GenerationResult(r.id(), new long[0], "", r.promptIds().length, FinishReason.ERROR, why);
  }
}
