package io.sluice.models.ner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import io.sluice.models.encoder.ReplacementLayer;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.heads.MinibatchTrainer;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.WindowStates;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The second phase of training: the NER model's own copy of the encoder's last layer ({@link NerTopLayer}) and
 * the head trained on the frozen encoder ({@link NerTrainer}) are fine-tuned together, with DJL's Trainer on the
 * PyTorch engine. The frozen encoder's other layers give the same states every epoch, so the last layer's inputs
 * are computed once per document ({@link EncodedCorpus#encodeWindows}) and a step costs one layer's forward and
 * backward pass instead of the whole encoder's. Both parts start where the first phase ended (the layer as
 * pre-trained, the head as trained on its outputs), which is why a small learning rate and few epochs suffice.
 */
final class TopLayerTrainer {
  /** Optimisation knobs of the fine-tuning phase. */
  record Settings(int epochs, float learningRate, int batchTokens, float entityWeight, long seed) {
    Settings {
      if (epochs <= 0 || learningRate <= 0 || batchTokens <= 0 || entityWeight <= 0) {
        throw new IllegalArgumentException("top-layer training settings must be positive");
      }
    }
  }

  /** One training variant of a document, as in {@link NerTrainer.Example}, without its states. */
  record Variant(GoldDocument gold, boolean lowerCased, boolean listsHidden) {
    static Variant of(NerTrainer.Example e) {
      return new Variant(e.doc().gold(), e.lowerCased(), e.listsHidden());
    }
  }

  /** One window of one variant: the layer's input rows, and per row its features and tag (-1: special token). */
  private record Sample(float[][] states, float[][] features, int[] tags) {}

  private final NerModelConfig config;
  private final Settings settings;

  TopLayerTrainer(NerModelConfig config, Settings settings) {
    this.config = config;
    this.settings = settings;
  }

  /**
   * Fine-tunes a copy of {@code encoder}'s last layer and the head read from {@code headIn} on {@code variants},
   * whose documents' window states are {@code windows}; writes the head to {@code headOut} and the layer to
   * {@code layerOut}. Returns each epoch's mean batch loss.
   */
  List<Float> train(EncoderModel encoder, List<Variant> variants, List<EncodedCorpus.Windows> windows,
      InputStream headIn, OutputStream headOut, OutputStream layerOut, Consumer<String> progress) throws IOException {
    List<Sample> samples = samples(variants, windows);
    List<int[]> batches = batches(samples);
    progress.accept("fine-tuning the top layer on " + samples.size() + " windows in " + batches.size() + " batches");
    int hidden = encoder.config().hiddenSize();
    try (NDManager manager = encoder.encoder().manager().newSubManager()) {
      ReplacementLayer layer = NerTopLayer.copyOfLast(encoder, manager);
      Block head = NerHead.load(config, manager, hidden, new DataInputStream(headIn));
      LayerAndHead block = new LayerAndHead(layer, head, hidden + config.featureWidth(), config.tags().size());
      block.freezeParameters(false);
      Optimizer optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build();
      Shape[] inputShapes = {new Shape(1, 1, hidden), new Shape(1, 1), new Shape(1, 1, config.featureWidth())};
      List<Float> losses = MinibatchTrainer.train(block, new WeightedTagLoss(config.tags().size(),
          settings.entityWeight()), optimizer, inputShapes, new MinibatchTrainer.Batches() {
            @Override
            public int count() {
              return batches.size();
            }

            @Override
            public MinibatchTrainer.Batch get(int index, NDManager step) {
              return batch(samples, batches.get(index), hidden, step);
            }
          }, settings.epochs(), new Random(settings.seed()),
          epoch -> progress.accept("top layer: epoch " + epoch + "/" + settings.epochs() + " done"));
      progress.accept("top layer: epoch losses " + losses);
      head.saveParameters(new DataOutputStream(headOut));
      layer.saveParameters(new DataOutputStream(layerOut));
      return losses;
    }
  }

  private List<Sample> samples(List<Variant> variants, List<EncodedCorpus.Windows> windows) {
    Map<GoldDocument, WindowStates> byDocument = new IdentityHashMap<>();
    windows.forEach(w -> byDocument.put(w.gold(), w.states()));
    float[] special = new float[config.featureWidth()];
    List<Sample> out = new ArrayList<>();
    for (Variant v : variants) {
      WindowStates s = byDocument.get(v.gold());
      float[][] features = NerTrainer.featureRows(config.features(), v.gold().text(), s.starts(), s.ends(),
          v.lowerCased(), v.listsHidden());
      int[] gold = GoldTags.of(v.gold().spans(), s.starts(), s.ends(), config.entities());
      for (WindowStates.Rows w : s.windows()) {
        int length = w.values().length;
        float[][] rowFeatures = new float[length][];
        int[] tags = new int[length];
        Arrays.fill(rowFeatures, special);
        Arrays.fill(tags, -1);
        for (int i = w.start(); i < w.end(); i++) {
          rowFeatures[s.prefix() + i - w.start()] = features[i];
          tags[s.prefix() + i - w.start()] = gold[i];
        }
        out.add(new Sample(w.values(), rowFeatures, tags));
      }
    }
    return out;
  }

  /**
   * Samples of similar length batched together (little padding), each batch at most {@code batchTokens} rows
   * padded; the trainer shuffles the batches' order every epoch.
   */
  private List<int[]> batches(List<Sample> samples) {
    Integer[] order = new Integer[samples.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> samples.get(i).tags().length));
    List<int[]> out = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int to = from + 1;
      while (to < order.length && (to - from + 1) * samples.get(order[to]).tags().length <= settings.batchTokens()) {
        to++;
      }
      out.add(Arrays.stream(order, from, to).mapToInt(Integer::intValue).toArray());
      from = to;
    }
    return out;
  }

  private MinibatchTrainer.Batch batch(List<Sample> samples, int[] members, int hidden, NDManager step) {
    int length = Arrays.stream(members).map(i -> samples.get(i).tags().length).max().orElseThrow();
    int width = config.featureWidth();
    int n = members.length;
    float[] states = new float[n * length * hidden];
    float[] features = new float[n * length * width];
    long[][] mask = new long[n][length];
    int[] tags = new int[n * length];
    Arrays.fill(tags, -1);
    for (int b = 0; b < n; b++) {
      Sample s = samples.get(members[b]);
      for (int r = 0; r < s.tags().length; r++) {
        int row = b * length + r;
        System.arraycopy(s.states()[r], 0, states, row * hidden, hidden);
        System.arraycopy(s.features()[r], 0, features, row * width, width);
        tags[row] = s.tags()[r];
        mask[b][r] = 1;
      }
    }
    NDList data = new NDList(step.create(FloatBuffer.wrap(states), new Shape(n, length, hidden)), step.create(mask),
        step.create(FloatBuffer.wrap(features), new Shape(n, length, width)));
    return new MinibatchTrainer.Batch(data, new NDList(step.create(tags)));
  }

  /**
   * The trained unit: the layer on the window's states, then per row [layer output ; features] through the head.
   * Inputs: states [batch, seq, hidden], attention mask [batch, seq], features [batch, seq, width]; output: tag
   * logits [batch * seq, tags].
   */
  private static final class LayerAndHead extends AbstractBlock {
    private final ReplacementLayer layer;
    private final Block head;
    private final int headInput;
    private final int tags;

    LayerAndHead(ReplacementLayer layer, Block head, int headInput, int tags) {
      this.layer = addChildBlock("layer", layer);
      this.head = addChildBlock("head", head);
      this.headInput = headInput;
      this.tags = tags;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
        PairList<String, Object> params) {
      NDArray out = layer.apply(ps, inputs.get(0), inputs.get(1), training);
      NDArray rows = out.concat(inputs.get(2), -1).reshape(-1, headInput);
      return head.forward(ps, new NDList(rows), training);
    }

    /** Both parts arrive with their weights (copied, loaded): this only registers them with the trainer. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
      layer.initialize(manager, dataType, inputShapes[0], inputShapes[1]);
      head.initialize(manager, dataType, new Shape(1, headInput));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return new Shape[] {new Shape(inputShapes[0].get(0) * inputShapes[0].get(1), tags)};
    }
  }
}
