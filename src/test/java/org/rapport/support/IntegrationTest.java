package org.rapport.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port over a real PostgreSQL
 * ({@link TestDatabase}). All tests share one application context, so each test makes its own data
 * (unique names) and never assumes an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Config.class)
public abstract class IntegrationTest {

	public static final String ADMIN_PASSWORD = "test-admin-password";

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestClock clock;

	protected Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("rapport.db.url", TestDatabase::url);
		registry.add("rapport.db.user", TestDatabase::user);
		registry.add("rapport.db.password", () -> "");
		registry.add("rapport.admin-password", () -> ADMIN_PASSWORD);
		registry.add("db-scheduler.polling-interval", () -> "1s");
		// test contexts close together when the test JVM exits: no graceful waiting there
		registry.add("server.shutdown", () -> "immediate");
		registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "2s");
		registry.add("db-scheduler.shutdown-max-wait", () -> "2s");
	}

	@BeforeEach
	void setUpApi() {
		api = new Api("http://localhost:" + port);
		clock.reset();
	}

	/** A bearer token for the built-in admin. */
	protected String admin() {
		return api.token("admin", ADMIN_PASSWORD);
	}

}
