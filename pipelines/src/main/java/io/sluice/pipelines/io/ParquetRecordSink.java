package io.sluice.pipelines.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes Avro records as Parquet (snappy, as Beam's {@code ParquetIO.sink}) with changes that matter for a sweep's
 * volume of records, each measured as a large share of a sweep's write time:
 * <ul>
 *   <li>columns of distinct values (texts, ids) are written without dictionary encoding: the dictionary only costs a
 *       hash of each value until it overflows, then a rewrite of the page as plain values;
 *   <li>records go through {@link FlatRecordWriteSupport}: parquet-avro's values, written field by field;
 *   <li>the Hadoop configuration is an empty one: the writer reads none of Hadoop's defaults, which a default
 *       configuration parses from XML for every file.
 * </ul>
 * The file content read back is the same records either way.
 */
final class ParquetRecordSink<T extends GenericRecord> implements FileIO.Sink<T> {
  private final String schemaJson;
  private final List<String> plainColumns;
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
    Schema schema = new Schema.Parser().parse(schemaJson);
    Builder builder = new Builder(new ChannelOutputFile(channel), schema)
        .withConf(new Configuration(false))
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
    writer.write(record);
  }

  /** Parquet's footer is written on close: Beam's sinks flush once, at the end of the file. */
  @Override
  public void flush() throws IOException {
    writer.close();
  }

  /** A Parquet writer of records of one Avro schema through {@link FlatRecordWriteSupport}. */
  private static final class Builder extends ParquetWriter.Builder<GenericRecord, Builder> {
    private final Schema schema;

    Builder(OutputFile file, Schema schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<GenericRecord> getWriteSupport(Configuration conf) {
      return new FlatRecordWriteSupport(new AvroSchemaConverter(conf).convert(schema), schema);
    }
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
