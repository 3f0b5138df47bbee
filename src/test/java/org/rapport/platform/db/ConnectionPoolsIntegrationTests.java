package org.rapport.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests take their connections from a pool sized to the processors, and any other work from the background pool
 * ({@link ConnectionPools}); many more concurrent requests than connections wait their turn and all succeed.
 */
class ConnectionPoolsIntegrationTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("requestConnections")
	HikariDataSource requests;

	@Autowired
	@Qualifier("backgroundConnections")
	HikariDataSource background;

	@Test
	void aThreadServingARequestUsesTheRequestsPoolAndAnyOtherTheBackgroundPool() throws SQLException {
		assertThat(pool()).isEqualTo("rapport-background");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		try {
			assertThat(pool()).isEqualTo("rapport-requests");
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
		assertThat(pool()).isEqualTo("rapport-background");
	}

	@Test
	void theRequestsPoolIsSizedToTheProcessorsAndTheBackgroundPoolApart() {
		assertThat(requests.getMaximumPoolSize())
			.isEqualTo(DatabaseSettings.requestConnections(Runtime.getRuntime().availableProcessors()));
		assertThat(background.getMaximumPoolSize()).isEqualTo(DatabaseSettings.BACKGROUND_CONNECTIONS);
	}

	@Test
	void fourTimesMoreConcurrentRequestsThanConnectionsAllSucceed() throws Exception {
		String token = admin();
		String family = "Poolq" + Api.unique("").replaceAll("[^a-z0-9]", "").substring(0, 5);
		int clients = requests.getMaximumPoolSize() * 4;
		ExecutorService executor = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Integer>> created = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				String given = "Given" + i;
				created.add(executor.submit(() -> api.post("/api/v1/contacts", token,
						Map.of("firstName", given, "lastName", family)).status()));
			}
			for (Future<Integer> status : created) {
				assertThat(status.get()).isEqualTo(201);
			}
			List<Future<Api.Response>> searches = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				searches.add(executor.submit(() -> api.get("/api/v1/contacts?limit=200&q=" + family, token)));
			}
			for (Future<Api.Response> search : searches) {
				Api.Response response = search.get();
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.json().get("items")).hasSize(clients);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private String pool() throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('application_name')")) {
			rs.next();
			return rs.getString(1);
		}
	}

}
