package io.sluice.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/**
 * One post-norm transformer layer with HF BERT names:
 * attention.{self,output}, intermediate.dense, output.{dense,LayerNorm}.
 */
final class TransformerLayer extends HiddenStatesBlock {
  private final EncoderConfig config;
  private final SelfAttention selfAttention;
  private final ResidualOutput attentionOutput;
  private final HfLinear intermediate;
  private final ResidualOutput output;

  TransformerLayer(EncoderConfig config) {
    this.config = config;
    Attention attention = addChildBlock("attention", new Attention(config));
    this.selfAttention = attention.self;
    this.attentionOutput = attention.output;
    Intermediate inter = addChildBlock("intermediate", new Intermediate(config));
    this.intermediate = inter.dense;
    this.output = addChildBlock("output", new ResidualOutput(config, config.intermediateSize()));
  }

  NDArray apply(ParameterStore ps, NDArray x, NDArray additiveMask, boolean training) {
    try (Temporaries t = new Temporaries(training)) {
      NDArray attended = t.add(attentionOutput.apply(ps, t.add(selfAttention.apply(ps, x, additiveMask, training)),
          x, training));
      NDArray expanded = t.add(activate(t.add(intermediate.apply(ps, attended, training))));
      return output.apply(ps, expanded, attended, training);
    }
  }

  private NDArray activate(NDArray x) {
    return switch (config.activation()) {
      case "gelu" -> Activation.gelu(x);
      case "relu" -> Activation.relu(x);
      // gelu_new: the tanh approximation, 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
      default -> x.mul(x.pow(3).mul(0.044715f).add(x).mul((float) Math.sqrt(2 / Math.PI)).tanh().add(1f)).mul(0.5f);
    };
  }

  /** Only groups "self" and "output" under the HF name "attention"; the layer drives them. */
  private static final class Attention extends NamingOnlyBlock {
    final SelfAttention self;
    final ResidualOutput output;

    Attention(EncoderConfig config) {
      this.self = addChildBlock("self", new SelfAttention(config));
      this.output = addChildBlock("output", new ResidualOutput(config, config.hiddenSize()));
    }
  }

  /** Only holds "dense" under the HF name "intermediate". */
  private static final class Intermediate extends NamingOnlyBlock {
    final HfLinear dense;

    Intermediate(EncoderConfig config) {
      this.dense = addChildBlock("dense", new HfLinear(config.hiddenSize(), config.intermediateSize()));
    }
  }
}
