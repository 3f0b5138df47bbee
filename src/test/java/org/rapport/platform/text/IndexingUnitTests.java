package org.rapport.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.platform.data.SqlQuery;

class IndexingUnitTests {

	@Test
	void longPhoneFragmentsAndChineseNamesAreLikelyRare() {
		assertThat(Indexing.likelyRare("138 0013")).isTrue();
		assertThat(Indexing.likelyRare("+44 (20) 79")).isTrue();
		assertThat(Indexing.likelyRare("张伟")).isTrue();
		assertThat(Indexing.likelyRare("Zhang 伟明")).isTrue();
		// five digits, a single character, Latin or pinyin words: may match many, probed first
		assertThat(Indexing.likelyRare("13800")).isFalse();
		assertThat(Indexing.likelyRare("王")).isFalse();
		assertThat(Indexing.likelyRare("王 伟")).isFalse();
		assertThat(Indexing.likelyRare("Smith")).isFalse();
		assertThat(Indexing.likelyRare("zhang wei")).isFalse();
		assertThat(Indexing.likelyRare(" ")).isFalse();
		assertThat(Indexing.likelyRare(null)).isFalse();
	}

	@Test
	void anOrdinaryContactKeepsAllItsSearchText() {
		Indexing ix = Indexing.ofContact("梁斌曦", "斌曦", "梁", List.of("binxi.liang@mingxing-119.cn"), List.of("+86 138 0013 8000"),
				"成都明星软件有限公司");
		assertThat(ix.searchText()).contains("梁斌曦", "binxi.liang@mingxing-119.cn", "成都明星软件有限公司", "liang bin xi",
				"cheng du ming xing");
		assertThat(ix.grams()).contains("梁斌", "^b", "公司");
		assertThat(ix.phoneDigits()).isEqualTo("8613800138000");
	}

	@Test
	void searchColumnsOfTheLargestContactStayWithinTheirBounds() {
		String family = "欧".repeat(200);
		String given = "阳".repeat(100) + "😀".repeat(100);
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			emails.add("a".repeat(60) + i + "@" + "b".repeat(180) + ".example.com");
		}
		Indexing ix = Indexing.ofContact(family + given, given, family, emails, List.of(), "公".repeat(200));
		assertThat(ix.searchText().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Indexing.MAX_TEXT_BYTES);
		assertThat(ix.searchText()).startsWith("欧欧欧");
		// the grams are not bounded (no sort index carries them): every gram of the text is kept
		assertThat(ix.grams()).containsExactlyElementsOf(SearchText.grams(ix.searchText()));
		assertThat(ix.grams()).contains("欧", "欧欧");
	}

	@Test
	void aShortTermMatchesAtTheStartOfAWordAfterAnAsciiSeparator() {
		Indexing ix = Indexing.ofContact("Jean ·Lv", "Jean", "·Lv", List.of("x.lv@example.com", "ab86lv@example.com"),
				List.of(), "王lv");
		assertThat(ix.matches("lv")).isTrue();
		assertThat(ix.matches("jean lv")).isTrue();
		Indexing other = Indexing.ofContact("Jean ·Lv", "Jean", "·Lv", List.of("ab86lv@example.com"), List.of(), "王lv");
		// after a digit, a Chinese character or non-ASCII punctuation, "lv" continues a word
		assertThat(other.grams()).contains("^lv");
		assertThat(other.matches("lv")).isFalse();
		assertThat(other.matches("lva")).isFalse();
		assertThat(other.matches("86lv")).isTrue();
		assertThat(Indexing.startsAWord("o'lv", "lv")).isTrue();
		assertThat(Indexing.startsAWord("_lv", "lv")).isTrue();
		assertThat(Indexing.startsAWord("lv", "lv")).isTrue();
		assertThat(Indexing.startsAWord("olv lv", "lv")).isTrue();
		assertThat(Indexing.startsAWord("olv", "lv")).isFalse();
		assertThat(Indexing.startsAWord("😀lv", "lv")).isFalse();
		// a short term with a character that is no letter or digit has no word-start gram: it matches nothing
		assertThat(ix.matches("x.")).isFalse();
	}

	@Test
	void aTermThatAnotherImpliesIsNotTestedTwice() {
		// a repeated syllable (红红), any case
		assertThat(Indexing.terms("Tang Hong HONG")).containsExactly("tang", "hong");
		// contained in a longer term, which matches only where the text contains both
		assertThat(Indexing.terms("han hang")).containsExactly("hang");
		assertThat(Indexing.terms("王 王梓")).containsExactly("王梓");
		assertThat(Indexing.terms("zhang 张 zhangwei")).containsExactly("张", "zhangwei");
		// a word start beside a longer word start beginning with it
		assertThat(Indexing.terms("l li")).containsExactly("li");
		// not implied: a word start is not implied by a term matched anywhere ("xliang" holds "liang", not a word "li…"),
		// nor a term matched anywhere by a word start; a short term that matches nothing stays, and with it the query
		assertThat(Indexing.terms("li liang")).containsExactly("li", "liang");
		assertThat(Indexing.terms("lia li")).containsExactly("lia", "li");
		assertThat(Indexing.terms("x. x.lv")).containsExactly("x.", "x.lv");

		SqlQuery q = new SqlQuery();
		assertThat(Indexing.match("c", "tang hong hong", q)).hasSize(2);
		// found as before: the conditions left select the same rows
		Indexing ix = Indexing.ofContact("唐红红", "红红", "唐", List.of(), List.of(), null);
		assertThat(ix.matches("tang hong hong")).isTrue();
		assertThat(ix.matches("han hang")).isFalse();
		assertThat(Indexing.ofContact("Han Hang", "Hang", "Han", List.of(), List.of(), null).matches("han hang")).isTrue();
		assertThat(ix.matches("x. x.lv")).isFalse();
	}

	@Test
	void quadgramsAreFourAsciiCharactersWithoutASpace() {
		assertThat(SearchText.quadgrams("xiang chen li xiangchenli")).containsExactly("xian", "iang", "chen", "angc", "ngch",
				"gche", "henl", "enli");
		assertThat(SearchText.quadgrams("王lv@x.cn 张伟")).containsExactly("lv@x", "v@x.", "@x.c", "x.cn");
		assertThat(SearchText.quadgrams("abc")).isEmpty();
		assertThat(SearchText.quadgrams("straße")).containsExactly("stra");
		Indexing ix = Indexing.ofContact("向晨立", "晨立", "向", List.of("x.lv@example.com"), List.of(), null);
		assertThat(ix.grams()).contains("xian", "iang", "chen", "x.lv", "^x", "向晨").doesNotContain("ian ", "g ch");
	}

	@Test
	void aTermOfFourAsciiCharactersIsFoundByItsGramAndALongerOneByItsQuadgramsAndTheText() {
		SqlQuery four = new SqlQuery();
		List<String> scanned = Indexing.match("c", "Jian", four);
		// collected through the gram alone, exact; walked on the text
		assertThat(four.where()).contains("c.search_grams @> cast(").doesNotContain("like");
		assertThat(scanned).singleElement().asString().contains("c.search_text like");
		assertThat(four.params().values()).anySatisfy(v -> assertThat(v).isEqualTo(new String[] { "jian" }));

		SqlQuery five = new SqlQuery();
		Indexing.match("c", "xiang", five);
		// the quadgrams narrow, the text decides, tested by a function the trigram index does not serve
		assertThat(five.where()).contains("c.search_grams @> cast(", "textlike(c.search_text, ").doesNotContain(" like ");
		assertThat(five.params().values()).anySatisfy(v -> assertThat(v).isEqualTo(new String[] { "xian", "iang" }));

		SqlQuery three = new SqlQuery();
		Indexing.match("c", "kai", three);
		assertThat(three.where()).contains("c.search_text like").doesNotContain("search_grams");

		// the same rows as the text: "xiao jian zhang" has the trigrams of "xiang", not its quadgrams
		Indexing other = Indexing.ofContact("Xiao Jian Zhang", "Jian", "Zhang", List.of(), List.of(), null);
		assertThat(other.grams()).contains("jian").doesNotContain("xian", "iang");
		assertThat(other.matches("xiang")).isFalse();
		assertThat(other.matches("jian")).isTrue();
	}

	@Test
	void textIsCutAtAWholeCharacter() {
		assertThat(Indexing.capped("ab😀c", 5)).isEqualTo("ab");
		assertThat(Indexing.capped("ab😀c", 6)).isEqualTo("ab😀");
		assertThat(Indexing.capped("abc", 3)).isEqualTo("abc");
		assertThat(Indexing.capped("ab cd", 3)).isEqualTo("ab");
	}

}
