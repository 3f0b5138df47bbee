package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Conditions and named parameters of one list query, built up filter by filter. */
public final class SqlQuery {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new HashMap<>();

	private int next;

	/** Registers a parameter and returns its placeholder. */
	public String param(Object value) {
		String name = "p" + next++;
		params.put(name, value);
		return ":" + name;
	}

	public SqlQuery and(String condition) {
		conditions.add(condition);
		return this;
	}

	public String where() {
		return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
	}

	/** Continues numbering after {@code count} parameters copied from another query. */
	public SqlQuery skip(int count) {
		next = Math.max(next, count);
		return this;
	}

	public Map<String, Object> params() {
		return params;
	}

}
