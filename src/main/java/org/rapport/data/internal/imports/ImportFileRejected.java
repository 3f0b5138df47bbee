package org.rapport.data.internal.imports;

import org.rapport.platform.RapportException;

import org.springframework.http.HttpStatus;

/** The uploaded file cannot be imported at all (binary, unreadable, too long a record, no usable column). */
public class ImportFileRejected extends RapportException {

	private final String reason;

	public ImportFileRejected(String reason, String message, Object... args) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "import-file-rejected", message, reason, message);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}

}
