package org.rapport.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.RapportApplication;
import org.rapport.support.Api.Response;
import org.rapport.support.Api.TestUser;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;
import org.rapport.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sessions live in PostgreSQL, so a user signed in on one node stays signed in on any other
 * (and after a restart), and signing out on one signs out everywhere.
 */
class SessionClusterIntegrationTests extends IntegrationTest {

	@Test
	void aSessionStartedOnOneNodeIsHonouredByAnother() {
		TestUser user = api.newUser(admin(), "SALES_REP", null);
		Browser onA = new Browser(api.base());
		Response signedIn = onA.login(user.username(), user.password());
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("/login");
		assertThat(onA.cookie("SESSION")).isNotBlank();
		assertThat(onA.get("/").status()).isEqualTo(200);

		try (ConfigurableApplicationContext nodeB = startSecondNode()) {
			String baseB = "http://localhost:" + ((WebServerApplicationContext) nodeB).getWebServer().getPort();
			assertThat(baseB).isNotEqualTo(api.base());
			assertThat(nodeB.getEnvironment().getProperty("rapport.db.url")).isEqualTo(TestDatabase.url());

			Response anonymous = new Browser(baseB).get("/");
			assertThat(anonymous.status()).isEqualTo(302);
			assertThat(anonymous.header("Location")).endsWith("/login");

			Browser onB = onA.withCookiesOn(baseB);
			Response home = onB.get("/");
			assertThat(home.status()).as("signed in on node B with node A's session").isEqualTo(200);
			assertThat(home.text()).contains(user.username());
			Response login = onB.get("/login");
			assertThat(login.status()).as("a signed-in user is sent home").isEqualTo(302);

			// signing out on node B ends the session on node A too
			Response out = onB.postForm("/logout", Map.of("_csrf", Browser.csrf(home.text())));
			assertThat(out.status()).isEqualTo(302);
			assertThat(out.header("Location")).endsWith("/login?logout");
			Response afterLogout = onA.get("/");
			assertThat(afterLogout.status()).isEqualTo(302);
			assertThat(afterLogout.header("Location")).endsWith("/login");
		}
	}

	@Test
	void aNewPasswordEndsTheUsersBrowserSessions() {
		String admin = admin();
		TestUser user = api.newUser(admin, "SUPPORT_AGENT", null);
		Browser browser = new Browser(api.base());
		browser.login(user.username(), user.password());
		assertThat(browser.get("/").status()).isEqualTo(200);
		try (var c = TestDatabase.connect();
				var s = c.prepareStatement("select count(*) from spring_session where principal_name = ?")) {
			s.setString(1, user.username());
			try (var rs = s.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).as("the session is recorded under the user name").isEqualTo(1);
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		String etag = api.get("/api/v1/users/" + user.id(), admin).etag();
		Response changed = api.patch("/api/v1/users/" + user.id(), admin, etag, Map.of("password", "a-new-password"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		Response after = browser.get("/");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.header("Location")).endsWith("/login");
	}

	/** Another Rapport on the same database, as a second node of a cluster (or the same one restarted). */
	private static ConfigurableApplicationContext startSecondNode() {
		// as command-line arguments: they must win over application.properties, as the environment does
		return new SpringApplicationBuilder(RapportApplication.class).run("--server.port=0",
				"--rapport.db.url=" + TestDatabase.url(), "--rapport.db.user=" + TestDatabase.user(),
				"--rapport.db.password=", "--rapport.db.pool-size=5", "--rapport.db.background-pool-size=4", "--rapport.admin-password=" + ADMIN_PASSWORD,
				"--db-scheduler.polling-interval=1s", "--spring.jmx.enabled=false");
	}

}
