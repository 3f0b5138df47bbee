package org.rapport.platform;

import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (e.g. a user name already taken). */
public class StateConflict extends RapportException {

	public StateConflict(String code, String message, Object... args) {
		super(HttpStatus.CONFLICT, code, message, args);
	}

}
