package org.rapport.data.internal.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.rapport.platform.text.SearchText;

/**
 * A {@link MatchRecord} normalised once for comparison: names in lower-case Latin (pinyin for
 * Hanzi) with a whole name split into family and given, e-mail lower-case, the last digits of the
 * phone, street words with their abbreviations expanded, organisation without its legal form.
 * Empty strings stand for missing values.
 */
final class PreparedRecord {

	private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\s]");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** Digits of a phone number compared: enough to ignore country and trunk prefixes. */
	static final int PHONE_DIGITS = 8;

	/** Legal forms dropped from the end of an organisation name (after normalisation). */
	private static final Pattern LEGAL_FORM = Pattern.compile(
			"(\\s+(ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|sa|sarl|sas|srl|bv|nv|ab|as|oy|kk|co|company|corp|corporation|pty|pte|group|holdings?|se|kg|ohg|ug|spa|gmbh\\s*&\\s*co\\s*kg))+$");

	private static final Map<String, String> STREET_WORDS = Map.ofEntries(Map.entry("st", "street"),
			Map.entry("str", "street"), Map.entry("rd", "road"), Map.entry("ave", "avenue"), Map.entry("av", "avenue"),
			Map.entry("dr", "drive"), Map.entry("pl", "place"), Map.entry("cres", "crescent"), Map.entry("cr", "crescent"),
			Map.entry("ct", "court"), Map.entry("ln", "lane"), Map.entry("blvd", "boulevard"), Map.entry("hwy", "highway"),
			Map.entry("pde", "parade"), Map.entry("cct", "circuit"), Map.entry("tce", "terrace"), Map.entry("sq", "square"),
			Map.entry("apt", "apartment"), Map.entry("n", "north"), Map.entry("s", "south"), Map.entry("e", "east"),
			Map.entry("w", "west"));

	final String key;

	/** Given name(s), words joined without spaces ("mary ann" and "maryann" are one name). */
	final String given;

	/** First word of the given name, for the nickname table. */
	final String givenFirst;

	final String family;

	/** Whether the name came from Hanzi (its Latin form is pinyin). */
	final boolean han;

	final String organisation;

	final String email;

	final String phone;

	final String street;

	final String street2;

	final String city;

	final String postcode;

	final String region;

	final String birthDate;

	final String identifier;

	/*
	 * Names, organisations and cities repeat across records (and their pinyin is costly), so their
	 * normal forms are remembered; a duplicate scan of a million records prepares each distinct value
	 * once, and the shared strings take less memory.
	 */
	private static final Memo<String[]> GIVEN = new Memo<>();

	private static final Memo<String> FAMILY = new Memo<>();

	private static final Memo<String> ORGANISATIONS = new Memo<>();

	private static final Memo<String> CITIES = new Memo<>();

	PreparedRecord(MatchRecord r) {
		this.key = r.key();
		String givenRaw = blank(r.givenName());
		String familyRaw = blank(r.familyName());
		String fullRaw = blank(r.fullName());
		// A whole name typed into one of the two name fields is treated as a whole name.
		if (fullRaw.isEmpty() && familyRaw.isEmpty() && ChineseNames.isHan(givenRaw)) {
			fullRaw = givenRaw;
			givenRaw = "";
		}
		else if (fullRaw.isEmpty() && givenRaw.isEmpty() && ChineseNames.isHan(familyRaw)
				&& familyRaw.replaceAll("\\s", "").codePointCount(0, familyRaw.replaceAll("\\s", "").length()) >= 3) {
			fullRaw = familyRaw;
			familyRaw = "";
		}
		if (givenRaw.isEmpty() && familyRaw.isEmpty() && !fullRaw.isEmpty()) {
			if (ChineseNames.isHan(fullRaw)) {
				String[] split = ChineseNames.split(fullRaw);
				familyRaw = split[0];
				givenRaw = split[1];
			}
			else {
				String[] words = SPACES.split(fullRaw.strip());
				if (words.length == 1) {
					givenRaw = words[0];
				}
				else {
					familyRaw = words[words.length - 1];
					givenRaw = String.join(" ", List.of(words).subList(0, words.length - 1));
				}
			}
		}
		this.han = ChineseNames.isHan(givenRaw) || ChineseNames.isHan(familyRaw);
		String[] givenForms = GIVEN.get(givenRaw, raw -> {
			List<String> words = nameWords(raw);
			return new String[] { String.join("", words), words.isEmpty() ? "" : words.get(0) };
		});
		this.given = givenForms[0];
		this.givenFirst = givenForms[1];
		this.family = FAMILY.get(familyRaw, raw -> String.join("", nameWords(raw)));
		this.organisation = r.organisation() == null ? "" : ORGANISATIONS.get(r.organisation(), PreparedRecord::organisation);
		this.email = blank(r.email()).toLowerCase(Locale.ROOT);
		String digits = blank(r.phone()).replaceAll("\\D", "");
		this.phone = digits.length() < 6 ? "" : digits.substring(Math.max(0, digits.length() - PHONE_DIGITS));
		this.street = street(r.street());
		this.street2 = street(r.street2());
		this.city = r.city() == null ? "" : CITIES.get(r.city(), c -> String.join(" ", nameWords(c)));
		this.postcode = NOT_ALNUM.matcher(SearchText.normalize(r.postcode())).replaceAll("");
		this.region = NOT_ALNUM.matcher(SearchText.normalize(r.region())).replaceAll("");
		this.birthDate = blank(r.birthDate()).replaceAll("\\D", "");
		this.identifier = NOT_ALNUM.matcher(SearchText.normalize(r.identifier())).replaceAll("");
	}

	private static String blank(String value) {
		return value == null ? "" : value.strip();
	}

	/** Lower-case Latin words of a name; Hanzi become their pinyin syllables. */
	static List<String> nameWords(String raw) {
		if (raw == null || raw.isBlank()) {
			return List.of();
		}
		if (ChineseNames.isHan(raw)) {
			List<String> syllables = ChineseNames.syllables(raw);
			// the syllables of one name part form one word: 小明 → "xiaoming", like "Xiaoming"
			return syllables.isEmpty() ? List.of() : List.of(String.join("", syllables));
		}
		String letters = NOT_LETTER.matcher(SearchText.normalize(raw.replace('-', ' '))).replaceAll("");
		return List.of(SPACES.split(letters.strip())).stream().filter(w -> !w.isEmpty()).toList();
	}

	static String street(String raw) {
		String normal = SearchText.normalize(raw).replaceAll("[^\\p{L}\\p{N}\\s]", " ").strip();
		if (normal.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (String word : SPACES.split(normal)) {
			out.append(out.isEmpty() ? "" : " ").append(STREET_WORDS.getOrDefault(word, word));
		}
		return out.toString();
	}

	/** Organisation name without legal form, Hanzi as pinyin: "ACME Ltd." and "Acme Limited" are "acme". */
	static String organisation(String raw) {
		if (raw == null || raw.isBlank()) {
			return "";
		}
		String text = raw.strip();
		if (ChineseNames.isHan(text)) {
			text = SearchText.withoutLegalForm(text);
			StringBuilder latin = new StringBuilder();
			for (String syllable : ChineseNames.syllables(text)) {
				latin.append(syllable);
			}
			String rest = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
			text = latin + " " + rest;
		}
		String normal = SearchText.normalize(text).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}\\s]", " ");
		normal = SPACES.matcher(normal).replaceAll(" ").strip();
		normal = LEGAL_FORM.matcher(normal).replaceAll("").strip();
		return normal.replace(" ", "");
	}

	boolean hasName() {
		return !given.isEmpty() || !family.isEmpty();
	}

}
