package org.rapport.platform;

import java.nio.file.Path;
import java.util.Map;

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
