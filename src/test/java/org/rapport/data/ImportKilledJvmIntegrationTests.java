package org.rapport.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.RapportApplication;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The application really dies in the middle of an import: it runs in a JVM of its own that is
 * killed (SIGKILL) once some batches are committed and before the last; a new JVM on the same
 * database revives the job (db-scheduler's dead-execution detection) and resumes it from its
 * checkpoint. Every row ends up written exactly once.
 */
class ImportKilledJvmIntegrationTests {

	private static final int ROWS = 50_000;

	private static final String PASSWORD = "killed-jvm-admin-password";

	@Test
	void anImportWhoseJvmIsKilledResumesInANewJvmWithExactlyTheExpectedRows() throws Exception {
		String database = "rapport_killed_" + ProcessHandle.current().pid();
		String url = databaseUrl(database);
		try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + database);
			s.execute("create database " + database + " encoding 'UTF8' template template0");
		}
		Path logs = Files.createTempDirectory("rapport-killed-jvm");
		List<Process> started = new ArrayList<>();
		try {
			Process first = start(url, logs.resolve("first.log"), started);
			Api api = awaitReady(first, logs.resolve("first.log"));
			String token = api.token("admin", PASSWORD);
			StringBuilder csv = new StringBuilder("firstName,lastName,email,tags\n");
			for (int i = 1; i <= ROWS; i++) {
				csv.append("Person").append(i).append(",Killed").append(i).append(",p").append(i)
					.append("@killed.example,killed\n");
			}
			// duplicates=create: a row written twice would show up as a second contact
			Response upload = Imports.upload(api, token, "killed.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
					Imports.fields("entity", "contacts", "duplicates", "create"));
			assertThat(upload.status()).as(upload.text()).isEqualTo(202);
			long id = upload.id();

			long writtenWhenKilled = -1;
			long deadline = System.currentTimeMillis() + 120_000;
			while (System.currentTimeMillis() < deadline) {
				long written = api.get("/api/v1/imports/" + id, token).json().get("rowsWritten").asLong();
				if (written >= ROWS / 10 && written < ROWS / 2) {
					first.destroyForcibly().waitFor();
					writtenWhenKilled = written;
					break;
				}
				assertThat(written).as("the import finished before the JVM could be killed").isLessThan(ROWS);
				Thread.sleep(100);
			}
			assertThat(writtenWhenKilled).as("killed while rows were being written").isPositive();
			System.out.printf("Killed the first JVM with %,d of %,d rows written%n", writtenWhenKilled, ROWS);
			long committed = count(url, "select count(*) from contacts where 'killed' = any(tags)");
			assertThat(committed).isGreaterThanOrEqualTo(writtenWhenKilled).isLessThan(ROWS);
			assertThat(count(url, "select count(*) from imports where id = " + id + " and status = 'running'")).isOne();

			Process second = start(url, logs.resolve("second.log"), started);
			Api again = awaitReady(second, logs.resolve("second.log"));
			String token2 = again.token("admin", PASSWORD);
			JsonNode done = Imports.await(again, token2, id, 150_000).json();

			assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("done");
			assertThat(done.get("rowsRead").asLong()).isEqualTo(ROWS);
			assertThat(done.get("rowsWritten").asLong()).isEqualTo(ROWS);
			assertThat(done.get("rowsRejected").asLong()).isZero();
			assertThat(count(url, "select count(*) from contacts where 'killed' = any(tags)")).isEqualTo(ROWS);
			assertThat(count(url, "select count(distinct emails[1]) from contacts where 'killed' = any(tags)"))
				.isEqualTo(ROWS);
			assertThat(count(url, "select count(*) from import_rows where import_id = " + id)).isEqualTo(ROWS);
			assertThat(count(url, "select count(*) from audit_log where entity_type = 'contact' and action = 'create'"))
				.isEqualTo(ROWS);
			assertThat(count(url, "select resumes from imports where id = " + id)).isOne();
			assertThat(again.get("/api/v1/audit/verify", token2).json().get("intact").asBoolean()).isTrue();
		}
		finally {
			started.forEach(p -> p.destroyForcibly());
			for (Process p : started) {
				p.waitFor();
			}
			try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
				s.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	/** The test database's server, another database on it. */
	private static String databaseUrl(String database) {
		String base = TestDatabase.url();
		int query = base.indexOf('?');
		String path = query < 0 ? base : base.substring(0, query);
		return path.substring(0, path.lastIndexOf('/') + 1) + database + (query < 0 ? "" : base.substring(query));
	}

	private static long count(String url, String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), ""); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The application in a JVM of its own, from the test class path, on the given database. */
	private static Process start(String url, Path log, List<Process> started) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), RapportApplication.class.getName(), "--server.port=" + port,
				"--rapport.db.url=" + url, "--rapport.db.user=" + TestDatabase.user(), "--rapport.db.password=",
				"--rapport.admin-password=" + PASSWORD, "--db-scheduler.polling-interval=1s",
				"--db-scheduler.heartbeat-interval=1s", "--db-scheduler.missed-heartbeats-limit=4",
				"--rapport.data.import-batch-size=500", "--server.shutdown=immediate")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		started.add(process);
		Files.writeString(log.resolveSibling(log.getFileName() + ".port"), Integer.toString(port));
		return process;
	}

	private static Api awaitReady(Process process, Path log) throws Exception {
		int port = Integer.parseInt(Files.readString(log.resolveSibling(log.getFileName() + ".port")));
		Api api = new Api("http://localhost:" + port);
		long deadline = System.currentTimeMillis() + 180_000;
		while (System.currentTimeMillis() < deadline) {
			assertThat(process.isAlive()).as(() -> "the application died: " + tail(log.toFile())).isTrue();
			try {
				if (api.get("/actuator/health", null).status() == 200) {
					return api;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The application did not start: " + tail(log.toFile()));
	}

	private static String tail(File log) {
		try {
			List<String> lines = Files.readAllLines(log.toPath());
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
