package io.sluice.models.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format over a slice of a byte array. ONNX files are plain protobuf; reading the
 * few messages we need by hand avoids pulling a protobuf runtime and generated ONNX classes into the runtime.
 * Length-delimited fields are returned as sub-readers over the same array, so large raw tensors are never copied.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] buf;
  private int pos;
  private final int limit;
  private int tag;

  ProtoReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new OnnxFormatException("slice outside buffer");
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
  }

  /** Advances to the next field; false at the end of this message. */
  boolean next() {
    if (pos >= limit) {
      return false;
    }
    tag = (int) readVarint();
    if (tag >>> 3 == 0) {
      throw new OnnxFormatException("invalid field number 0 at byte " + pos);
    }
    return true;
  }

  int field() {
    return tag >>> 3;
  }

  int wireType() {
    return tag & 7;
  }

  long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= limit) {
        throw new OnnxFormatException("truncated varint");
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new OnnxFormatException("malformed varint");
  }

  /** The payload of a length-delimited field as a reader over the same bytes. */
  ProtoReader readMessage() {
    int length = readLength();
    ProtoReader sub = new ProtoReader(buf, pos, length);
    pos += length;
    return sub;
  }

  String readString() {
    int length = readLength();
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /** Start offset (in the backing array) and length of a length-delimited payload; skips over it. */
  long[] readBytesRange() {
    int length = readLength();
    long[] range = {pos, length};
    pos += length;
    return range;
  }

  byte[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  int limit() {
    return limit;
  }

  void skip() {
    switch (wireType()) {
      case VARINT -> readVarint();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> advance(readLength());
      case FIXED32 -> advance(4);
      default -> throw new OnnxFormatException("unsupported wire type " + wireType());
    }
  }

  private int readLength() {
    long length = readVarint();
    if (length < 0 || length > limit - pos) {
      throw new OnnxFormatException("length " + length + " exceeds message bounds");
    }
    return (int) length;
  }

  private void advance(int n) {
    if (n > limit - pos) {
      throw new OnnxFormatException("truncated field");
    }
    pos += n;
  }
}
