package org.rapport.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A business error with a stable code. The API maps it to an RFC 9457 problem whose {@code type}
 * is {@code urn:rapport:problem:<code>} and whose title and detail come from the message bundle
 * ({@code problem.<code>.title}, {@code problem.<code>.detail}).
 */
public abstract class RapportException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	protected RapportException(HttpStatus status, String code, String message, Object... args) {
		super(message);
		this.status = status;
		this.code = code;
		this.args = args;
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	/** Seconds after which a retry may succeed, answered as {@code Retry-After}; {@code null} if not applicable. */
	public Long retryAfterSeconds() {
		return null;
	}

	/** Field-level errors, for validation problems. */
	public List<FieldProblem> fieldProblems() {
		return List.of();
	}

	/**
	 * What is wrong with one input field.
	 *
	 * @param field the field's name as the client sent it (dotted for nested fields)
	 * @param code a stable reason code, e.g. {@code required}, {@code too-long}
	 * @param message a human-readable reason
	 */
	public record FieldProblem(String field, String code, String message) {
	}

}
