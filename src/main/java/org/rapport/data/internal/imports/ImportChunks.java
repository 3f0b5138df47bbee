package org.rapport.data.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An uploaded file kept in the database in chunks of 1 MiB (so every node of a cluster can run the
 * import, and a restart loses nothing), read back one chunk at a time: memory does not grow with
 * the file.
 */
final class ImportChunks {

	static final int CHUNK = 1 << 20;

	private ImportChunks() {
	}

	static long store(JdbcClient jdbc, long importId, InputStream in) {
		long size = 0;
		int seq = 0;
		try {
			while (true) {
				byte[] chunk = in.readNBytes(CHUNK);
				if (chunk.length == 0) {
					return size;
				}
				jdbc.sql("insert into import_chunks (import_id, seq, content) values (?, ?, ?)")
					.params(importId, seq++, chunk)
					.update();
				size += chunk.length;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Supplier<InputStream> reader(JdbcClient jdbc, long importId) {
		return () -> new InputStream() {

			private int seq;

			private byte[] chunk = new byte[0];

			private int pos;

			private boolean end;

			private boolean fill() {
				while (pos >= chunk.length && !end) {
					byte[] next = jdbc.sql("select content from import_chunks where import_id = ? and seq = ?")
						.params(importId, seq++)
						.query(byte[].class)
						.optional()
						.orElse(null);
					if (next == null) {
						end = true;
					}
					else {
						chunk = next;
						pos = 0;
					}
				}
				return pos < chunk.length;
			}

			@Override
			public int read() {
				return fill() ? chunk[pos++] & 0xFF : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (len == 0) {
					return 0;
				}
				if (!fill()) {
					return -1;
				}
				int n = Math.min(len, chunk.length - pos);
				System.arraycopy(chunk, pos, b, off, n);
				pos += n;
				return n;
			}

		};
	}

}
