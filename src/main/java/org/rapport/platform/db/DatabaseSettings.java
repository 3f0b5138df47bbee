package org.rapport.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no URL Rapport runs an embedded PostgreSQL under the data directory.
 *
 * @param url JDBC URL of a PostgreSQL server ({@code RAPPORT_DB_URL}); empty for the embedded one
 * @param user user name ({@code RAPPORT_DB_USER})
 * @param password password ({@code RAPPORT_DB_PASSWORD})
 * @param embeddedPort port of the embedded server; 0 picks a free one
 * @param poolSize most connections the requests of a node use at once ({@code RAPPORT_DB_POOL_SIZE}); 0 or less:
 * {@link #requestConnections(int)}
 * @param backgroundPoolSize most connections its background work uses at once (scheduled jobs, event listeners,
 * imports; {@code RAPPORT_DB_BACKGROUND_POOL_SIZE}); 0 or less: {@value #BACKGROUND_CONNECTIONS}
 */
@ConfigurationProperties("rapport.db")
public record DatabaseSettings(String url, String user, String password, int embeddedPort, int poolSize,
		int backgroundPoolSize) {

	/**
	 * Background connections by default: the scheduler's four threads and the event listeners' executor, which
	 * wait for one another's connections rather than for the requests'.
	 */
	static final int BACKGROUND_CONNECTIONS = 10;

	/**
	 * What every connection of Rapport's pools runs first (the load generators' SQL baselines run it too). Search and
	 * list queries are built from the user's input (LIKE '%…%', grams, filters): how many rows match depends entirely
	 * on the values. After five executions the JDBC driver prepares a statement on the server, and PostgreSQL may then
	 * switch to a generic plan that ignores the values; for a search that plan can scan a whole trigram index (seconds
	 * at a million contacts). Custom plans cost a fraction of a millisecond to make. JIT compilation (on by default in
	 * PostgreSQL 12+) adds 30-60 ms to any short query the planner thinks costly, which is never worth it for this
	 * workload. See docs/benchmarks.md.
	 */
	public static final String SESSION_SETTINGS = "select set_config('plan_cache_mode', 'force_custom_plan', false), "
			+ "set_config('jit', 'off', false)";

	public DatabaseSettings {
		if (poolSize <= 0) {
			poolSize = requestConnections(Runtime.getRuntime().availableProcessors());
		}
		if (backgroundPoolSize <= 0) {
			backgroundPoolSize = BACKGROUND_CONNECTIONS;
		}
	}

	/**
	 * The requests' connections by default: twice the processors, at least 4 (HikariCP's "About Pool Sizing": the
	 * cores times two, plus the disks a query waits for, none when the data is cached). More queries at once than
	 * PostgreSQL has cores for only share the cores, and each takes longer: at a million contacts, 8 clients
	 * searching names through the API on 2 cores waited 55 to 89 ms at p95 with 20 connections, and 41 to 58 ms with
	 * 4, at as many searches a second or more (docs/benchmarks.md, run 19). The requests beyond wait for a connection
	 * in turn.
	 * This counts the processors of the node, which run PostgreSQL too with the embedded database; a separate
	 * server's operator sets {@code RAPPORT_DB_POOL_SIZE} for its cores and the number of nodes.
	 */
	static int requestConnections(int processors) {
		return Math.max(4, 2 * processors);
	}

	boolean embedded() {
		return url == null || url.isBlank();
	}

}
