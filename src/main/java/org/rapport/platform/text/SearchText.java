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

	/**
	 * Index grams of already {@linkplain #normalize normalized} text: each CJK character and pair of adjacent ones,
	 * the first one and two letters or digits of each word ({@code ^} and the characters), and its
	 * {@linkplain #quadgrams quadgrams}.
	 */
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
		grams.addAll(quadgrams(normalized));
		return grams;
	}

	/**
	 * The quadgrams of normalized text or of a query term: every four consecutive characters that are ASCII and no
	 * space, once each, in order. A text that contains a term contains each of the term's quadgrams, so a row's
	 * quadgrams in the gram index find the rows that may contain a term of five characters or more, and exactly
	 * those that contain a term of four ASCII characters. They tell apart what trigrams cannot: "xiang" has the
	 * trigrams of "xiao jian zhang", but not its quadgrams. No other gram is four ASCII characters long (CJK grams
	 * are not ASCII, word starts two or three characters long).
	 */
	public static List<String> quadgrams(String normalized) {
		Set<String> quads = new LinkedHashSet<>();
		int run = 0;
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			run = c < 0x80 && c != ' ' ? run + 1 : 0;
			if (run >= QUAD) {
				quads.add(normalized.substring(i - QUAD + 1, i + 1));
			}
		}
		return List.copyOf(quads);
	}

	/** Characters of a quadgram. */
	static final int QUAD = 4;

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

	private static final Pattern CJK_LEGAL_FORM = Pattern.compile(
			"(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|分公司|工作室|事务所)+$");

	/**
	 * A Chinese company name without its legal form ({@code 上海云帆科技有限公司} → {@code 上海云帆科技}),
	 * so that its pinyin does not make "gong si" match half of all companies.
	 */
	public static String withoutLegalForm(String name) {
		if (name == null) {
			return null;
		}
		return CJK_LEGAL_FORM.matcher(name.strip()).replaceAll("");
	}

	/** Escapes LIKE wildcards so user input matches literally (escape character: backslash). */
	public static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
