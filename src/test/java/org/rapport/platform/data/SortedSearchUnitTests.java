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
		// 10 in 2,000 rows (0.5 %, "shaw" at a million contacts): 5,200 rows to walk against ~5,000 matches to collect
		assertThat(SortedSearch.furtherWalk(10, 26, 1_000_000)).isEqualTo(7_800);
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
		assertThat(SortedSearch.furtherWalk(25, 26, 1_000_000)).isEqualTo(SortedSearch.PROBE * 2);
		// a page of 200 of a term in 0.5 % of ten million rows: 40,200 rows to walk, over 60,000 with the margin
		assertThat(SortedSearch.furtherWalk(10, 201, 10_000_000)).isEqualTo(SortedSearch.WALK);
		// beyond the bound the walk is not tried: 80,400 rows needed
		assertThat(SortedSearch.furtherWalk(5, 201, 100_000_000)).isZero();
	}

	@Test
	void walksRatherThanCollectWhenTheTermsAreEachCommonThoughTogetherRare() {
		// "wu jian bo" at a million contacts: 2 of 2,000 probed rows match all three terms, but "^wu", "jian" and
		// "^bo" match 80, 250 and 60 of them alone; collecting reads some 195,000 index entries (68 ms measured),
		// walking 26,000 rows takes 14 ms
		assertThat(SortedSearch.furtherWalk(2, 26, 1_000_000, SortedSearch.PROBE, new int[] { 80, 250, 60 }))
			.isEqualTo(39_000);
		assertThat(SortedSearch.furtherWalk(2, 26, 1_000_000)).isZero();
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
		// alone; walking 60,000 rows took 45 ms, collecting its 349 matches 14 ms (run 15)
		assertThat(SortedSearch.furtherWalk(1, 26, 1_000_000, SortedSearch.PROBE, new int[] { 138, 116, 85 })).isZero();
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
