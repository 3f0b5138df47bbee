package org.rapport.data.internal.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 * name + postcode. Chinese names take part through their pinyin. A block of at most
 * {@link #maxBlock} records has all its pairs compared, and a pair sharing several such blocks is
 * compared once, in the first (no set of seen pairs, so memory stays linear). A larger block (a
 * very common key: a common surname and initial, a big company's prefix) is compared as a sorted
 * neighbourhood: its records sorted by name, organisation and contact details, each compared with
 * the next {@link #window} only, so its cost grows linearly with its size; its true duplicates are
 * usually brought together by another kind of key as well.
 *
 * <p><b>Scoring.</b> See {@link RecordComparator}. A pair is a candidate when its score reaches the
 * threshold. The blocks are compared in parallel on all cores; {@link #blocksDone()} and
 * {@link #comparisons()} may be read from another thread while a run goes on.
 */
public final class DuplicateDetector {

	static final int KEY_TYPES = 11;

	/** Records in one block up to which all its pairs are compared. */
	private final int maxBlock;

	/** Neighbours each record of a larger block is compared with; 0 skips larger blocks. */
	private final int window;

	private final double threshold;

	private final RecordComparator comparator = new RecordComparator();

	private final LongAdder comparisons = new LongAdder();

	private final LongAdder blocksDone = new LongAdder();

	private volatile long blocksTotal;

	/** Threshold 0.5, blocks of up to 300 compared in full, larger ones skipped (for a few thousand records). */
	public DuplicateDetector() {
		this(0.5, 300, 0);
	}

	public DuplicateDetector(double threshold, int maxBlock) {
		this(threshold, maxBlock, 0);
	}

	/**
	 * @param threshold score from which a pair is a candidate
	 * @param maxBlock block size up to which all pairs of a block are compared
	 * @param window for larger blocks, how many sorted neighbours each record is compared with (0: none)
	 */
	public DuplicateDetector(double threshold, int maxBlock, int window) {
		if (maxBlock < 2 || window < 0) {
			throw new IllegalArgumentException("maxBlock must be at least 2 and window not negative");
		}
		this.threshold = threshold;
		this.maxBlock = maxBlock;
		this.window = window;
	}

	public double threshold() {
		return threshold;
	}

	/** How many pairs were scored so far (the cost that blocking keeps near-linear). */
	public long comparisons() {
		return comparisons.sum();
	}

	/** Blocks compared so far in the current run. */
	public long blocksDone() {
		return blocksDone.sum();
	}

	/** Blocks of two or more records in the current run (0 until blocking is done). */
	public long blocksTotal() {
		return blocksTotal;
	}

	/** Scores one pair. */
	public MatchResult compare(MatchRecord a, MatchRecord b) {
		return comparator.compare(new PreparedRecord(a), new PreparedRecord(b));
	}

	/** Candidate pairs within one list. */
	public List<Candidate> deduplicate(List<MatchRecord> records) {
		return find(prepare(records), (i, j) -> false, null);
	}

	/** Candidate pairs within the records streamed into the set. */
	public List<Candidate> deduplicate(RecordSet records) {
		return find(records.prepared(), (i, j) -> false, null);
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

	/**
	 * Records added one by one (as they are read from a database) and normalised for comparison in
	 * chunks on another thread meanwhile; only the normalised form is kept.
	 */
	public static final class RecordSet {

		private static final int CHUNK = 4_096;

		private final List<CompletableFuture<PreparedRecord[]>> chunks = new ArrayList<>();

		private List<MatchRecord> pending = new ArrayList<>(CHUNK);

		private volatile int size;

		public void add(MatchRecord record) {
			pending.add(record);
			size++;
			if (pending.size() == CHUNK) {
				flush();
			}
		}

		public int size() {
			return size;
		}

		private void flush() {
			if (pending.isEmpty()) {
				return;
			}
			List<MatchRecord> chunk = pending;
			pending = new ArrayList<>(CHUNK);
			chunks.add(CompletableFuture.supplyAsync(() -> {
				PreparedRecord[] out = new PreparedRecord[chunk.size()];
				for (int i = 0; i < out.length; i++) {
					out[i] = new PreparedRecord(chunk.get(i));
				}
				return out;
			}));
		}

		PreparedRecord[] prepared() {
			flush();
			PreparedRecord[] all = new PreparedRecord[size];
			int at = 0;
			for (CompletableFuture<PreparedRecord[]> chunk : chunks) {
				PreparedRecord[] part = chunk.join();
				System.arraycopy(part, 0, all, at, part.length);
				at += part.length;
			}
			chunks.clear();
			return all;
		}

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
		blocksDone.reset();
		blocksTotal = 0;
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
		// (start << 32 | end) of each block of two or more records
		long[] blocks = new long[Math.max(16, size / 4)];
		int blockCount = 0;
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
			if (end - start > 1 && (end - start <= maxBlock || window > 0)) {
				if (blockCount == blocks.length) {
					blocks = Arrays.copyOf(blocks, blocks.length * 2);
				}
				blocks[blockCount++] = ((long) start << 32) | end;
			}
			start = end;
		}
		blocksTotal = blockCount;
		long[] sorted = entries;
		// pairs are found once, except those of two large blocks' windows: found pairs are unique by key
		Map<Long, Candidate> found = new ConcurrentHashMap<>();
		Arrays.stream(blocks, 0, blockCount).parallel().forEach(block -> {
			int from = (int) (block >>> 32);
			int to = (int) block;
			long hash = sorted[from] >>> 24;
			int[] members = new int[to - from];
			for (int x = from; x < to; x++) {
				members[x - from] = (int) (sorted[x] & 0xFFFFFF);
			}
			boolean whole = to - from <= maxBlock;
			if (!whole) {
				members = neighbourhoodOrder(records, members, kind(keys, members[0], hash));
			}
			for (int x = 0; x < members.length; x++) {
				int i = members[x];
				int last = whole ? members.length : Math.min(members.length, x + 1 + window);
				for (int y = x + 1; y < last; y++) {
					int j = members[y];
					if (i == j || skip.test(i, j)) {
						continue;
					}
					if (whole ? comparedEarlier(keys, i, j, hash, oversized) : comparedInWholeBlock(keys, i, j, oversized)) {
						continue;
					}
					comparisons.increment();
					MatchResult result = comparator.compare(records[i], records[j], threshold);
					if (result != null && result.score() >= threshold) {
						boolean swap = second != null ? second[i] && !second[j] : i > j;
						int l = swap ? j : i;
						int r = swap ? i : j;
						found.putIfAbsent(((long) l << 24) | r,
								new Candidate(records[l].key, records[r].key, result.score(), result.reasons()));
					}
				}
			}
			blocksDone.increment();
		});
		List<Candidate> result = new ArrayList<>(found.values());
		result.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::left)
			.thenComparing(Candidate::right));
		return result;
	}

	/** Which kind of key (0 to {@value #KEY_TYPES} - 1) the record has with this hash. */
	private static int kind(long[] keys, int record, long hash) {
		for (int t = 0; t < KEY_TYPES; t++) {
			if (keys[record * KEY_TYPES + t] == hash) {
				return t;
			}
		}
		return 0;
	}

	/**
	 * The records of a large block in the order of the sorted neighbourhood: by organisation first in
	 * an organisation block, otherwise by family and given name, then by the contact details, so that
	 * neighbours are the likeliest duplicates the block's key leaves.
	 */
	private static int[] neighbourhoodOrder(PreparedRecord[] records, int[] members, int kind) {
		Comparator<PreparedRecord> byName = Comparator.<PreparedRecord, String>comparing(r -> r.family)
			.thenComparing(r -> r.given);
		Comparator<PreparedRecord> details = Comparator.<PreparedRecord, String>comparing(r -> r.email)
			.thenComparing(r -> r.phone)
			.thenComparing(r -> r.postcode)
			.thenComparing(r -> r.street);
		Comparator<PreparedRecord> order = kind == 9
				? Comparator.<PreparedRecord, String>comparing(r -> r.organisation).thenComparing(byName).thenComparing(details)
				: byName.thenComparing(r -> r.organisation).thenComparing(details);
		return Arrays.stream(members).boxed().sorted((a, b) -> order.compare(records[a], records[b]))
			.mapToInt(Integer::intValue).toArray();
	}

	/** Whether the pair shares a block small enough to have all its pairs compared. */
	private static boolean comparedInWholeBlock(long[] keys, int i, int j, Set<Long> oversized) {
		int bi = i * KEY_TYPES;
		int bj = j * KEY_TYPES;
		for (int t = 0; t < KEY_TYPES; t++) {
			long k = keys[bi + t];
			if (k == 0) {
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
