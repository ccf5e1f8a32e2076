package io.sluice.models.onnx;

import java.util.List;

/** One graph node: what we need to trace which initializer feeds which operation. */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs) {}
