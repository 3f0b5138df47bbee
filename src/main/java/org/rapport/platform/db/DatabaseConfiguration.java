package org.rapport.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.rapport.platform.RapportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The one DataSource of Rapport, in two pools ({@link ConnectionPools}): the configured PostgreSQL server, or else an
 * embedded PostgreSQL whose files live under {@code RAPPORT_DATA_DIR} and survive restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	static final String EMBEDDED_DATABASE = "rapport";

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseSettings db, RapportSettings settings) throws IOException {
		if (!db.embedded()) {
			return EmbeddedDatabase.NONE;
		}
		Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize().resolve("postgres");
		Files.createDirectories(dir.getParent());
		log.info("No RAPPORT_DB_URL set: starting the embedded PostgreSQL with its data in {}", dir);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setPort(db.embeddedPort())
			.setPGStartupWait(Duration.ofSeconds(60))
			// stopped by this bean's close, after the beans that use it: a JVM shutdown hook of its own would stop
			// it at once on SIGTERM, while the scheduler and the event publication registry still write on shutdown
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "200")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			var rs = s.executeQuery("select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'");
			if (!rs.next()) {
				s.execute("create database " + EMBEDDED_DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException ex) {
			postgres.close();
			throw new IOException("Could not prepare the embedded database", ex);
		}
		log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
		return new EmbeddedDatabase(postgres);
	}

	/** The requests' pool ({@link ConnectionPools}). */
	@Bean(destroyMethod = "close")
	HikariDataSource requestConnections(DatabaseSettings db, EmbeddedDatabase embedded) {
		return pool(ConnectionPools.REQUESTS, db.poolSize(), db, embedded);
	}

	/** The background pool ({@link ConnectionPools}). */
	@Bean(destroyMethod = "close")
	HikariDataSource backgroundConnections(DatabaseSettings db, EmbeddedDatabase embedded) {
		return pool(ConnectionPools.BACKGROUND, db.backgroundPoolSize(), db, embedded);
	}

	@Bean
	@Primary
	DataSource dataSource(@Qualifier("requestConnections") DataSource requests,
			@Qualifier("backgroundConnections") DataSource background) {
		return new ConnectionPools(requests, background);
	}

	private static HikariDataSource pool(String name, int size, DatabaseSettings db, EmbeddedDatabase embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("rapport-" + name);
		config.setMaximumPoolSize(size);
		// which pool a backend serves, in pg_stat_activity
		config.addDataSourceProperty("ApplicationName", "rapport-" + name);
		config.setConnectionInitSql(DatabaseSettings.SESSION_SETTINGS);
		if (embedded.postgres() != null) {
			config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", EMBEDDED_DATABASE));
			config.setUsername("postgres");
		}
		else {
			config.setJdbcUrl(db.url());
			config.setUsername(db.user());
			config.setPassword(db.password());
		}
		return new HikariDataSource(config);
	}

	/** The embedded server, or none when a server is configured. */
	record EmbeddedDatabase(EmbeddedPostgres postgres) implements AutoCloseable {

		static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

		@Override
		public void close() throws IOException {
			if (postgres != null) {
				postgres.close();
			}
		}

	}

}
