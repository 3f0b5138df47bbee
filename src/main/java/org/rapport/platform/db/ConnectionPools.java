package org.rapport.platform.db;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The DataSource every module uses: a connection from the requests' pool on a thread serving an HTTP request, and
 * from the background pool on any other (scheduled jobs, event listeners, imports, migrations). The requests' pool is
 * sized to the processors, so that a burst of requests queues for connections instead of slowing every query (see
 * {@link DatabaseSettings#requestConnections(int)}); the background's is separate, so that long jobs never take the
 * connections users wait for, nor the users theirs. A transaction keeps the connection it began with, whatever
 * thread it is on.
 */
final class ConnectionPools extends AbstractRoutingDataSource {

	static final String REQUESTS = "requests";

	static final String BACKGROUND = "background";

	ConnectionPools(DataSource requests, DataSource background) {
		setTargetDataSources(Map.of(REQUESTS, requests, BACKGROUND, background));
		setDefaultTargetDataSource(background);
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return RequestContextHolder.getRequestAttributes() != null ? REQUESTS : BACKGROUND;
	}

}
