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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rapport.support.Api.Response;

/**
 * A minimal browser for the server-rendered UI: keeps cookies (the {@code SESSION} cookie above all),
 * follows no redirects, and signs in through the real form with its CSRF token.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|"
			+ "<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public Browser(String base) {
		this.base = base;
	}

	/** A browser pointed at another node that carries over this one's cookies. */
	public Browser withCookiesOn(String otherBase) {
		Browser other = new Browser(otherBase);
		other.cookies.putAll(cookies);
		return other;
	}

	public String cookie(String name) {
		return cookies.get(name);
	}

	public Response get(String path) {
		return get(path, Map.of());
	}

	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	public Response postForm(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded"));
	}

	/**
	 * Signs in through the form: reads the CSRF token from the sign-in page, posts the user name and
	 * password with it, and answers the redirect that follows (to {@code /} on success).
	 */
	public Response login(String username, String password) {
		Response page = get("/login");
		if (page.status() != 200) {
			throw new IllegalStateException("Sign-in page not served: " + page.status());
		}
		return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf(page.text())));
	}

	public static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No _csrf input in the page");
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	private Response send(HttpRequest.Builder request) {
		request.header("Accept", "text/html,application/xhtml+xml");
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					String name = pair.substring(0, eq).strip();
					String value = pair.substring(eq + 1).strip();
					if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
						cookies.remove(name);
					}
					else {
						cookies.put(name, value);
					}
				}
			}
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

}
