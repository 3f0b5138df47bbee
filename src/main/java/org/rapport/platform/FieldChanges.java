package org.rapport.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.rapport.platform.AuditTrail.FieldChange;

/**
 * Computes the field changes of an audit entry from a record's fields before and after, masking
 * personal values. Lists are written comma-separated; maps (custom fields) one entry per key as
 * {@code field.key}.
 */
public final class FieldChanges {

	private FieldChanges() {
	}

	/**
	 * @param before fields before ({@code null} or empty for a create)
	 * @param after fields after ({@code null} or empty for a delete)
	 * @param maskers per personal field, how its values are masked
	 */
	public static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after,
			Map<String, UnaryOperator<String>> maskers) {
		Map<String, ?> b = before == null ? Map.of() : before;
		Map<String, ?> a = after == null ? Map.of() : after;
		Set<String> fields = new LinkedHashSet<>(b.keySet());
		fields.addAll(a.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			Object from = b.get(field);
			Object to = a.get(field);
			if (from instanceof Map<?, ?> || to instanceof Map<?, ?>) {
				Map<?, ?> fm = from instanceof Map<?, ?> m ? m : Map.of();
				Map<?, ?> tm = to instanceof Map<?, ?> m ? m : Map.of();
				Set<Object> keys = new LinkedHashSet<>(fm.keySet());
				keys.addAll(tm.keySet());
				for (Object key : keys) {
					add(changes, field + "." + key, fm.get(key), tm.get(key), maskers.get(field));
				}
			}
			else {
				add(changes, field, from, to, maskers.get(field));
			}
		}
		return changes;
	}

	private static void add(List<FieldChange> changes, String field, Object from, Object to,
			UnaryOperator<String> masker) {
		String f = text(from, masker);
		String t = text(to, masker);
		if (!Objects.equals(normalizedEmpty(from), normalizedEmpty(to))) {
			changes.add(new FieldChange(field, f, t));
		}
	}

	private static Object normalizedEmpty(Object value) {
		if (value instanceof Collection<?> c && c.isEmpty()) {
			return null;
		}
		return value == null ? null : value instanceof Collection<?> c ? List.copyOf(c) : value.toString();
	}

	private static String text(Object value, UnaryOperator<String> masker) {
		if (value == null) {
			return null;
		}
		UnaryOperator<String> m = masker == null ? UnaryOperator.identity() : masker;
		if (value instanceof Collection<?> c) {
			return c.isEmpty() ? null : c.stream().map(v -> m.apply(String.valueOf(v))).collect(Collectors.joining(", "));
		}
		return m.apply(value.toString());
	}

}
