package org.rapport.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.platform.UserDirectory;
import org.rapport.platform.data.SqlQuery;
import org.rapport.sales.internal.HoltWinters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast for a period, over the deals the actor may see, in the corporate currency:
 * <ul>
 * <li><b>committed</b>: deals won in the period;</li>
 * <li><b>weighted pipeline</b>: open deals expected to close in the period, amount × probability;</li>
 * <li><b>best case</b>: committed + the full amount of those open deals;</li>
 * <li><b>projection</b>: monthly won revenue of the last 36 months, smoothed by Holt-Winters
 * ({@link HoltWinters}) and projected over the period's months; its <b>back-test</b> fits the same
 * model without the last months of history and compares its forecast with what was actually won
 * in those held-back months (MAE and MAPE).</li>
 * </ul>
 */
@Service
public class Forecasts {

	static final int HISTORY_MONTHS = 36;

	static final int HOLD_BACK_MONTHS = 6;

	private final JdbcClient jdbc;

	private final SalesReports reports;

	private final CurrencyManagement currencies;

	private final UserDirectory users;

	private final Clock clock;

	Forecasts(JdbcClient jdbc, SalesReports reports, CurrencyManagement currencies, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.currencies = currencies;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Figures of one owner (or of everyone).
	 *
	 * @param ownerId owner (null for the total)
	 * @param name owner's name, or team's name
	 * @param committed won in the period
	 * @param weighted open pipeline × probability
	 * @param bestCase committed + open pipeline
	 */
	public record Line(Long ownerId, String name, BigDecimal committed, BigDecimal weighted, BigDecimal bestCase) {
	}

	/**
	 * The statistical projection and its back-test.
	 *
	 * @param method the smoothing model fitted
	 * @param alpha level parameter
	 * @param beta trend parameter
	 * @param gamma season parameter
	 * @param historyMonths months of history used
	 * @param months the projected months
	 * @param projected projected won revenue per month
	 * @param total sum over the period
	 * @param backtestMonths the held-back months
	 * @param backtestActual what was won in them
	 * @param backtestForecast what the model fitted without them forecast
	 * @param mae mean absolute error of the back-test
	 * @param mape mean absolute percentage error over held-back months with revenue (null if none)
	 */
	public record Projection(String method, double alpha, double beta, double gamma, int historyMonths,
			List<String> months, List<BigDecimal> projected, BigDecimal total, List<String> backtestMonths,
			List<BigDecimal> backtestActual, List<BigDecimal> backtestForecast, BigDecimal mae, BigDecimal mape) {
	}

	/**
	 * The forecast.
	 *
	 * @param period period name
	 * @param from first day
	 * @param to last day
	 * @param currency corporate currency
	 * @param total figures for all visible deals
	 * @param byOwner per owner
	 * @param byTeam per team
	 * @param projection the statistical projection
	 */
	public record Forecast(String period, LocalDate from, LocalDate to, String currency, Line total, List<Line> byOwner,
			List<Line> byTeam, Projection projection) {
	}

	@Transactional(readOnly = true)
	public Forecast forecast(Period period, Long ownerId, Long teamId) {
		String currency = currencies.corporateCurrency();
		SalesReports.Filter filter = new SalesReports.Filter(period, null, ownerId, teamId);
		SqlQuery q = reports.scoped(filter, "d");
		String wonAmount = CurrencyManagement.toCorporateSql("d.amount", "d.currency", "d.closed_at::date");
		String openAmount = CurrencyManagement.toCorporateSql("d.amount", "d.currency", "current_date");
		String start = q.param(SalesReports.startTs(period));
		String end = q.param(SalesReports.endTs(period));
		String first = q.param(Date.valueOf(period.start()));
		String last = q.param(Date.valueOf(period.end()));
		Map<Long, BigDecimal[]> perOwner = new LinkedHashMap<>();
		jdbc.sql("select d.owner_id, "
				+ "coalesce(sum(" + wonAmount + ") filter (where s.outcome = 'won' and d.closed_at >= " + start
				+ " and d.closed_at < " + end + "), 0), "
				+ "coalesce(sum(" + openAmount + " * d.probability / 100.0) filter (where s.outcome = 'open' "
				+ "and d.expected_close_date between " + first + " and " + last + "), 0), "
				+ "coalesce(sum(" + openAmount + ") filter (where s.outcome = 'open' and d.expected_close_date between "
				+ first + " and " + last + "), 0) "
				+ "from deals d join pipeline_stages s on s.id = d.stage_id where " + q.where() + " group by d.owner_id")
			.params(q.params())
			.query(rs -> {
				perOwner.put(rs.getLong(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4) });
			});
		Map<Long, String> names = users.displayNames(perOwner.keySet());
		List<Line> byOwner = new ArrayList<>();
		Map<Long, BigDecimal[]> perTeam = new LinkedHashMap<>();
		BigDecimal[] sum = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		perOwner.forEach((owner, v) -> {
			byOwner.add(line(owner, names.getOrDefault(owner, "#" + owner), v, currency));
			Long team = users.find(owner).map(UserDirectory.UserSummary::teamId).orElse(null);
			if (team != null) {
				BigDecimal[] t = perTeam.computeIfAbsent(team, k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
				for (int i = 0; i < 3; i++) {
					t[i] = t[i].add(v[i]);
				}
			}
			for (int i = 0; i < 3; i++) {
				sum[i] = sum[i].add(v[i]);
			}
		});
		byOwner.sort((a, b) -> b.bestCase().compareTo(a.bestCase()));
		List<Line> byTeam = perTeam.entrySet().stream()
			.map(e -> line(e.getKey(), users.teamName(e.getKey()).orElse("#" + e.getKey()), e.getValue(), currency))
			.toList();
		return new Forecast(period.name(), period.start(), period.end(), currency, line(null, null, sum, currency),
				byOwner, byTeam, projection(period, filter, currency));
	}

	private static Line line(Long id, String name, BigDecimal[] v, String currency) {
		BigDecimal committed = Money.round(v[0], currency);
		return new Line(id, name, committed, Money.round(v[1], currency), Money.round(v[0].add(v[2]), currency));
	}

	Projection projection(Period period, SalesReports.Filter filter, String currency) {
		YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		double[] history = reports.wonSeries(now, HISTORY_MONTHS, filter);
		// leading months before the first won deal carry no information about the business
		int firstActive = 0;
		while (firstActive < history.length && history[firstActive] == 0) {
			firstActive++;
		}
		double[] series = Arrays.copyOfRange(history, firstActive, history.length);
		HoltWinters model = HoltWinters.fit(series, 12);
		List<String> months = new ArrayList<>();
		List<BigDecimal> projected = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		YearMonth from = YearMonth.from(period.start());
		YearMonth to = YearMonth.from(period.end());
		int horizon = Math.max(0, (int) (now.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1));
		double[] forecast = model.forecast(Math.max(horizon, 1));
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			int k = (int) now.until(m, java.time.temporal.ChronoUnit.MONTHS);
			if (k < 0) {
				continue;
			}
			BigDecimal value = Money.round(BigDecimal.valueOf(Math.max(0, forecast[k])), currency);
			months.add(m.toString());
			projected.add(value);
			total = total.add(value);
		}
		int hold = Math.min(HOLD_BACK_MONTHS, series.length / 3);
		List<String> backMonths = new ArrayList<>();
		List<BigDecimal> actual = new ArrayList<>();
		List<BigDecimal> predicted = new ArrayList<>();
		BigDecimal mae = null;
		BigDecimal mape = null;
		if (hold > 0) {
			HoltWinters trained = HoltWinters.fit(Arrays.copyOf(series, series.length - hold), 12);
			double[] f = trained.forecast(hold);
			double absSum = 0;
			double pctSum = 0;
			int pctCount = 0;
			for (int i = 0; i < hold; i++) {
				double a = series[series.length - hold + i];
				double p = Math.max(0, f[i]);
				backMonths.add(now.minusMonths(hold - i).toString());
				actual.add(Money.round(BigDecimal.valueOf(a), currency));
				predicted.add(Money.round(BigDecimal.valueOf(p), currency));
				absSum += Math.abs(a - p);
				if (a != 0) {
					pctSum += Math.abs(a - p) / Math.abs(a);
					pctCount++;
				}
			}
			mae = Money.round(BigDecimal.valueOf(absSum / hold), currency);
			mape = pctCount == 0 ? null : BigDecimal.valueOf(pctSum / pctCount).setScale(4, RoundingMode.HALF_EVEN);
		}
		return new Projection(model.method(), model.alpha(), model.beta(), model.gamma(), series.length, months,
				projected, Money.round(total, currency), backMonths, actual, predicted, mae, mape);
	}

}
