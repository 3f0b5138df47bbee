package org.rapport.support;

import java.util.List;

import org.rapport.support.Api.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem answers, the shape every API error must have. */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/** The answer is a problem with this status, a type, a title, the status and a detail. */
	public static JsonNode assertProblem(Response r, int status) {
		assertThat(r.status()).as(r.text()).isEqualTo(status);
		assertThat(r.header("Content-Type")).as(r.text()).startsWith("application/problem+json");
		JsonNode json = r.json();
		assertThat(json.path("type").asString("")).as(r.text()).isNotBlank();
		assertThat(json.path("title").asString("")).as(r.text()).isNotBlank();
		assertThat(json.path("status").asInt()).as(r.text()).isEqualTo(status);
		assertThat(json.path("detail").asString("")).as(r.text()).isNotBlank();
		return json;
	}

	/** The fields a validation problem names in {@code errors}. */
	public static List<String> errorFields(Response r) {
		JsonNode errors = r.json().get("errors");
		assertThat(errors).as(r.text()).isNotNull();
		errors.forEach(e -> {
			assertThat(e.path("code").asString("")).as(r.text()).isNotBlank();
			assertThat(e.path("message").asString("")).as(r.text()).isNotBlank();
		});
		return errors.valueStream().map(e -> e.get("field").asString()).toList();
	}

}
