package io.sluice.models.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.sluice.models.encoder.NamingOnlyBlock;

/** HF "mlp": down_proj(silu(gate_proj(x)) * up_proj(x)). */
final class SwiGluMlp extends NamingOnlyBlock {
  private final DecoderLinear gate;
  private final DecoderLinear up;
  private final DecoderLinear down;

  SwiGluMlp(DecoderConfig c) {
    this.gate = addChildBlock("gate_proj", new DecoderLinear(c.hiddenSize(), c.intermediateSize(), c.mlpBias()));
    this.up = addChildBlock("up_proj", new DecoderLinear(c.hiddenSize(), c.intermediateSize(), c.mlpBias()));
    this.down = addChildBlock("down_proj", new DecoderLinear(c.intermediateSize(), c.hiddenSize(), c.mlpBias()));
  }

  NDArray apply(ParameterStore ps, NDArray x) {
    NDArray g = gate.apply(ps, x);
    NDArray activated = g.mul(Activation.sigmoid(g)); // silu
    return down.apply(ps, activated.muli(up.apply(ps, x)));
  }
}
