package org.rapport.data.internal.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import org.apache.commons.codec.language.Soundex;

/**
 * Finds records that are probably the same person or organisation, within one list (deduplication)
 * or between two (linkage).
 *
 * <p><b>Blocking.</b> Only records that share at least one blocking key are compared, so the cost
 * grows with the number of records times the block sizes rather than with its square. Each record
 * has up to {@value #KEY_TYPES} keys, one per kind: Soundex of the family name + initial of the formal given
 * name, the same with given and family crossed (names in the wrong order), birth date, identifier,
 * e-mail, last digits of the phone, postcode + family initial, street number + first letters of the
 * street + postcode, formal given name + birth year, organisation prefix, and Soundex of the given
 * name + postcode. Chinese names take part through their pinyin. A block larger than
 * {@link #maxBlock} (a very common key) is skipped for that kind of key; the other kinds still bring
 * its true duplicates together. A pair sharing several keys is compared once, in the first block it
 * shares (no set of seen pairs, so memory stays linear).
 *
 * <p><b>Scoring.</b> See {@link RecordComparator}. A pair is a candidate when its score reaches the
 * threshold.
 */
public final class DuplicateDetector {

	static final int KEY_TYPES = 11;

	/** Records in one block beyond which that block is not compared. */
	private final int maxBlock;

	private final double threshold;

	private final RecordComparator comparator = new RecordComparator();

	private final LongAdder comparisons = new LongAdder();

	public DuplicateDetector() {
		this(0.5, 300);
	}

	public DuplicateDetector(double threshold, int maxBlock) {
		this.threshold = threshold;
		this.maxBlock = maxBlock;
	}

	public double threshold() {
		return threshold;
	}

	/** How many pairs were scored so far (the cost that blocking keeps near-linear). */
	public long comparisons() {
		return comparisons.sum();
	}

	/** Scores one pair. */
	public MatchResult compare(MatchRecord a, MatchRecord b) {
		return comparator.compare(new PreparedRecord(a), new PreparedRecord(b));
	}

	/** Candidate pairs within one list. */
	public List<Candidate> deduplicate(List<MatchRecord> records) {
		return find(prepare(records), (i, j) -> false, null);
	}

	/** Candidate pairs of a left and a right record; pairs within one side are not compared. */
	public List<Candidate> link(List<MatchRecord> left, List<MatchRecord> right) {
		List<MatchRecord> all = new ArrayList<>(left.size() + right.size());
		all.addAll(left);
		all.addAll(right);
		boolean[] rightSide = new boolean[all.size()];
		Arrays.fill(rightSide, left.size(), all.size(), true);
		return find(prepare(all), (i, j) -> rightSide[i] == rightSide[j], rightSide);
	}

	/** Candidate pairs that each pair a new record with a new or existing one (an import against the database). */
	public List<Candidate> against(List<MatchRecord> incoming, List<MatchRecord> existing) {
		List<MatchRecord> all = new ArrayList<>(incoming.size() + existing.size());
		all.addAll(existing);
		all.addAll(incoming);
		boolean[] existingSide = new boolean[all.size()];
		Arrays.fill(existingSide, 0, existing.size(), true);
		// pairs of two existing records are not wanted; pairs of two incoming ones are
		return find(prepare(all), (i, j) -> existingSide[i] && existingSide[j], existingSide);
	}

	private static PreparedRecord[] prepare(List<MatchRecord> records) {
		return records.parallelStream().map(PreparedRecord::new).toArray(PreparedRecord[]::new);
	}

	/** Pairs of record indexes that are not to be compared. */
	private interface Skip {

		boolean test(int i, int j);

	}

	/**
	 * @param skip pairs not wanted (both on one side of a linkage)
	 * @param second records whose key goes second in a candidate (the right side, the existing records)
	 */
	private List<Candidate> find(PreparedRecord[] records, Skip skip, boolean[] second) {
		int n = records.length;
		if (n >= (1 << 24)) {
			throw new IllegalArgumentException("At most 16,777,215 records per run");
		}
		long[] keys = new long[n * KEY_TYPES];
		IntStream.range(0, n).parallel().forEach(i -> keys(records[i], keys, i * KEY_TYPES));
		// (40-bit key hash << 24 | record index), sorted: runs of one hash are the blocks
		long[] entries = new long[n * KEY_TYPES];
		int size = 0;
		for (int i = 0; i < n; i++) {
			for (int t = 0; t < KEY_TYPES; t++) {
				long k = keys[i * KEY_TYPES + t];
				if (k != 0) {
					entries[size++] = (k << 24) | i;
				}
			}
		}
		entries = Arrays.copyOf(entries, size);
		Arrays.parallelSort(entries);
		List<int[]> blocks = new ArrayList<>();
		Set<Long> oversized = new HashSet<>();
		for (int start = 0; start < size;) {
			long hash = entries[start] >>> 24;
			int end = start + 1;
			while (end < size && entries[end] >>> 24 == hash) {
				end++;
			}
			if (end - start > maxBlock) {
				oversized.add(hash);
			}
			else if (end - start > 1) {
				blocks.add(new int[] { start, end });
			}
			start = end;
		}
		long[] sorted = entries;
		ConcurrentLinkedQueue<Candidate> found = new ConcurrentLinkedQueue<>();
		blocks.parallelStream().forEach(block -> {
			long hash = sorted[block[0]] >>> 24;
			for (int x = block[0]; x < block[1]; x++) {
				int i = (int) (sorted[x] & 0xFFFFFF);
				for (int y = x + 1; y < block[1]; y++) {
					int j = (int) (sorted[y] & 0xFFFFFF);
					if (i == j || skip.test(i, j)) {
						continue;
					}
					if (comparedEarlier(keys, i, j, hash, oversized)) {
						continue;
					}
					comparisons.increment();
					MatchResult result = comparator.compare(records[i], records[j]);
					if (result.score() >= threshold) {
						boolean swap = second != null && second[i] && !second[j];
						PreparedRecord l = swap ? records[j] : records[i];
						PreparedRecord r = swap ? records[i] : records[j];
						found.add(new Candidate(l.key, r.key, result.score(), result.reasons()));
					}
				}
			}
		});
		List<Candidate> result = new ArrayList<>(found);
		result.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::left)
			.thenComparing(Candidate::right));
		return result;
	}

	/**
	 * Whether the pair is compared in another block: each pair is compared only in the block of the
	 * smallest key hash the two records share (among blocks not skipped as oversized).
	 */
	private static boolean comparedEarlier(long[] keys, int i, int j, long hash, Set<Long> oversized) {
		int bi = i * KEY_TYPES;
		int bj = j * KEY_TYPES;
		for (int t = 0; t < KEY_TYPES; t++) {
			long k = keys[bi + t];
			if (k == 0 || k >= hash) {
				continue;
			}
			for (int u = 0; u < KEY_TYPES; u++) {
				if (keys[bj + u] == k && !oversized.contains(k)) {
					return true;
				}
			}
		}
		return false;
	}

	private static final Soundex SOUNDEX = new Soundex();

	/** Fills the record's blocking-key hashes (40 bits, 0 for none) for each kind of key. */
	private static void keys(PreparedRecord r, long[] out, int at) {
		String givenInitial = r.given.isEmpty() ? "" : Nicknames.formal(r.givenFirst).substring(0, 1);
		String familyInitial = r.family.isEmpty() ? "" : r.family.substring(0, 1);
		String familySound = soundex(r.family);
		String givenSound = soundex(r.given);
		out[at] = hash(0, familySound.isEmpty() || givenInitial.isEmpty() ? "" : familySound + givenInitial);
		out[at + 1] = hash(0, givenSound.isEmpty() || familyInitial.isEmpty() ? "" : givenSound + familyInitial);
		out[at + 2] = hash(2, r.birthDate.length() >= 6 ? r.birthDate : "");
		out[at + 3] = hash(3, r.identifier.length() >= 4 ? r.identifier : "");
		out[at + 4] = hash(4, r.email);
		out[at + 5] = hash(5, r.phone);
		out[at + 6] = hash(6, r.postcode.isEmpty() || familyInitial.isEmpty() ? "" : r.postcode + "|" + familyInitial);
		String streetNumber = r.street.isEmpty() ? "" : r.street.split(" ")[0];
		String streetRest = r.street.length() > streetNumber.length() + 1 ? r.street.substring(streetNumber.length() + 1) : "";
		out[at + 7] = hash(7, streetNumber.isEmpty() || streetRest.length() < 3 || r.postcode.isEmpty() ? ""
				: streetNumber + "|" + streetRest.substring(0, 3) + "|" + r.postcode);
		out[at + 8] = hash(8, r.given.isEmpty() || r.birthDate.length() < 4 ? ""
				: Nicknames.formal(r.givenFirst) + "|" + r.birthDate.substring(0, 4));
		out[at + 9] = hash(9, r.organisation.length() < 3 ? "" : r.organisation.substring(0, Math.min(6, r.organisation.length())));
		out[at + 10] = hash(10, givenSound.isEmpty() || r.postcode.isEmpty() ? "" : givenSound + "|" + r.postcode);
		// the crossed-name key shares kind 0 so that "Zhang Wei" meets "Wei Zhang" in one block
		if (out[at + 1] == out[at]) {
			out[at + 1] = 0;
		}
	}

	private static String soundex(String name) {
		if (name.isEmpty()) {
			return "";
		}
		try {
			return SOUNDEX.encode(name);
		}
		catch (IllegalArgumentException ex) {
			return name.length() > 4 ? name.substring(0, 4) : name;
		}
	}

	/** A 40-bit hash of the key with its kind; 0 when there is no key. */
	private static long hash(int kind, String key) {
		if (key.isEmpty()) {
			return 0;
		}
		long h = 0xcbf29ce484222325L ^ kind;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 29;
		h *= 0xbf58476d1ce4e5b9L;
		h ^= h >>> 32;
		long k = h & 0xFFFFFFFFFFL;
		return k == 0 ? 1 : k;
	}

}
