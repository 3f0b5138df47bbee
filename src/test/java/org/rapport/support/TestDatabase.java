package org.rapport.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * The PostgreSQL the integration tests run on, one per test JVM: an embedded PostgreSQL 17
 * ({@code -Drapport.test.db=embedded}, the default) or a fresh database on the machine's server at
 * 127.0.0.1:5432 ({@code -Drapport.test.db=server}; dropped when the JVM ends).
 */
public final class TestDatabase {

	private static String url;

	private static String user;

	private TestDatabase() {
	}

	public static synchronized String url() {
		if (url == null) {
			start();
		}
		return url;
	}

	public static synchronized String user() {
		url();
		return user;
	}

	public static boolean onServer() {
		return "server".equals(System.getProperty("rapport.test.db", "embedded"));
	}

	public static Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), user(), "");
	}

	private static void start() {
		if (onServer()) {
			String host = System.getProperty("rapport.test.server", "127.0.0.1:5432");
			String name = "rapport_it_" + ProcessHandle.current().pid();
			String admin = "jdbc:postgresql://" + host + "/postgres";
			try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
				s.execute("drop database if exists " + name + " with (force)");
				s.execute("create database " + name + " encoding 'UTF8' template template0");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The PostgreSQL server at " + host
						+ " is not reachable as user postgres. Start it, or run the tests with -Dno-server.", ex);
			}
			atExit(() -> {
				try (Connection c = DriverManager.getConnection(admin, "postgres", "");
						Statement s = c.createStatement()) {
					s.execute("drop database if exists " + name + " with (force)");
				}
				catch (SQLException ex) {
					// the database stays behind; the next run of this pid drops it
				}
			});
			url = "jdbc:postgresql://" + host + "/" + name;
			user = "postgres";
			return;
		}
		try {
			Path dir = Files.createTempDirectory("rapport-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
				.setServerConfig("max_connections", "300").setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setRegisterShutdownHook(false)
				.start();
			atExit(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// nothing more to do at exit
				}
			});
			url = postgres.getJdbcUrl("postgres", "postgres");
			user = "postgres";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs {@code action} when the JVM exits, after the application contexts of the tests are closed (Spring Boot's
	 * shutdown handlers). A JVM shutdown hook of its own would run beside the hook that closes them: the database
	 * went away while their scheduler and event publication registry still used it, and their connection pools
	 * then waited 30 s for a new connection, so that Surefire killed the test JVM ("The exit has elapsed 30
	 * seconds after System.exit(0)").
	 */
	public static void atExit(Runnable action) {
		SpringApplication.getShutdownHandlers().add(action);
	}

}
