package org.rapport.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Api.TestUser;
import org.rapport.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.support.ProblemAssertions.assertProblem;

/**
 * Who may read, change and delete a customer record: by role, by team and by sharing. A record a user
 * may not see answers 404, exactly like one that does not exist.
 */
class RecordAccessIntegrationTests extends IntegrationTest {

	/** The people of the matrix, made once for the class: team A owns the records, team B is another team. */
	private record People(String admin, TestUser owner, TestUser managerSameTeam, TestUser repSameTeam,
			TestUser managerOtherTeam, TestUser repOtherTeam, TestUser agentOtherTeam, TestUser marketer,
			TestUser analyst) {

		String token(String who) {
			return switch (who) {
				case "ADMIN" -> admin;
				case "OWNER (SALES_REP)" -> owner.token();
				case "MANAGER of the owner's team" -> managerSameTeam.token();
				case "SALES_REP of the owner's team" -> repSameTeam.token();
				case "MANAGER of another team" -> managerOtherTeam.token();
				case "SALES_REP of another team" -> repOtherTeam.token();
				case "SUPPORT_AGENT of another team" -> agentOtherTeam.token();
				case "MARKETER" -> marketer.token();
				case "ANALYST" -> analyst.token();
				default -> throw new IllegalArgumentException(who);
			};
		}

	}

	private static People people;

	private People people() {
		synchronized (RecordAccessIntegrationTests.class) {
			if (people == null) {
				String admin = admin();
				String teamA = Api.unique("team-a");
				String teamB = Api.unique("team-b");
				people = new People(admin, api.newUser(admin, "SALES_REP", teamA),
						api.newUser(admin, "MANAGER", teamA), api.newUser(admin, "SALES_REP", teamA),
						api.newUser(admin, "MANAGER", teamB), api.newUser(admin, "SALES_REP", teamB),
						api.newUser(admin, "SUPPORT_AGENT", teamB), api.newUser(admin, "MARKETER", teamB),
						api.newUser(admin, "ANALYST", teamB));
			}
			return people;
		}
	}

	/** Every role (and for managers and reps, the owner's team and another) × read, edit, delete. */
	static Stream<Arguments> matrix() {
		Object[][] expected = {
				// who, read, edit, delete
				{ "ADMIN", 200, 200, 204 },
				{ "OWNER (SALES_REP)", 200, 200, 204 },
				{ "MANAGER of the owner's team", 200, 200, 204 },
				{ "SALES_REP of the owner's team", 404, 404, 404 },
				{ "MANAGER of another team", 404, 404, 404 },
				{ "SALES_REP of another team", 404, 404, 404 },
				{ "SUPPORT_AGENT of another team", 404, 404, 404 },
				{ "MARKETER", 200, 403, 403 },
				{ "ANALYST", 200, 403, 403 } };
		List<Arguments> cells = new ArrayList<>();
		for (String type : List.of("contacts", "accounts")) {
			for (Object[] row : expected) {
				cells.add(Arguments.of(type, row[0], "read", row[1]));
				cells.add(Arguments.of(type, row[0], "edit", row[2]));
				cells.add(Arguments.of(type, row[0], "delete", row[3]));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0}: {1} {2} → {3}")
	@MethodSource("matrix")
	void answersExactlyAsTheRoleAndTeamAllow(String type, String who, String action, int status) {
		People p = people();
		String path = "/api/v1/" + type + "/" + createAsOwner(p, type);
		String token = p.token(who);
		Response r = switch (action) {
			case "read" -> api.get(path, token);
			case "edit" -> api.patch(path, token, "\"0\"", Map.of("city", "Changed by " + who));
			case "delete" -> api.delete(path, token, null);
			default -> throw new IllegalArgumentException(action);
		};
		assertThat(r.status()).as(who + " " + action + ": " + r.text()).isEqualTo(status);
		if (status >= 400) {
			assertProblem(r, status);
			// refused: the record is as the owner left it
			Response after = api.get(path, p.admin());
			assertThat(after.status()).isEqualTo(200);
			assertThat(after.json().get("city").asString()).isEqualTo("Paris");
			assertThat(after.json().get("version").asLong()).isZero();
		}
		if (status == 404) {
			// the same answer as for a record that does not exist
			Response missing = api.get("/api/v1/" + type + "/" + Long.MAX_VALUE / 2, token);
			assertThat(r.json().get("type")).isEqualTo(missing.json().get("type"));
			assertThat(r.json().get("title")).isEqualTo(missing.json().get("title"));
		}
		if (action.equals("delete") && status == 204) {
			assertThat(api.get(path, p.admin()).status()).isEqualTo(404);
		}
		if (action.equals("read")) {
			String name = api.get(path, p.admin()).json().get(type.equals("contacts") ? "lastName" : "name").asString();
			Response list = api.get("/api/v1/" + type + "?q=" + Api.q(name), token);
			assertThat(list.status()).isEqualTo(200);
			List<Long> ids = list.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
			long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
			if (status == 200) {
				assertThat(ids).as(who + " lists what they may read").contains(id);
			}
			else {
				assertThat(ids).as(who + " does not list what they may not read").doesNotContain(id);
			}
		}
	}

	@Test
	void marketersAndAnalystsCreateNothing() {
		People p = people();
		for (TestUser reader : List.of(p.marketer(), p.analyst())) {
			assertProblem(api.post("/api/v1/contacts", reader.token(), Map.of("lastName", Api.unique("x"))), 403);
			assertProblem(api.post("/api/v1/accounts", reader.token(), Map.of("name", Api.unique("x"))), 403);
		}
	}

	@Test
	void analystsSeeEmailsAndPhonesMasked() {
		People p = people();
		String last = Api.unique("Masked");
		long id = api.post("/api/v1/contacts", p.owner().token(), Map.of("firstName", "Mia", "lastName", last, "email",
				"mia.secret@example.com", "phone", "+44 20 7946 0958")).id();
		JsonNode seen = api.get("/api/v1/contacts/" + id, p.analyst().token()).json();
		assertThat(seen.get("lastName").asString()).isEqualTo(last);
		assertThat(seen.toString()).doesNotContain("mia.secret").doesNotContain("7946").doesNotContain("0958");
		assertThat(seen.get("email").asString()).contains("***").endsWith("@example.com");
		assertThat(seen.get("phone").asString()).contains("***");
		JsonNode listed = api.get("/api/v1/contacts?q=" + Api.q(last), p.analyst().token()).json().get("items").get(0);
		assertThat(listed.toString()).doesNotContain("mia.secret").doesNotContain("7946");
		// others who may read see them in full
		assertThat(api.get("/api/v1/contacts/" + id, p.marketer().token()).json().get("email").asString())
			.isEqualTo("mia.secret@example.com");
		assertThat(api.get("/api/v1/contacts/" + id, p.owner().token()).json().get("phone").asString())
			.isEqualTo("+44 20 7946 0958");
	}

	@Test
	void aReadShareLetsSeeButNotChange() {
		People p = people();
		String path = "/api/v1/contacts/" + createAsOwner(p, "contacts");
		TestUser other = p.repOtherTeam();
		assertThat(api.get(path, other.token()).status()).isEqualTo(404);

		Response shared = api.put(path + "/shares/" + other.id(), p.owner().token(), null, Map.of("access", "read"));
		assertThat(shared.status()).as(shared.text()).isEqualTo(200);
		Response read = api.get(path, other.token());
		assertThat(read.status()).isEqualTo(200);
		assertProblem(api.patch(path, other.token(), read.etag(), Map.of("city", "Lyon")), 403);
		assertProblem(api.delete(path, other.token(), null), 403);
		// a reader may not pass the record on
		assertProblem(api.put(path + "/shares/" + p.agentOtherTeam().id(), other.token(), null,
				Map.of("access", "edit")), 403);
		assertThat(api.get(path, p.admin()).json().get("city").asString()).isEqualTo("Paris");
	}

	@Test
	void anEditShareLetsChangeButNotDelete() {
		People p = people();
		String path = "/api/v1/contacts/" + createAsOwner(p, "contacts");
		TestUser other = p.agentOtherTeam();
		assertThat(api.put(path + "/shares/" + other.id(), p.owner().token(), null, Map.of("access", "edit")).status())
			.isEqualTo(200);
		Response read = api.get(path, other.token());
		assertThat(read.status()).isEqualTo(200);
		Response edited = api.patch(path, other.token(), read.etag(), Map.of("city", "Lyon"));
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		assertThat(api.get(path, p.owner().token()).json().get("city").asString()).isEqualTo("Lyon");
		assertProblem(api.delete(path, other.token(), null), 403);
		Response shares = api.get(path + "/shares", p.owner().token());
		assertThat(shares.json().get("items").get(0).get("userId").asLong()).isEqualTo(other.id());
		assertThat(shares.json().get("items").get(0).get("access").asString()).isEqualTo("edit");
	}

	@Test
	void unsharingTakesTheAccessAway() {
		People p = people();
		long id = createAsOwner(p, "contacts");
		String path = "/api/v1/contacts/" + id;
		TestUser other = p.repOtherTeam();
		api.put(path + "/shares/" + other.id(), p.owner().token(), null, Map.of("access", "edit"));
		assertThat(api.get(path, other.token()).status()).isEqualTo(200);
		String name = api.get(path, other.token()).json().get("lastName").asString();
		assertThat(api.get("/api/v1/contacts?q=" + Api.q(name), other.token()).json().get("items")).hasSize(1);

		assertThat(api.delete(path + "/shares/" + other.id(), p.owner().token(), null).status()).isEqualTo(204);
		assertProblem(api.get(path, other.token()), 404);
		assertProblem(api.patch(path, other.token(), "\"0\"", Map.of("city", "Lyon")), 404);
		assertThat(api.get("/api/v1/contacts?q=" + Api.q(name), other.token()).json().get("items")).isEmpty();
		assertProblem(api.get("/api/v1/audit?entityType=contact&entityId=" + id, other.token()), 404);
	}

	@Test
	void handingARecordOverMovesAccessAndIsAudited() {
		People p = people();
		long id = createAsOwner(p, "contacts");
		String path = "/api/v1/contacts/" + id;
		TestUser next = p.repSameTeam();
		assertThat(api.get(path, next.token()).status()).isEqualTo(404);

		Response handed = api.patch(path, p.owner().token(), "\"0\"", Map.of("ownerId", next.id()));
		assertThat(handed.status()).as(handed.text()).isEqualTo(200);
		assertThat(handed.json().get("ownerId").asLong()).isEqualTo(next.id());
		assertThat(api.get(path, next.token()).json().get("ownerId").asLong()).isEqualTo(next.id());
		assertProblem(api.get(path, p.owner().token()), 404);
		// the team's manager still sees it: the new owner is in the same team
		assertThat(api.get(path, p.managerSameTeam().token()).status()).isEqualTo(200);

		JsonNode latest = api.get("/api/v1/audit?entityType=contact&entityId=" + id, p.admin()).json().get("items").get(0);
		assertThat(latest.get("action").asString()).isEqualTo("update");
		assertThat(latest.get("actorId").asLong()).isEqualTo(p.owner().id());
		JsonNode change = latest.get("changes").valueStream()
			.filter(c -> c.get("field").asString().equals("ownerId"))
			.findFirst()
			.orElseThrow();
		assertThat(change.get("from").asString()).isEqualTo(Long.toString(p.owner().id()));
		assertThat(change.get("to").asString()).isEqualTo(Long.toString(next.id()));
	}

	@Test
	void creatingForAnotherOwnerGivesTheRecordToThem() {
		People p = people();
		TestUser next = p.repOtherTeam();
		for (String type : List.of("contacts", "accounts")) {
			Map<String, Object> body = type.equals("contacts")
					? Map.of("lastName", Api.unique("ForOther"), "ownerId", next.id())
					: Map.of("name", Api.unique("ForOther"), "ownerId", next.id());
			Response created = api.post("/api/v1/" + type, p.owner().token(), body);
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			assertThat(created.json().get("ownerId").asLong()).isEqualTo(next.id());
			assertThat(api.get("/api/v1/" + type + "/" + created.id(), next.token()).status()).isEqualTo(200);
			assertProblem(api.get("/api/v1/" + type + "/" + created.id(), p.owner().token()), 404);
		}
	}

	@Test
	void activitiesTimelinesAndSearchFollowTheRecordsVisibility() {
		People p = people();
		long contact = createAsOwner(p, "contacts");
		String name = api.get("/api/v1/contacts/" + contact, p.owner().token()).json().get("lastName").asString();
		Response call = api.post("/api/v1/activities", p.owner().token(),
				Map.of("type", "call", "subject", "Private call", "contactId", contact));
		assertThat(call.status()).as(call.text()).isEqualTo(201);
		String activity = "/api/v1/activities/" + call.id();
		String timeline = "/api/v1/contacts/" + contact + "/timeline";
		for (TestUser outsider : List.of(p.repOtherTeam(), p.managerOtherTeam(), p.repSameTeam())) {
			assertProblem(api.get(activity, outsider.token()), 404);
			assertProblem(api.get(timeline, outsider.token()), 404);
			assertProblem(api.patch(activity, outsider.token(), "\"0\"", Map.of("subject", "Mine now")), 404);
			assertProblem(api.post("/api/v1/activities", outsider.token(),
					Map.of("type", "note", "subject", "Sneaky", "contactId", contact)), 400);
			Response search = api.get("/api/v1/search?q=" + Api.q(name), outsider.token());
			assertThat(search.status()).isEqualTo(200);
			assertThat(search.json().get("contacts")).isEmpty();
			Response mine = api.get("/api/v1/activities", outsider.token());
			assertThat(mine.json().get("items").valueStream().map(n -> n.get("id").asLong())).doesNotContain(call.id());
		}
		for (TestUser insider : List.of(p.managerSameTeam(), p.marketer())) {
			assertThat(api.get(timeline, insider.token()).json().get("items").get(0).get("id").asLong())
				.isEqualTo(call.id());
			assertThat(api.get("/api/v1/search?q=" + Api.q(name), insider.token()).json().get("contacts"))
				.hasSize(1);
		}
		assertProblem(api.patch(activity, p.marketer().token(), "\"0\"", Map.of("subject", "Marketing")), 403);
		assertThat(api.get(activity, p.admin()).json().get("subject").asString()).isEqualTo("Private call");
	}

	/** A record owned by the team-A rep, city Paris, version 0. */
	private long createAsOwner(People p, String type) {
		Map<String, Object> body = type.equals("contacts")
				? Map.of("firstName", "Owned", "lastName", Api.unique("Record"), "city", "Paris", "email",
						"owned@example.com")
				: Map.of("name", Api.unique("Account"), "city", "Paris");
		Response r = api.post("/api/v1/" + type, p.owner().token(), body);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		assertThat(r.json().get("ownerId").asLong()).isEqualTo(p.owner().id());
		return r.id();
	}

}
