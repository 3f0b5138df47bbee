package org.rapport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small REST client for the integration tests: real HTTP to the running application. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public Api(String base) {
		this.base = base;
	}

	public String base() {
		return base;
	}

	/**
	 * An answer.
	 *
	 * @param status HTTP status
	 * @param response the raw response
	 * @param text the body as text
	 */
	public record Response(int status, HttpResponse<String> response, String text) {

		public JsonNode json() {
			return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
		}

		public String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		public long id() {
			return json().get("id").asLong();
		}

		public String etag() {
			return header("ETag");
		}

		@Override
		public String toString() {
			return status + " " + text;
		}

	}

	public String token(String username, String password) {
		Response r = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
		if (r.status() != 200 && r.status() != 201) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + r);
		}
		return r.json().get("token").asString();
	}

	/**
	 * A user made for one test, with a token to act as them.
	 *
	 * @param id user id
	 * @param username login name
	 * @param password password
	 * @param token bearer token
	 */
	public record TestUser(long id, String username, String password, String token) {
	}

	/** Creates a user with a unique name as admin and signs in as them. */
	public TestUser newUser(String adminToken, String role, String team) {
		String username = unique(role.toLowerCase().replace('_', '-'));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "password-" + username);
		body.put("displayName", username);
		body.put("role", role);
		if (team != null) {
			body.put("team", team);
		}
		Response r = post("/api/v1/users", adminToken, body);
		if (r.status() != 201) {
			throw new IllegalStateException("Could not create user " + username + ": " + r);
		}
		return new TestUser(r.id(), username, "password-" + username, token(username, "password-" + username));
	}

	/** Creates a user as admin and returns a token for them. */
	public String user(String adminToken, String username, String role, String team) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "password-" + username);
		body.put("displayName", username);
		body.put("role", role);
		if (team != null) {
			body.put("team", team);
		}
		Response r = post("/api/v1/users", adminToken, body);
		if (r.status() != 201) {
			throw new IllegalStateException("Could not create user " + username + ": " + r);
		}
		return token(username, "password-" + username);
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public Response get(String path, String token) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), token, Map.of());
	}

	public Response post(String path, String token, Object body) {
		return send(HttpRequest.newBuilder(uri(path)).POST(json(body)).header("Content-Type", "application/json"),
				token, Map.of());
	}

	public Response patch(String path, String token, String ifMatch, Object body) {
		Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
		return send(HttpRequest.newBuilder(uri(path)).method("PATCH", json(body))
			.header("Content-Type", "application/merge-patch+json"), token, headers);
	}

	public Response put(String path, String token, String ifMatch, Object body) {
		Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
		return send(HttpRequest.newBuilder(uri(path)).PUT(json(body)).header("Content-Type", "application/json"), token,
				headers);
	}

	public Response delete(String path, String token, String ifMatch) {
		Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), token, headers);
	}

	public Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.header("Accept", "application/json");
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public URI uri(String path) {
		return URI.create(base + path);
	}

	public static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		String text = body instanceof String s ? s : JSON.writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
	}

}
