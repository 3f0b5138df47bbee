package org.rapport.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.rapport.analytics.clv.BgNbd;
import org.rapport.analytics.clv.BgNbdFit;
import org.rapport.analytics.clv.CustomerSummary;
import org.rapport.analytics.clv.GammaGamma;
import org.rapport.analytics.clv.GammaGammaFit;
import org.rapport.analytics.clv.LifetimeValue;
import org.rapport.analytics.clv.RepeatPurchaseTracking;
import org.rapport.analytics.clv.RfmData;
import org.rapport.analytics.clv.TransactionLog;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.TextRules;

import org.springframework.stereotype.Service;

/**
 * Customer-lifetime value from uploaded purchase data: fits BG/NBD (how often and how long
 * customers buy) and Gamma-Gamma (how much), then values each customer. Works on the uploaded data
 * only and stores nothing.
 */
@Service
public class ClvAnalysis {

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final int MAX_ID_LENGTH = 200;

	private final AnalyticsSettings settings;

	public ClvAnalysis(AnalyticsSettings settings) {
		this.settings = settings;
	}

	/**
	 * Analyses transactions: CSV with a header naming the columns {@code customerId}, {@code date}
	 * ({@code yyyy-MM-dd}) and {@code amount} in any order (other columns are ignored).
	 * @throws InvalidInput naming the line and column of every bad value, or a bad option
	 * @throws UncheckedIOException when the stream cannot be read
	 */
	public ClvReport fromTransactions(InputStream csv, ClvOptions options) {
		Resolved o = resolve(options);
		TransactionLog log = new TransactionLog(o.calibrationEnd, o.holdoutEnd);
		CsvReader reader = new CsvReader(csv);
		try {
			Map<String, Integer> columns = header(reader, List.of("customerId", "date", "amount"), List.of(),
					Map.of("customerid", "customerId", "customer", "customerId", "id", "customerId"));
			if (columns != null) {
				int width = columns.get("_width");
				String[] f;
				while ((f = reader.next()) != null) {
					if (!width(reader, f, width)) {
						continue;
					}
					String id = customerId(reader, f[columns.get("customerId")]);
					LocalDate date = date(reader, f[columns.get("date")]);
					double amount = number(reader, "amount", f[columns.get("amount")], false);
					if (id != null && date != null && !Double.isNaN(amount) && !reader.hasProblems()) {
						log.add(id, date, amount);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		reader.validate();
		if (log.transactions() == 0) {
			throw InvalidInput.of("body", "no-data", "No transactions in the observation window");
		}
		TransactionLog.Cohort cohort;
		try {
			cohort = log.summarise();
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("calibrationEnd", "no-customers", "No customer made a first purchase by then");
		}
		return analyse(cohort.customers(), cohort, true, o);
	}

	/**
	 * Analyses ready summaries: CSV with the columns {@code customerId}, {@code x}, {@code tx},
	 * {@code T} and optionally {@code zbar} (the lifetimes names {@code frequency}, {@code recency},
	 * {@code monetary_value} and {@code ID} are understood too).
	 */
	public ClvReport fromSummaries(InputStream csv, ClvOptions options) {
		Resolved o = resolve(options);
		if (o.calibrationEnd != null || o.holdoutEnd != null) {
			throw InvalidInput.of(o.calibrationEnd != null ? "calibrationEnd" : "holdoutEnd", "not-applicable",
					"Summaries are already cut at their calibration end");
		}
		CsvReader reader = new CsvReader(csv);
		List<CustomerSummary> customers = new ArrayList<>();
		boolean withSpend = false;
		try {
			Map<String, Integer> columns = header(reader, List.of("customerId", "x", "tx", "T"), List.of("zbar"),
					Map.of("customerid", "customerId", "id", "customerId", "frequency", "x", "recency", "tx",
							"monetaryvalue", "zbar"));
			if (columns != null) {
				withSpend = columns.containsKey("zbar");
				int width = columns.get("_width");
				Set<String> seen = new HashSet<>();
				String[] f;
				while ((f = reader.next()) != null) {
					if (!width(reader, f, width)) {
						continue;
					}
					String id = customerId(reader, f[columns.get("customerId")]);
					if (id != null && !seen.add(id)) {
						reader.problem("customerId", "duplicate", "This customer appears more than once");
					}
					int x = count(reader, f[columns.get("x")]);
					double tx = number(reader, "tx", f[columns.get("tx")], false);
					double t = number(reader, "T", f[columns.get("T")], false);
					double zbar = withSpend ? number(reader, "zbar", f[columns.get("zbar")], false) : 0;
					if (!Double.isNaN(tx) && !Double.isNaN(t) && tx > t) {
						reader.problem("tx", "after-T", "Must not be greater than T");
					}
					else if (x == 0 && tx > 0) {
						reader.problem("tx", "without-purchases", "Must be 0 when x is 0");
					}
					if (!reader.hasProblems()) {
						customers.add(new CustomerSummary(id, x, tx, t, zbar, -1));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		reader.validate();
		if (customers.isEmpty()) {
			throw InvalidInput.of("body", "no-data", "No customers");
		}
		return analyse(customers, null, withSpend, o);
	}

	private ClvReport analyse(List<CustomerSummary> customers, TransactionLog.Cohort cohort, boolean withSpend,
			Resolved o) {
		try {
			return analyseOrFail(customers, cohort, withSpend, o);
		}
		catch (ArithmeticException ex) {
			// only data that barely identify the model push the fit to where a series cannot converge
			throw InvalidInput.of("body", "not-identifiable",
					"The data do not determine the model well enough to compute its figures: " + ex.getMessage());
		}
	}

	private ClvReport analyseOrFail(List<CustomerSummary> customers, TransactionLog.Cohort cohort, boolean withSpend,
			Resolved o) {
		RfmData.Builder rfm = RfmData.builder();
		customers.forEach(c -> rfm.add(c.x(), c.tx(), c.T()));
		BgNbdFit fit;
		try {
			fit = BgNbdFit.fit(rfm.build());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.of("body", "no-repeat-purchases", "No customer bought more than once; nothing to fit");
		}
		BgNbd model = fit.model();
		GammaGammaFit spend = null;
		if (withSpend) {
			try {
				spend = GammaGammaFit.fit(customers.stream().mapToInt(CustomerSummary::x).toArray(),
						customers.stream().mapToDouble(CustomerSummary::zbar).toArray());
			}
			catch (IllegalArgumentException ex) {
				// too few repeat buyers with a value: the report says so by leaving the spend model out
			}
		}
		ClvReport.Holdout holdout = null;
		List<ClvReport.TrackingWeek> tracking = null;
		double holdoutWeeks = 0;
		if (cohort != null && cohort.holdoutEnd() != null) {
			holdoutWeeks = ChronoUnit.DAYS.between(cohort.calibrationEnd(), cohort.holdoutEnd()) / 7.0;
			long actual = 0;
			double expected = 0;
			for (CustomerSummary c : customers) {
				actual += c.holdoutX();
				expected += model.conditionalExpectedTransactions(holdoutWeeks, c.x(), c.tx(), c.T());
			}
			holdout = new ClvReport.Holdout(holdoutWeeks, actual, expected);
			tracking = RepeatPurchaseTracking.weekly(model, cohort)
				.stream()
				.map(w -> new ClvReport.TrackingWeek(w.week(), w.date(), w.actual(), w.expected()))
				.toList();
		}
		List<ClvReport.CustomerValue> values = null;
		if (o.perCustomer) {
			values = new ArrayList<>(customers.size());
			GammaGamma gg = spend == null ? null : spend.model();
			for (CustomerSummary c : customers) {
				Double profit = null;
				Double clv = null;
				if (gg != null && (c.x() > 0 || gg.hasFiniteMean())) {
					try {
						profit = gg.conditionalExpectedAverageValue(c.x(), c.zbar());
						clv = LifetimeValue.of(model, profit, c, o.months, o.discountRate);
					}
					catch (ArithmeticException ex) {
						// a spend model without a finite mean for this customer: no value to give
						profit = null;
					}
				}
				values.add(new ClvReport.CustomerValue(c.customerId(), c.x(), c.tx(), c.T(),
						withSpend ? c.zbar() : null,
						model.conditionalExpectedTransactions(o.horizonWeeks, c.x(), c.tx(), c.T()),
						model.probabilityAlive(c.x(), c.tx(), c.T()), profit, clv,
						c.hasHoldout() ? c.holdoutX() : null, c.hasHoldout()
								? model.conditionalExpectedTransactions(holdoutWeeks, c.x(), c.tx(), c.T()) : null));
			}
		}
		return new ClvReport(fit.customers(), cohort == null ? 0 : cohort.customersAfterCalibration(),
				cohort == null ? null : cohort.calibrationEnd(), cohort == null ? null : cohort.holdoutEnd(),
				new ClvReport.BgNbdParameters(model.r(), model.alpha(), model.a(), model.b(), fit.logLikelihood()),
				spend == null ? null
						: new ClvReport.GammaGammaParameters(spend.model().p(), spend.model().q(),
								spend.model().gamma(), spend.logLikelihood(), spend.customers()),
				o.horizonWeeks, o.months, o.discountRate, holdout, tracking, values);
	}

	/** Options with defaults filled in and ranges checked. */
	private record Resolved(LocalDate calibrationEnd, LocalDate holdoutEnd, boolean perCustomer, double horizonWeeks,
			int months, double discountRate) {
	}

	private Resolved resolve(ClvOptions options) {
		List<FieldProblem> problems = new ArrayList<>();
		if (options.holdoutEnd() != null) {
			if (options.calibrationEnd() == null) {
				problems.add(new FieldProblem("holdoutEnd", "needs-calibration-end", "Give calibrationEnd too"));
			}
			else if (!options.holdoutEnd().isAfter(options.calibrationEnd())) {
				problems.add(new FieldProblem("holdoutEnd", "not-after-calibration", "Must be after calibrationEnd"));
			}
		}
		double horizon = options.horizonWeeks() == null ? ClvOptions.DEFAULT_HORIZON_WEEKS : options.horizonWeeks();
		if (!(horizon > 0 && horizon <= ClvOptions.MAX_HORIZON_WEEKS)) {
			problems.add(new FieldProblem("horizonWeeks", "out-of-range",
					"Must be more than 0 and at most " + (int) ClvOptions.MAX_HORIZON_WEEKS));
		}
		int months = options.months() == null ? settings.clvMonths() : options.months();
		if (months < 1 || months > ClvOptions.MAX_MONTHS) {
			problems.add(new FieldProblem("months", "out-of-range", "Must be from 1 to " + ClvOptions.MAX_MONTHS));
		}
		double rate = options.discountRate() == null ? settings.clvDiscountRate() : options.discountRate();
		if (!(rate >= 0 && rate <= 1)) {
			problems.add(new FieldProblem("discountRate", "out-of-range", "Must be from 0 to 1 (0.1 for 10 % a year)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Resolved(options.calibrationEnd(), options.holdoutEnd(), options.perCustomer(), horizon, months,
				rate);
	}

	/**
	 * Reads the header and maps each required and optional column to its index (plus
	 * {@code _width}, the number of columns); {@code null} after a problem.
	 */
	private static Map<String, Integer> header(CsvReader reader, List<String> required, List<String> optional,
			Map<String, String> aliases) throws IOException {
		String[] names = reader.next();
		String expected = String.join(",", required);
		if (names == null) {
			reader.problem(null, "no-header", "Expected a header row: " + expected);
			return null;
		}
		Map<String, String> known = new HashMap<>(aliases);
		for (String name : required) {
			known.put(CsvReader.normalise(name), name);
		}
		for (String name : optional) {
			known.put(CsvReader.normalise(name), name);
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			String column = known.get(CsvReader.normalise(names[i]));
			if (column != null && columns.putIfAbsent(column, i) != null) {
				reader.problem(names[i], "duplicate-column", "The column " + column + " appears twice");
			}
		}
		for (String name : required) {
			if (!columns.containsKey(name)) {
				reader.problem(name, "missing-column", "The header must name the columns " + expected);
			}
		}
		if (reader.hasProblems()) {
			return null;
		}
		columns.put("_width", names.length);
		return columns;
	}

	private static boolean width(CsvReader reader, String[] fields, int width) {
		if (fields.length != width) {
			reader.problem(null, "columns", "Expected " + width + " columns as in the header, found " + fields.length);
			return false;
		}
		return true;
	}

	private static String customerId(CsvReader reader, String text) {
		if (text.isEmpty()) {
			reader.problem("customerId", "required", "Required");
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!TextRules.check("customerId", text, MAX_ID_LENGTH, false, problems)) {
			reader.problem("customerId", problems.get(0).code(), problems.get(0).message());
			return null;
		}
		return text;
	}

	private static LocalDate date(CsvReader reader, String text) {
		if (ISO_DATE.matcher(text).matches()) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		reader.problem("date", "not-a-date", "Must be a date as yyyy-MM-dd, e.g. 2026-11-22");
		return null;
	}

	/** A finite number, at least 0 (more than 0 when {@code positive}); {@code NaN} after a problem. */
	private static double number(CsvReader reader, String column, String text, boolean positive) {
		if (NUMBER.matcher(text).matches()) {
			double value = Double.parseDouble(text);
			if (Double.isFinite(value) && (positive ? value > 0 : value >= 0)) {
				return value;
			}
			if (Double.isFinite(value)) {
				reader.problem(column, positive ? "not-positive" : "negative",
						positive ? "Must be more than 0" : "Must not be negative");
				return Double.NaN;
			}
		}
		reader.problem(column, "not-a-number", "Must be a number, e.g. 12.50");
		return Double.NaN;
	}

	/** A count of purchases: a whole number from 0 (written {@code 3} or {@code 3.0}); -1 after a problem. */
	private static int count(CsvReader reader, String text) {
		if (NUMBER.matcher(text).matches()) {
			double value = Double.parseDouble(text);
			if (value >= 0 && value <= 1_000_000 && value == Math.rint(value)) {
				return (int) value;
			}
		}
		reader.problem("x", "not-a-count", "Must be a whole number from 0");
		return -1;
	}

}
