package org.rapport.analytics;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.clv.Cdnow;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** The CLV endpoint over real HTTP, on the CDNOW data of FHL (2005). */
class ClvApiIntegrationTests extends IntegrationTest {

	private static final String FIT = "/api/v1/analytics/clv/fit";

	@Test
	void multipartUploadOfTheCdnowSampleReproducesThePublishedModelsTrackingAndCustomerFigures() {
		String token = api.user(admin(), "clv-" + UUID.randomUUID().toString().substring(0, 8), "SALES_REP", null);
		Response r = multipart(FIT + "?calibrationEnd=1997-09-30&holdoutEnd=1998-06-30&customers=true", token,
				Cdnow.sampleAsCsv());
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode json = r.json();
		assertThat(json.get("customersFitted").asInt()).isEqualTo(2357);
		assertThat(json.get("r").asDouble()).isCloseTo(0.243, withinPercentage(1));
		assertThat(json.get("alpha").asDouble()).isCloseTo(4.414, withinPercentage(1));
		assertThat(json.get("a").asDouble()).isCloseTo(0.793, withinPercentage(1));
		assertThat(json.get("b").asDouble()).isCloseTo(2.426, withinPercentage(1));
		// from exact day counts, as CLVTools computes it
		assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.1));
		assertThat(json.get("ggCustomersFitted").asInt()).isEqualTo(946);
		assertThat(json.get("p").asDouble()).isCloseTo(6.25, withinPercentage(1));
		assertThat(json.get("q").asDouble()).isCloseTo(3.74, withinPercentage(1));
		assertThat(json.get("gamma").asDouble()).isCloseTo(15.44, withinPercentage(1));
		assertThat(json.get("ggLogLikelihood").asDouble()).isCloseTo(-4055.9177, within(0.1));

		JsonNode tracking = json.get("tracking");
		assertThat(tracking.size()).isEqualTo(78);
		assertThat(tracking.get(38).get("date").asString()).isEqualTo("1997-09-30");
		assertThat(tracking.get(38).get("actual").asLong()).isEqualTo(2457);
		long actualTotal = tracking.get(77).get("actual").asLong();
		assertThat(tracking.get(77).get("expected").asDouble()).isCloseTo(actualTotal, withinPercentage(5));
		assertThat(json.get("holdout").get("actual").asLong()).isEqualTo(actualTotal - 2457);

		JsonNode customers = json.get("customers");
		assertThat(customers.size()).isEqualTo(2357);
		JsonNode first = customers.get(0);
		assertThat(first.get("customerId").asString()).isEqualTo("0001");
		assertThat(first.get("x").asInt()).isEqualTo(2);
		assertThat(first.get("T").asDouble()).isCloseTo(38.86, within(0.005));
		assertThat(first.get("expectedAverageProfit").asDouble()).isCloseTo(24.65, within(0.1));
		assertThat(first.get("pAlive").asDouble()).isBetween(0.0, 1.0);
		assertThat(first.get("clv").asDouble()).isPositive();
		assertThat(first.get("holdoutTransactions").isInt()).isTrue();
		// Hardie's spreadsheet: 1.226 in the next 39 weeks; 52 weeks is more
		assertThat(first.get("expectedTransactions").asDouble()).isGreaterThan(1.226);
	}

	@Test
	void summaryFormatFitsThePublishedSummaryFile() {
		String csv = String.join("\n", Cdnow.lines("cdnow_customers_summary_with_transactions.csv"));
		Response r = csv(FIT + "?format=summary&customers=true&horizonWeeks=39", admin(), csv);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		JsonNode json = r.json();
		assertThat(json.get("customersFitted").asInt()).isEqualTo(2357);
		assertThat(json.get("r").asDouble()).isCloseTo(0.243, withinPercentage(1));
		assertThat(json.get("b").asDouble()).isCloseTo(2.426, withinPercentage(1));
		assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9582.43, within(0.1));
		assertThat(json.get("ggLogLikelihood").asDouble()).isCloseTo(-4055.9177, within(0.1));
		assertThat(json.get("tracking").isNull()).isTrue();
		JsonNode first = json.get("customers").get(0);
		assertThat(first.get("customerId").asString()).isEqualTo("1");
		// with fitted rather than rounded published parameters, still Hardie's 1.226 to 0.01
		assertThat(first.get("expectedTransactions").asDouble()).isCloseTo(1.226, within(0.01));
		assertThat(first.get("expectedAverageProfit").asDouble()).isCloseTo(24.65, within(0.1));
	}

	@Test
	void summaryFormatUnderstandsTheLifetimesColumnNamesWithoutSpend() {
		String csv = String.join("\n", Cdnow.lines("cdnow_customers_summary.csv"));
		Response r = csv(FIT + "?format=summary", admin(), csv);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		assertThat(r.json().get("a").asDouble()).isCloseTo(0.793, withinPercentage(1));
		assertThat(r.json().get("p").isNull()).isTrue();
	}

	@Test
	void theMasterFileOverOneMebibyteGoesThroughMultipartButNotAsAPlainBody() {
		String csv = Cdnow.masterAsCsv();
		assertThat(csv.length()).isGreaterThan(1024 * 1024);
		String token = admin();
		Response r = multipart(FIT + "?calibrationEnd=1997-09-30", token, csv);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		assertThat(r.json().get("customersFitted").asInt()).isEqualTo(23570);
		Response plain = csv(FIT, token, csv);
		assertThat(plain.status()).isEqualTo(413);
		assertThat(plain.header("Content-Type")).startsWith("application/problem+json");
		// chunked, so the size shows only while reading
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		Response chunked = api.send(HttpRequest.newBuilder(api.uri(FIT))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.header("Content-Type", "text/csv"), token, Map.of());
		assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
		assertThat(chunked.json().get("type").asString()).isEqualTo("urn:rapport:problem:too-large");
	}

	@Test
	void malformedCsvIsA400NamingEveryBadLineAndColumn() {
		String csv = "customerId,date,amount\r\nc1,2024-01-05,10.00\r\nc1,2024-01-09,ten\r\nc2,2024-02-30,5\r\n"
				+ "\"c3,2024-01-01,5\r\nc4,2024-01-01\r\n,2024-01-01,1\r\nc5,2024-01-01,-3\r\n";
		Response r = multipart(FIT, admin(), csv);
		assertThat(r.status()).as(r.text()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		JsonNode json = r.json();
		assertThat(json.get("type").asString()).isEqualTo("urn:rapport:problem:invalid-input");
		Map<String, String> errors = new HashMap<>();
		json.get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("code").asString()));
		assertThat(errors).containsEntry("line 3: amount", "not-a-number")
			.containsEntry("line 4: date", "not-a-date")
			.containsEntry("line 5", "bad-quotes")
			.containsEntry("line 6", "columns")
			.containsEntry("line 7: customerId", "required")
			.containsEntry("line 8: amount", "negative")
			.hasSize(6);
		Response header = csv(FIT, admin(), "customer,when,amount\nc1,2024-01-05,10\n");
		assertThat(header.status()).isEqualTo(400);
		assertThat(header.json().get("errors").get(0).get("field").asString()).isEqualTo("line 1: date");
		Response option = csv(FIT + "?holdoutEnd=2024-01-01", admin(), "customerId,date,amount\nc1,2024-01-05,10\n");
		assertThat(option.status()).isEqualTo(400);
		assertThat(option.json().get("errors").get(0).get("field").asString()).isEqualTo("holdoutEnd");
	}

	@Test
	void anyAuthenticatedUserMayFitButNotAnonymousCallers() {
		String csv = "customerId,date,amount\nc1,2024-01-05,10\n";
		assertThat(csv(FIT, null, csv).status()).isEqualTo(401);
	}

	private Response csv(String path, String token, String body) {
		return api.send(HttpRequest.newBuilder(api.uri(path))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", "text/csv"), token, Map.of());
	}

	private Response multipart(String path, String token, String csv) {
		String boundary = "rapport-" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"transactions.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		byte[] body = (head + csv + tail).getBytes(StandardCharsets.UTF_8);
		return api.send(HttpRequest.newBuilder(api.uri(path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary), token, Map.of());
	}

}
