package org.rapport.platform;

import org.springframework.http.HttpStatus;

/** The client edited an older version of the record than the current one; its change is refused. */
public class StaleVersion extends RapportException {

	public StaleVersion(String entityType, Object id, long expected, long actual) {
		super(HttpStatus.PRECONDITION_FAILED, "stale-version",
				entityType + " " + id + " is at version " + actual + ", not " + expected, entityType, id, expected,
				actual);
	}

}
