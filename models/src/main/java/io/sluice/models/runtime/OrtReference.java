package io.sluice.models.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * ONNX Runtime running an encoder's ONNX file: the reference our encoder's numerics and speed are checked
 * against (never the production runtime). Inputs are input_ids, attention_mask and, when the graph has it,
 * token_type_ids (all zero); the first output is last_hidden_state.
 */
public final class OrtReference implements AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;

  public OrtReference(byte[] onnxModel, int intraOpThreads) {
    try {
      env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(onnxModel, options);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not load the model", e);
    }
  }

  /** Flat row-major [batch, seq, hidden]. */
  public float[] lastHiddenState(long[][] ids, long[][] mask) {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, new long[ids.length][ids[0].length]));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer fb = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime inference failed", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing ONNX Runtime session failed", e);
    }
  }
}
