package org.rapport.data.internal.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import as its owner sees it: what was uploaded and how it was read, and the progress.
 *
 * @param ratePerSecond rows read per second while running
 * @param etaSeconds estimated seconds left while running
 */
public record ImportView(long id, String entity, String status, String fileName, long fileSize, String format,
		String encoding, String delimiter, List<String> headers, Map<String, String> mapping, String duplicates,
		boolean dryRun, long rowsTotal, long rowsRead, long rowsWritten, long rowsUpdated, long rowsSkipped,
		long rowsRejected, long duplicateCandidates, Double ratePerSecond, Long etaSeconds, String error, long createdBy,
		Instant createdAt, Instant startedAt, Instant finishedAt) {

	public int percent() {
		return rowsTotal == 0 ? (status.equals("done") ? 100 : 0) : (int) Math.min(100, rowsRead * 100 / rowsTotal);
	}

	public boolean finished() {
		return status.equals("done") || status.equals("failed") || status.equals("cancelled");
	}

}
