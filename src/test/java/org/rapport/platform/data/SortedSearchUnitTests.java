package org.rapport.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SortedSearchUnitTests {

	@Test
	void collectsWhenTheProbeFoundNoMatch() {
		assertThat(SortedSearch.furtherWalk(0, 26, 1_000_000)).isZero();
	}

	@Test
	void collectsWhenTheTableIsNoLargerThanTheProbe() {
		assertThat(SortedSearch.furtherWalk(5, 26, 1_500)).isZero();
		assertThat(SortedSearch.furtherWalk(5, 26, -1)).isZero();
	}

	@Test
	void walksFurtherWhenMatchesAreCommonEnoughToFillThePageSoon() {
		// 10 in 2,000 rows (0.5 %, "shaw" at a million contacts): 5,200 rows to walk against ~5,000 matches to
		// collect; the walk goes twice as far before it gives up
		assertThat(SortedSearch.furtherWalk(10, 26, 1_000_000)).isEqualTo(10_400);
	}

	@Test
	void collectsWhenMatchesAreRareEnoughThatCollectingThemIsCheaper() {
		// 2 in 2,000 rows (0.1 %): 26,000 rows to walk against ~1,000 matches to collect
		assertThat(SortedSearch.furtherWalk(2, 26, 1_000_000)).isZero();
		// the same share as above in a small table: few matches to collect
		assertThat(SortedSearch.furtherWalk(10, 26, 20_000)).isZero();
	}

	@Test
	void walksAtLeastTwiceTheProbeAndAtMostTheBound() {
		// a page of 10 of a term in 1 % of the rows: 1,000 rows to walk, 2,000 with the margin
		assertThat(SortedSearch.furtherWalk(20, 10, 1_000_000)).isEqualTo(SortedSearch.PROBE * 2);
		// a page of 200 of a term in 0.5 % of ten million rows: 40,200 rows to walk, 80,400 with the margin
		assertThat(SortedSearch.furtherWalk(10, 201, 10_000_000)).isEqualTo(SortedSearch.WALK);
		// beyond the bound the walk is not tried: 80,400 rows needed
		assertThat(SortedSearch.furtherWalk(5, 201, 100_000_000)).isZero();
	}

	@Test
	void walksRatherThanCollectWhenTheTermsAreEachCommonThoughTogetherRare() {
		// "li yu lei" at a million contacts (run 19): 4 of 2,000 probed rows match all three terms, but "^li", "^yu" and
		// "lei" match 361, 320 and 49 of them alone; walking the 17,900 rows that fill the page took 8.7 ms, collecting
		// 12.9 ms
		assertThat(SortedSearch.furtherWalk(4, 26, 1_000_000, SortedSearch.PROBE, new int[] { 361, 320, 49 }))
			.isEqualTo(41_831);
		// a collection reads each term's index entries, 730 of the probe's rows' worth: without them it looks cheaper
		assertThat(SortedSearch.furtherWalk(4, 26, 1_000_000, SortedSearch.PROBE, new int[] { 361, 320, 49 },
				new SortedSearch.Costs(SortedSearch.COLLECT_COST, 0, SortedSearch.PRIOR_MATCHES, SortedSearch.STRETCH)))
			.isZero();
	}

	@Test
	void collectsWhenTermsRareTogetherAreRareAloneEnoughThatTheProbeOverestimatesTheirShare() {
		// "tang fei" (run 19): 4 of 2,000 probed rows match both, "tang" and "fei" 26 and 61 alone; the page took a
		// walk of 42,200 rows (17 ms), collecting 2.4 ms. By the probe's count alone (0.2 %) the walk would be 6,500
		// rows; its terms' counts bring the estimate to 0.085 % (0.062 % in the table), 30,500 rows, and the
		// collection is cheaper
		int[] terms = { 26, 61 };
		assertThat(SortedSearch.share(4, SortedSearch.PROBE, terms, SortedSearch.PRIOR_MATCHES))
			.isCloseTo(6.0 / (2_000 + 2.0 / (0.013 * 0.0305)), org.assertj.core.data.Offset.offset(1e-9));
		assertThat(SortedSearch.furtherWalk(4, 26, 1_000_000, SortedSearch.PROBE, terms)).isZero();
		// the model before run 19 (no prior, postings at 0.16) walked 19,500 rows, then collected
		assertThat(SortedSearch.furtherWalk(4, 26, 1_000_000, SortedSearch.PROBE, terms,
				new SortedSearch.Costs(13, 0.16, 0, 1.5))).isEqualTo(19_500);
	}

	@Test
	void estimatesTheShareFromTheMatchesAloneForOneTermOrWithoutPrior() {
		assertThat(SortedSearch.share(4, 2_000, new int[0], 2)).isEqualTo(0.002);
		assertThat(SortedSearch.share(4, 2_000, new int[] { 26 }, 2)).isEqualTo(0.002);
		assertThat(SortedSearch.share(4, 2_000, new int[] { 26, 61 }, 0)).isEqualTo(0.002);
	}

	@Test
	void collectsWhenTheTermsAreRareAlone() {
		// two rare terms: few index entries to read, few matches to collect
		assertThat(SortedSearch.furtherWalk(1, 26, 1_000_000, SortedSearch.PROBE, new int[] { 3, 1 })).isZero();
		// a term the probe did not see counts as half a row
		assertThat(SortedSearch.furtherWalk(2, 26, 1_000_000, SortedSearch.PROBE, new int[] { 2, 0 })).isZero();
	}

	@Test
	void collectsWhenTermsEachCommonAreRareTogetherAndAPageWouldTakeTheLongestWalk() {
		// "xu bo wen" at a million contacts: 1 of 2,000 probed rows matches, "xu", "^bo" and "wen" 138, 116 and 85
		// alone; walking 60,000 rows took 45 ms, collecting its 349 matches 14 ms (run 15); "xu zi qiang" (run 19):
		// 2 of 2,000, and 138, 150 and 20 alone; the page took a walk of 53,000 rows (23 ms), collecting 7.4 ms
		assertThat(SortedSearch.furtherWalk(1, 26, 1_000_000, SortedSearch.PROBE, new int[] { 138, 116, 85 })).isZero();
		assertThat(SortedSearch.furtherWalk(2, 26, 1_000_000, SortedSearch.PROBE, new int[] { 138, 150, 20 })).isZero();
	}

	@Test
	void testsTheTermTheProbeMatchedLeastFirst() {
		List<String> terms = List.of("c.search_text like :p1", "c.search_text like :p2", "c.search_text like :p3");
		assertThat(SortedSearch.rarestFirst(terms, new int[] { 361, 81, 52 }))
			.isEqualTo("c.search_text like :p3 and c.search_text like :p2 and c.search_text like :p1 and ");
		// equal counts keep the query's order
		assertThat(SortedSearch.rarestFirst(terms, new int[] { 5, 5, 1 }))
			.isEqualTo("c.search_text like :p3 and c.search_text like :p1 and c.search_text like :p2 and ");
	}

	@Test
	void testsTheTermsInTheQuerysOrderWhenTheProbeDidNotCountThem() {
		assertThat(SortedSearch.rarestFirst(List.of("a", "b"), new int[0])).isEmpty();
	}

}
