package org.rapport.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.RapportApplication;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a database server configured, Rapport runs its own PostgreSQL whose data survives restarts. */
class EmbeddedDatabaseIntegrationTests {

	private static final String PASSWORD = "embedded-admin-password";

	@TempDir
	Path dataDir;

	@Test
	void keepsDataAcrossRestarts() {
		String family = Api.unique("Kept");
		long id;
		try (ConfigurableApplicationContext first = start()) {
			Api api = api(first);
			String token = api.token("admin", PASSWORD);
			Response created = api.post("/api/v1/contacts", token,
					Map.of("firstName", "Persistent", "lastName", family, "email", "kept@example.com"));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			id = created.id();
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
		try (ConfigurableApplicationContext second = start()) {
			Api api = api(second);
			String token = api.token("admin", PASSWORD);
			Response read = api.get("/api/v1/contacts/" + id, token);
			assertThat(read.status()).as(read.text()).isEqualTo(200);
			assertThat(read.json().get("lastName").asString()).isEqualTo(family);
			assertThat(read.json().get("email").asString()).isEqualTo("kept@example.com");
			assertThat(api.get("/api/v1/contacts?q=" + Api.q(family), token).json().get("items")).hasSize(1);
			assertThat(api.get("/api/v1/audit/verify", token).json().get("intact").asBoolean()).isTrue();
		}
	}

	@Test
	void aStopSignalEndsTheApplicationsWorkBeforeItsDatabase() throws Exception {
		// a JVM of its own, stopped as a service manager stops it (SIGTERM): the embedded PostgreSQL must outlive
		// the beans that still use it while they shut down (the scheduler, the event publication registry)
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = dataDir.resolve("rapport.log");
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), RapportApplication.class.getName(), "--server.port=" + port,
				"--rapport.db.url=", "--rapport.db.user=", "--rapport.db.password=", "--rapport.data-dir=" + dataDir,
				"--rapport.admin-password=" + PASSWORD, "--rapport.demo-data=false", "--spring.jmx.enabled=false")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Process process = builder.start();
		try {
			Api api = new Api("http://localhost:" + port);
			long deadline = System.currentTimeMillis() + 180_000;
			while (!ready(api)) {
				assertThat(process.isAlive()).as(() -> "the application died: " + read(log)).isTrue();
				assertThat(System.currentTimeMillis()).as("started within 3 minutes").isLessThan(deadline);
				Thread.sleep(500);
			}
			process.destroy();
			assertThat(process.waitFor(25, TimeUnit.SECONDS)).as(() -> "stopped within 25 s: " + read(log)).isTrue();
			String output = read(log);
			assertThat(output).contains("Scheduler stopped")
				.doesNotContain("terminating connection due to administrator command", "This connection has been closed",
						"Could not open JDBC Connection", "Invocation of destroy method failed");
			String postgresDir = dataDir.resolve("postgres").toString();
			assertThat(ProcessHandle.allProcesses()
				.filter(p -> p.info().commandLine().orElse("").contains(postgresDir))
				.map(p -> p.info().commandLine().orElse(""))).as("the embedded PostgreSQL stopped with it").isEmpty();
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static boolean ready(Api api) {
		try {
			return api.get("/actuator/health", null).status() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	/** Rapport as a person starts it: no database URL, a data directory. */
	private ConfigurableApplicationContext start() {
		// command-line arguments win over the environment, so a RAPPORT_DB_URL of the machine cannot interfere
		return new SpringApplicationBuilder(RapportApplication.class).run("--server.port=0", "--rapport.db.url=",
				"--rapport.db.user=", "--rapport.db.password=", "--rapport.data-dir=" + dataDir,
				"--rapport.admin-password=" + PASSWORD, "--rapport.demo-data=false", "--spring.jmx.enabled=false");
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
