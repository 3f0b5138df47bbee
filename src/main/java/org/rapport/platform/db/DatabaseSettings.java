package org.rapport.platform.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no URL Rapport runs an embedded PostgreSQL under the data directory.
 *
 * @param url JDBC URL of a PostgreSQL server ({@code RAPPORT_DB_URL}); empty for the embedded one
 * @param user user name ({@code RAPPORT_DB_USER})
 * @param password password ({@code RAPPORT_DB_PASSWORD})
 * @param embeddedPort port of the embedded server; 0 picks a free one
 * @param poolSize maximum connections in the pool
 */
@ConfigurationProperties("rapport.db")
public record DatabaseSettings(String url, String user, String password, int embeddedPort, int poolSize) {

	public DatabaseSettings {
		if (poolSize <= 0) {
			poolSize = 20;
		}
	}

	boolean embedded() {
		return url == null || url.isBlank();
	}

}
