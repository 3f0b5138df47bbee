package org.rapport.analytics;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import org.rapport.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI dashboard on the records the actor may see: churn rate under the "lost" rule, the CSAT
 * trend of their tickets, one team's figures for a manager or admin, a segment's figures, the CSV
 * behind each chart, and segments drilled into and saved as lists. A new team's rep sees only their
 * own orders, so every figure is computed by hand.
 */
class KpiDashboardIntegrationTests extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("/forms/survey/([A-Za-z0-9_-]{43})");

	@Test
	void kpisCountOnlyTheActorsOrdersWithChurnRateAndCsatTrend() throws Exception {
		String admin = admin();
		String teamName = Api.unique("team-kpi");
		Api.TestUser rep = api.newUser(admin, "SALES_REP", teamName);
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("kpi");
		long lamp = new SalesFixtures(api, admin).product(tag + "-lamp", "Lamp " + tag);
		LocalDate today = LocalDate.now(clock);
		LocalDate from = today.minusDays(364);
		// A: a customer at the start (ordered 30 days before it) who ordered again 10 days ago: not lost
		Response ann = api.post("/api/v1/contacts", rep.token(), Map.of("firstName", "Ann", "lastName", tag, "email",
				tag + "-ann@example.com"));
		assertThat(ann.status()).as(ann.text()).isEqualTo(201);
		long a = ann.id();
		sales.fulfilledOrder(a, from.minusDays(30), List.of(lamp), "10.00");
		sales.fulfilledOrder(a, today.minusDays(10), List.of(lamp), "30.00");
		// B: a customer at the start (20 days before it) with no order since: lost
		long b = sales.contact("Bob", tag);
		sales.fulfilledOrder(b, from.minusDays(20), List.of(lamp), "10.00");
		// C: new in the period, twice: not a customer at the start
		long c = sales.contact("Cy", tag);
		sales.fulfilledOrder(c, today.minusDays(40), List.of(lamp), "20.00");
		sales.fulfilledOrder(c, today.minusDays(5), List.of(lamp), "40.00");
		// D: ordered 200 days before the start: not a customer at the start under the 90-day rule
		long d = sales.contact("Di", tag);
		sales.fulfilledOrder(d, from.minusDays(200), List.of(lamp), "10.00");

		// a CSAT answer of 4 on the rep's own resolved ticket
		Response ticket = api.post("/api/v1/tickets", rep.token(), Map.of("subject", "Lamp flickers", "contactId", a,
				"priority", "normal"));
		assertThat(ticket.status()).as(ticket.text()).isEqualTo(201);
		String etag = api.get("/api/v1/tickets/" + ticket.id(), rep.token()).etag();
		Response resolved = api.patch("/api/v1/tickets/" + ticket.id(), rep.token(), etag, Map.of("status", "resolved"));
		assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
		answer(ticket.id(), 4);

		String query = "/api/v1/analytics/kpis?from=" + from + "&to=" + today;
		Response r = api.get(query, rep.token());
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode k = r.json();
		assertThat(k.get("revenue").decimalValue()).isEqualByComparingTo("90.00");
		assertThat(k.get("orders").asLong()).isEqualTo(3);
		assertThat(k.get("activeCustomers").asLong()).isEqualTo(2);
		assertThat(k.get("repeatCustomers").asLong()).isEqualTo(1);
		assertThat(k.get("loyaltyIndex").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(k.get("lostAfterDays").asInt()).isEqualTo(90);
		assertThat(k.get("customersAtStart").asLong()).isEqualTo(2);
		assertThat(k.get("lostCustomers").asLong()).isEqualTo(1);
		assertThat(k.get("churnRate").decimalValue()).isEqualByComparingTo("0.5");
		JsonNode thisMonth = k.get("satisfaction").get(k.get("satisfaction").size() - 1);
		assertThat(thisMonth.get("month").asString()).isEqualTo(java.time.YearMonth.from(today).toString());
		assertThat(thisMonth.get("csat").asDouble()).isEqualTo(4.0);
		assertThat(thisMonth.get("csatResponses").asLong()).isEqualTo(1);
		// movements: B was a customer the day before the period and still is at its end (in the last three years)
		long moved = 0;
		for (JsonNode row : k.get("movements")) {
			for (JsonNode n : row) {
				moved += n.asLong();
			}
		}
		assertThat(moved).isEqualTo(4);
		assertThat(k.get("movements").get("none").get("none").asLong()).isZero();

		// the admin sees the same figures for the rep's team, and more without the filter
		long teamId = api.get("/api/v1/users/" + rep.id(), admin).json().get("teamId").asLong();
		JsonNode team = api.get(query + "&teamId=" + teamId, admin).json();
		assertThat(team.get("revenue").decimalValue()).isEqualByComparingTo("90.00");
		assertThat(team.get("churnRate").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(api.get(query, admin).json().get("orders").asLong()).isGreaterThanOrEqualTo(3);

		// CSV behind each chart
		Response csv = api.get(query + "&format=csv&chart=summary", rep.token());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).contains("churn_rate,0.5000", "customers_at_start,2", "revenue,90.00");
		assertThat(api.get(query + "&format=csv&chart=satisfaction", rep.token()).text())
			.contains(java.time.YearMonth.from(today) + ",4.0,1,");
		assertThat(api.get(query + "&format=csv&chart=revenue", rep.token()).text()).startsWith("\uFEFFmonth,revenue,orders");
		Response bad = api.get(query + "&format=csv&chart=pie", rep.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("chart");
		assertThat(api.get(query + "&segment=royalty", rep.token()).text()).contains("segment");
		assertThat(api.get(query + "&segment=royalty", rep.token()).status()).isEqualTo(400);
	}

	@Test
	void segmentsDrillDownToTheActorsCustomersAndSaveAsAList() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-seg"));
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("seg");
		long lamp = new SalesFixtures(api, admin).product(tag + "-lamp", "Lamp " + tag);
		LocalDate today = LocalDate.now(clock);
		long c = sales.contact("Eve", tag);
		for (int i = 0; i < 6; i++) {
			sales.fulfilledOrder(c, today.minusDays(2 + i * 3), List.of(lamp), "500.00");
		}
		JsonNode insight = api.get("/api/v1/analytics/customers/" + c, rep.token()).json();
		String segment = insight.get("rfm").get("segment").asString();

		Response members = api.get("/api/v1/analytics/segments/" + segment, rep.token());
		assertThat(members.status()).as(members.text()).isEqualTo(200);
		assertThat(members.json().valueStream().map(m -> m.get("contactId").asLong())).containsExactly(c);
		assertThat(members.json().get(0).get("orders").asInt()).isEqualTo(6);
		// the segment filter narrows the KPIs to the segment's customers
		JsonNode kpis = api.get("/api/v1/analytics/kpis?segment=" + segment, rep.token()).json();
		assertThat(kpis.get("activeCustomers").asLong()).isEqualTo(1);
		assertThat(kpis.get("segment").asString()).isEqualTo(segment);

		String list = Api.unique("best");
		Response saved = api.post("/api/v1/analytics/segments/" + segment + "/list", rep.token(), Map.of("tag", list));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("tagged").asInt()).isEqualTo(1);
		JsonNode contacts = api.get("/api/v1/contacts?tag=" + list, rep.token()).json();
		assertThat(contacts.get("items").valueStream().map(x -> x.get("id").asLong())).containsExactly(c);
		// saving again changes nothing
		assertThat(api.post("/api/v1/analytics/segments/" + segment + "/list", rep.token(), Map.of("tag", list)).json()
			.get("alreadyTagged").asInt()).isEqualTo(1);
		Response noTag = api.post("/api/v1/analytics/segments/" + segment + "/list", rep.token(), Map.of("tag", " "));
		assertThat(noTag.status()).isEqualTo(400);
		assertThat(noTag.text()).contains("tag");
		assertThat(api.get("/api/v1/analytics/segments/royalty", rep.token()).status()).isEqualTo(400);

		// another team's rep does not see the customer in the segment
		Api.TestUser other = api.newUser(admin, "SALES_REP", Api.unique("team-other"));
		assertThat(api.get("/api/v1/analytics/segments/" + segment, other.token()).json().valueStream()
			.map(m -> m.get("contactId").asLong())).doesNotContain(c);
	}

	private void answer(long ticket, int score) throws Exception {
		String body;
		try (Connection conn = TestDatabase.connect(); PreparedStatement s = conn.prepareStatement(
				"select body from service_outbox where ticket_id = ? and subject like '%How did we do%' order by id desc limit 1")) {
			s.setLong(1, ticket);
			try (ResultSet rs = s.executeQuery()) {
				assertThat(rs.next()).as("survey mail for ticket " + ticket).isTrue();
				body = rs.getString(1);
			}
		}
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).as(body).isTrue();
		Response r = api.send(HttpRequest.newBuilder(api.uri("/forms/survey/" + m.group(1)))
			.POST(HttpRequest.BodyPublishers.ofString("score=" + score, StandardCharsets.UTF_8))
			.header("Content-Type", "application/x-www-form-urlencoded"), null, Map.of("Accept", "text/html"));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

}
