package org.rapport.analytics.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;

/**
 * Splits customer text into words: Chinese with HanLP's dictionary segmentation (portable
 * dictionaries), English on letters and apostrophes, lower-cased. Also tells the language apart by
 * the share of CJK ideographs among the letters.
 */
public final class TextTokens {

	/** A text is Chinese when at least this share of its letters are Han ideographs. */
	static final double CJK_SHARE = 0.3;

	private TextTokens() {
	}

	/** {@code zh} or {@code en}: the share of Han ideographs among the letters of the text. */
	public static Language language(String text) {
		int letters = 0;
		int han = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetter(cp)) {
				letters++;
				if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
					han++;
				}
			}
		}
		return letters > 0 && han >= CJK_SHARE * letters ? Language.ZH : Language.EN;
	}

	/** The words of the text in order, without punctuation and spaces. */
	public static List<String> words(String text, Language language) {
		return language == Language.ZH ? chineseWords(text) : englishWords(text);
	}

	static List<String> englishWords(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		String lower = text.toLowerCase(Locale.ROOT);
		for (int i = 0; i < lower.length();) {
			int cp = lower.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp) || (cp == '\'' || cp == '\u2019') && word.length() > 0) {
				word.appendCodePoint(cp == '\u2019' ? '\'' : cp);
			}
			else {
				flush(word, words);
				if (cp == '!' || cp == '?') {
					words.add(String.valueOf((char) cp));
				}
			}
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		int end = word.length();
		while (end > 0 && word.charAt(end - 1) == '\'') {
			end--;
		}
		if (end > 0) {
			words.add(word.substring(0, end));
		}
		word.setLength(0);
	}

	static List<String> chineseWords(String text) {
		List<String> words = new ArrayList<>();
		for (Term term : segment(text)) {
			String w = term.word.strip().toLowerCase(Locale.ROOT);
			if (w.isEmpty()) {
				continue;
			}
			boolean content = false;
			for (int i = 0; i < w.length() && !content; i++) {
				content = Character.isLetterOrDigit(w.charAt(i));
			}
			if (content) {
				words.add(w);
			}
			else if (w.indexOf('!') >= 0 || w.indexOf('！') >= 0) {
				words.add("!");
			}
			else if (w.indexOf('?') >= 0 || w.indexOf('？') >= 0) {
				words.add("?");
			}
		}
		return words;
	}

	private static List<Term> segment(String text) {
		return SEGMENT.seg(text);
	}

	// HanLP's standard segmenter (Viterbi over the core dictionary) without part-of-speech tagging
	// or name recognition, which sentiment does not need and which cost time. Stateless per call.
	private static final Segment SEGMENT = new ViterbiSegment().enableAllNamedEntityRecognize(false)
		.enablePartOfSpeechTagging(false)
		.enableCustomDictionary(true);

}
