package org.rapport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.zaxxer.hikari.HikariDataSource;
import org.rapport.platform.db.DatabaseSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a load generator talks to: the running application over HTTP ({@code bench.url}) and its
 * database directly ({@code bench.jdbc}, {@code bench.dbUser}, {@code bench.dbPassword}), through a
 * pool with the application's session settings, so the SQL baselines plan queries as it does.
 */
final class BenchTarget implements AutoCloseable {

	final String base;

	final HttpClient http = HttpClient.newHttpClient();

	final HikariDataSource db;

	final JdbcClient jdbc;

	BenchTarget(int poolSize) {
		this(poolSize, System.getProperty("bench.url", "http://127.0.0.1:18080"),
				System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/rapport_bench"));
	}

	/** A second application and database in the same run (a baseline at another size). */
	BenchTarget(int poolSize, String url, String jdbcUrl) {
		base = url;
		db = SearchBenchmark.pool(jdbcUrl, System.getProperty("bench.dbUser", "postgres"),
				System.getProperty("bench.dbPassword", ""), poolSize, DatabaseSettings.SESSION_SETTINGS);
		jdbc = JdbcClient.create(db);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** A bearer token for the user. */
	String token(String user, String password) throws Exception {
		String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200 && r.statusCode() != 201) {
			throw new IllegalStateException("sign-in of " + user + " answered " + r.statusCode() + ": " + r.body());
		}
		return JsonMapper.builder().build().readTree(r.body()).get("token").asString();
	}

	/** The admin's token ({@code bench.admin}, {@code bench.adminPassword}). */
	String adminToken() throws Exception {
		return token(System.getProperty("bench.admin", "admin"),
				System.getProperty("bench.adminPassword", "bench-admin-password"));
	}

	/** GETs a path and reads the whole body; anything but 200 is an error. */
	void get(String path, String token) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
		}
	}

	@Override
	public void close() {
		db.close();
	}

}
