package org.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Api.TestUser;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;
import org.rapport.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/** Signing in for the API: the first admin, bearer tokens (hashed, listed, revoked) and user creation. */
class AuthApiIntegrationTests extends IntegrationTest {

	@Test
	void firstAdminSignsInWithTheConfiguredPassword() {
		Response r = api.post("/api/v1/auth/token", null, Map.of("username", "admin", "password", ADMIN_PASSWORD));
		assertThat(r.status()).as(r.text()).isIn(200, 201);
		String token = r.json().get("token").asString();
		assertThat(token).isNotBlank();
		Response me = api.get("/api/v1/users/me", token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("admin");
		assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
	}

	@Test
	void wrongPasswordIsAProblem401() {
		// a user of its own: failures count towards the lock-out, which must not hit the shared admin
		TestUser rep = api.newUser(admin(), "SALES_REP", null);
		Response r = api.post("/api/v1/auth/token", null,
				Map.of("username", rep.username(), "password", "not-the-password"));
		assertProblem(r, 401);
		assertThat(r.text()).doesNotContain("not-the-password");
		Response unknown = api.post("/api/v1/auth/token", null,
				Map.of("username", Api.unique("nobody"), "password", "whatever-it-is"));
		assertThat(unknown.status()).isEqualTo(401);
		assertProblem(unknown, 401);
	}

	@Test
	void requestsWithoutOrWithABadTokenAre401() {
		assertProblem(api.get("/api/v1/contacts", null), 401);
		assertProblem(api.get("/api/v1/contacts", "rpt_not-a-real-token"), 401);
		assertProblem(api.get("/api/v1/contacts", "garbage"), 401);
	}

	@Test
	void storesOnlyAHashOfTheToken() throws Exception {
		Response r = api.post("/api/v1/auth/token", null, Map.of("username", "admin", "password", ADMIN_PASSWORD));
		String token = r.json().get("token").asString();
		long id = r.id();
		try (Connection c = TestDatabase.connect();
				PreparedStatement s = c.prepareStatement("select * from api_tokens where id = ?")) {
			s.setLong(1, id);
			try (ResultSet rs = s.executeQuery()) {
				assertThat(rs.next()).isTrue();
				String sha256 = HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
				assertThat(rs.getString("token_hash")).isEqualTo(sha256);
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					assertThat(rs.getString(i)).as(rs.getMetaData().getColumnName(i)).isNotEqualTo(token);
				}
			}
		}
		try (Connection c = TestDatabase.connect();
				PreparedStatement s = c.prepareStatement("select count(*) from api_tokens where token_hash = ?")) {
			s.setString(1, token);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isZero();
			}
		}
	}

	@Test
	void ownerListsAndRevokesTheirTokenAndTheRevokedTokenIsRefused() {
		String admin = admin();
		TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team"));
		Response second = api.post("/api/v1/auth/token", null,
				Map.of("username", rep.username(), "password", rep.password(), "name", "script"));
		String token = second.json().get("token").asString();
		long tokenId = second.id();

		Response list = api.get("/api/v1/auth/tokens", rep.token());
		assertThat(list.status()).isEqualTo(200);
		assertThat(ids(list)).contains(tokenId);
		assertThat(list.text()).doesNotContain(token);
		list.json().get("items").forEach(t -> assertThat(t.get("userId").asLong()).isEqualTo(rep.id()));

		assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
		Response revoked = api.delete("/api/v1/auth/tokens/" + tokenId, rep.token(), null);
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
		assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
		Response refused = api.get("/api/v1/users/me", token);
		assertProblem(refused, 401);
		assertThat(api.get("/api/v1/users/me", rep.token()).status()).isEqualTo(200);
	}

	/**
	 * The token lookup keeps one plan per connection for all tokens (api_token_actor): many requests with
	 * alternating tokens, enough for every pooled connection to reuse its plan, each resolve to their own user, and
	 * a token revoked in between is refused at once while the others still resolve.
	 */
	@Test
	void everyTokenStandsForItsOwnUserOverManyAlternatingRequests() {
		String admin = admin();
		List<TestUser> users = List.of(api.newUser(admin, "SALES_REP", Api.unique("team")),
				api.newUser(admin, "SUPPORT_AGENT", Api.unique("team")), api.newUser(admin, "ANALYST", null));
		for (int round = 0; round < 12; round++) {
			for (TestUser user : users) {
				Response me = api.get("/api/v1/users/me", user.token());
				assertThat(me.status()).as(me.text()).isEqualTo(200);
				assertThat(me.json().get("id").asLong()).isEqualTo(user.id());
				assertThat(me.json().get("username").asString()).isEqualTo(user.username());
			}
		}
		Response issued = api.post("/api/v1/auth/token", null,
				Map.of("username", users.get(0).username(), "password", users.get(0).password(), "name", "revoked"));
		String revoked = issued.json().get("token").asString();
		assertThat(api.get("/api/v1/users/me", revoked).status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/auth/tokens/" + issued.id(), users.get(0).token(), null).status()).isEqualTo(200);
		for (int round = 0; round < 6; round++) {
			assertProblem(api.get("/api/v1/users/me", revoked), 401);
			for (TestUser user : users) {
				assertThat(api.get("/api/v1/users/me", user.token()).json().get("id").asLong()).isEqualTo(user.id());
			}
		}
	}

	@Test
	void aTokensUseIsRecorded() {
		TestUser rep = api.newUser(admin(), "SALES_REP", Api.unique("team"));
		Response issued = api.post("/api/v1/auth/token", null,
				Map.of("username", rep.username(), "password", rep.password(), "name", "used"));
		long tokenId = issued.id();
		assertThat(lastUsedAt(rep, tokenId)).as("never used yet").isNull();
		assertThat(api.get("/api/v1/users/me", issued.json().get("token").asString()).status()).isEqualTo(200);
		assertThat(lastUsedAt(rep, tokenId)).as("used once").isNotNull();
	}

	private String lastUsedAt(TestUser owner, long tokenId) {
		Response list = api.get("/api/v1/auth/tokens", owner.token());
		assertThat(list.status()).isEqualTo(200);
		for (var t : list.json().get("items")) {
			if (t.get("id").asLong() == tokenId) {
				return t.get("lastUsedAt") == null || t.get("lastUsedAt").isNull() ? null : t.get("lastUsedAt").asString();
			}
		}
		throw new AssertionError("token " + tokenId + " not listed: " + list.text());
	}

	@Test
	void adminListsAndRevokesAnotherUsersTokenButOtherUsersCannot() {
		String admin = admin();
		TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team"));
		TestUser other = api.newUser(admin, "SALES_REP", Api.unique("team"));
		long repTokenId = api.get("/api/v1/auth/tokens", rep.token()).json().get("items").get(0).get("id").asLong();

		assertThat(ids(api.get("/api/v1/auth/tokens", other.token()))).doesNotContain(repTokenId);
		assertThat(ids(api.get("/api/v1/auth/tokens?userId=" + rep.id(), other.token()))).doesNotContain(repTokenId);
		Response foreign = api.delete("/api/v1/auth/tokens/" + repTokenId, other.token(), null);
		assertProblem(foreign, 404);
		assertThat(api.get("/api/v1/users/me", rep.token()).status()).isEqualTo(200);

		assertThat(ids(api.get("/api/v1/auth/tokens?userId=" + rep.id(), admin))).contains(repTokenId);
		assertThat(api.delete("/api/v1/auth/tokens/" + repTokenId, admin, null).status()).isEqualTo(200);
		assertProblem(api.get("/api/v1/users/me", rep.token()), 401);
	}

	@Test
	void adminCreatesUsersAndOthersMayNot() {
		String admin = admin();
		String team = Api.unique("team");
		String username = Api.unique("newbie");
		Response created = api.post("/api/v1/users", admin, Map.of("username", username, "password", "secret-pass-1",
				"displayName", "New Bie", "role", "SALES_REP", "team", team));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.id()).isPositive();
		assertThat(created.json().get("teamName").asString()).isEqualTo(team);
		assertThat(created.json().toString()).doesNotContain("secret-pass-1");
		String token = api.token(username, "secret-pass-1");

		for (String role : List.of("MANAGER", "SALES_REP", "SUPPORT_AGENT", "MARKETER", "ANALYST")) {
			String nonAdmin = role.equals("SALES_REP") ? token : api.newUser(admin, role, team).token();
			Response refused = api.post("/api/v1/users", nonAdmin, Map.of("username", Api.unique("sneaky"), "password",
					"secret-pass-2", "displayName", "Sneaky", "role", "ADMIN"));
			assertThat(refused.status()).as(role).isEqualTo(403);
			assertProblem(refused, 403);
		}
	}

	@Test
	void tokensExpire() {
		TestUser rep = api.newUser(admin(), "SALES_REP", null);
		Response r = api.post("/api/v1/auth/token", null,
				Map.of("username", rep.username(), "password", rep.password(), "expiresInDays", 1));
		String shortLived = r.json().get("token").asString();
		assertThat(api.get("/api/v1/users/me", shortLived).status()).isEqualTo(200);
		clock.advance(java.time.Duration.ofHours(25));
		assertProblem(api.get("/api/v1/users/me", shortLived), 401);
		assertThat(api.get("/api/v1/users/me", rep.token()).status()).as("30 days by default").isEqualTo(200);
		clock.advance(java.time.Duration.ofDays(30));
		assertProblem(api.get("/api/v1/users/me", rep.token()), 401);
		assertThat(api.post("/api/v1/auth/token", null, Map.of("username", rep.username(), "password",
				rep.password(), "expiresInDays", 400)).status()).isEqualTo(400);
	}

	@Test
	void aDisabledUserIsLockedOutOfTheApi() {
		String admin = admin();
		TestUser rep = api.newUser(admin, "SALES_REP", null);
		String etag = api.get("/api/v1/users/" + rep.id(), admin).etag();
		assertThat(api.patch("/api/v1/users/" + rep.id(), admin, etag, Map.of("enabled", false)).status())
			.isEqualTo(200);
		assertProblem(api.get("/api/v1/users/me", rep.token()), 401);
		assertProblem(api.post("/api/v1/auth/token", null,
				Map.of("username", rep.username(), "password", rep.password())), 401);
	}

	@Test
	void loginPageSpeaksChineseWhenAskedTo() {
		Browser browser = new Browser(api.base());
		Response zh = browser.get("/login", Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
		assertThat(zh.status()).isEqualTo(200);
		assertThat(zh.text()).contains("登录").contains("lang=\"zh-CN\"");
		Response en = new Browser(api.base()).get("/login", Map.of("Accept-Language", "en-US"));
		assertThat(en.text()).doesNotContain("登录").contains("Sign in");
	}

	private static List<Long> ids(Response r) {
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

}
