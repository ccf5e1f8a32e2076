package io.sluice.models.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {
  /** Builds a safetensors file by hand so that BF16/F16 bytes never pass through DJL. */
  private static Path file(Path dir, String header, byte[] data) throws Exception {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
    out.write(h);
    out.write(data);
    Path p = dir.resolve("w.safetensors");
    Files.write(p, out.toByteArray());
    return p;
  }

  private static byte[] shorts(int... v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int x : v) {
      b.putShort((short) x);
    }
    return b.array();
  }

  @Test
  void bf16AndF16AreWidenedToFp32InJava(@TempDir Path dir) throws Exception {
    // bf16: 1.0 = 0x3F80, -2.5 = 0xC020; f16: 1.0 = 0x3C00, 0.5 = 0x3800, -2 = 0xC000, 65504 = 0x7BFF
    byte[] bf = shorts(0x3F80, 0xC020);
    byte[] f16 = shorts(0x3C00, 0x3800, 0xC000, 0x7BFF);
    byte[] ids = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(1).array();
    byte[] data = new byte[bf.length + f16.length + ids.length];
    System.arraycopy(bf, 0, data, 0, 4);
    System.arraycopy(f16, 0, data, 4, 8);
    System.arraycopy(ids, 0, data, 12, 16);
    String header = "{\"__metadata__\":{\"format\":\"pt\"},"
        + "\"a\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
        + "\"b\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[4,12]},"
        + "\"position_ids\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[12,28]}}";
    Map<String, Tensor> t = SafetensorsReader.read(file(dir, header, data));
    assertArrayEquals(new float[] {1f, -2.5f}, t.get("a").data());
    assertArrayEquals(new float[] {1f, 0.5f, -2f, 65504f}, t.get("b").data());
    assertArrayEquals(new long[] {2, 2}, t.get("b").shape());
    assertFalse(t.containsKey("position_ids"), "integer buffers are not weights");
  }

  @Test
  void corruptFilesFailWithAClearError(@TempDir Path dir) throws Exception {
    Path tooShort = dir.resolve("short.safetensors");
    Files.write(tooShort, new byte[3]);
    assertThrows(WeightFormatException.class, () -> SafetensorsReader.read(tooShort));
    Path badOffsets = file(dir, "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
    WeightFormatException e = assertThrows(WeightFormatException.class, () -> SafetensorsReader.read(badOffsets));
    assertEquals(true, e.getMessage().contains("bad data offsets"));
  }

  @Test
  void halfFloatEdgeCases() {
    assertEquals(0f, HalfFloats.fp16ToFloat(0));
    assertEquals(Float.POSITIVE_INFINITY, HalfFloats.fp16ToFloat(0x7C00));
    assertEquals(true, Float.isNaN(HalfFloats.fp16ToFloat(0x7E00)));
    assertEquals((float) Math.pow(2, -24), HalfFloats.fp16ToFloat(1));
    assertEquals(-0f, HalfFloats.bf16ToFloat(0x8000));
  }

  @Test
  void digestOfOneFileIsItsSha256(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("x");
    Files.writeString(p, "abc");
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", WeightDigest.sha256(List.of(p)));
    WeightDigest.check(null, "anything", "x");
    assertThrows(WeightFormatException.class, () -> WeightDigest.check("00", "ba78", "x"));
  }
}
