package org.rapport.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;

import org.springframework.stereotype.Service;

/**
 * The lifetime-value model checked on Rapport's own customers as Fader, Hardie and Lee (2005) check it:
 * BG/NBD and Gamma-Gamma fitted on the fulfilled orders (the sales read {@link CustomerAnalytics} uses,
 * whole customer base) up to a calibration end, then expected against actual cumulative repeat purchases
 * week by week through the calibration period and the hold-out, the last {@code holdoutWeeks} weeks
 * before {@code asOf} (default: 26, or a third of the history when that is shorter). Company-wide, so
 * only the roles that read every customer record (admin, marketer, analyst) may see it.
 */
@Service
public class ClvCheck {

	/** The model's name in the {@link ModelRegistry}. */
	public static final String MODEL = "clv";

	public static final int DEFAULT_HOLDOUT_WEEKS = 26;

	public static final int MAX_HOLDOUT_WEEKS = 104;

	private final CustomerAnalytics customers;

	private final ClvAnalysis clv;

	private final ModelRegistry registry;

	private final Clock clock;

	ClvCheck(CustomerAnalytics customers, ClvAnalysis clv, ModelRegistry registry, Clock clock) {
		this.customers = customers;
		this.clv = clv;
		this.registry = registry;
		this.clock = clock;
	}

	/** What to check: the orders to {@code asOf} (default today), the last {@code holdoutWeeks} held out. */
	public record Query(LocalDate asOf, Integer holdoutWeeks) {
	}

	/**
	 * One week of the tracking: cumulative repeat purchases of the customers who first bought by the
	 * calibration end, actual and expected, and the same for the week alone.
	 *
	 * @param period {@code calibration} or {@code holdout} (by the week's last day)
	 */
	public record Week(int week, LocalDate date, String period, long actual, double expected, long actualInWeek,
			double expectedInWeek) {
	}

	/**
	 * The check; without a fit ({@code problem} set: {@code no-orders}, {@code too-short} or
	 * {@code too-little-data}) the parameters are {@code null} and there are no weeks.
	 *
	 * @param start the first order day in the three years to {@code asOf}
	 * @param customers customers in the fit (first order by the calibration end)
	 * @param holdoutMeanAbsoluteError mean over the hold-out weeks of |actual − expected| cumulative repeat purchases
	 */
	public record Check(LocalDate asOf, LocalDate start, LocalDate calibrationEnd, int holdoutWeeks, int customers,
			ClvReport.BgNbdParameters bgNbd, ClvReport.GammaGammaParameters gammaGamma, ClvReport.Holdout holdout,
			Double holdoutMeanAbsoluteError, List<Week> weeks, String problem) {

		static Check without(LocalDate asOf, LocalDate start, int holdoutWeeks, String problem) {
			return new Check(asOf, start, null, holdoutWeeks, 0, null, null, null, null, List.of(), problem);
		}

	}

	/**
	 * The check over the orders to the query's day.
	 * @throws NotPermitted for roles that do not read every customer record
	 * @throws InvalidInput naming {@code holdoutWeeks} when out of range or not shorter than the history
	 */
	public Check check(Query query) {
		if (!Actor.current().role().readsEverything()) {
			throw new NotPermitted("read-clv-check");
		}
		LocalDate asOf = query.asOf() == null ? LocalDate.now(clock) : query.asOf();
		Integer asked = query.holdoutWeeks();
		if (asked != null && (asked < 1 || asked > MAX_HOLDOUT_WEEKS)) {
			throw InvalidInput.of("holdoutWeeks", "out-of-range", "Must be from 1 to " + MAX_HOLDOUT_WEEKS);
		}
		CustomerAnalytics.History history = customers.history(asOf);
		int weeks = asked == null ? DEFAULT_HOLDOUT_WEEKS : asked;
		if (history.first == null) {
			return Check.without(asOf, null, weeks, "no-orders");
		}
		long historyWeeks = ChronoUnit.DAYS.between(history.first, asOf) / 7;
		if (asked == null) {
			weeks = (int) Math.min(DEFAULT_HOLDOUT_WEEKS, historyWeeks / 3);
			if (weeks < 1) {
				return Check.without(asOf, history.first, 0, "too-short");
			}
		}
		else if (weeks >= historyWeeks) {
			throw InvalidInput.of("holdoutWeeks", "longer-than-history",
					"Must be shorter than the history (" + historyWeeks + " weeks since the first order)");
		}
		LocalDate calibrationEnd = asOf.minusWeeks(weeks);
		ClvReport report;
		try {
			report = clv.fromTransactions(CustomerAnalytics.transactions(history),
					new ClvOptions(calibrationEnd, asOf, false, null, null, null));
		}
		catch (InvalidInput ex) {
			return Check.without(asOf, history.first, weeks, "too-little-data"); // e.g. nobody bought twice
		}
		List<Week> rows = new ArrayList<>(report.tracking().size());
		long actualBefore = 0;
		double expectedBefore = 0;
		double error = 0;
		int holdoutRows = 0;
		for (ClvReport.TrackingWeek w : report.tracking()) {
			boolean holdout = w.date().isAfter(calibrationEnd);
			rows.add(new Week(w.week(), w.date(), holdout ? "holdout" : "calibration", w.actual(), w.expected(),
					w.actual() - actualBefore, w.expected() - expectedBefore));
			actualBefore = w.actual();
			expectedBefore = w.expected();
			if (holdout) {
				error += Math.abs(w.actual() - w.expected());
				holdoutRows++;
			}
		}
		return new Check(asOf, history.first, calibrationEnd, weeks, report.customersFitted(), report.bgNbd(),
				report.gammaGamma(), report.holdout(), holdoutRows == 0 ? null : error / holdoutRows, rows, null);
	}

	/**
	 * Computes the check and registers the fit as {@value #MODEL} (no primary metric: a CLV fit is not
	 * promoted by comparison, the newest is the one in use; the same data again register nothing).
	 * @return the registry entry, or {@code null} when the data allow no fit
	 */
	public ModelRegistry.Entry register(Query query) {
		Check c = check(query);
		if (c.bgNbd() == null) {
			return null;
		}
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("holdoutWeeks", c.holdoutWeeks());
		metrics.put("calibrationEnd", c.calibrationEnd().toString());
		metrics.put("logLikelihood", c.bgNbd().logLikelihood());
		metrics.put("r", c.bgNbd().r());
		metrics.put("alpha", c.bgNbd().alpha());
		metrics.put("a", c.bgNbd().a());
		metrics.put("b", c.bgNbd().b());
		if (c.gammaGamma() != null) {
			metrics.put("p", c.gammaGamma().p());
			metrics.put("q", c.gammaGamma().q());
			metrics.put("gamma", c.gammaGamma().gamma());
			metrics.put("ggLogLikelihood", c.gammaGamma().logLikelihood());
		}
		metrics.put("holdoutActual", c.holdout().actual());
		metrics.put("holdoutExpected", c.holdout().expected());
		metrics.put("holdoutMeanAbsoluteError", c.holdoutMeanAbsoluteError());
		return registry.register(MODEL, c.start(), c.asOf(), c.customers(), metrics, null, null);
	}

}
