package org.rapport.platform;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api.Response;
import org.rapport.support.Api.TestUser;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/** Password guessing is slowed down per user name, for the token endpoint and the sign-in form alike. */
class LoginThrottleIntegrationTests extends IntegrationTest {

	@Test
	void fiveWrongPasswordsLockTheTokenEndpointEvenForTheRightOne() {
		TestUser user = api.newUser(admin(), "SALES_REP", null);
		for (int i = 0; i < 5; i++) {
			assertProblem(tokenFor(user.username(), "wrong-" + i), 401);
		}
		Response locked = tokenFor(user.username(), user.password());
		assertProblem(locked, 429);
		long retryAfter = Long.parseLong(locked.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 61L);
		// the user's existing tokens keep working: the lock is on signing in
		assertThat(api.get("/api/v1/users/me", user.token()).status()).isEqualTo(200);
	}

	@Test
	void theLockExpiresAndRetryAfterCountsDown() {
		TestUser user = api.newUser(admin(), "SUPPORT_AGENT", null);
		for (int i = 0; i < 5; i++) {
			tokenFor(user.username(), "wrong-" + i);
		}
		assertThat(tokenFor(user.username(), user.password()).status()).isEqualTo(429);
		clock.advance(Duration.ofSeconds(40));
		Response stillLocked = tokenFor(user.username(), user.password());
		assertProblem(stillLocked, 429);
		assertThat(Long.parseLong(stillLocked.header("Retry-After"))).isBetween(1L, 21L);
		clock.advance(Duration.ofSeconds(21));
		Response open = tokenFor(user.username(), user.password());
		assertThat(open.status()).as(open.text()).isIn(200, 201);
	}

	@Test
	void failuresAfterALockLockAgainForLonger() {
		TestUser user = api.newUser(admin(), "SALES_REP", null);
		for (int i = 0; i < 5; i++) {
			tokenFor(user.username(), "wrong-" + i);
		}
		clock.advance(Duration.ofSeconds(61));
		assertProblem(tokenFor(user.username(), "wrong-again"), 401);
		Response locked = tokenFor(user.username(), user.password());
		assertProblem(locked, 429);
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(61L, 121L);
		clock.advance(Duration.ofSeconds(61));
		assertThat(tokenFor(user.username(), user.password()).status()).isEqualTo(429);
		clock.advance(Duration.ofSeconds(60));
		assertThat(tokenFor(user.username(), user.password()).status()).isIn(200, 201);
	}

	@Test
	void aSuccessfulSignInForgivesEarlierFailures() {
		TestUser user = api.newUser(admin(), "SALES_REP", null);
		for (int i = 0; i < 4; i++) {
			tokenFor(user.username(), "wrong-" + i);
		}
		assertThat(tokenFor(user.username(), user.password()).status()).isIn(200, 201);
		for (int i = 0; i < 4; i++) {
			assertThat(tokenFor(user.username(), "wrong-" + i).status()).isEqualTo(401);
		}
		assertThat(tokenFor(user.username(), user.password()).status()).isIn(200, 201);
	}

	@Test
	void theSignInFormRedirectsToLockedAfterFiveFailures() {
		TestUser user = api.newUser(admin(), "MANAGER", null);
		for (int i = 0; i < 5; i++) {
			Response wrong = new Browser(api.base()).login(user.username(), "wrong-" + i);
			assertThat(wrong.status()).isEqualTo(302);
			assertThat(wrong.header("Location")).endsWith("/login?error");
		}
		Browser browser = new Browser(api.base());
		Response locked = browser.login(user.username(), user.password());
		assertThat(locked.status()).isEqualTo(302);
		assertThat(locked.header("Location")).endsWith("/login?locked");
		assertThat(browser.get("/").status()).as("not signed in").isEqualTo(302);
		// the same lock holds for the API
		assertThat(tokenFor(user.username(), user.password()).status()).isEqualTo(429);

		clock.advance(Duration.ofSeconds(61));
		Response open = browser.login(user.username(), user.password());
		assertThat(open.status()).isEqualTo(302);
		assertThat(open.header("Location")).doesNotContain("/login");
	}

	@Test
	void failuresThroughTheApiLockTheFormToo() {
		TestUser user = api.newUser(admin(), "MARKETER", null);
		for (int i = 0; i < 5; i++) {
			tokenFor(user.username(), "wrong-" + i);
		}
		Response locked = new Browser(api.base()).login(user.username(), user.password());
		assertThat(locked.header("Location")).endsWith("/login?locked");
	}

	private Response tokenFor(String username, String password) {
		return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
	}

}
