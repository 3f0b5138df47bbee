package org.rapport.platform.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.rapport.platform.data.SqlQuery;

/**
 * The search columns of a record, computed from its fields: normalised text (names, e-mails,
 * company, pinyin), grams for CJK and one- or two-letter queries, and phone digits.
 *
 * @param sortName normalised display name, for sorting
 * @param searchText trigram-indexed text
 * @param grams GIN-indexed grams
 * @param phoneDigits digits of the phone numbers
 */
public record Indexing(String sortName, String searchText, String[] grams, String phoneDigits) {

	/** Most UTF-8 bytes of {@link #searchText}. */
	public static final int MAX_TEXT_BYTES = 1000;

	/** Most bytes of {@link #grams} as a PostgreSQL {@code text[]}. */
	public static final int MAX_GRAM_BYTES = 1000;

	public static Indexing ofContact(String displayName, String firstName, String lastName, List<String> emails,
			List<String> phones, String company) {
		List<String> parts = new ArrayList<>();
		parts.add(displayName);
		parts.add(firstName);
		parts.add(lastName);
		parts.addAll(emails);
		parts.add(company);
		parts.add(SearchText.pinyin((lastName == null ? "" : lastName) + (firstName == null ? "" : firstName)));
		parts.add(SearchText.pinyin(SearchText.withoutLegalForm(company)));
		return of(displayName, parts, phones);
	}

	public static Indexing ofAccount(String name, String website, String phone) {
		List<String> parts = new ArrayList<>();
		parts.add(name);
		parts.add(website);
		parts.add(SearchText.pinyin(SearchText.withoutLegalForm(name)));
		return of(name, parts, phone == null ? List.of() : List.of(phone));
	}

	private static Indexing of(String name, List<String> parts, List<String> phones) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			String n = SearchText.normalize(part);
			if (!n.isEmpty()) {
				text.append(text.isEmpty() ? "" : " | ").append(n);
			}
		}
		String searchText = capped(text.toString(), MAX_TEXT_BYTES);
		return new Indexing(SearchText.normalize(name), searchText, cappedGrams(SearchText.grams(searchText)),
				SearchText.digits(phones));
	}

	/**
	 * The text cut at the last whole character within {@code maxBytes} of UTF-8. Search columns are bounded
	 * so that the sort index can carry them (a B-tree entry holds at most 2,704 bytes): the walk of
	 * {@code SortedSearch} tests them there without visiting the table. A contact's text is some 130 bytes
	 * on average; only records with many long e-mail addresses or very long names reach the bound, and
	 * lose what comes last (the pinyin of the company, then of the name).
	 */
	static String capped(String text, int maxBytes) {
		if (text.length() * 3L <= maxBytes) {
			return text;
		}
		int bytes = 0;
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
			if (bytes + size > maxBytes) {
				return text.substring(0, i).strip();
			}
			bytes += size;
			i += Character.charCount(cp);
		}
		return text;
	}

	/** The grams in order while their array stays within {@value #MAX_GRAM_BYTES} bytes as PostgreSQL stores it. */
	static String[] cappedGrams(Collection<String> grams) {
		List<String> kept = new ArrayList<>();
		int bytes = 24;
		for (String gram : grams) {
			// each element: a four-byte length, its UTF-8 bytes, padded to four
			int size = (4 + gram.getBytes(StandardCharsets.UTF_8).length + 3) / 4 * 4;
			if (bytes + size > MAX_GRAM_BYTES) {
				break;
			}
			bytes += size;
			kept.add(gram);
		}
		return kept.toArray(String[]::new);
	}

	/** Whether a query searches at all (else a list is just filtered and sorted). */
	public static boolean searching(String query) {
		return query != null && !query.isBlank();
	}

	/** Digits from which a phone fragment is expected to match few records: in a million, a handful. */
	public static final int RARE_PHONE_DIGITS = 6;

	/**
	 * Whether the query's matches are expected to be few, so that collecting them all through the search
	 * indexes is cheaper than walking the list in order to find them: a phone fragment of
	 * {@value #RARE_PHONE_DIGITS} or more digits, or a term holding two or more adjacent Chinese characters
	 * (a Chinese name: "张伟", among the most common, is in 63 of a million generated contacts). A guess
	 * that speeds the search up when right and costs a bounded collection when wrong
	 * ({@link org.rapport.platform.data.SortedSearch#RARE}).
	 */
	public static boolean likelyRare(String query) {
		if (!searching(query)) {
			return false;
		}
		if (SearchText.isPhoneQuery(query)) {
			return query.replaceAll("\\D", "").length() >= RARE_PHONE_DIGITS;
		}
		for (String term : SearchText.normalize(query).split(" ")) {
			int[] cps = term.codePoints().toArray();
			for (int i = 0; i + 1 < cps.length; i++) {
				if (SearchText.isCjk(cps[i]) && SearchText.isCjk(cps[i + 1])) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether {@link #match} finds the record so indexed: the same conditions, evaluated in Java. For a
	 * batch that looked records up once and must know which lookups the records it writes since change.
	 */
	public boolean matches(String query) {
		if (query == null || query.isBlank()) {
			return true;
		}
		if (SearchText.isPhoneQuery(query)) {
			String digits = query.replaceAll("\\D", "");
			return (phoneDigits != null && phoneDigits.contains(digits)) || searchText.contains(digits);
		}
		java.util.Set<String> have = new java.util.HashSet<>(java.util.Arrays.asList(grams));
		for (String term : SearchText.normalize(query).split(" ")) {
			if (term.isEmpty()) {
				continue;
			}
			List<String> wanted = SearchText.queryGrams(term);
			if (!wanted.isEmpty() && !have.containsAll(wanted)) {
				return false;
			}
			if ((wanted.isEmpty() || (SearchText.containsCjk(term) && !exactByGrams(term))) && !searchText.contains(term)) {
				return false;
			}
		}
		return true;
	}

	/** Whether the term's grams alone say that the text contains it: one CJK character, or two adjacent ones. */
	static boolean exactByGrams(String term) {
		return term.codePointCount(0, term.length()) <= 2 && term.codePoints().allMatch(SearchText::isCjk);
	}

	/**
	 * Adds the conditions matching a user's query to {@code q}, for a table aliased {@code alias}, and returns
	 * them: each is served by a search index (for {@link org.rapport.platform.data.SortedSearch.Hints}).
	 */
	public static List<String> match(String alias, String query, SqlQuery q) {
		List<String> added = new ArrayList<>();
		if (query == null || query.isBlank()) {
			return added;
		}
		if (SearchText.isPhoneQuery(query)) {
			String like = q.param("%" + query.replaceAll("\\D", "") + "%");
			added.add("(" + alias + ".phone_digits like " + like + " or " + alias + ".search_text like " + like + ")");
		}
		else {
			for (String term : SearchText.normalize(query).split(" ")) {
				if (term.isEmpty()) {
					continue;
				}
				List<String> grams = SearchText.queryGrams(term);
				if (!grams.isEmpty()) {
					added.add(alias + ".search_grams @> cast(" + q.param(grams.toArray(String[]::new)) + " as text[])");
				}
				// one or two CJK characters are matched exactly by their gram; a LIKE on top would only add a
				// recheck, and its pattern has no trigram for the trigram index to use
				if (grams.isEmpty() || (SearchText.containsCjk(term) && !exactByGrams(term))) {
					added.add(alias + ".search_text like " + q.param("%" + SearchText.likeLiteral(term) + "%"));
				}
			}
		}
		added.forEach(q::and);
		return added;
	}

}
