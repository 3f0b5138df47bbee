package org.rapport.analytics.sentiment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.sentiment.LexiconSentimentModel.Verdict;
import org.rapport.analytics.sentiment.SentimentSets.Labelled;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped default (lexicons only): verdicts, negation, evidence and its accuracy on the benchmarks. */
class LexiconSentimentModelUnitTests {

	private final LexiconSentimentModel model = new LexiconSentimentModel();

	@Test
	void readsEnglishWithNegationAndNamesTheWords() {
		Verdict good = model.analyse("The support team was great and really helpful!", 5);
		assertThat(good.language()).isEqualTo(Language.EN);
		assertThat(good.label()).isEqualTo("positive");
		assertThat(good.evidence()).contains("great", "helpful");

		Verdict bad = model.analyse("The delivery was late and the box arrived broken. Terrible.", 5);
		assertThat(bad.label()).isEqualTo("negative");
		assertThat(bad.evidence()).contains("terrible", "broken");

		Verdict negated = model.analyse("The product is not good", 5);
		assertThat(negated.label()).isEqualTo("negative");
		assertThat(negated.evidence()).containsExactly("not good");

		Verdict neutral = model.analyse("The invoice number is 12345 and the order left on Tuesday", 5);
		assertThat(neutral.label()).isEqualTo("neutral");
		assertThat(neutral.evidence()).isEmpty();
	}

	@Test
	void readsChineseThroughHanLpSegmentation() {
		Verdict good = model.analyse("服务很好，房间干净，非常满意", 5);
		assertThat(good.language()).isEqualTo(Language.ZH);
		assertThat(good.label()).isEqualTo("positive");
		assertThat(good.evidence()).isNotEmpty();

		Verdict bad = model.analyse("质量很差，非常失望，再也不买了", 5);
		assertThat(bad.label()).isEqualTo("negative");
		assertThat(bad.evidence()).contains("失望");

		assertThat(model.analyse("我不满意", 5).label()).isEqualTo("negative");
	}

	@Test
	void languageIsTheShareOfCjkLetters() {
		assertThat(TextTokens.language("订单 12345 已发货, thanks")).isEqualTo(Language.ZH);
		assertThat(TextTokens.language("Order 12345 shipped to 北京")).isEqualTo(Language.EN);
		assertThat(TextTokens.language("12345 !!!")).isEqualTo(Language.EN);
	}

	@Test
	void scoreIsBoundedAndGrowsWithMoreEvidence() {
		double one = model.analyse("good", 5).score();
		double three = model.analyse("good, great and excellent", 5).score();
		assertThat(one).isPositive();
		assertThat(three).isGreaterThan(one).isLessThan(1.0);
		assertThat(model.analyse("awful horrible terrible disgusting", 5).score()).isGreaterThan(-1.0).isLessThan(-0.9);
	}

	/**
	 * Not an anchor (the anchors are for the trained method, {@link SentimentBenchmarkUnitTests}): how
	 * far the shipped lexicons go on review text they never saw, recorded in docs/analytics.md. A text
	 * counts as positive when its score is above zero.
	 */
	@Test
	void shippedDefaultOnTheBenchmarks() {
		double yelp = accuracy(SentimentSets.uci("yelp"));
		double chn = accuracy(SentimentSets.chnSentiCorp("test"));
		System.out.printf("shipped default: yelp (all 1,000) %.4f, ChnSentiCorp test %.4f%n", yelp, chn);
		assertThat(yelp).isGreaterThan(0.70);
		assertThat(chn).isGreaterThan(0.60);
	}

	@Test
	void naughtyStringsNeverBreakIt() throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("rapport.datasets"), "blns", "blns.txt");
		int analysed = 0;
		for (String line : java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Verdict v = model.analyse(line, 5);
			assertThat(v.score()).as(line).isBetween(-1.0, 1.0);
			assertThat(v.label()).isIn("positive", "negative", "neutral");
			analysed++;
		}
		assertThat(analysed).isGreaterThan(400);
	}

	private double accuracy(List<Labelled> set) {
		int right = 0;
		for (Labelled l : set) {
			right += (model.analyse(l.text(), 5).score() > 0) == l.positive() ? 1 : 0;
		}
		return (double) right / set.size();
	}

}
