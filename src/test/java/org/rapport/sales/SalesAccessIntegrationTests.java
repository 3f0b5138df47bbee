package org.rapport.sales;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales records follow the record-level rules: other teams' deals, leads, quotes and orders are invisible. */
class SalesAccessIntegrationTests extends IntegrationTest {

	@Test
	void repsSeeTheirOwnSalesRecordsAndNotAnotherTeams() {
		String admin = admin();
		String teamA = Api.unique("team-a");
		String owner = api.user(admin, Api.unique("rep-a"), "SALES_REP", teamA);
		String sameTeamManager = api.user(admin, Api.unique("mgr-a"), "MANAGER", teamA);
		String otherRep = api.user(admin, Api.unique("rep-b"), "SALES_REP", Api.unique("team-b"));
		String marketer = api.user(admin, Api.unique("mkt"), "MARKETER", null);
		String analyst = api.user(admin, Api.unique("ana"), "ANALYST", null);

		long account = api.post("/api/v1/accounts", owner, Map.of("name", Api.unique("Owned Co"))).id();
		Response deal = api.post("/api/v1/deals", owner, Map.of("name", "Owned deal", "accountId", account, "amount", 10));
		Response lead = api.post("/api/v1/leads", owner, Map.of("lastName", "Owned", "email", Api.unique("l") + "@x.example"));
		Response quote = api.post("/api/v1/quotes", owner, Map.of("accountId", account, "lines",
				List.of(Map.of("description", "x", "quantity", 1, "unitPrice", 5))));
		long order = api.post("/api/v1/quotes/" + quote.id() + "/accept", owner, null).json().get("orderId").asLong();

		for (String path : List.of("/api/v1/deals/" + deal.id(), "/api/v1/leads/" + lead.id(),
				"/api/v1/quotes/" + quote.id(), "/api/v1/orders/" + order)) {
			assertThat(api.get(path, owner).status()).as("owner reads " + path).isEqualTo(200);
			assertThat(api.get(path, sameTeamManager).status()).as("manager reads " + path).isEqualTo(200);
			assertThat(api.get(path, otherRep).status()).as("other team reads " + path).isEqualTo(404);
			assertThat(api.get(path, marketer).status()).as("marketer reads " + path).isEqualTo(200);
			assertThat(api.get(path, analyst).status()).as("analyst reads " + path).isEqualTo(200);
		}
		assertThat(api.patch("/api/v1/deals/" + deal.id(), otherRep, deal.etag(), Map.of("stage", "closed_won")).status())
			.isEqualTo(404);
		assertThat(api.patch("/api/v1/deals/" + deal.id(), marketer, deal.etag(), Map.of("stage", "closed_won")).status())
			.isEqualTo(403);
		assertThat(api.patch("/api/v1/leads/" + lead.id(), marketer, lead.etag(), Map.of("status", "working")).status())
			.as("marketing works leads").isEqualTo(200);
		assertThat(api.patch("/api/v1/leads/" + lead.id(), analyst, "\"1\"", Map.of("status", "qualified")).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/leads/" + lead.id(), analyst).json().get("email").asString()).contains("***");
		assertThat(ids(api.get("/api/v1/deals?limit=200", otherRep))).doesNotContain(deal.id());
		assertThat(ids(api.get("/api/v1/deals?limit=200", sameTeamManager))).contains(deal.id());
		assertThat(api.get("/api/v1/audit?entityType=deal&entityId=" + deal.id(), otherRep).status()).isEqualTo(404);
	}

	private static List<Long> ids(Response r) {
		return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

}
