package org.rapport.analytics.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The weekly expected-versus-actual cumulative repeat purchases of a cohort over calibration and
 * hold-out (FHL 2005, Figure 4). Week {@code k} ends on day {@code 7k - 1} after the cohort's first
 * purchase day (CDNOW: week 39 ends on 1997-09-30). A customer who first bought on day {@code f}
 * contributes {@code E[X((D - f) / 7)]} (FHL eq. 9) to the expectation at day {@code D}; the actual
 * figure counts repeat purchase days up to and including {@code D}, so both measure time as
 * {@code T} does.
 */
public final class RepeatPurchaseTracking {

	private RepeatPurchaseTracking() {
	}

	/**
	 * One row of the tracking table.
	 *
	 * @param week week number since the cohort's start (the last row may end before a full week)
	 * @param date the week's last day
	 * @param actual repeat purchases up to and including {@code date}
	 * @param expected their expectation under the model
	 */
	public record Week(int week, LocalDate date, long actual, double expected) {
	}

	public static List<Week> weekly(BgNbd model, TransactionLog.Cohort cohort) {
		int last = cohort.dailyRepeats().length - 1;
		List<Integer> ends = new ArrayList<>();
		for (int end = 6; end <= last; end += 7) {
			ends.add(end);
		}
		if (ends.isEmpty() || ends.get(ends.size() - 1) != last) {
			ends.add(last);
		}
		long[] cumulative = new long[last + 1];
		long running = 0;
		for (int d = 0; d <= last; d++) {
			running += cohort.dailyRepeats()[d];
			cumulative[d] = running;
		}
		List<Week> weeks = new ArrayList<>(ends.size());
		for (int k = 0; k < ends.size(); k++) {
			int end = ends.get(k);
			double expected = 0;
			for (int i = 0; i < cohort.firstPurchaseDay().length; i++) {
				int f = cohort.firstPurchaseDay()[i];
				if (f < end) {
					expected += cohort.firstPurchases()[i] * model.expectedTransactions((end - f) / 7.0);
				}
			}
			weeks.add(new Week(k + 1, cohort.start().plusDays(end), cumulative[end], expected));
		}
		return weeks;
	}

}
