package org.rapport.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.StateConflict;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin-defined fields on accounts and contacts, and the checking of their values: text, number,
 * date (ISO {@code yyyy-MM-dd}) or one of a list of choices. Values are stored typed in JSONB, so a
 * filter {@code cf.<key>=<value>} is answered by the records' GIN index.
 */
@Service
public class CustomFieldManagement {

	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CustomFieldManagement(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<CustomFieldDefinition> definitions(String entityType) {
		return jdbc.sql("select * from custom_field_definitions where entity_type = ? order by position, id")
			.param(entityType)
			.query((rs, i) -> new CustomFieldDefinition(rs.getLong("id"), rs.getString("entity_type"),
					rs.getString("key"), rs.getString("label"), rs.getString("label_zh"), rs.getString("type"),
					List.of((String[]) rs.getArray("options").getArray()), rs.getBoolean("required"),
					rs.getInt("position"), rs.getLong("version")))
			.list();
	}

	public CustomFieldDefinition get(long id) {
		return jdbc.sql("select entity_type from custom_field_definitions where id = ?").param(id)
			.query(String.class).optional()
			.flatMap(type -> definitions(type).stream().filter(d -> d.id() == id).findFirst())
			.orElseThrow(() -> new RecordNotFound("custom-field", id));
	}

	@Transactional
	public CustomFieldDefinition define(CustomFieldDefinition def) {
		requireAdmin();
		check(def, true);
		long id;
		try {
			id = jdbc.sql("""
					insert into custom_field_definitions (entity_type, key, label, label_zh, type, options, required, position)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(def.entityType(), def.key(), def.label(), def.labelZh(), def.type(),
						def.options().toArray(String[]::new), def.required(), def.position())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new StateConflict("custom-field-exists", "A field with this key exists", def.key());
		}
		CustomFieldDefinition created = get(id);
		audit.record(new AuditEvent("create", "custom-field", Long.toString(id), def.entityType() + "." + def.key(),
				FieldChanges.between(null, describe(created), Map.of())));
		return created;
	}

	/** Changes labels, options, required and position; key, entity and type are fixed once defined. */
	@Transactional
	public CustomFieldDefinition redefine(long id, long expectedVersion, CustomFieldDefinition def) {
		requireAdmin();
		CustomFieldDefinition before = get(id);
		if (before.version() != expectedVersion) {
			throw new StaleVersion("custom-field", id, expectedVersion, before.version());
		}
		CustomFieldDefinition merged = new CustomFieldDefinition(id, before.entityType(), before.key(),
				def.label() == null ? before.label() : def.label(), def.labelZh() == null ? before.labelZh() : def.labelZh(),
				before.type(), def.options() == null ? before.options() : def.options(), def.required(),
				def.position(), before.version());
		check(merged, false);
		jdbc.sql("""
				update custom_field_definitions set label = ?, label_zh = ?, options = ?, required = ?, position = ?,
				       version = version + 1 where id = ? and version = ?""")
			.params(merged.label(), merged.labelZh(), merged.options().toArray(String[]::new), merged.required(),
					merged.position(), id, expectedVersion)
			.update();
		CustomFieldDefinition after = get(id);
		audit.record(new AuditEvent("update", "custom-field", Long.toString(id), after.entityType() + "." + after.key(),
				FieldChanges.between(describe(before), describe(after), Map.of())));
		return after;
	}

	/** Removes the definition; values already stored stay in the records' history but are no longer shown. */
	@Transactional
	public void remove(long id) {
		requireAdmin();
		CustomFieldDefinition def = get(id);
		jdbc.sql("delete from custom_field_definitions where id = ?").param(id).update();
		audit.record(new AuditEvent("delete", "custom-field", Long.toString(id), def.entityType() + "." + def.key(),
				FieldChanges.between(describe(def), null, Map.of())));
	}

	private void check(CustomFieldDefinition def, boolean create) {
		List<FieldProblem> problems = new ArrayList<>();
		if (create && !List.of("account", "contact").contains(def.entityType())) {
			problems.add(new FieldProblem("entityType", "not-allowed", "Must be account or contact"));
		}
		if (create && (def.key() == null || !KEY.matcher(def.key()).matches())) {
			problems.add(new FieldProblem("key", "invalid", "1 to 40 lower-case letters, digits or _, starting with a letter"));
		}
		if (def.label() == null || def.label().isBlank() || def.label().length() > 100) {
			problems.add(new FieldProblem("label", "invalid", "1 to 100 characters"));
		}
		if (def.labelZh() != null && def.labelZh().length() > 100) {
			problems.add(new FieldProblem("labelZh", "too-long", "At most 100 characters"));
		}
		if (create && !Vocabulary.CUSTOM_FIELD_TYPES.contains(def.type())) {
			problems.add(new FieldProblem("type", "not-allowed", "Must be one of " + Vocabulary.CUSTOM_FIELD_TYPES));
		}
		if ("choice".equals(def.type())
				&& (def.options() == null || def.options().isEmpty() || def.options().stream().anyMatch(String::isBlank))) {
			problems.add(new FieldProblem("options", "required", "A choice field needs at least one non-blank option"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static Map<String, Object> describe(CustomFieldDefinition d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("label", d.label());
		m.put("labelZh", d.labelZh());
		m.put("type", d.type());
		m.put("options", d.options());
		m.put("required", d.required());
		m.put("position", d.position());
		return m;
	}

	private static void requireAdmin() {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("define-custom-fields");
		}
	}

	/**
	 * Checks and types the custom values of a record. Raw values are JSON nodes (API) or strings
	 * (forms); empty strings and nulls mean "no value". Unknown keys and bad values are reported as
	 * {@code customFields.<key>}.
	 */
	public Map<String, Object> typed(String entityType, Map<String, ?> raw, List<FieldProblem> problems) {
		return typed(definitions(entityType), raw, problems);
	}

	/** As {@link #typed(String, Map, List)}, with the definitions read once for many records. */
	public Map<String, Object> typed(List<CustomFieldDefinition> definitions, Map<String, ?> raw,
			List<FieldProblem> problems) {
		Map<String, Object> typed = new LinkedHashMap<>();
		Map<String, CustomFieldDefinition> defs = new LinkedHashMap<>();
		definitions.forEach(d -> defs.put(d.key(), d));
		for (var entry : raw.entrySet()) {
			String field = "customFields." + entry.getKey();
			CustomFieldDefinition def = defs.get(entry.getKey());
			if (def == null) {
				problems.add(new FieldProblem(field, "unknown-field", "No such custom field"));
				continue;
			}
			Object value = typedValue(def, entry.getValue(), field, problems);
			if (value != null) {
				typed.put(def.key(), value);
			}
		}
		for (CustomFieldDefinition def : defs.values()) {
			if (def.required() && !typed.containsKey(def.key())
					&& problems.stream().noneMatch(p -> p.field().equals("customFields." + def.key()))) {
				problems.add(new FieldProblem("customFields." + def.key(), "required", "Required"));
			}
		}
		return typed;
	}

	/** Parses one filter value ({@code cf.<key>=...}) to the stored type, or reports it. */
	public Object filterValue(String entityType, String key, String raw) {
		CustomFieldDefinition def = definitions(entityType).stream().filter(d -> d.key().equals(key)).findFirst()
			.orElseThrow(() -> InvalidInput.of("cf." + key, "unknown-field", "No such custom field"));
		List<FieldProblem> problems = new ArrayList<>();
		Object value = typedValue(def, raw, "cf." + key, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return value;
	}

	private static Object typedValue(CustomFieldDefinition def, Object raw, String field, List<FieldProblem> problems) {
		if (raw instanceof JsonNode node) {
			if (node.isNull()) {
				return null;
			}
			if ("number".equals(def.type()) && node.isNumber()) {
				return node.decimalValue();
			}
			if (!node.isString()) {
				problems.add(new FieldProblem(field, "invalid", "Must be " + def.type()));
				return null;
			}
			raw = node.stringValue();
		}
		if (raw == null || raw.toString().isBlank()) {
			return null;
		}
		String text = raw.toString();
		switch (def.type()) {
			case "number" -> {
				try {
					BigDecimal number = new BigDecimal(text.strip());
					if (number.precision() > 30) {
						problems.add(new FieldProblem(field, "invalid", "Too many digits"));
						return null;
					}
					return number;
				}
				catch (NumberFormatException ex) {
					problems.add(new FieldProblem(field, "not-a-number", "Must be a number"));
					return null;
				}
			}
			case "date" -> {
				try {
					return LocalDate.parse(text.strip()).toString();
				}
				catch (DateTimeParseException ex) {
					problems.add(new FieldProblem(field, "not-a-date", "Must be a date as yyyy-MM-dd"));
					return null;
				}
			}
			case "choice" -> {
				if (!def.options().contains(text)) {
					problems.add(new FieldProblem(field, "not-allowed", "Must be one of " + def.options()));
					return null;
				}
				return text;
			}
			default -> {
				if (text.length() > 1000 || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
					problems.add(new FieldProblem(field, "invalid", "At most 1000 characters, no control characters"));
					return null;
				}
				return text;
			}
		}
	}

}
