package org.rapport.platform.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.platform.data.SqlQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Record-level access to owned business records (accounts, contacts, leads, deals…), the same
 * rules for every module. ADMIN, MARKETER and ANALYST see all; a MANAGER sees records owned in
 * their team; SALES_REP and SUPPORT_AGENT see their own. Records shared with a user come on top,
 * for reading or editing. Which roles may change a type of record is the caller's rule (by default
 * {@link Role#editsCustomers()}). Deleting is for admins, managers within their team and owners.
 * Shares live in {@code record_shares}; {@link #visible} gives the matching SQL for lists, so lists
 * and single records always agree.
 */
@Component
public class RecordAccess {

	/** The default rule: MARKETER and ANALYST read but never change. */
	public static final Predicate<Role> CUSTOMER_EDITORS = Role::editsCustomers;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	RecordAccess(UserDirectory users, JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
		this.users = users;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A share of one record with one user.
	 *
	 * @param userId the user
	 * @param userName their display name
	 * @param access read or edit
	 * @param grantedAt when
	 */
	public record Share(long userId, String userName, String access, Instant grantedAt) {
	}

	public AccessScope scope(Actor actor) {
		return users.scopeOf(actor);
	}

	/** The SQL condition selecting rows of {@code alias} (with {@code id} and {@code owner_id}) the scope may see. */
	public String visible(String alias, String entityType, AccessScope scope, SqlQuery q) {
		if (scope.all()) {
			return "true";
		}
		String shared = "exists (select 1 from record_shares s where s.entity_type = " + q.param(entityType)
				+ " and s.entity_id = " + alias + ".id and s.user_id = " + q.param(scope.actorId()) + ")";
		if (scope.kind() == AccessScope.Kind.TEAM) {
			return "(" + alias + ".owner_id = any(" + q.param(scope.ownerIds().toArray(Long[]::new)) + ") or " + shared
					+ ")";
		}
		return "(" + alias + ".owner_id = " + q.param(scope.actorId()) + " or " + shared + ")";
	}

	/** Most team members whose records a search walks as parts of their own ({@link #walkParts}). */
	static final int MAX_WALK_PARTS = 32;

	/**
	 * The rows the scope may see as a few parts, each read in list order by an index that leads with the owner
	 * ({@code owner_id, updated_at}, {@code owner_id, sort_name}): one part per owner in scope, and the records
	 * shared with the actor that those owners do not own. {@link org.rapport.platform.data.SortedSearch} walks their
	 * merged union instead of the whole table, so that a sales rep's search tests the rep's own rows, not every
	 * owner's (a twelfth of them, say, in the table's order). Empty for a scope that sees everything, or a team
	 * of more than {@value #MAX_WALK_PARTS} members, where walking the whole table costs no more.
	 */
	public List<String> walkParts(String alias, String entityType, AccessScope scope, SqlQuery q) {
		List<Long> owners = switch (scope.kind()) {
			case ALL -> List.of();
			case TEAM -> scope.ownerIds();
			case OWN -> List.of(scope.actorId());
		};
		if (owners.isEmpty() || owners.size() > MAX_WALK_PARTS) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (long owner : owners) {
			parts.add(alias + ".owner_id = " + q.param(owner));
		}
		parts.add(alias + ".id in (select s.entity_id from record_shares s where s.entity_type = " + q.param(entityType)
				+ " and s.user_id = " + q.param(scope.actorId()) + ") and " + alias + ".owner_id <> all("
				+ q.param(owners.toArray(Long[]::new)) + ")");
		return parts;
	}

	public Optional<String> sharedAccess(String entityType, long id, long userId) {
		return jdbc.sql("select access from record_shares where entity_type = ? and entity_id = ? and user_id = ?")
			.params(entityType, id, userId)
			.query(String.class)
			.optional();
	}

	public boolean canSee(Actor actor, String entityType, long id, long ownerId) {
		return scope(actor).owns(ownerId) || sharedAccess(entityType, id, actor.id()).isPresent();
	}

	public boolean canEdit(Actor actor, String entityType, long id, long ownerId) {
		return canEdit(actor, entityType, id, ownerId, CUSTOMER_EDITORS);
	}

	public boolean canEdit(Actor actor, String entityType, long id, long ownerId, Predicate<Role> editors) {
		if (!editors.test(actor.role())) {
			return false;
		}
		return actor.role().readsEverything() || scope(actor).owns(ownerId)
				|| sharedAccess(entityType, id, actor.id()).filter("edit"::equals).isPresent();
	}

	public boolean canDelete(Actor actor, long ownerId) {
		return canDelete(actor, ownerId, CUSTOMER_EDITORS);
	}

	public boolean canDelete(Actor actor, long ownerId, Predicate<Role> editors) {
		if (!editors.test(actor.role())) {
			return false;
		}
		return actor.role().readsEverything() || ownerId == actor.id()
				|| (actor.role() == Role.MANAGER && scope(actor).owns(ownerId));
	}

	public void requireCreate(Actor actor) {
		requireCreate(actor, CUSTOMER_EDITORS, "create-customer");
	}

	public void requireCreate(Actor actor, Predicate<Role> editors, String action) {
		if (!editors.test(actor.role())) {
			throw new NotPermitted(action);
		}
	}

	public void requireEdit(Actor actor, String entityType, long id, long ownerId) {
		requireEdit(actor, entityType, id, ownerId, CUSTOMER_EDITORS);
	}

	public void requireEdit(Actor actor, String entityType, long id, long ownerId, Predicate<Role> editors) {
		if (!canEdit(actor, entityType, id, ownerId, editors)) {
			throw new NotPermitted("edit-" + entityType);
		}
	}

	/** A record as read for a change: who owns it, and its version. */
	public interface Owned {

		long ownerId();

		long version();

	}

	/** As {@link #requireEditable(Actor, String, long, long, Owned, Predicate)} for the default editors. */
	public void requireEditable(Actor actor, String entityType, long id, long expectedVersion, Owned current) {
		requireEditable(actor, entityType, id, expectedVersion, current, CUSTOMER_EDITORS);
	}

	/**
	 * What an update checks of a record before its fields, in this order: it is there and the actor sees it
	 * (else it is not found for them), they may edit it, and they changed the version they read.
	 *
	 * @param current the record as read, {@code null} if there is none
	 * @throws RecordNotFound if it is not there or the actor does not see it
	 * @throws NotPermitted if they may not edit it
	 * @throws StaleVersion if it has another version
	 */
	public void requireEditable(Actor actor, String entityType, long id, long expectedVersion, Owned current,
			Predicate<Role> editors) {
		if (current == null || !canSee(actor, entityType, id, current.ownerId())) {
			throw new RecordNotFound(entityType, id);
		}
		requireEdit(actor, entityType, id, current.ownerId(), editors);
		if (current.version() != expectedVersion) {
			throw new StaleVersion(entityType, id, expectedVersion, current.version());
		}
	}

	public void requireDelete(Actor actor, String entityType, long ownerId) {
		requireDelete(actor, entityType, ownerId, CUSTOMER_EDITORS);
	}

	public void requireDelete(Actor actor, String entityType, long ownerId, Predicate<Role> editors) {
		if (!canDelete(actor, ownerId, editors)) {
			throw new NotPermitted("delete-" + entityType);
		}
	}

	/** The owner a record may be given: any enabled user (hand-overs are audited as owner changes). */
	public long checkOwner(Actor actor, Long requested, Long current, List<FieldProblem> problems) {
		if (requested == null) {
			return current != null ? current : actor.id();
		}
		Optional<UserSummary> owner = users.find(requested).filter(UserSummary::enabled);
		if (owner.isEmpty()) {
			problems.add(new FieldProblem("ownerId", "unknown-user", "No such active user"));
			return actor.id();
		}
		return requested;
	}

	public List<Share> shares(String entityType, long id) {
		List<Share> shares = jdbc.sql("""
				select user_id, access, granted_at from record_shares
				where entity_type = ? and entity_id = ? order by granted_at""")
			.params(entityType, id)
			.query((rs, i) -> new Share(rs.getLong(1), null, rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
		var names = users.displayNames(shares.stream().map(Share::userId).toList());
		return shares.stream().map(s -> new Share(s.userId(), names.get(s.userId()), s.access(), s.grantedAt())).toList();
	}

	/** Shares a record with a user (or changes the access); an audited access-rule change. */
	public void share(Actor actor, String entityType, long id, String summary, long userId, String access) {
		if (users.find(userId).filter(UserSummary::enabled).isEmpty()) {
			throw InvalidInput.of("userId", "unknown-user", "No such active user");
		}
		if (!List.of("read", "edit").contains(access)) {
			throw InvalidInput.of("access", "not-allowed", "Must be read or edit");
		}
		String before = sharedAccess(entityType, id, userId).orElse(null);
		if (access.equals(before)) {
			return;
		}
		jdbc.sql("""
				insert into record_shares (entity_type, entity_id, user_id, access, granted_by, granted_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (entity_type, entity_id, user_id) do update set access = excluded.access,
				  granted_by = excluded.granted_by, granted_at = excluded.granted_at""")
			.params(entityType, id, userId, access, actor.id(), Timestamp.from(clock.instant()))
			.update();
		audit.record(new AuditEvent("share", entityType, Long.toString(id), summary,
				List.of(new FieldChange("share.user" + userId, before, access))));
	}

	public void unshare(String entityType, long id, String summary, long userId) {
		String before = sharedAccess(entityType, id, userId).orElse(null);
		if (before == null) {
			return;
		}
		jdbc.sql("delete from record_shares where entity_type = ? and entity_id = ? and user_id = ?")
			.params(entityType, id, userId)
			.update();
		audit.record(new AuditEvent("unshare", entityType, Long.toString(id), summary,
				List.of(new FieldChange("share.user" + userId, before, null))));
	}

	public void dropShares(String entityType, long id) {
		jdbc.sql("delete from record_shares where entity_type = ? and entity_id = ?").params(entityType, id).update();
	}

}
