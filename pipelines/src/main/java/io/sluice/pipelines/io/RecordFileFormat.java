package io.sluice.pipelines.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.avro.AvroSchemaConverter;

/**
 * Opens Avro and Parquet files as streams of generic records whatever their schema, so the same
 * column lookup ({@link RecordToDocument}) serves both and a file's schema can be checked before a job starts.
 */
enum RecordFileFormat implements Serializable {
  AVRO {
    @Override
    RecordStream open(SeekableByteChannel channel) throws IOException {
      DataFileStream<GenericRecord> stream =
          new DataFileStream<>(Channels.newInputStream(channel), new GenericDatumReader<>());
      return new RecordStream() {
        @Override
        public GenericRecord next() {
          return stream.hasNext() ? stream.next() : null;
        }

        @Override
        public void close() throws IOException {
          stream.close();
        }
      };
    }

    @Override
    Schema schema(SeekableByteChannel channel) throws IOException {
      try (DataFileStream<GenericRecord> stream =
          new DataFileStream<>(Channels.newInputStream(channel), new GenericDatumReader<>())) {
        return stream.getSchema();
      }
    }
  },
  PARQUET {
    @Override
    RecordStream open(SeekableByteChannel channel) throws IOException {
      ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(new ChannelInputFile(channel))
              .withDataModel(GenericData.get())
              .build();
      return new RecordStream() {
        @Override
        public GenericRecord next() throws IOException {
          return reader.read();
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      };
    }

    @Override
    Schema schema(SeekableByteChannel channel) throws IOException {
      try (ParquetFileReader reader = ParquetFileReader.open(new ChannelInputFile(channel))) {
        return new AvroSchemaConverter().convert(reader.getFileMetaData().getSchema());
      }
    }
  };

  /** Records of one file, then null. */
  interface RecordStream extends Closeable {
    GenericRecord next() throws IOException;
  }

  abstract RecordStream open(SeekableByteChannel channel) throws IOException;

  /** The file's own schema, read from its header or footer. */
  abstract Schema schema(SeekableByteChannel channel) throws IOException;

  /** Parquet reads through this view of a Beam channel, so any Beam file system (local, HDFS, GCS) works. */
  private static final class ChannelInputFile implements InputFile {
    private final SeekableByteChannel channel;

    ChannelInputFile(SeekableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getLength() throws IOException {
      return channel.size();
    }

    @Override
    public SeekableInputStream newStream() {
      InputStream in = Channels.newInputStream(channel);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() throws IOException {
          return channel.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
          channel.position(newPos);
        }
      };
    }
  }
}
