package org.rapport.data.internal.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * Chinese names: the split of a whole name written in Hanzi into family and given name (the family
 * name comes first and is one character, or two for the compound surnames below), and the toneless
 * pinyin that lets 张伟 meet "Zhang Wei" or "Wei Zhang".
 */
public final class ChineseNames {

	/** Two-character family names; every other Chinese family name is one character. */
	private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
			"公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "万俟",
			"闻人", "申屠", "太史", "澹台", "呼延", "赫连", "百里", "东郭", "濮阳", "单于");

	private ChineseNames() {
	}

	/** Whether the text holds Chinese characters. */
	public static boolean isHan(String text) {
		return text != null && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
	}

	/**
	 * Splits a whole Chinese name into {family, given}: "张伟" → {"张", "伟"}, "欧阳娜娜" → {"欧阳", "娜娜"}.
	 * Names of one character, or not in Hanzi, give {"", name}.
	 */
	public static String[] split(String fullName) {
		String name = fullName == null ? "" : fullName.replaceAll("[\\s·•.]", "");
		if (!isHan(name) || name.codePointCount(0, name.length()) < 2) {
			return new String[] { "", name };
		}
		int familyLength = name.codePointCount(0, name.length()) >= 3 && COMPOUND_SURNAMES.contains(prefix(name, 2)) ? 2 : 1;
		String family = prefix(name, familyLength);
		return new String[] { family, name.substring(family.length()) };
	}

	private static String prefix(String text, int codePoints) {
		return text.substring(0, text.offsetByCodePoints(0, codePoints));
	}

	/** Toneless pinyin syllables of the Hanzi in the text, in order ("张伟" → [zhang, wei]). */
	public static List<String> syllables(String text) {
		List<String> result = new ArrayList<>();
		StringBuilder han = new StringBuilder();
		text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).forEach(han::appendCodePoint);
		if (han.isEmpty()) {
			return result;
		}
		for (Pinyin p : HanLP.convertToPinyinList(han.toString())) {
			String syllable = p.getPinyinWithoutTone();
			if (syllable != null && !syllable.equals("none")) {
				result.add(syllable.replace("ü", "v"));
			}
		}
		return result;
	}

}
