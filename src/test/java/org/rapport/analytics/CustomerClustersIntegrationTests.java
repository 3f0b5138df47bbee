package org.rapport.analytics;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;
import org.rapport.support.SalesFixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;
import static org.rapport.support.ProblemAssertions.errorFields;

/**
 * Customer clusters on PostgreSQL: a new team's two planted groups (four big, frequent, recent buyers
 * and six one-time small buyers from over a year ago) come out as k = 2 with exactly those members and
 * descriptions in both languages; the profiles as CSV; only analysts, managers, marketers and admins
 * may read them, a manager only over the orders they may see; customers all alike make one cluster;
 * bad parameters name the field; the endpoints are in the OpenAPI description.
 */
class CustomerClustersIntegrationTests extends IntegrationTest {

	@Test
	void plantedGroupsBecomeTwoDescribedClusters() {
		String admin = admin();
		String teamName = Api.unique("team-clu");
		Api.TestUser rep = api.newUser(admin, "SALES_REP", teamName);
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("clu");
		long lamp = new SalesFixtures(api, admin).product(tag + "-lamp", "Lamp " + tag);
		LocalDate today = LocalDate.now(clock);
		List<Long> big = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			long id = sales.contact("Big" + c, tag);
			big.add(id);
			for (int j = 0; j < 8; j++) {
				sales.fulfilledOrder(id, today.minusDays(3 + c + 30L * j), List.of(lamp), "500.00");
			}
		}
		List<Long> small = new ArrayList<>();
		for (int c = 0; c < 6; c++) {
			long id = sales.contact("Small" + c, tag);
			small.add(id);
			sales.fulfilledOrder(id, today.minusDays(400 + 5L * c), List.of(lamp), "10.00");
		}
		long teamId = api.get("/api/v1/users/" + rep.id(), admin).json().get("teamId").asLong();
		String query = "/api/v1/analytics/clusters?teamId=" + teamId;

		Response r = api.get(query, admin);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode s = r.json();
		assertThat(s.get("customers").asInt()).isEqualTo(10);
		assertThat(s.get("k").asInt()).isEqualTo(2);
		assertThat(s.get("silhouette").asDouble()).isGreaterThan(0.8);
		// k from 2 to 8, the chosen one the best
		assertThat(s.get("silhouetteByK").size()).isEqualTo(7);
		assertThat(s.get("silhouetteByK").get(0).get("k").asInt()).isEqualTo(2);
		for (JsonNode k : s.get("silhouetteByK")) {
			assertThat(k.get("silhouette").asDouble()).isLessThanOrEqualTo(s.get("silhouette").asDouble());
		}
		JsonNode first = s.get("clusters").get(0);
		JsonNode second = s.get("clusters").get(1);
		assertThat(first.get("cluster").asInt()).isEqualTo(1);
		assertThat(first.get("size").asInt()).isEqualTo(4);
		assertThat(second.get("size").asInt()).isEqualTo(6);
		// centroids in the features' own units
		assertThat(first.get("centroid").get("orders").decimalValue()).isEqualByComparingTo("8.00");
		assertThat(first.get("centroid").get("spent").decimalValue()).isEqualByComparingTo("4000.00");
		assertThat(first.get("centroid").get("average_order").decimalValue()).isEqualByComparingTo("500.00");
		assertThat(first.get("centroid").get("recency_days").decimalValue()).isEqualByComparingTo("4.50");
		assertThat(second.get("centroid").get("spent").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(second.get("centroid").get("recency_days").decimalValue()).isEqualByComparingTo("412.50");
		// a 4 : 6 split puts the small group's means √1.5 ≈ 1.22 standard deviations from the mean, the large one's 0.82
		assertThat(first.get("traits").get(0).get("deviations").asDouble()).isGreaterThan(1.0);
		assertThat(first.get("description").asString()).contains("spend far above average", "orders far above average");
		assertThat(second.get("description").asString()).contains("orders below average",
				"spend below average");

		Response zh = api.send(HttpRequest.newBuilder(api.uri(query)).GET(), admin, Map.of("Accept-Language", "zh-CN"));
		assertThat(zh.json().get("clusters").get(0).get("description").asString()).contains("消费额远高于平均");

		// drill-down: exactly the planted members
		JsonNode bigMembers = api.get("/api/v1/analytics/clusters/1/customers?teamId=" + teamId, admin).json();
		assertThat(bigMembers.valueStream().map(m -> m.get("contactId").asLong())).containsExactlyInAnyOrderElementsOf(big);
		assertThat(bigMembers.get(0).get("spent").decimalValue()).isEqualByComparingTo("4000.00");
		JsonNode smallMembers = api.get("/api/v1/analytics/clusters/2/customers?teamId=" + teamId, admin).json();
		assertThat(smallMembers.valueStream().map(m -> m.get("contactId").asLong()))
			.containsExactlyInAnyOrderElementsOf(small);

		// the profiles as CSV
		Response csv = api.get("/api/v1/analytics/clusters.csv?teamId=" + teamId, admin);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).startsWith("\uFEFFcluster,size,recency_days,orders,spent,average_order,tenure_days,")
			.contains("\n1,4,4.50,8.00,4000.00,500.00,")
			.contains("\n2,6,412.50,1.00,10.00,10.00,412.50,");

		// the team's manager sees the same; another team's manager sees none of these customers
		Api.TestUser manager = api.newUser(admin, "MANAGER", teamName);
		assertThat(api.get(query, manager.token()).json().get("k").asInt()).isEqualTo(2);
		Api.TestUser otherManager = api.newUser(admin, "MANAGER", Api.unique("team-other"));
		JsonNode none = api.get(query, otherManager.token()).json();
		assertThat(none.get("customers").asInt()).isZero();
		assertThat(none.get("k").asInt()).isZero();
		assertThat(none.get("clusters").size()).isZero();
	}

	@Test
	void customersAllAlikeMakeOneClusterCloseToAverage() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-alike"));
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("alike");
		long lamp = new SalesFixtures(api, admin).product(tag + "-lamp", "Lamp " + tag);
		LocalDate day = LocalDate.now(clock).minusDays(10);
		for (int c = 0; c < 3; c++) {
			sales.fulfilledOrder(sales.contact("Same" + c, tag), day, List.of(lamp), "20.00");
		}
		long teamId = api.get("/api/v1/users/" + rep.id(), admin).json().get("teamId").asLong();
		JsonNode s = api.get("/api/v1/analytics/clusters?teamId=" + teamId, admin).json();
		assertThat(s.get("customers").asInt()).isEqualTo(3);
		assertThat(s.get("k").asInt()).isEqualTo(1);
		assertThat(s.get("clusters").get(0).get("size").asInt()).isEqualTo(3);
		assertThat(s.get("clusters").get(0).get("description").asString()).isEqualTo("close to average on every feature");
		assertThat(api.get("/api/v1/analytics/clusters/1/customers?teamId=" + teamId, admin).json().size()).isEqualTo(3);
	}

	@Test
	void aRequestedRunIsInTheModelRegistryAndReadsAreNot() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("clr");
		long lamp = sales.product(tag + "-lamp", "Lamp " + tag);
		LocalDate today = LocalDate.now(clock);
		for (int c = 0; c < 4; c++) {
			sales.fulfilledOrder(sales.contact("Run" + c, tag), today.minusDays(10 + c), List.of(lamp), "20.00");
		}
		assertThat(api.get("/api/v1/analytics/clusters", admin).status()).isEqualTo(200);
		int before = registered(admin).size();
		assertThat(before).isZero();

		Response run = api.post("/api/v1/analytics/clusters/runs", admin, null);
		assertThat(run.status()).as(run.text()).isEqualTo(200);
		JsonNode read = api.get("/api/v1/analytics/clusters", admin).json();
		List<JsonNode> models = registered(admin);
		assertThat(models).hasSize(1);
		JsonNode model = models.get(0);
		assertThat(model.get("metrics").get("k").asInt()).isEqualTo(read.get("k").asInt());
		assertThat(model.get("metrics").get("silhouette").asDouble()).isEqualTo(read.get("silhouette").asDouble());
		assertThat(model.get("metrics").get("customers").asInt()).isEqualTo(read.get("customers").asInt());
		assertThat(model.get("rows").asInt()).isEqualTo(read.get("customers").asInt());
		assertThat(model.get("primaryMetric").isNull()).isTrue();
		assertThat(model.get("trainingTo").asString()).isEqualTo(today.toString());
		assertThat(api.get("/api/v1/audit?entityType=analytics-model&entityId=" + model.get("id").asLong(), admin).text())
			.contains("\"request\"", "Customer clusters as of " + today);

		String marketer = api.user(admin, Api.unique("mkt-clr"), "MARKETER", null);
		assertProblem(api.post("/api/v1/analytics/clusters/runs", marketer, null), 403);
		assertProblem(api.post("/api/v1/analytics/clusters/runs?asOf=yesterday", admin, null), 400);
	}

	private List<JsonNode> registered(String token) {
		return api.get("/api/v1/analytics/models", token).json().valueStream()
			.filter(m -> m.get("name").asString().equals("clusters"))
			.toList();
	}

	@Test
	void onlyAnalystsManagersMarketersAndAdminsReadClustersAndBadParametersNameTheField() {
		String admin = admin();
		for (String role : List.of("SALES_REP", "SUPPORT_AGENT")) {
			Api.TestUser user = api.newUser(admin, role, Api.unique("team-clu-deny"));
			assertProblem(api.get("/api/v1/analytics/clusters", user.token()), 403);
			assertProblem(api.get("/api/v1/analytics/clusters.csv", user.token()), 403);
			assertProblem(api.get("/api/v1/analytics/clusters/1/customers", user.token()), 403);
		}
		// the page answers a rep with the friendly 403 page, an analyst with the clusters
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-clu-page"));
		Browser repBrowser = new Browser(api.base());
		repBrowser.login(rep.username(), rep.password());
		assertThat(repBrowser.get("/analytics/clusters").status()).isEqualTo(403);
		assertThat(repBrowser.get("/analytics/clusters.csv").status()).isEqualTo(403);
		Api.TestUser analyst = api.newUser(admin, "ANALYST", null);
		Browser analystBrowser = new Browser(api.base());
		analystBrowser.login(analyst.username(), analyst.password());
		Response page = analystBrowser.get("/analytics/clusters");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Customer clusters");
		for (String role : List.of("ANALYST", "MARKETER")) {
			Api.TestUser user = api.newUser(admin, role, null);
			Response r = api.get("/api/v1/analytics/clusters", user.token());
			assertThat(r.status()).as(role + ": " + r.text()).isEqualTo(200);
		}
		Response badDate = api.get("/api/v1/analytics/clusters?asOf=yesterday", admin);
		assertProblem(badDate, 400);
		assertThat(errorFields(badDate)).containsExactly("asOf");
		Response badTeam = api.get("/api/v1/analytics/clusters.csv?teamId=x", admin);
		assertProblem(badTeam, 400);
		assertThat(errorFields(badTeam)).containsExactly("teamId");
		Response badCluster = api.get("/api/v1/analytics/clusters/99/customers?teamId=-1", admin);
		assertProblem(badCluster, 400);
		assertThat(errorFields(badCluster)).containsExactly("cluster");
		assertThat(errorFields(api.get("/api/v1/analytics/clusters/one/customers", admin))).containsExactly("cluster");

		// documented in the OpenAPI description
		JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.get("/api/v1/analytics/clusters").get("get").get("summary").asString()).contains("k-means");
		assertThat(paths.has("/api/v1/analytics/clusters.csv")).isTrue();
		assertThat(paths.has("/api/v1/analytics/clusters/{cluster}/customers")).isTrue();
	}

}
