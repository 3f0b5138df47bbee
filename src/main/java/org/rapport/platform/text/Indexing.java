package org.rapport.platform.text;

import java.util.ArrayList;
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
		// every gram of the text: the grams are in the gram index only (GIN, no bound per row), not in a sort index
		return new Indexing(SearchText.normalize(name), searchText, SearchText.grams(searchText).toArray(String[]::new),
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
		for (String term : terms(query)) {
			List<String> wanted = SearchText.queryGrams(term);
			if (!wanted.isEmpty() && !have.containsAll(wanted)) {
				return false;
			}
			if ((wanted.isEmpty() || (SearchText.containsCjk(term) && !exactByGrams(term))) && !searchText.contains(term)) {
				return false;
			}
			if (!wanted.isEmpty() && !SearchText.containsCjk(term) && !startsAWord(searchText, term)) {
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
	 * Where a term of one or two letters or digits must start a word ({@code ^} grams), as a regular expression
	 * over the search text: at the start, or after an ASCII character other than a letter or digit (a space,
	 * {@code . @ - _ |}…). Another character before it (a letter, a digit, a Chinese character, any non-ASCII
	 * character) continues a word. The grams mark a word start after any character that is not a letter or digit,
	 * so a term is matched where both agree; they differ only after non-ASCII punctuation ({@code ·lv}). The class
	 * names ASCII ranges only: a class spanning the non-ASCII code points costs PostgreSQL's regular expressions
	 * some 20 µs a row.
	 */
	static final String WORD_START = "(^|[\\x01-/:-@[-`{-\\x7f])";

	/**
	 * Adds the conditions matching a user's query to {@code q}, for a table aliased {@code alias}, each written two
	 * ways ({@link SqlQuery#and(String, String)}) that select the same rows: through a search index (the trigram
	 * index of {@code search_text}, the gram index), and as tested on each row of a walk in list order, over
	 * {@code search_text} and {@code phone_digits} only, which the covering sort indexes carry. Returns the terms'
	 * conditions as tested on walked rows ({@link org.rapport.platform.data.SortedSearch.Hints}).
	 */
	public static List<String> match(String alias, String query, SqlQuery q) {
		List<String> added = new ArrayList<>();
		if (query == null || query.isBlank()) {
			return added;
		}
		if (SearchText.isPhoneQuery(query)) {
			String like = q.param("%" + query.replaceAll("\\D", "") + "%");
			String phone = "(" + alias + ".phone_digits like " + like + " or " + alias + ".search_text like " + like + ")";
			add(q, added, phone, phone);
			return added;
		}
		for (String term : terms(query)) {
			List<String> grams = SearchText.queryGrams(term);
			String pattern = q.param("%" + SearchText.likeLiteral(term) + "%");
			String like = alias + ".search_text like " + pattern;
			if (grams.isEmpty()) {
				// three or more characters, none Chinese
				List<String> quads = SearchText.quadgrams(term);
				if (quads.isEmpty()) {
					// three characters, or no four ASCII in a row: the trigram index
					add(q, added, like, like);
					continue;
				}
				String quadCondition = alias + ".search_grams @> cast(" + q.param(quads.toArray(String[]::new))
						+ " as text[])";
				if (quads.size() == 1 && quads.get(0).equals(term)) {
					// four ASCII characters: the text contains the term where its grams hold it, as for a Chinese pair
					add(q, added, quadCondition, like);
				}
				else {
					// the rows whose grams hold each quadgram, tested for the term: as a function call, not the ~~
					// operator, so that the planner does not also read the trigram index's long posting lists of
					// common trigrams ("ian", "ang") to find candidates that the quadgrams already narrowed
					String contains = "textlike(" + alias + ".search_text, " + pattern + ")";
					add(q, added, "(" + quadCondition + " and " + contains + ")", like);
				}
				continue;
			}
			String gramCondition = alias + ".search_grams @> cast(" + q.param(grams.toArray(String[]::new)) + " as text[])";
			if (SearchText.containsCjk(term)) {
				// one or two CJK characters are matched exactly by their gram: a LIKE on top would only add a recheck,
				// and its pattern has no trigram for the trigram index to use; a walk tests the text for the same
				add(q, added, exactByGrams(term) ? gramCondition : "(" + gramCondition + " and " + like + ")", like);
			}
			else if (startsWords(term)) {
				// a function call, not the ~ operator: the planner would otherwise serve the pattern by the trigram
				// index too, and analyse it for every plan (tens of milliseconds)
				String start = "regexp_like(" + alias + ".search_text, " + q.param(WORD_START + term) + ")";
				add(q, added, "(" + gramCondition + " and " + start + ")", "(" + like + " and " + start + ")");
			}
			else {
				// a word-start gram of a character that is no letter or digit ("a.", "-") is never indexed
				add(q, added, "false", "false");
			}
		}
		return added;
	}

	/**
	 * The terms of a (not phone) query that {@link #match} must test: its words, normalised, less those that another
	 * implies. A term with a Chinese character, or of three or more characters, matches where the text contains it, so
	 * such a term contained in another ("hong" beside "hong", "han" beside "hang") adds nothing; a word start of one or
	 * two letters or digits adds nothing beside a longer word start that begins with it ("l" beside "li"). Each term
	 * left costs every row of a walk a test, and a collection its index entries: Chinese given names often repeat a
	 * character, so that their pinyin repeats a syllable ("tang hong hong").
	 */
	static List<String> terms(String query) {
		List<String> words = new ArrayList<>();
		for (String word : SearchText.normalize(query).split(" ")) {
			if (!word.isEmpty() && !words.contains(word)) {
				words.add(word);
			}
		}
		List<String> kept = new ArrayList<>();
		for (String term : words) {
			boolean implied = false;
			for (String other : words) {
				if (other.equals(term)) {
					continue;
				}
				if (contained(term)) {
					implied |= contained(other) && other.contains(term);
				}
				else if (wordStart(term)) {
					implied |= wordStart(other) && other.startsWith(term);
				}
			}
			if (!implied) {
				kept.add(term);
			}
		}
		return kept;
	}

	/** Whether {@link #match} finds a term wherever the text contains it: a Chinese character, or three characters or more. */
	private static boolean contained(String term) {
		return SearchText.containsCjk(term) || SearchText.queryGrams(term).isEmpty();
	}

	/** Whether {@link #match} finds a term at the start of a word: one or two letters or digits, none Chinese. */
	private static boolean wordStart(String term) {
		return !SearchText.containsCjk(term) && startsWords(term);
	}

	/** Adds a term's condition, written both ways, to the query, and its scanned form to {@code added}. */
	private static void add(SqlQuery q, List<String> added, String indexed, String scanned) {
		q.and(indexed, scanned);
		added.add(scanned);
	}

	/** Whether a term without CJK characters is one or two letters or digits, matched at the start of a word. */
	static boolean startsWords(String term) {
		return term.codePointCount(0, term.length()) <= 2 && term.codePoints().allMatch(Character::isLetterOrDigit);
	}

	/**
	 * Whether the term occurs at the start of a word of the text in the sense of {@link #WORD_START}: at the start,
	 * or after an ASCII character other than a letter or digit.
	 */
	static boolean startsAWord(String text, String term) {
		for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
			char before = i == 0 ? ' ' : text.charAt(i - 1);
			if (before < 0x80 && !Character.isLetterOrDigit(before)) {
				return true;
			}
		}
		return false;
	}

}
