package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Conditions and named parameters of one list query, built up filter by filter. */
public final class SqlQuery {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params;

	private final int[] next;

	public SqlQuery() {
		this(new HashMap<>(), new int[1]);
	}

	private SqlQuery(Map<String, Object> params, int[] next) {
		this.params = params;
		this.next = next;
	}

	/** Another set of conditions whose parameters go into this query's, so both can be used in one statement. */
	public SqlQuery sharingParameters() {
		return new SqlQuery(params, next);
	}

	/** Registers a parameter and returns its placeholder. */
	public String param(Object value) {
		String name = "p" + next[0]++;
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

	public Map<String, Object> params() {
		return params;
	}

}
