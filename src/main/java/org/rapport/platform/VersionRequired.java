package org.rapport.platform;

import org.springframework.http.HttpStatus;

/** A change was sent without the {@code If-Match} header naming the version it was made on. */
public class VersionRequired extends RapportException {

	public VersionRequired() {
		super(HttpStatus.PRECONDITION_REQUIRED, "version-required", "If-Match header required");
	}

}
