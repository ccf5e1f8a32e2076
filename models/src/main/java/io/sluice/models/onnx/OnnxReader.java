package io.sluice.models.onnx;

import io.sluice.models.weights.HalfFloats;
import io.sluice.models.weights.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses ModelProto -> GraphProto -> (NodeProto, TensorProto initializers, graph inputs/outputs) from the
 * protobuf wire format. Field numbers are from onnx.proto3. Only floating-point initializers are kept
 * (integer ones are shape constants); tensors stored outside the file (external data) are refused.
 */
public final class OnnxReader {
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_INPUT = 11;
  private static final int GRAPH_OUTPUT = 12;
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_NAME = 3;
  private static final int NODE_OP_TYPE = 4;
  private static final int VALUE_INFO_NAME = 1;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int TENSOR_DOUBLE_DATA = 10;
  private static final int TENSOR_DATA_LOCATION = 14;

  private static final int TYPE_FLOAT = 1;
  private static final int TYPE_FLOAT16 = 10;
  private static final int TYPE_DOUBLE = 11;
  private static final int TYPE_BFLOAT16 = 16;

  private OnnxReader() {}

  public static OnnxGraph read(byte[] model) {
    ProtoReader reader = new ProtoReader(model, 0, model.length);
    ProtoReader graph = null;
    while (reader.next()) {
      if (reader.field() == MODEL_GRAPH && reader.wireType() == ProtoReader.LENGTH_DELIMITED) {
        graph = reader.readMessage();
      } else {
        reader.skip();
      }
    }
    if (graph == null) {
      throw new OnnxFormatException("no graph in ONNX model");
    }
    return readGraph(graph);
  }

  private static OnnxGraph readGraph(ProtoReader graph) {
    Map<String, Tensor> initializers = new LinkedHashMap<>();
    List<OnnxNode> nodes = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    while (graph.next()) {
      if (graph.wireType() != ProtoReader.LENGTH_DELIMITED) {
        graph.skip();
        continue;
      }
      switch (graph.field()) {
        case GRAPH_NODE -> nodes.add(readNode(graph.readMessage()));
        case GRAPH_INITIALIZER -> {
          Tensor t = readTensor(graph.readMessage());
          if (t != null) {
            initializers.put(t.name(), t);
          }
        }
        case GRAPH_INPUT -> inputs.add(readValueInfoName(graph.readMessage()));
        case GRAPH_OUTPUT -> outputs.add(readValueInfoName(graph.readMessage()));
        default -> graph.skip();
      }
    }
    return new OnnxGraph(initializers, nodes, inputs, outputs);
  }

  private static OnnxNode readNode(ProtoReader node) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>();
    String name = "";
    String op = "";
    while (node.next()) {
      switch (node.field()) {
        case NODE_INPUT -> in.add(node.readString());
        case NODE_OUTPUT -> out.add(node.readString());
        case NODE_NAME -> name = node.readString();
        case NODE_OP_TYPE -> op = node.readString();
        default -> node.skip();
      }
    }
    return new OnnxNode(name, op, in, out);
  }

  private static String readValueInfoName(ProtoReader valueInfo) {
    String name = "";
    while (valueInfo.next()) {
      if (valueInfo.field() == VALUE_INFO_NAME) {
        name = valueInfo.readString();
      } else {
        valueInfo.skip();
      }
    }
    return name;
  }

  /** Returns null for tensors that are not floating point. */
  private static Tensor readTensor(ProtoReader t) {
    List<Long> dims = new ArrayList<>();
    int dataType = 0;
    String name = "";
    long[] raw = null;
    FloatList floats = new FloatList();
    List<Integer> int32 = new ArrayList<>();
    while (t.next()) {
      switch (t.field()) {
        case TENSOR_DIMS -> readInts(t, dims);
        case TENSOR_DATA_TYPE -> dataType = (int) t.readVarint();
        case TENSOR_NAME -> name = t.readString();
        case TENSOR_RAW_DATA -> raw = t.readBytesRange();
        case TENSOR_FLOAT_DATA -> readFloats(t, floats);
        case TENSOR_DOUBLE_DATA -> readDoubles(t, floats);
        case TENSOR_INT32_DATA -> {
          List<Long> values = new ArrayList<>();
          readInts(t, values);
          values.forEach(v -> int32.add(v.intValue()));
        }
        case TENSOR_DATA_LOCATION -> {
          if (t.readVarint() != 0) {
            throw new OnnxFormatException("tensor " + name + " uses external data, which is not supported");
          }
        }
        default -> t.skip();
      }
    }
    if (dataType != TYPE_FLOAT && dataType != TYPE_FLOAT16 && dataType != TYPE_BFLOAT16
        && dataType != TYPE_DOUBLE) {
      return null;
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    float[] values;
    if (raw != null) {
      values = decodeRaw(t.buffer(), (int) raw[0], (int) raw[1], dataType, name);
    } else if (dataType == TYPE_FLOAT16 || dataType == TYPE_BFLOAT16) {
      // 16-bit floats without raw_data are stored one per int32_data entry
      values = new float[int32.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = dataType == TYPE_FLOAT16
            ? HalfFloats.fp16ToFloat(int32.get(i)) : HalfFloats.bf16ToFloat(int32.get(i));
      }
    } else {
      values = floats.toArray();
    }
    return new Tensor(name, shape, values);
  }

  private static float[] decodeRaw(byte[] buf, int offset, int length, int dataType, String name) {
    ByteBuffer bb = ByteBuffer.wrap(buf, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    int width = switch (dataType) {
      case TYPE_FLOAT -> 4;
      case TYPE_DOUBLE -> 8;
      default -> 2;
    };
    if (length % width != 0) {
      throw new OnnxFormatException("raw data of tensor " + name + " is not a whole number of elements");
    }
    float[] out = new float[length / width];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (dataType) {
        case TYPE_FLOAT -> bb.getFloat();
        case TYPE_DOUBLE -> (float) bb.getDouble();
        case TYPE_FLOAT16 -> HalfFloats.fp16ToFloat(bb.getShort());
        default -> HalfFloats.bf16ToFloat(bb.getShort());
      };
    }
    return out;
  }

  /** Repeated integer fields may be packed (one length-delimited run) or one varint per entry. */
  private static void readInts(ProtoReader t, List<Long> out) {
    if (t.wireType() == ProtoReader.LENGTH_DELIMITED) {
      ProtoReader packed = t.readMessage();
      while (packed.position() < packed.limit()) {
        out.add(packed.readVarint());
      }
    } else {
      out.add(t.readVarint());
    }
  }

  private static void readFloats(ProtoReader t, FloatList out) {
    if (t.wireType() == ProtoReader.LENGTH_DELIMITED) {
      long[] range = t.readBytesRange();
      ByteBuffer bb = ByteBuffer.wrap(t.buffer(), (int) range[0], (int) range[1]).order(ByteOrder.LITTLE_ENDIAN);
      while (bb.remaining() >= 4) {
        out.add(bb.getFloat());
      }
    } else if (t.wireType() == ProtoReader.FIXED32) {
      long[] range = fixed(t, 4);
      out.add(ByteBuffer.wrap(t.buffer(), (int) range[0], 4).order(ByteOrder.LITTLE_ENDIAN).getFloat());
    } else {
      t.skip();
    }
  }

  private static void readDoubles(ProtoReader t, FloatList out) {
    if (t.wireType() == ProtoReader.LENGTH_DELIMITED) {
      long[] range = t.readBytesRange();
      ByteBuffer bb = ByteBuffer.wrap(t.buffer(), (int) range[0], (int) range[1]).order(ByteOrder.LITTLE_ENDIAN);
      while (bb.remaining() >= 8) {
        out.add((float) bb.getDouble());
      }
    } else if (t.wireType() == ProtoReader.FIXED64) {
      long[] range = fixed(t, 8);
      out.add((float) ByteBuffer.wrap(t.buffer(), (int) range[0], 8).order(ByteOrder.LITTLE_ENDIAN).getDouble());
    } else {
      t.skip();
    }
  }

  private static long[] fixed(ProtoReader t, int width) {
    long[] range = {t.position(), width};
    t.skip();
    return range;
  }

  /** Growable float array, to avoid boxing millions of values. */
  private static final class FloatList {
    private float[] values = new float[16];
    private int size;

    void add(float v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
