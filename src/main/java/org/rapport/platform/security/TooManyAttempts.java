package org.rapport.platform.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused because of repeated failures; says until when. */
public class TooManyAttempts extends LockedException {

	private final transient Instant until;

	public TooManyAttempts(Instant until) {
		super("Too many failed sign-ins; try again after " + until);
		this.until = until;
	}

	public Instant until() {
		return until;
	}

}
