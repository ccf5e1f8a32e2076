package io.sluice.models.moderation;

import ai.djl.ndarray.NDManager;
import io.sluice.models.runtime.EncoderModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Our moderation head ({@link ModerationModelFiles}) on an encoder: each text is cut into sentence chunks
 * ({@link ModerationChunks}); per chunk, sentence features and lexical features -> head -> sigmoid; per text,
 * each category's maximum over its chunks. The head's weights live in their own manager on the encoder's
 * device, in FP32.
 */
final class HeadModerationScorer implements ModerationScorer {
  private final EncoderModel encoder;
  private final NDManager headManager;
  private final ModerationHead head;
  private final float[] thresholds;
  private final LexicalFeatures lexical;

  HeadModerationScorer(EncoderModel encoder, ModerationModelFiles files) {
    if (!files.labels().equals(TrainModeration.labels())) {
      throw new IllegalArgumentException("moderation head labels " + files.labels() + " are not the categories "
          + TrainModeration.labels());
    }
    this.encoder = encoder;
    this.headManager = encoder.encoder().manager().newSubManager();
    try {
      this.lexical = files.lexicalFeatures();
      this.head = new ModerationHead(files.config().inputSize(), files.config().hiddenSize(), files.labels().size(),
          files.config().lexicalBuckets(), 0f);
      head.initialize(headManager);
      head.load(files.weights());
    } catch (RuntimeException e) {
      headManager.close();
      throw e;
    }
    this.thresholds = files.thresholdArray();
  }

  @Override
  public String id() {
    return encoder.id() + "+moderation-head";
  }

  @Override
  public float[][] score(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    List<String> chunks = new ArrayList<>();
    int[] firstChunk = new int[texts.size() + 1];
    for (int i = 0; i < texts.size(); i++) {
      firstChunk[i] = chunks.size();
      chunks.addAll(ModerationChunks.of(texts.get(i)));
    }
    firstChunk[texts.size()] = chunks.size();
    float[][] embeddings = SentenceFeatures.of(encoder, chunks);
    List<LexicalFeatures.Sparse> lexicalFeatures = chunks.stream()
        .map(c -> lexical == null ? LexicalFeatures.NONE : lexical.of(c)).toList();
    float[][] chunkScores = head.probabilities(headManager, embeddings, lexicalFeatures);
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) {
      out[i] = chunkScores[firstChunk[i]].clone();
      double spam = 0;
      int words = 0;
      for (int c = firstChunk[i]; c < firstChunk[i + 1]; c++) {
        for (int k = 0; k < out[i].length; k++) {
          out[i][k] = Math.max(out[i][k], chunkScores[c][k]);
        }
        int w = Math.max(1, ModerationChunks.words(chunks.get(c)));
        spam += w * chunkScores[c][ModerationCategory.SPAM.ordinal()];
        words += w;
      }
      // spam describes a whole message, not a sentence: an invoice line with an amount and a phone number reads
      // like SMS spam on its own, so spam takes the chunks' mean weighted by words; harm anywhere is harm (max)
      out[i][ModerationCategory.SPAM.ordinal()] = (float) (spam / words);
    }
    return out;
  }

  @Override
  public Set<ModerationCategory> covered() {
    return EnumSet.allOf(ModerationCategory.class);
  }

  @Override
  public float[] defaultThresholds() {
    return thresholds.clone();
  }

  @Override
  public long tokensProcessed() {
    return encoder.stats().realTokens();
  }

  @Override
  public void close() {
    headManager.close();
    encoder.close();
  }
}
