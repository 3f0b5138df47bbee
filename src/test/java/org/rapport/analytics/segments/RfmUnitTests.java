package org.rapport.analytics.segments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.segments.Rfm.Customer;
import org.rapport.analytics.segments.Rfm.Score;
import org.rapport.analytics.segments.Rfm.Segment;

import static org.assertj.core.api.Assertions.assertThat;

/** RFM quintile scores and segments on a hand-computed example. */
class RfmUnitTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

	/**
	 * Ten customers. Score = 1 + ⌊5 · (customers with a worse value) / 10⌋, i.e. 1 + ⌊worse / 2⌋:
	 * <pre>
	 * id  days  orders  spent | worse R  R | worse F  F | worse M  M | segment
	 * a     1     20    5000  |    9     5 |    9     5 |    9     5 | champions
	 * b     5     10    2000  |    8     5 |    8     5 |    8     5 | champions
	 * c    10      1      50  |    7     4 |    0     1 |    1     1 | new
	 * d    20      6     900  |    6     4 |    6     4 |    6     4 | champions
	 * e    30      3     300  |    5     3 |    3     2 |    4     3 | needs attention
	 * f    30      5     800  |    5     3 |    5     3 |    5     3 | loyal
	 * g   100      8    1500  |    3     2 |    7     4 |    7     4 | at risk
	 * h   100      2     100  |    3     2 |    2     2 |    2     2 | hibernating
	 * i   200      3     200  |    1     1 |    3     2 |    3     2 | hibernating
	 * j   400      1      20  |    0     1 |    0     1 |    0     1 | lost
	 * </pre>
	 * (e and f tie on recency, e and i on orders: each pair shares the score.)
	 */
	@Test
	void quintileScoresAndSegmentsMatchTheHandComputation() {
		List<Customer> customers = new ArrayList<>();
		customers.add(customer("a", 1, 20, "5000"));
		customers.add(customer("b", 5, 10, "2000"));
		customers.add(customer("c", 10, 1, "50"));
		customers.add(customer("d", 20, 6, "900"));
		customers.add(customer("e", 30, 3, "300"));
		customers.add(customer("f", 30, 5, "800"));
		customers.add(customer("g", 100, 8, "1500"));
		customers.add(customer("h", 100, 2, "100"));
		customers.add(customer("i", 200, 3, "200"));
		customers.add(customer("j", 400, 1, "20"));
		List<Score> scores = Rfm.score(customers, AS_OF);
		assertThat(scores).extracting(Score::code)
			.containsExactly("555", "555", "411", "444", "323", "333", "244", "222", "122", "111");
		assertThat(scores).extracting(Score::segment)
			.containsExactly(Segment.CHAMPIONS, Segment.CHAMPIONS, Segment.NEW, Segment.CHAMPIONS, Segment.NEEDS_ATTENTION,
					Segment.LOYAL, Segment.AT_RISK, Segment.HIBERNATING, Segment.HIBERNATING, Segment.LOST);
		assertThat(scores.get(6).recencyDays()).isEqualTo(100);
	}

	@Test
	void everyGridCellHasExactlyOneSegment() {
		for (int r = 1; r <= 5; r++) {
			for (int f = 1; f <= 5; f++) {
				assertThat(Segment.of(r, f)).isNotNull();
			}
		}
		assertThat(Segment.of(5, 2)).isEqualTo(Segment.PROMISING);
		assertThat(Segment.of(1, 5)).isEqualTo(Segment.AT_RISK);
	}

	private static Customer customer(String id, int daysAgo, int orders, String spent) {
		return new Customer(id, AS_OF.minusDays(daysAgo), orders, new BigDecimal(spent));
	}

}
