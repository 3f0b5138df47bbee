package org.rapport.analytics;

import java.net.http.HttpRequest;
import java.time.LocalDate;
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

/**
 * The churn risk list ranks the customers the caller may see by risk, with the reasons their
 * analytics page gives in words, keyset-paged, filtered by owner, and exported as CSV.
 */
class ChurnRiskListIntegrationTests extends IntegrationTest {

	@Test
	void ranksVisibleCustomersByRiskWithTheirReasons() {
		String admin = admin();
		String team = Api.unique("team-risk");
		Api.TestUser rep = api.newUser(admin, "SALES_REP", team);
		Api.TestUser colleague = api.newUser(admin, "SALES_REP", Api.unique("team-risk-other"));
		String stranger = api.user(admin, Api.unique("rep-risk-x"), "SALES_REP", Api.unique("team-risk-x"));
		String analyst = api.user(admin, Api.unique("analyst-risk"), "ANALYST", null);
		SalesFixtures mine = new SalesFixtures(api, rep.token());
		SalesFixtures theirs = new SalesFixtures(api, colleague.token());
		String tag = Api.unique("risk");
		long item = new SalesFixtures(api, admin).product(tag + "-item", "Item " + tag);
		LocalDate today = LocalDate.now(clock);
		// a loyal customer who ordered last week, one who stopped ordering 300 days ago, one in between
		Response created = api.post("/api/v1/contacts", rep.token(),
				Map.of("firstName", "Loyal", "lastName", tag, "emails", List.of("loyal." + tag + "@example.com")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long loyal = created.id();
		long faded = mine.contact("Faded", tag);
		long middle = mine.contact("Middle", tag);
		for (int day = 365; day >= 7; day -= 30) {
			mine.fulfilledOrder(loyal, today.minusDays(day), List.of(item), "20.00");
		}
		for (int day = 500; day >= 300; day -= 40) {
			mine.fulfilledOrder(faded, today.minusDays(day), List.of(item), "20.00");
		}
		mine.fulfilledOrder(middle, today.minusDays(200), List.of(item), "20.00");
		mine.fulfilledOrder(middle, today.minusDays(120), List.of(item), "20.00");
		// the colleague's customers: one shared with the rep, one not
		long shared = theirs.contact("Shared", tag);
		long hidden = theirs.contact("Hidden", tag);
		theirs.fulfilledOrder(shared, today.minusDays(60), List.of(item), "20.00");
		theirs.fulfilledOrder(hidden, today.minusDays(60), List.of(item), "20.00");
		assertThat(api.put("/api/v1/contacts/" + shared + "/shares/" + rep.id(), colleague.token(), null,
				Map.of("access", "read")).status()).isEqualTo(200);

		Response r = api.get("/api/v1/analytics/churn/risks?limit=200", rep.token());
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<JsonNode> items = r.json().get("items").valueStream().toList();
		assertThat(items.stream().map(i -> i.get("contactId").asLong())).containsExactlyInAnyOrder(loyal, faded, middle,
				shared);
		assertThat(r.json().get("nextCursor").isNull()).isTrue();
		// riskiest first; the customer who stopped long ago ranks above the one who ordered last week
		for (int i = 1; i < items.size(); i++) {
			assertThat(items.get(i).get("risk").asDouble()).isLessThanOrEqualTo(items.get(i - 1).get("risk").asDouble());
		}
		assertThat(risk(items, faded)).isGreaterThan(risk(items, loyal));
		// each row has the risk and reasons of the customer's analytics page, in words
		for (JsonNode i : items) {
			JsonNode page = api.get("/api/v1/analytics/customers/" + i.get("contactId").asLong(), rep.token())
				.json()
				.get("churn");
			assertThat(i.get("risk").asDouble()).isEqualTo(page.get("risk").asDouble());
			assertThat(i.get("basis").asString()).isEqualTo(page.get("basis").asString()).isIn("model", "bg-nbd");
			assertThat(i.get("reasons").size()).isBetween(1, 3).isEqualTo(page.get("reasons").size());
			for (int k = 0; k < i.get("reasons").size(); k++) {
				JsonNode reason = i.get("reasons").get(k);
				assertThat(reason.get("feature").asString()).isEqualTo(page.get("reasons").get(k).get("feature").asString());
				assertThat(reason.get("text").asString()).contains(reason.get("value").asString())
					.doesNotStartWith(reason.get("feature").asString());
			}
		}
		JsonNode loyalRow = items.stream().filter(i -> i.get("contactId").asLong() == loyal).findFirst().orElseThrow();
		assertThat(loyalRow.get("name").asString()).isEqualTo("Loyal " + tag);
		assertThat(loyalRow.get("email").asString()).isEqualTo("loyal." + tag + "@example.com");

		// pages of two follow on from each other
		Response first = api.get("/api/v1/analytics/churn/risks?limit=2", rep.token());
		assertThat(first.json().get("items").size()).isEqualTo(2);
		String cursor = first.json().get("nextCursor").asString();
		Response second = api.get("/api/v1/analytics/churn/risks?limit=2&cursor=" + cursor, rep.token());
		assertThat(second.json().get("items").size()).isEqualTo(2);
		assertThat(second.json().get("nextCursor").isNull()).isTrue();
		List<Long> paged = new ArrayList<>();
		first.json().get("items").forEach(i -> paged.add(i.get("contactId").asLong()));
		second.json().get("items").forEach(i -> paged.add(i.get("contactId").asLong()));
		assertThat(paged).containsExactlyElementsOf(items.stream().map(i -> i.get("contactId").asLong()).toList());

		// another team's rep sees none of them; the owner filter narrows to one owner
		assertThat(api.get("/api/v1/analytics/churn/risks?limit=200", stranger)
			.json()
			.get("items")
			.valueStream()
			.map(i -> i.get("contactId").asLong())).doesNotContain(loyal, faded, middle, shared, hidden);
		assertThat(api.get("/api/v1/analytics/churn/risks?ownerId=" + rep.id(), admin)
			.json()
			.get("items")
			.valueStream()
			.map(i -> i.get("contactId").asLong())).containsExactlyInAnyOrder(loyal, faded, middle);

		long teamId = api.get("/api/v1/users/" + rep.id(), admin).json().get("teamId").asLong();
		assertThat(api.get("/api/v1/analytics/churn/risks?teamId=" + teamId, admin)
			.json()
			.get("items")
			.valueStream()
			.map(i -> i.get("contactId").asLong())).containsExactlyInAnyOrder(loyal, faded, middle);

		// an analyst sees them with e-mail addresses masked
		JsonNode masked = api.get("/api/v1/analytics/churn/risks?ownerId=" + rep.id(), analyst)
			.json()
			.get("items")
			.valueStream()
			.filter(i -> i.get("contactId").asLong() == loyal)
			.findFirst()
			.orElseThrow();
		assertThat(masked.get("email").asString()).isEqualTo("l***@example.com");

		// in Chinese
		Response zh = api.send(HttpRequest.newBuilder(api.uri("/api/v1/analytics/churn/risks?ownerId=" + rep.id())).GET(),
				admin, Map.of("Accept-Language", "zh-CN"));
		assertThat(zh.json().get("items").get(0).get("reasons").get(0).get("text").asString()).containsPattern("\\p{IsHan}");
	}

	@Test
	void refusesBadPagingAndExportsCsvWithAnAuditEntry() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-risk-csv"));
		SalesFixtures mine = new SalesFixtures(api, rep.token());
		String tag = Api.unique("riskcsv");
		long item = new SalesFixtures(api, admin).product(tag + "-item", "Item " + tag);
		long customer = mine.contact("Csv", tag);
		mine.fulfilledOrder(customer, LocalDate.now(clock).minusDays(100), List.of(item), "20.00");
		mine.fulfilledOrder(customer, LocalDate.now(clock).minusDays(40), List.of(item), "20.00");

		for (String bad : List.of("limit=0", "limit=201", "limit=many", "cursor=nonsense", "format=xml", "teamId=999999999",
				"ownerId=someone")) {
			Response r = api.get("/api/v1/analytics/churn/risks?" + bad, rep.token());
			assertThat(r.status()).as(bad).isEqualTo(400);
			assertThat(r.text()).contains(bad.substring(0, bad.indexOf('=')));
		}

		Response csv = api.get("/api/v1/analytics/churn/risks?format=csv", rep.token());
		assertThat(csv.status()).as(csv.text()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).contains("contact_id,name,account,email,risk,basis,reason_1")
			.contains(customer + ",Csv " + tag);
		JsonNode audit = api.get("/api/v1/audit?entityType=churn-risks&entityId=all", admin).json();
		assertThat(audit.toString()).contains("export");
	}

	private static double risk(List<JsonNode> items, long contactId) {
		return items.stream()
			.filter(i -> i.get("contactId").asLong() == contactId)
			.findFirst()
			.orElseThrow()
			.get("risk")
			.asDouble();
	}

}
