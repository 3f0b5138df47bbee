package org.rapport.platform;

import org.springframework.http.HttpStatus;

/** The actor may see the record but may not do this to it. */
public class NotPermitted extends RapportException {

	public NotPermitted(String action) {
		super(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted: " + action, action);
	}

}
