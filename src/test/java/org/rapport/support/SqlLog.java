package org.rapport.support;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements the application sends through Spring's JDBC support while recording, in every thread
 * (JdbcTemplate's debug log): for tests of whether writes go one by one or in JDBC batches.
 */
public final class SqlLog implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);

	private final Level level = logger.getLevel();

	private final boolean additive = logger.isAdditive();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private SqlLog() {
		appender.start();
		logger.addAppender(appender);
		// kept off the console
		logger.setAdditive(false);
		logger.setLevel(Level.DEBUG);
	}

	public static SqlLog recording() {
		return new SqlLog();
	}

	/** How many JDBC batches of the statement that starts so (named parameters replaced by {@code ?}) ran. */
	public long batches(String statementStart) {
		return count("Executing SQL batch update [" + statementStart);
	}

	/** How many times the statement that starts so ran on its own. */
	public long singles(String statementStart) {
		// a batch is logged as a prepared statement too
		return count("Executing prepared SQL statement [" + statementStart) - batches(statementStart);
	}

	private long count(String prefix) {
		List<ILoggingEvent> events;
		synchronized (appender) {
			events = List.copyOf(appender.list);
		}
		return events.stream().filter(e -> e.getFormattedMessage().startsWith(prefix)).count();
	}

	@Override
	public void close() {
		logger.setLevel(level);
		logger.setAdditive(additive);
		logger.detachAppender(appender);
		appender.stop();
	}

}
