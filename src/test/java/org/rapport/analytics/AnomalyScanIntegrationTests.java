package org.rapport.analytics;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rapport.platform.web.Formats;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.SalesFixtures.line;

/**
 * Anomaly scans over Rapport's own data through the scheduler: planted absurd order lines (a
 * 10,000-unit line, a 90 % discount entered in the night) and a customer whose weekly activity stops are
 * flagged with the right reasons, normal ones are not, and readers see only the flags on records they
 * may see.
 */
class AnomalyScanIntegrationTests extends IntegrationTest {

	@Autowired
	Formats formats;

	@Test
	void flagsPlantedOrderLinesAndActivityDropWithTheirReasonsForThoseWhoMaySeeThem() throws Exception {
		String admin = admin();
		String team = Api.unique("team-anom");
		String rep = api.user(admin, Api.unique("rep-anom"), "SALES_REP", team);
		String otherRep = api.user(admin, Api.unique("rep-other"), "SALES_REP", Api.unique("team-other"));
		String analyst = api.user(admin, Api.unique("analyst-anom"), "ANALYST", null);
		String tag = Api.unique("anom");
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(7);
		SalesFixtures repSales = new SalesFixtures(api, rep);

		// 40 ordinary orders of 3 lines: 1–20 units at 10–50, discounts 0–10 %, entered between 09:00 and 17:00
		Set<Long> normalOrders = new HashSet<>();
		long customer = repSales.contact("Normal", tag);
		for (int i = 0; i < 40; i++) {
			List<Map<String, Object>> lines = new ArrayList<>();
			for (int l = 0; l < 3; l++) {
				lines.add(line(1 + random.nextInt(20), 10 + random.nextInt(41), 5 * random.nextInt(3)));
			}
			normalOrders.add(order(rep, customer, today.minusDays(i), LocalTime.of(9 + random.nextInt(8), random.nextInt(60)),
					lines));
		}
		long hugeBuyer = repSales.contact("Huge", tag);
		long huge = order(rep, hugeBuyer, today.minusDays(3), LocalTime.of(11, 0), List.of(line(10_000, 12, 0)));
		long nightBuyer = repSales.contact("Night", tag);
		LocalTime nightHour = nightHour();
		long night = order(rep, nightBuyer, today.minusDays(2), nightHour, List.of(line(5, 30, 90)));

		// 30 customers with one or two activities every week for 16 weeks; one with three a week who stops 4 weeks ago
		Instant now = clock.instant();
		Set<Long> steady = new HashSet<>();
		for (int c = 0; c < 30; c++) {
			long id = repSales.contact("Steady" + c, tag);
			steady.add(id);
			for (int w = 0; w < 16; w++) {
				for (int k = 0; k < 1 + (c + w) % 2; k++) {
					activity(rep, id, now.minus(7L * w + 1 + k, ChronoUnit.DAYS));
				}
			}
		}
		long fading = repSales.contact("Fading", tag);
		for (int w = 4; w < 16; w++) {
			for (int k = 0; k < 3; k++) {
				activity(rep, fading, now.minus(7L * w + 1 + k, ChronoUnit.DAYS));
			}
		}

		assertThat(api.post("/api/v1/analytics/anomalies/runs", rep, null).status()).isEqualTo(403);
		Instant planted = clock.instant();
		Response started = api.post("/api/v1/analytics/anomalies/runs", analyst, null);
		assertThat(started.status()).as(started.text()).isEqualTo(202);
		long runId = started.json().get("id").asLong();
		JsonNode run = await(runId, analyst);
		if (Instant.parse(run.get("startedAt").asString()).isBefore(planted)) {
			// joined the start-up scan already under way before the data above were in: ask again
			runId = api.post("/api/v1/analytics/anomalies/runs", analyst, null).json().get("id").asLong();
			run = await(runId, analyst);
		}
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("done");
		assertThat(run.get("orderLines").asLong()).isGreaterThanOrEqualTo(122);
		assertThat(run.get("contacts").asLong()).isGreaterThanOrEqualTo(31);
		assertThat(api.get("/api/v1/analytics/anomalies/runs/999999999", analyst).status()).isEqualTo(404);

		// each forest the run grew is in the model registry, without a hold-out metric
		List<JsonNode> models = api.get("/api/v1/analytics/models", admin).json().valueStream().toList();
		JsonNode ordersModel = models.stream().filter(m -> m.get("name").asString().equals("anomalies-orders")).findFirst()
			.orElseThrow();
		assertThat(ordersModel.get("rows").asLong()).isEqualTo(run.get("orderLines").asLong());
		assertThat(ordersModel.get("metrics").get("scanned").asLong()).isEqualTo(run.get("orderLines").asLong());
		assertThat(ordersModel.get("metrics").get("flags").asInt()).isEqualTo(run.get("orderFlags").asInt());
		assertThat(ordersModel.get("metrics").get("trees").asInt()).isEqualTo(100);
		// each tree is grown on 256 rows at most, on all of them when fewer were scanned
		assertThat(ordersModel.get("metrics").get("sampleSize").asLong()).isEqualTo(Math.min(256, run.get("orderLines").asLong()));
		assertThat(ordersModel.get("metrics").get("threshold").asDouble()).isEqualTo(Anomalies.THRESHOLD);
		assertThat(ordersModel.get("primaryMetric").isNull()).isTrue();
		assertThat(ordersModel.get("active").asBoolean()).isTrue();
		JsonNode engagementModel = models.stream().filter(m -> m.get("name").asString().equals("anomalies-engagement"))
			.findFirst().orElseThrow();
		assertThat(engagementModel.get("metrics").get("scanned").asLong()).isEqualTo(run.get("contacts").asLong());
		assertThat(engagementModel.get("metrics").get("flags").asInt()).isEqualTo(run.get("engagementFlags").asInt());

		// the two planted lines are flagged in the top, with the features that make them absurd
		List<JsonNode> orders = all("orders", admin);
		assertThat(orders).isNotEmpty();
		JsonNode hugeFlag = flagOf(orders, "orderId", huge);
		JsonNode nightFlag = flagOf(orders, "orderId", night);
		assertThat(hugeFlag.get("rank").asInt()).as(orders.toString()).isLessThanOrEqualTo(5);
		assertThat(nightFlag.get("rank").asInt()).as(orders.toString()).isLessThanOrEqualTo(5);
		assertThat(hugeFlag.get("score").asDouble()).isGreaterThanOrEqualTo(Anomalies.THRESHOLD);
		JsonNode quantity = reason(hugeFlag, "quantity");
		assertThat(quantity.get("direction").asString()).isEqualTo("far-above");
		assertThat(quantity.get("value").asDouble()).isEqualTo(10_000.0);
		assertThat(quantity.get("typicalHigh").asDouble()).isLessThanOrEqualTo(20.0);
		assertThat(quantity.get("text").asString()).startsWith("quantity 10,000 is far above the usual ");
		assertThat(hugeFlag.get("subject").get("contactId").asLong()).isEqualTo(hugeBuyer);
		assertThat(hugeFlag.get("features").get("quantity").asDouble()).isEqualTo(10_000.0);
		assertThat(reason(nightFlag, "discount").get("direction").asString()).isEqualTo("far-above");
		assertThat(reason(nightFlag, "discount").get("text").asString()).startsWith("discount 90% is far above the usual ");
		assertThat(reason(nightFlag, "timeOfDay").get("text").asString()).startsWith("entered at " + nightHour + ", outside the usual hours");
		// the ordinary orders stay below the planted ones. Whether some of them are flagged at all depends on the
		// rest of the database: the scan covers every order, and in a full test run the other tests' orders (small
		// amounts, entered at the hour the suite runs) make this test's larger, late-afternoon lines unusual too. That
		// ordinary lines stay unflagged among ordinary data is shown by AnomalyScanUnitTests (3,002 lines).
		List<JsonNode> normalFlags = orders.stream()
			.filter(f -> normalOrders.contains(f.get("subject").get("orderId").asLong()))
			.toList();
		double plantedLowest = Math.min(hugeFlag.get("score").asDouble(), nightFlag.get("score").asDouble());
		assertThat(normalFlags).allSatisfy(f -> assertThat(f.get("score").asDouble()).isLessThan(plantedLowest));

		// the customer whose activity stopped is flagged; the steady ones are not
		List<JsonNode> engagement = all("engagement", admin);
		JsonNode drop = flagOf(engagement, "contactId", fading);
		assertThat(drop.get("reasons").get(0).get("direction").asString()).isEqualTo("stopped");
		assertThat(drop.get("reasons").get(0).get("text").asString())
			.isEqualTo("activity stopped: none in the last 4 weeks, after 3 a week in the 12 weeks before");
		assertThat(drop.get("features").get("recentRate").asDouble()).isZero();
		assertThat(drop.get("features").get("weeksSilent").asDouble()).isGreaterThanOrEqualTo(4.0);
		assertThat(engagement).noneMatch(f -> steady.contains(f.get("subject").get("contactId").asLong()));

		// in Chinese
		Response zh = api.send(HttpRequest.newBuilder(api.uri("/api/v1/analytics/anomalies?kind=engagement&limit=100")).GET(),
				admin, Map.of("Accept-Language", "zh-CN"));
		assertThat(zh.text()).contains("活动已停止：最近 4 周没有活动，此前 12 周每周 3 次");

		// paging
		Response first = api.get("/api/v1/analytics/anomalies?kind=orders&limit=1", admin);
		assertThat(first.json().get("items")).hasSize(1);
		if (orders.size() > 1) {
			String next = first.json().get("nextCursor").asString();
			JsonNode second = api.get("/api/v1/analytics/anomalies?kind=orders&limit=1&cursor=" + next, admin).json();
			assertThat(second.get("items").get(0).get("rank").asInt()).isGreaterThan(1);
		}
		Response badKind = api.get("/api/v1/analytics/anomalies?kind=returns", admin);
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.text()).contains("\"kind\"");
		assertThat(api.get("/api/v1/analytics/anomalies?kind=orders&limit=500", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/anomalies?kind=orders&limit=many", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/analytics/anomalies?kind=orders&cursor=forged", admin).status()).isEqualTo(400);

		// the owner sees their flags, a rep of another team none of them, an analyst all with the customer's name
		assertThat(all("orders", rep)).anyMatch(f -> f.get("subject").get("orderId").asLong() == huge);
		assertThat(all("engagement", rep)).anyMatch(f -> f.get("subject").get("contactId").asLong() == fading);
		assertThat(all("orders", otherRep)).noneMatch(f -> f.get("subject").get("orderId").asLong() == huge
				|| f.get("subject").get("orderId").asLong() == night);
		assertThat(all("engagement", otherRep)).noneMatch(f -> f.get("subject").get("contactId").asLong() == fading);
		JsonNode seenByAnalyst = flagOf(all("orders", analyst), "orderId", huge);
		assertThat(seenByAnalyst.get("subject").get("contactName").asString()).isEqualTo("Huge " + tag);

		// asking for a scan is audited; the endpoints are in the OpenAPI description
		JsonNode audit = api.get("/api/v1/audit?entityType=analytics-anomaly-run&entityId=" + runId, admin).json();
		assertThat(audit.toString()).contains("\"request\"", "analytics-anomaly-run");
		JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.has("/api/v1/analytics/anomalies")).isTrue();
		assertThat(paths.get("/api/v1/analytics/anomalies/runs").has("post")).isTrue();
		assertThat(paths.has("/api/v1/analytics/anomalies/runs/{id}")).isTrue();
	}

	private List<JsonNode> all(String kind, String token) {
		Response r = api.get("/api/v1/analytics/anomalies?kind=" + kind + "&limit=100", token);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		r.json().get("items").forEach(items::add);
		return items;
	}

	private static JsonNode flagOf(List<JsonNode> flags, String field, long id) {
		return flags.stream()
			.filter(f -> f.get("subject").get(field).asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError(field + " " + id + " not flagged: " + flags));
	}

	private static JsonNode reason(JsonNode flag, String feature) {
		for (JsonNode r : flag.get("reasons")) {
			if (r.get("feature").asString().equals(feature)) {
				return r;
			}
		}
		throw new AssertionError("No reason " + feature + " in " + flag);
	}

	/**
	 * The hour of the night order, outside both the ordinary orders' hours and the hour the suite runs at:
	 * the scan covers every order, and the other tests' orders are entered at the hour the suite runs, so
	 * a suite run at 00:15 makes 03:00 part of the usual hours. 03:00 when the suite runs from 09:00 to
	 * midnight in the company's time zone, 23:00 when it runs from midnight to 09:00.
	 */
	private LocalTime nightHour() {
		clock.reset();
		return clock.instant().atZone(formats.zone()).getHour() < 9 ? LocalTime.of(23, 0) : LocalTime.of(3, 0);
	}

	/** A confirmed order entered at the given time of day in the company's time zone, at its last occurrence. */
	private long order(String token, long contact, LocalDate date, LocalTime enteredAt, List<Map<String, Object>> lines) {
		clock.reset();
		ZonedDateTime now = clock.instant().atZone(formats.zone());
		ZonedDateTime target = now.with(enteredAt);
		if (target.isAfter(now)) {
			target = target.minusDays(1);
		}
		clock.advance(Duration.between(now, target));
		try {
			return new SalesFixtures(api, token).confirmedOrder(contact, date, lines);
		}
		finally {
			clock.reset();
		}
	}

	private void activity(String token, long contact, Instant at) {
		Response r = api.post("/api/v1/activities", token,
				Map.of("type", "call", "subject", "Check-in", "contactId", contact, "occurredAt", at.toString()));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	private JsonNode await(long runId, String token) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 90_000;
		JsonNode run;
		do {
			Thread.sleep(500);
			run = api.get("/api/v1/analytics/anomalies/runs/" + runId, token).json();
		}
		while (System.currentTimeMillis() < deadline && List.of("queued", "running").contains(run.get("status").asString()));
		return run;
	}

}
