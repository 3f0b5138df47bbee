package org.rapport.platform;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api.Response;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/** What operators rely on: health without sign-in, metrics for admins, the OpenAPI document, request ids. */
class OperationsIntegrationTests extends IntegrationTest {

	@Test
	void healthAnswersWithoutSigningIn() {
		Response health = api.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

	@Test
	void prometheusMetricsAreForAdminsOnly() {
		assertProblem(api.get("/actuator/prometheus", null), 401);
		String rep = api.newUser(admin(), "SALES_REP", null).token();
		assertProblem(api.get("/actuator/prometheus", rep), 403);
		Response metrics = api.send(HttpRequest.newBuilder(api.uri("/actuator/prometheus")).GET(), admin(),
				Map.of("Accept", "text/plain"));
		assertThat(metrics.status()).as(metrics.text()).isEqualTo(200);
		assertThat(metrics.text()).contains("jvm_memory_used_bytes").contains("http_server_requests");
		assertThat(metrics.text()).contains("rapport_audit_chain_intact");
		// each request is timed whole, not each filter of Spring Security's chain (management.observations.enable)
		assertThat(metrics.text()).doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authorizations");
	}

	@Test
	void openApiDocumentListsTheContactsApi() {
		Response docs = api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		JsonNode json = docs.json();
		assertThat(json.get("openapi").asString()).startsWith("3.");
		JsonNode paths = json.get("paths");
		assertThat(paths.has("/api/v1/contacts")).isTrue();
		assertThat(paths.get("/api/v1/contacts").has("get")).isTrue();
		assertThat(paths.get("/api/v1/contacts").has("post")).isTrue();
		assertThat(paths.has("/api/v1/contacts/{id}")).isTrue();
		assertThat(paths.has("/api/v1/auth/token")).isTrue();
	}

	@Test
	void echoesTheRequestIdOrMakesOne() {
		Response echoed = api.send(HttpRequest.newBuilder(api.uri("/actuator/health")).GET(), null,
				Map.of("X-Request-Id", "trace-42.abc_DEF"));
		assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-42.abc_DEF");
		Response problem = api.send(HttpRequest.newBuilder(api.uri("/api/v1/contacts/1")).GET(), null,
				Map.of("X-Request-Id", "trace-43"));
		assertThat(problem.header("X-Request-Id")).isEqualTo("trace-43");
		assertThat(problem.json().get("requestId").asString()).isEqualTo("trace-43");
		Response made = api.get("/actuator/health", null);
		assertThat(made.header("X-Request-Id")).isNotBlank();
		Response insane = api.send(HttpRequest.newBuilder(api.uri("/actuator/health")).GET(), null,
				Map.of("X-Request-Id", "x".repeat(200)));
		assertThat(insane.header("X-Request-Id")).isNotBlank().hasSizeLessThan(65);
	}

}
