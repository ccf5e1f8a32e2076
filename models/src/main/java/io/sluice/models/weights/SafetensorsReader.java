package io.sluice.models.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a .safetensors file (8-byte little-endian header length, JSON header, raw little-endian data) into
 * FP32 tensors. F16 and BF16 are widened in Java; integer tensors (buffers such as position_ids) are skipped.
 */
public final class SafetensorsReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER = 100L * 1024 * 1024;

  private SafetensorsReader() {}

  public static Map<String, Tensor> read(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw new WeightFormatException("not a safetensors file (too short): " + file.getFileName());
      }
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0);
      long headerLen = lenBuf.flip().getLong();
      if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
        throw new WeightFormatException("not a safetensors file (bad header length): " + file.getFileName());
      }
      ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
      readFully(ch, headerBuf, 8);
      JsonNode header = JSON.readTree(headerBuf.array());
      long dataStart = 8 + headerLen;
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("__metadata__")) {
          continue;
        }
        Tensor t = readTensor(ch, e.getKey(), e.getValue(), dataStart, size, file);
        if (t != null) {
          out.put(t.name(), t);
        }
      }
      return out;
    } catch (IOException e) {
      throw new WeightFormatException("cannot read safetensors file " + file.getFileName(), e);
    }
  }

  private static Tensor readTensor(FileChannel ch, String name, JsonNode info, long dataStart, long fileSize,
      Path file) throws IOException {
    String dtype = info.path("dtype").asText();
    int width = switch (dtype) {
      case "F32" -> 4;
      case "F16", "BF16" -> 2;
      case "F64" -> 8;
      default -> 0;
    };
    if (width == 0) {
      return null;
    }
    JsonNode shapeNode = info.path("shape");
    long[] shape = new long[shapeNode.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asLong();
      count *= shape[i];
    }
    long begin = info.path("data_offsets").path(0).asLong(-1);
    long end = info.path("data_offsets").path(1).asLong(-1);
    if (begin < 0 || end < begin || dataStart + end > fileSize || end - begin != count * width) {
      throw new WeightFormatException("bad data offsets for tensor " + name + " in " + file.getFileName());
    }
    if (count > Integer.MAX_VALUE) {
      throw new WeightFormatException("tensor " + name + " is too large for one Java array");
    }
    MappedByteBuffer bb = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin);
    bb.order(ByteOrder.LITTLE_ENDIAN);
    float[] data = new float[(int) count];
    switch (dtype) {
      case "F32" -> bb.asFloatBuffer().get(data);
      case "F64" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) bb.getDouble();
        }
      }
      case "F16" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = HalfFloats.fp16ToFloat(bb.getShort());
        }
      }
      default -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = HalfFloats.bf16ToFloat(bb.getShort());
        }
      }
    }
    return new Tensor(name, shape, data);
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      pos += n;
    }
  }
}
