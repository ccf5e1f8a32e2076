package io.sluice.pipelines.io;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;

/**
 * An Avro container file sink whose sync marker is derived from the schema instead of drawn at random (Avro's
 * default), so the same records give the same bytes: what synthesis promises for its outputs. The marker only has
 * to be unlikely to occur in the data; a digest of the schema is as unlikely as a random one.
 */
final class DeterministicAvroSink implements FileIO.Sink<GenericRecord> {
  private final String schemaJson;
  private transient DataFileWriter<GenericRecord> writer;

  DeterministicAvroSink(Schema schema) {
    this.schemaJson = schema.toString();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    Schema schema = new Schema.Parser().parse(schemaJson);
    writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema)).setCodec(CodecFactory.snappyCodec());
    writer.create(schema, Channels.newOutputStream(channel), syncMarker(schemaJson));
  }

  @Override
  public void write(GenericRecord record) throws IOException {
    writer.append(record);
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  static byte[] syncMarker(String schemaJson) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(schemaJson.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(digest, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
