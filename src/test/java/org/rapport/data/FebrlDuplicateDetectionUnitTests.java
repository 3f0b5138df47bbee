package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.data.Febrl.Quality;
import org.rapport.data.internal.matching.Candidate;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.data.internal.matching.MatchRecord;

/**
 * Duplicate detection measured on the Febrl synthetic data sets, whose record ids carry the truth.
 * The figures printed here are the ones in docs/benchmarks.md and docs/data.md.
 */
class FebrlDuplicateDetectionUnitTests {

	@Test
	void linksDataset4aTo4bWithF1AtLeast95Percent() {
		List<MatchRecord> a = Febrl.records("dataset4a.csv");
		List<MatchRecord> b = Febrl.records("dataset4b.csv");
		DuplicateDetector detector = new DuplicateDetector();
		long started = System.nanoTime();
		List<Candidate> candidates = detector.link(a, b);
		long millis = (System.nanoTime() - started) / 1_000_000;
		Quality quality = Quality.of(Febrl.truePairs(a, b), candidates);
		System.out.printf("Febrl 4a x 4b linkage: %s; %,d comparisons of %,d possible, %d ms%n", quality,
				detector.comparisons(), (long) a.size() * b.size(), millis);
		assertThat(quality.truePairs()).isEqualTo(5000);
		assertThat(quality.f1()).isGreaterThanOrEqualTo(0.95);
		// blocking: far fewer comparisons than the 25 million of the full cross product
		assertThat(detector.comparisons()).isLessThan(500_000);
	}

	@Test
	void deduplicatesDataset3WithF1AtLeast95Percent() {
		List<MatchRecord> records = Febrl.records("dataset3.csv");
		DuplicateDetector detector = new DuplicateDetector();
		long started = System.nanoTime();
		List<Candidate> candidates = detector.deduplicate(records);
		long millis = (System.nanoTime() - started) / 1_000_000;
		Quality quality = Quality.of(Febrl.truePairs(records, records), candidates);
		System.out.printf("Febrl dataset3 deduplication: %s; %,d comparisons of %,d possible, %d ms%n", quality,
				detector.comparisons(), (long) records.size() * (records.size() - 1) / 2, millis);
		assertThat(quality.truePairs()).isEqualTo(6538);
		assertThat(quality.f1()).isGreaterThanOrEqualTo(0.95);
		assertThat(detector.comparisons()).isLessThan(500_000);
	}

	@Test
	void deduplicatesDataset3AsWellWithTheScansBlocks() {
		// the duplicate scan's settings: whole blocks up to 50, larger ones as sorted neighbourhoods of 6
		List<MatchRecord> records = Febrl.records("dataset3.csv");
		DuplicateDetector detector = new DuplicateDetector(0.5, 50, 6);
		List<Candidate> candidates = detector.deduplicate(records);
		Quality quality = Quality.of(Febrl.truePairs(records, records), candidates);
		System.out.printf("Febrl dataset3 deduplication, scan settings: %s; %,d comparisons%n", quality,
				detector.comparisons());
		assertThat(quality.f1()).isGreaterThanOrEqualTo(0.95);
		assertThat(quality.precision()).isGreaterThanOrEqualTo(0.99);
	}

}
