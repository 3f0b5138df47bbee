package org.rapport.platform.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * Turns names, e-mails, phones and companies into what the search indexes hold, and a user's query
 * into what is looked up, the same way on both sides.
 * <ul>
 * <li>{@link #normalize}: lower case, accents and width folded ({@code Ｍüller} → {@code muller}), so a
 * trigram index answers "any part, case-insensitive".</li>
 * <li>{@link #grams}: what a trigram index cannot serve: each CJK character and each pair of adjacent
 * CJK characters (Chinese names are often two or three characters), and the first one and two
 * letters of each word (queries of one or two letters), marked with {@code ^}.</li>
 * <li>{@link #digits}: the digits of phone numbers, so any formatting finds them.</li>
 * <li>{@link #pinyin}: the toneless pinyin of Chinese text, so 张伟 is found as "zhang wei".</li>
 * </ul>
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Control characters and unpaired surrogates: never in stored text, dropped from queries. */
	private static final Pattern UNSEARCHABLE = Pattern.compile("[\\p{Cc}\\p{Cs}]+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern PHONE_QUERY = Pattern.compile("[+]?[\\d\\s().\\-/]*\\d[\\d\\s().\\-/]*");

	/** Shortest digit run searched as a phone fragment. */
	public static final int MIN_PHONE_DIGITS = 3;

	private SearchText() {
	}

	public static String normalize(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String folded = Normalizer.normalize(UNSEARCHABLE.matcher(text).replaceAll(" "), Normalizer.Form.NFKD);
		folded = MARKS.matcher(folded).replaceAll("");
		folded = folded.toLowerCase(Locale.ROOT);
		return SPACES.matcher(folded).replaceAll(" ").strip();
	}

	public static boolean isCjk(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	public static boolean containsCjk(String text) {
		return text != null && text.codePoints().anyMatch(SearchText::isCjk);
	}

	/** Index grams of already {@linkplain #normalize normalized} text. */
	public static Set<String> grams(String normalized) {
		Set<String> grams = new LinkedHashSet<>();
		int[] cps = normalized.codePoints().toArray();
		for (int i = 0; i < cps.length; i++) {
			if (isCjk(cps[i])) {
				grams.add(new String(cps, i, 1));
				if (i + 1 < cps.length && isCjk(cps[i + 1])) {
					grams.add(new String(cps, i, 2));
				}
			}
			else if (Character.isLetterOrDigit(cps[i]) && (i == 0 || !Character.isLetterOrDigit(cps[i - 1]))) {
				grams.add("^" + new String(cps, i, 1));
				if (i + 1 < cps.length && Character.isLetterOrDigit(cps[i + 1]) && !isCjk(cps[i + 1])) {
					grams.add("^" + new String(cps, i, 2));
				}
			}
		}
		return grams;
	}

	/** The grams a query term needs: every CJK pair (or the single CJK character), or the word start. */
	public static List<String> queryGrams(String normalizedTerm) {
		List<String> grams = new ArrayList<>();
		int[] cps = normalizedTerm.codePoints().toArray();
		if (containsCjk(normalizedTerm)) {
			for (int i = 0; i < cps.length; i++) {
				if (isCjk(cps[i])) {
					boolean pair = i + 1 < cps.length && isCjk(cps[i + 1]);
					boolean alone = (i == 0 || !isCjk(cps[i - 1])) && !pair;
					if (pair) {
						grams.add(new String(cps, i, 2));
					}
					else if (alone) {
						grams.add(new String(cps, i, 1));
					}
				}
			}
		}
		else if (cps.length > 0 && cps.length < 3) {
			grams.add("^" + normalizedTerm);
		}
		return grams;
	}

	/** Digits only; several phones are separated by a space so no fragment spans two numbers. */
	public static String digits(List<String> phones) {
		List<String> parts = new ArrayList<>();
		for (String phone : phones) {
			if (phone != null) {
				String d = phone.replaceAll("\\D", "");
				if (!d.isEmpty()) {
					parts.add(d);
				}
			}
		}
		return String.join(" ", parts);
	}

	/** Whether a whole query looks like (part of) a phone number: digits and phone punctuation only. */
	public static boolean isPhoneQuery(String query) {
		return query != null && PHONE_QUERY.matcher(query.strip()).matches()
				&& query.replaceAll("\\D", "").length() >= MIN_PHONE_DIGITS;
	}

	/** Toneless pinyin of the Chinese characters in the text, both spaced and joined: "zhang wei zhangwei". */
	public static String pinyin(String text) {
		if (!containsCjk(text)) {
			return "";
		}
		StringBuilder spaced = new StringBuilder();
		StringBuilder joined = new StringBuilder();
		int[] cps = text.codePoints().toArray();
		StringBuilder han = new StringBuilder();
		for (int cp : cps) {
			if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				han.appendCodePoint(cp);
			}
		}
		if (han.isEmpty()) {
			return "";
		}
		for (Pinyin p : HanLP.convertToPinyinList(han.toString())) {
			String syllable = p.getPinyinWithoutTone();
			if (syllable == null || syllable.equals("none")) {
				continue;
			}
			spaced.append(spaced.isEmpty() ? "" : " ").append(syllable);
			joined.append(syllable);
		}
		return spaced.isEmpty() ? "" : spaced + " " + joined;
	}

	/** Escapes LIKE wildcards so user input matches literally (escape character: backslash). */
	public static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
