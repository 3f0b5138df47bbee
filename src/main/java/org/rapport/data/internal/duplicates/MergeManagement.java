package org.rapport.data.internal.duplicates;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.AccountView;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactReferences;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two contacts or two accounts into one, in one transaction: the survivor takes, field by
 * field, the value chosen ({@code "survivor"} or {@code "merged"}; by default the survivor's, or the
 * merged record's where the survivor has none; e-mails, phones and tags are united), every
 * {@link ContactReferences} (or {@link AccountReferences}) bean moves its records to the survivor,
 * and the merged record is removed with its row kept for undo and its history in the audit log.
 * Undo reverses all of it.
 */
@Service
public class MergeManagement {

	private static final Logger log = LoggerFactory.getLogger(MergeManagement.class);

	static final Set<String> FIELDS = Set.of("firstName", "lastName", "title", "email", "phone", "company", "street",
			"city", "region", "postalCode", "country", "lifecycleStage", "source", "owner");

	static final Set<String> ACCOUNT_FIELDS = Set.of("name", "industry", "size", "website", "phone", "street", "city",
			"region", "postalCode", "country", "owner");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final ContactManagement contacts;

	private final List<ContactReferences> references;

	private final AccountManagement accounts;

	private final List<AccountReferences> accountReferences;

	MergeManagement(JdbcClient jdbc, Clock clock, JsonMapper json, ContactManagement contacts,
			List<ContactReferences> references, AccountManagement accounts, List<AccountReferences> accountReferences) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.contacts = contacts;
		this.references = references;
		this.accounts = accounts;
		this.accountReferences = accountReferences;
	}

	/** A merge as reported. */
	public record MergeView(long id, String entity, long survivorId, long mergedId, Map<String, String> fields,
			Map<String, Integer> moved, String status) {
	}

	@Transactional
	public MergeView merge(String entity, Long survivorId, Long mergedId, Map<String, String> choices) {
		Actor actor = Actor.current();
		String e = DuplicateManagement.entity(entity);
		if (survivorId == null) {
			throw InvalidInput.of("survivorId", "required", "Required");
		}
		if (mergedId == null) {
			throw InvalidInput.of("mergedId", "required", "Required");
		}
		if (survivorId.equals(mergedId)) {
			throw InvalidInput.of("mergedId", "same-record", "A record cannot be merged into itself");
		}
		Map<String, String> picks = new LinkedHashMap<>();
		for (var c : choices.entrySet()) {
			if (!(e.equals("contacts") ? FIELDS : ACCOUNT_FIELDS).contains(c.getKey()) && !c.getKey().startsWith("cf.")) {
				throw InvalidInput.of("fields." + c.getKey(), "unknown-field", "Not a field that can be chosen");
			}
			if (!"survivor".equals(c.getValue()) && !"merged".equals(c.getValue())) {
				throw InvalidInput.of("fields." + c.getKey(), "one-of", "One of survivor, merged");
			}
			picks.put(c.getKey(), c.getValue());
		}
		if (e.equals("accounts")) {
			return mergeAccounts(actor, survivorId, mergedId, picks);
		}
		ContactView survivor = contacts.get(survivorId);
		ContactView merged = contacts.get(mergedId);
		long id = record(actor, e, survivorId, mergedId, picks, survivor.fields());
		contacts.update(survivorId, survivor.version(), combine(survivor, merged, picks));
		Map<String, Integer> moved = new LinkedHashMap<>();
		for (ContactReferences r : references) {
			moved.merge(r.kind(), r.reassign(mergedId, survivorId, id), Integer::sum);
		}
		contacts.mergeAway(mergedId, survivorId, id);
		finish(e, id, mergedId, moved);
		log.info("Contact {} merged into {} (merge {}): moved {}", mergedId, survivorId, id, moved);
		return get(id);
	}

	/**
	 * Two accounts as one: the survivor's fields chosen as for contacts (tags united), then every
	 * {@link AccountReferences} bean moves the merged account's contacts, activities, deals, quotes,
	 * orders, converted leads and tickets to the survivor, and the merged account is removed with its
	 * row kept for undo.
	 */
	private MergeView mergeAccounts(Actor actor, long survivorId, long mergedId, Map<String, String> picks) {
		AccountView survivor = accounts.get(survivorId);
		AccountView merged = accounts.get(mergedId);
		long id = record(actor, "accounts", survivorId, mergedId, picks, survivor.fields());
		accounts.update(survivorId, survivor.version(), combine(survivor, merged, picks));
		Map<String, Integer> moved = new LinkedHashMap<>();
		for (AccountReferences r : accountReferences) {
			moved.merge(r.kind(), r.reassign(mergedId, survivorId, id), Integer::sum);
		}
		accounts.mergeAway(mergedId, survivorId, id);
		finish("accounts", id, mergedId, moved);
		log.info("Account {} merged into {} (merge {}): moved {}", mergedId, survivorId, id, moved);
		return get(id);
	}

	private long record(Actor actor, String entity, long survivorId, long mergedId, Map<String, String> picks,
			Object survivorBefore) {
		return jdbc.sql("""
				insert into merges (entity, survivor_id, merged_id, fields, survivor_before, created_by, created_at)
				values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?) returning id""")
			.params(entity, survivorId, mergedId, json.writeValueAsString(picks), json.writeValueAsString(survivorBefore),
					actor.id(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/** The merged record's open pairs are settled by the merge; the moves are kept for the report. */
	private void finish(String entity, long id, long mergedId, Map<String, Integer> moved) {
		jdbc.sql("""
				update duplicate_candidates set status = 'merged', merge_id = ?
				where entity = ? and status = 'open' and (left_id = ? or right_id = ?)""")
			.params(id, entity, mergedId, mergedId)
			.update();
		jdbc.sql("update merges set moved = cast(? as jsonb) where id = ?").params(json.writeValueAsString(moved), id).update();
	}

	static AccountFields combine(AccountView s, AccountView m, Map<String, String> picks) {
		AccountFields sf = s.fields();
		AccountFields mf = m.fields();
		Set<String> tags = new LinkedHashSet<>(sf.tags());
		tags.addAll(mf.tags());
		return new AccountFields(pick("name", sf.name(), mf.name(), picks), pick("industry", sf.industry(), mf.industry(), picks),
				pick("size", sf.size(), mf.size(), picks), pick("website", sf.website(), mf.website(), picks),
				pick("phone", sf.phone(), mf.phone(), picks), pick("street", sf.street(), mf.street(), picks),
				pick("city", sf.city(), mf.city(), picks), pick("region", sf.region(), mf.region(), picks),
				pick("postalCode", sf.postalCode(), mf.postalCode(), picks), pick("country", sf.country(), mf.country(), picks),
				pick("owner", sf.ownerId(), mf.ownerId(), picks), new ArrayList<>(tags),
				customFields(sf.customFields(), mf.customFields(), picks));
	}

	/** The survivor's custom values, the merged record's where the survivor has none, or as picked ("cf.key"). */
	private static Map<String, Object> customFields(Map<String, Object> survivor, Map<String, Object> merged,
			Map<String, String> picks) {
		Map<String, Object> custom = new LinkedHashMap<>(merged);
		custom.putAll(survivor);
		for (var p : picks.entrySet()) {
			if (p.getKey().startsWith("cf.")) {
				String key = p.getKey().substring(3);
				Object v = (p.getValue().equals("merged") ? merged : survivor).get(key);
				if (v == null) {
					custom.remove(key);
				}
				else {
					custom.put(key, v);
				}
			}
		}
		return custom;
	}

	static ContactFields combine(ContactView s, ContactView m, Map<String, String> picks) {
		ContactFields sf = s.fields();
		ContactFields mf = m.fields();
		List<String> emails = united("email", sf.emails(), mf.emails(), picks);
		List<String> phones = united("phone", sf.phones(), mf.phones(), picks);
		Set<String> tags = new LinkedHashSet<>(sf.tags());
		tags.addAll(mf.tags());
		Map<String, Object> custom = new LinkedHashMap<>(mf.customFields());
		custom.putAll(sf.customFields());
		for (var p : picks.entrySet()) {
			if (p.getKey().startsWith("cf.")) {
				String key = p.getKey().substring(3);
				Object v = (p.getValue().equals("merged") ? mf : sf).customFields().get(key);
				if (v == null) {
					custom.remove(key);
				}
				else {
					custom.put(key, v);
				}
			}
		}
		return new ContactFields(pick("firstName", sf.firstName(), mf.firstName(), picks),
				pick("lastName", sf.lastName(), mf.lastName(), picks), pick("title", sf.title(), mf.title(), picks), emails,
				phones, pick("company", sf.accountId(), mf.accountId(), picks), pick("street", sf.street(), mf.street(), picks),
				pick("city", sf.city(), mf.city(), picks), pick("region", sf.region(), mf.region(), picks),
				pick("postalCode", sf.postalCode(), mf.postalCode(), picks), pick("country", sf.country(), mf.country(), picks),
				pick("lifecycleStage", sf.lifecycleStage(), mf.lifecycleStage(), picks),
				pick("source", sf.source(), mf.source(), picks), pick("owner", sf.ownerId(), mf.ownerId(), picks),
				new ArrayList<>(tags), custom);
	}

	private static <T> T pick(String field, T survivor, T merged, Map<String, String> picks) {
		String choice = picks.get(field);
		if ("merged".equals(choice)) {
			return merged;
		}
		if ("survivor".equals(choice)) {
			return survivor;
		}
		return survivor != null && !(survivor instanceof String s && s.isBlank()) ? survivor : merged;
	}

	/** Both records' values, the chosen record's first (it becomes the primary one). */
	private static List<String> united(String field, List<String> survivor, List<String> merged, Map<String, String> picks) {
		LinkedHashSet<String> all = new LinkedHashSet<>();
		if ("merged".equals(picks.get(field))) {
			all.addAll(merged);
			all.addAll(survivor);
		}
		else {
			all.addAll(survivor);
			merged.stream().filter(v -> all.stream().noneMatch(x -> x.equalsIgnoreCase(v))).forEach(all::add);
		}
		return new ArrayList<>(all);
	}

	@Transactional
	public MergeView undo(long id) {
		MergeView merge = get(id);
		if (!merge.status().equals("merged")) {
			throw new StateConflict("merge-undone", "This merge has already been undone");
		}
		String before = jdbc.sql("select survivor_before::text from merges where id = ?").param(id).query(String.class).single();
		if (merge.entity().equals("accounts")) {
			// the account comes back first: the moved contacts and activities point at it again
			accounts.restoreMerged(id);
			for (AccountReferences r : accountReferences) {
				r.undo(id);
			}
			AccountView survivor = accounts.get(merge.survivorId());
			accounts.update(survivor.id(), survivor.version(), json.readValue(before, AccountFields.class));
		}
		else {
			contacts.restoreMerged(id);
			for (ContactReferences r : references) {
				r.undo(id);
			}
			ContactView survivor = contacts.get(merge.survivorId());
			contacts.update(survivor.id(), survivor.version(), json.readValue(before, ContactFields.class));
		}
		jdbc.sql("update duplicate_candidates set status = 'open', merge_id = null where merge_id = ?").param(id).update();
		jdbc.sql("update merges set status = 'undone', undone_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		log.info("Merge {} undone: {} {} restored", id, merge.entity(), merge.mergedId());
		return get(id);
	}

	@Transactional(readOnly = true)
	public MergeView get(long id) {
		Actor actor = Actor.current();
		Long creator = jdbc.sql("select created_by from merges where id = ?").param(id).query(Long.class).optional()
			.orElseThrow(() -> new RecordNotFound("merge", id));
		if (creator != actor.id() && !actor.isAdmin()) {
			throw new RecordNotFound("merge", id);
		}
		return jdbc.sql("select id, entity, survivor_id, merged_id, fields::text f, moved::text m, status from merges where id = ?")
			.param(id)
			.query((rs, n) -> {
				return new MergeView(rs.getLong("id"), rs.getString("entity"), rs.getLong("survivor_id"),
						rs.getLong("merged_id"), json.readValue(rs.getString("f"), new TypeReference<Map<String, String>>() {
						}), json.readValue(rs.getString("m"), new TypeReference<Map<String, Integer>>() {
						}), rs.getString("status"));
			})
			.optional()
			.orElseThrow(() -> new RecordNotFound("merge", id));
	}

}
