package org.rapport.platform;

import org.springframework.http.HttpStatus;

/** The record does not exist, or the actor may not see it: both answer the same, so nothing leaks. */
public class RecordNotFound extends RapportException {

	public RecordNotFound(String entityType, Object id) {
		super(HttpStatus.NOT_FOUND, "not-found", entityType + " " + id + " not found", entityType, id);
	}

}
