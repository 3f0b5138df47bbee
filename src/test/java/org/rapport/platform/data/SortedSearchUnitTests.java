package org.rapport.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

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

}
