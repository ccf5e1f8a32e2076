package io.sluice.pipelines.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.beam.sdk.io.FileIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes Avro records as Parquet (snappy, as Beam's {@code ParquetIO.sink}) with two changes that matter for
 * document-sized strings, each measured as a large share of a sweep's write time:
 * <ul>
 *   <li>free-text columns are written without dictionary encoding: every value is distinct, so the dictionary
 *       only costs a hash of each value until it overflows, then a rewrite of the page as plain values;
 *   <li>strings reach the writer as {@link Utf8}: parquet-avro encodes a {@code java.lang.String} through a
 *       CharsetEncoder over a CharBuffer, char by char, while {@code new Utf8(String)} uses
 *       {@code String.getBytes(UTF_8)}, which the JVM vectorizes.
 * </ul>
 * The file content read back is the same records either way.
 */
final class ParquetRecordSink<T extends GenericRecord> implements FileIO.Sink<T> {
  private final String schemaJson;
  private final List<String> plainColumns;
  private transient Schema schema;
  private transient ParquetWriter<GenericRecord> writer;

  /**
   * @param plainColumns top-level columns written without dictionary encoding (those absent from the schema are
   *     ignored)
   */
  ParquetRecordSink(Schema schema, List<String> plainColumns) {
    this.schemaJson = schema.toString();
    this.plainColumns = List.copyOf(plainColumns);
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    schema = new Schema.Parser().parse(schemaJson);
    AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(new ChannelOutputFile(channel))
        .withSchema(schema)
        .withDataModel(GenericData.get())
        .withConf(new Configuration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
    for (String column : plainColumns) {
      if (schema.getField(column) != null) {
        builder.withDictionaryEncoding(column, false);
      }
    }
    writer = builder.build();
  }

  @Override
  public void write(T record) throws IOException {
    writer.write(withUtf8Strings(record));
  }

  /** Parquet's footer is written on close: Beam's sinks flush once, at the end of the file. */
  @Override
  public void flush() throws IOException {
    writer.close();
  }

  /** A copy whose top-level strings are {@link Utf8}; the element itself is not modified. */
  private GenericRecord withUtf8Strings(T record) {
    GenericData.Record copy = new GenericData.Record(schema);
    for (int i = 0; i < schema.getFields().size(); i++) {
      Object value = record.get(i);
      copy.put(i, value instanceof String s ? new Utf8(s) : value);
    }
    return copy;
  }

  /** Parquet's view of the channel Beam opened for the (temporary) output file. */
  private static final class ChannelOutputFile implements OutputFile {
    private final OutputStream out;

    ChannelOutputFile(WritableByteChannel channel) {
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new CountingStream(out);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return new CountingStream(out);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      // Beam owns the channel and closes it after flush().
      out.flush();
    }
  }
}
