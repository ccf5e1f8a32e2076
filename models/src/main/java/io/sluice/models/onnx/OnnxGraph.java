package io.sluice.models.onnx;

import io.sluice.models.weights.Tensor;
import java.util.List;
import java.util.Map;

/** The parts of an ONNX model we use: floating-point initializers (as FP32) and the node list. */
public record OnnxGraph(
    Map<String, Tensor> initializers, List<OnnxNode> nodes, List<String> inputs, List<String> outputs) {}
