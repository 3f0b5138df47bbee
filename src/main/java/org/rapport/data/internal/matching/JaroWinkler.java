package org.rapport.data.internal.matching;

/**
 * Jaro-Winkler similarity of two strings (Winkler's prefix bonus of 0.1 per common leading
 * character, at most four, given when the Jaro similarity is at least 0.7), computed on the
 * strings' chars without the per-character indirection of a general library: the duplicate scan
 * of a million records runs tens of millions of these. Gives the same values as commons-text's
 * {@code JaroWinklerSimilarity} (a unit test compares them).
 */
final class JaroWinkler {

	private static final int CACHE_SLOTS = 1 << 12;

	/**
	 * The last similarities computed on this thread, by the identity of the two strings: records share
	 * their normalised names and organisations ({@link Memo}), so within a block the same two
	 * organisations or names meet again and again.
	 */
	private static final ThreadLocal<Known[]> RECENT = ThreadLocal.withInitial(() -> new Known[CACHE_SLOTS]);

	private record Known(String a, String b, double similarity) {
	}

	private JaroWinkler() {
	}

	static double similarity(String a, String b) {
		if (a.equals(b)) {
			return 1;
		}
		Known[] recent = RECENT.get();
		int slot = (System.identityHashCode(a) * 31 + System.identityHashCode(b)) & (CACHE_SLOTS - 1);
		Known known = recent[slot];
		if (known != null && known.a() == a && known.b() == b) {
			return known.similarity();
		}
		double similarity = compute(a, b);
		recent[slot] = new Known(a, b, similarity);
		return similarity;
	}

	private static double compute(String a, String b) {
		String longer = a.length() > b.length() ? a : b;
		String shorter = longer == a ? b : a;
		int window = Math.max(longer.length() / 2 - 1, 0);
		// positions of the longer string already matched, and which of the shorter's chars matched
		boolean[] taken = new boolean[longer.length()];
		boolean[] matched = new boolean[shorter.length()];
		int matches = 0;
		for (int i = 0; i < shorter.length(); i++) {
			char c = shorter.charAt(i);
			int end = Math.min(i + window + 1, longer.length());
			for (int k = Math.max(i - window, 0); k < end; k++) {
				if (!taken[k] && longer.charAt(k) == c) {
					taken[k] = true;
					matched[i] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0;
		}
		// matched chars out of order, in both strings' order of appearance
		int outOfOrder = 0;
		int k = 0;
		for (int i = 0; i < shorter.length(); i++) {
			if (matched[i]) {
				while (!taken[k]) {
					k++;
				}
				if (shorter.charAt(i) != longer.charAt(k)) {
					outOfOrder++;
				}
				k++;
			}
		}
		int prefix = 0;
		int limit = Math.min(4, shorter.length());
		while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		double m = matches;
		double jaro = (m / a.length() + m / b.length() + (m - outOfOrder / 2.0) / m) / 3;
		return jaro < 0.7 ? jaro : jaro + 0.1 * prefix * (1 - jaro);
	}

}
