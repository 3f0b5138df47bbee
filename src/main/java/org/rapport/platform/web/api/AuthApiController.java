package org.rapport.platform.web.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.Actor;
import org.rapport.platform.RapportException;
import org.rapport.platform.security.ApiTokens;
import org.rapport.platform.security.ApiTokens.TokenInfo;
import org.rapport.platform.security.SignIn;
import org.rapport.platform.security.TooManyAttempts;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: exchange a user name and password for a bearer token; list and revoke tokens. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthApiController {

	private final SignIn signIn;

	private final ApiTokens tokens;

	private final Clock clock;

	AuthApiController(SignIn signIn, ApiTokens tokens, Clock clock) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.clock = clock;
	}

	@PostMapping("/token")
	@Operation(summary = "Issue a bearer token",
			description = "Body: {\"username\", \"password\", \"name\"?, \"expiresInDays\"?}. "
					+ "Wrong credentials: 401; repeated failures: 429 with Retry-After.")
	ResponseEntity<Map<String, Object>> token(@RequestBody JsonNode body) {
		JsonInput in = JsonInput.of(body);
		String username = in.requiredText("username", 100);
		String password = in.text("password", 200, false);
		if (password == null && !in.has("password")) {
			in.problem("password", "required", "Required");
		}
		String name = in.text("name", 100, false);
		Integer days = in.integer("expiresInDays", 1, 366);
		in.validate();
		Actor actor;
		try {
			actor = signIn.check(username, password).orElseThrow(BadCredentials::new);
		}
		catch (TooManyAttempts ex) {
			throw new Throttled(ex.until(), clock.instant());
		}
		var issued = tokens.issue(actor, name == null ? "API token" : name, days);
		return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + issued.info().id()))
			.body(Map.of("token", issued.token(), "tokenType", "Bearer", "id", issued.info().id(), "expiresAt",
					issued.info().expiresAt(), "userId", actor.id(), "username", actor.username(), "role",
					actor.role()));
	}

	@GetMapping("/tokens")
	@Operation(summary = "List tokens", description = "Your own; admins may pass userId or see all.")
	Map<String, List<TokenInfo>> list(@RequestParam(required = false) Long userId) {
		return Map.of("items", tokens.list(Actor.current(), userId));
	}

	@DeleteMapping("/tokens/{id}")
	@Operation(summary = "Revoke a token")
	TokenInfo revoke(@PathVariable long id) {
		return tokens.revoke(Actor.current(), id);
	}

	static class BadCredentials extends RapportException {

		BadCredentials() {
			super(HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong user name or password");
		}

	}

	/** Answered 429 with Retry-After (see {@link org.rapport.platform.web.ErrorHandling}). */
	public static class Throttled extends RapportException {

		private final long retryAfterSeconds;

		/** Measured on the same clock as the lock, so Retry-After is the lock's remaining time. */
		Throttled(Instant until, Instant now) {
			super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed sign-ins", until);
			this.retryAfterSeconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
		}

		@Override
		public Long retryAfterSeconds() {
			return retryAfterSeconds;
		}

	}

}
