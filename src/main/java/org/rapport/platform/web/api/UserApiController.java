package org.rapport.platform.web.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rapport.platform.Actor;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Role;
import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.users.UserAccounts.Team;
import org.rapport.platform.users.UserAccounts.User;
import org.rapport.platform.users.UserAccounts.UserInput;
import org.rapport.platform.web.ETags;
import org.rapport.platform.web.JsonInput;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Users and teams. Creating and changing users is for admins; anyone may read who they are. */
@RestController
@Tag(name = "Users and teams")
class UserApiController {

	private static final Set<String> WRITABLE = Set.of("username", "password", "displayName", "email", "role", "team",
			"locale", "enabled");

	private static final Set<String> READ_ONLY = Set.of("id", "teamId", "teamName", "createdAt", "version");

	private static final List<String> ROLES = java.util.Arrays.stream(Role.values()).map(Role::name).toList();

	private final UserAccounts users;

	UserApiController(UserAccounts users) {
		this.users = users;
	}

	@PostMapping("/api/v1/users")
	@Operation(summary = "Create a user (admin)",
			description = "{\"username\",\"password\",\"displayName\",\"role\",\"team\"}; the team is created if new.")
	ResponseEntity<User> create(@RequestBody JsonNode body) {
		requireAdmin();
		UserInput input = read(body, true);
		User user = users.create(input);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).eTag(ETags.of(user.version()))
			.body(user);
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "List users (admin)")
	Map<String, List<User>> list() {
		requireAdmin();
		return Map.of("items", users.list());
	}

	@GetMapping("/api/v1/users/me")
	@Operation(summary = "The signed-in user")
	User me() {
		return users.get(Actor.current().id());
	}

	@GetMapping("/api/v1/users/{id}")
	@Operation(summary = "Read a user (admin, or yourself)")
	ResponseEntity<User> get(@PathVariable long id) {
		if (!Actor.current().isAdmin() && Actor.current().id() != id) {
			throw new org.rapport.platform.RecordNotFound("user", id);
		}
		User user = users.get(id);
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
	}

	@PatchMapping(path = "/api/v1/users/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a user (admin)", description = "Requires If-Match with the user's ETag.")
	ResponseEntity<User> update(@PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
			@RequestBody JsonNode body) {
		requireAdmin();
		long version = ETags.required(ifMatch);
		User user = users.update(id, version, read(body, false));
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
	}

	@GetMapping("/api/v1/teams")
	@Operation(summary = "List teams")
	Map<String, List<Team>> teams() {
		return Map.of("items", users.teams());
	}

	@PostMapping("/api/v1/teams")
	@Operation(summary = "Create a team (admin)")
	ResponseEntity<Team> createTeam(@RequestBody JsonNode body) {
		requireAdmin();
		JsonInput in = JsonInput.of(body);
		String name = in.requiredText("name", 100);
		in.validate();
		Team team = users.createTeam(name);
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
	}

	private static void requireAdmin() {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("manage-users");
		}
	}

	private static UserInput read(JsonNode body, boolean create) {
		JsonInput in = JsonInput.of(body);
		in.allowOnly(WRITABLE, READ_ONLY);
		String username = create ? in.requiredText("username", 64) : null;
		if (!create && in.has("username")) {
			in.problem("username", "read-only", "A user name cannot change");
		}
		String password = in.text("password", 200, false);
		String displayName = in.text("displayName", 200, false);
		String email = in.text("email", 254, false);
		String role = in.oneOf("role", ROLES);
		String team = in.text("team", 100, false);
		String locale = in.oneOf("locale", List.of("en", "zh-CN"));
		Boolean enabled = in.bool("enabled");
		if (create && role == null && !in.has("role")) {
			in.problem("role", "required", "Required: one of " + String.join(", ", ROLES));
		}
		in.validate();
		return new UserInput(username, password, displayName, email, role == null ? null : Role.valueOf(role),
				in.has("team") && team == null ? "" : team, locale, enabled);
	}

}
