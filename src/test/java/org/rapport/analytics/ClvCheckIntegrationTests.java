package org.rapport.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/**
 * The lifetime-value check on PostgreSQL: 26 customers' planted orders over 2013 (a year no other test
 * uses) give exactly the planted cumulative repeat purchases per week, calibration then hold-out (the
 * default 16 weeks: a third of the 50-week history), with a finite fit and a monotone non-negative
 * expectation; the series as CSV; a run registers the fit as {@code clv} once; only the roles that read
 * every customer may see it; a bad hold-out names the field.
 */
class ClvCheckIntegrationTests extends IntegrationTest {

	static final LocalDate START = LocalDate.of(2013, 1, 7);

	static final LocalDate AS_OF = LocalDate.of(2013, 12, 29);

	/** Order days of each planted customer (distinct days, so every repeat order is a repeat purchase day). */
	static List<List<LocalDate>> planted() {
		List<List<LocalDate>> customers = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			List<LocalDate> days = new ArrayList<>();
			LocalDate first = START.plusDays((i * 3) % 40);
			int every = 21 + (i % 5) * 14;
			LocalDate stop = i % 3 == 0 ? first.plusDays(120) : AS_OF;
			for (LocalDate d = first; !d.isAfter(stop) && days.size() < (i % 4 == 0 ? 2 : 10); d = d.plusDays(every)) {
				days.add(d);
			}
			customers.add(days);
		}
		// two customers who first buy in the hold-out: not in the fit's cohort
		customers.add(List.of(LocalDate.of(2013, 10, 1), LocalDate.of(2013, 11, 1)));
		customers.add(List.of(LocalDate.of(2013, 11, 5)));
		return customers;
	}

	@Test
	void tracksPlantedRepeatPurchasesThroughCalibrationAndHoldoutAndRegistersTheFit() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("clv");
		long product = sales.product(tag + "-p", "Product " + tag);
		List<List<LocalDate>> planted = planted();
		for (int i = 0; i < planted.size(); i++) {
			long contact = sales.contact("Clv" + i, tag);
			for (int j = 0; j < planted.get(i).size(); j++) {
				sales.fulfilledOrder(contact, planted.get(i).get(j), List.of(product), (20 + i + 3 * j) + ".00");
			}
		}
		LocalDate calibrationEnd = AS_OF.minusWeeks(16);

		Response r = api.get("/api/v1/analytics/clv/check?asOf=" + AS_OF, admin);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode c = r.json();
		assertThat(c.get("problem").isNull()).isTrue();
		assertThat(c.get("start").asString()).isEqualTo(START.toString());
		assertThat(c.get("holdoutWeeks").asInt()).isEqualTo(16);
		assertThat(c.get("calibrationEnd").asString()).isEqualTo(calibrationEnd.toString());
		assertThat(c.get("customers").asInt()).isEqualTo(24);
		for (String p : List.of("r", "alpha", "a", "b", "logLikelihood")) {
			assertThat(Double.isFinite(c.get("bgNbd").get(p).asDouble())).as(p).isTrue();
		}
		assertThat(c.get("bgNbd").get("r").asDouble()).isPositive();
		for (String p : List.of("p", "q", "gamma", "logLikelihood")) {
			assertThat(Double.isFinite(c.get("gammaGamma").get(p).asDouble())).as(p).isTrue();
		}

		// the actual series exactly as planted: repeat orders of the 24 calibration customers up to each week's end
		JsonNode weeks = c.get("weeks");
		long days = ChronoUnit.DAYS.between(START, AS_OF);
		assertThat(weeks.size()).isEqualTo((int) ((days + 7) / 7)); // days 0 to days, the last week maybe short
		double previousExpected = 0;
		long previousActual = 0;
		long holdoutActual = 0;
		for (int k = 0; k < weeks.size(); k++) {
			JsonNode w = weeks.get(k);
			LocalDate end = LocalDate.parse(w.get("date").asString());
			assertThat(end).isEqualTo(k == weeks.size() - 1 ? AS_OF : START.plusDays(7L * k + 6));
			long planned = 0;
			for (List<LocalDate> customer : planted.subList(0, 24)) {
				planned += customer.stream().skip(1).filter(d -> !d.isAfter(end)).count();
			}
			assertThat(w.get("actual").asLong()).as("week " + (k + 1)).isEqualTo(planned);
			assertThat(w.get("actualInWeek").asLong()).isEqualTo(planned - previousActual);
			assertThat(w.get("period").asString()).isEqualTo(end.isAfter(calibrationEnd) ? "holdout" : "calibration");
			double expected = w.get("expected").asDouble();
			assertThat(expected).isGreaterThanOrEqualTo(previousExpected);
			assertThat(w.get("expectedInWeek").asDouble()).isGreaterThanOrEqualTo(0);
			previousExpected = expected;
			previousActual = planned;
		}
		for (List<LocalDate> customer : planted.subList(0, 24)) {
			holdoutActual += customer.stream().skip(1).filter(d -> d.isAfter(calibrationEnd)).count();
		}
		assertThat(c.get("holdout").get("actual").asLong()).isEqualTo(holdoutActual);
		assertThat(holdoutActual).isPositive();
		assertThat(c.get("holdoutMeanAbsoluteError").asDouble()).isGreaterThanOrEqualTo(0);

		// the series as CSV
		Response csv = api.get("/api/v1/analytics/clv/check/weeks.csv?asOf=" + AS_OF, admin);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.text().split("\r\n");
		assertThat(lines[0]).isEqualTo("\uFEFFweek,date,period,actual,expected,actual_in_week,expected_in_week");
		assertThat(lines).hasSize(weeks.size() + 1);
		JsonNode last = weeks.get(weeks.size() - 1);
		assertThat(lines[weeks.size()]).startsWith(last.get("week").asInt() + "," + AS_OF + ",holdout," + last.get("actual").asLong() + ",");

		// a requested run registers the fit as clv; the same data again register nothing new
		Response run = api.post("/api/v1/analytics/clv/check/runs?asOf=" + AS_OF, admin, null);
		assertThat(run.status()).as(run.text()).isEqualTo(201);
		JsonNode entry = run.json();
		assertThat(entry.get("name").asString()).isEqualTo("clv");
		assertThat(entry.get("trainingFrom").asString()).isEqualTo(START.toString());
		assertThat(entry.get("trainingTo").asString()).isEqualTo(AS_OF.toString());
		assertThat(entry.get("rows").asInt()).isEqualTo(24);
		assertThat(entry.get("active").asBoolean()).isTrue();
		assertThat(entry.get("primaryMetric").isNull()).isTrue();
		assertThat(entry.get("metrics").get("holdoutMeanAbsoluteError").asDouble())
			.isEqualTo(c.get("holdoutMeanAbsoluteError").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
		assertThat(entry.get("metrics").get("holdoutActual").asLong()).isEqualTo(holdoutActual);
		assertThat(entry.get("metrics").get("r").asDouble()).isEqualTo(c.get("bgNbd").get("r").asDouble());
		Response again = api.post("/api/v1/analytics/clv/check/runs?asOf=" + AS_OF, admin, null);
		assertThat(again.json().get("id").asLong()).isEqualTo(entry.get("id").asLong());
		JsonNode models = api.get("/api/v1/analytics/models", admin).json();
		assertThat(models.valueStream().filter(m -> m.get("id").asLong() == entry.get("id").asLong()).count()).isEqualTo(1);

		// an explicit hold-out
		JsonNode ten = api.get("/api/v1/analytics/clv/check?asOf=" + AS_OF + "&holdoutWeeks=10", admin).json();
		assertThat(ten.get("calibrationEnd").asString()).isEqualTo(AS_OF.minusWeeks(10).toString());
		Response longer = api.get("/api/v1/analytics/clv/check?asOf=" + AS_OF + "&holdoutWeeks=50", admin);
		assertProblem(longer, 400);
		assertThat(errorFields(longer)).containsExactly("holdoutWeeks");
	}

	@Test
	void onlyRolesThatReadEveryCustomerSeeTheCheckAndABadHoldoutNamesTheField() {
		String admin = admin();
		for (String role : List.of("SUPPORT_AGENT", "SALES_REP", "MANAGER")) {
			Api.TestUser user = api.newUser(admin, role, Api.unique("team-clv"));
			assertProblem(api.get("/api/v1/analytics/clv/check", user.token()), 403);
			assertProblem(api.get("/api/v1/analytics/clv/check/weeks.csv", user.token()), 403);
			assertProblem(api.post("/api/v1/analytics/clv/check/runs", user.token(), null), 403);
		}
		for (String role : List.of("ANALYST", "MARKETER")) {
			Api.TestUser user = api.newUser(admin, role, null);
			Response r = api.get("/api/v1/analytics/clv/check?asOf=2001-06-30", user.token());
			assertThat(r.status()).as(role + ": " + r.text()).isEqualTo(200);
			assertThat(r.json().get("problem").asString()).isEqualTo("no-orders");
			assertThat(r.json().get("weeks").size()).isZero();
		}
		for (String weeks : List.of("0", "105")) {
			Response bad = api.get("/api/v1/analytics/clv/check?holdoutWeeks=" + weeks, admin);
			assertProblem(bad, 400);
			assertThat(errorFields(bad)).containsExactly("holdoutWeeks");
		}
		Response notADate = api.get("/api/v1/analytics/clv/check?asOf=yesterday", admin);
		assertProblem(notADate, 400);
	}

	@Test
	void theDiscountRateIsAnAuditedAdminSettingThatRevaluesEveryCustomer() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("clvd");
		long product = sales.product(tag + "-p", "Product " + tag);
		LocalDate today = LocalDate.now(clock);
		long loyal = 0;
		for (int c = 0; c < 6; c++) {
			long id = sales.contact("Clvd" + c, tag);
			loyal = c == 0 ? id : loyal;
			for (int j = 0; j < 2 + c % 3; j++) {
				sales.fulfilledOrder(id, today.minusDays(200 - 40L * j - 7L * c), List.of(product), (50 + 10 * c) + ".00");
			}
		}
		try {
			Response zero = api.put("/api/v1/analytics/clv/settings", admin, null, Map.of("clvDiscountPercent", 0));
			assertThat(zero.status()).as(zero.text()).isEqualTo(200);
			assertThat(zero.json().get("chosen").asBoolean()).isTrue();
			double undiscounted = api.get("/api/v1/analytics/customers/" + loyal, admin).json().get("clv").get("value").asDouble();
			Response fifty = api.put("/api/v1/analytics/clv/settings", admin, null, Map.of("clvDiscountPercent", "50.5"));
			assertThat(fifty.status()).as(fifty.text()).isEqualTo(200);
			assertThat(fifty.json().get("percent").decimalValue()).isEqualByComparingTo("50.5");
			assertThat(api.get("/api/v1/analytics/clv/settings", admin).header("ETag"))
				.contains(Integer.toString(fifty.json().get("version").asInt()));
			double discounted = api.get("/api/v1/analytics/customers/" + loyal, admin).json().get("clv").get("value").asDouble();
			assertThat(undiscounted).isPositive();
			assertThat(discounted).isPositive().isLessThan(undiscounted);

			for (Object bad : List.of(-1, 100.01, "ten", 12.345)) {
				Response r = api.put("/api/v1/analytics/clv/settings", admin, null, Map.of("clvDiscountPercent", bad));
				assertProblem(r, 400);
				assertThat(errorFields(r)).as(String.valueOf(bad)).containsExactly("clvDiscountPercent");
			}
			Api.TestUser analyst = api.newUser(admin, "ANALYST", null);
			assertProblem(api.put("/api/v1/analytics/clv/settings", analyst.token(), null, Map.of("clvDiscountPercent", 5)), 403);
			JsonNode audit = api.get("/api/v1/audit?entityType=analytics-settings&entityId=1", admin).json();
			assertThat(audit.toString()).contains("clvDiscountPercent").contains("50.5");
		}
		finally {
			api.put("/api/v1/analytics/clv/settings", admin, null, Map.of("clvDiscountPercent", 10));
		}
	}

}
