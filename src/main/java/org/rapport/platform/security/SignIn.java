package org.rapport.platform.security;

import java.util.Optional;

import org.rapport.platform.Actor;
import org.rapport.platform.users.UserAccounts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password check behind the sign-in form and the token endpoint: throttled per user name,
 * the same work done for unknown users (so timing tells nothing), disabled users refused.
 */
@Component
public class SignIn {

	/** A bcrypt hash of a random string: compared against when the user does not exist. */
	private final String dummyHash;

	private final UserAccounts users;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	SignIn(UserAccounts users, PasswordEncoder passwords, LoginThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
		this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
	}

	/**
	 * @return the actor when the password is right
	 * @throws TooManyAttempts when the user name is locked out
	 */
	public Optional<Actor> check(String username, String password) {
		if (username == null || username.isBlank() || username.length() > 100
				|| username.chars().anyMatch(Character::isISOControl)) {
			return Optional.empty();
		}
		throttle.lockedUntil(username).ifPresent(until -> {
			throw new TooManyAttempts(until);
		});
		var credentials = users.credentials(username);
		boolean matches = passwords.matches(password == null ? "" : password,
				credentials.map(UserAccounts.Credentials::passwordHash).orElse(dummyHash));
		if (credentials.isPresent() && matches && credentials.get().user().enabled()) {
			throttle.succeeded(username);
			return Optional.of(credentials.get().user().actor());
		}
		throttle.failed(username);
		return Optional.empty();
	}

}
