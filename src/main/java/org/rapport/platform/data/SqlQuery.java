package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Conditions and named parameters of one list query, built up filter by filter. A condition may be written two
 * ways ({@link #and(String, String)}): for finding rows through an index ({@link #where()}), and for testing rows
 * one by one as a walk of a sort index meets them ({@link #scanWhere()}).
 */
public final class SqlQuery {

	/** A condition as written for an index lookup, and as tested on each row of a scan. */
	private record Condition(String indexed, String scanned) {
	}

	private final List<Condition> conditions = new ArrayList<>();

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
		return and(condition, condition);
	}

	/**
	 * Adds a condition written two ways that select the same rows: {@code indexed} for finding them through an
	 * index (a search index: {@code search_grams @> …}), {@code scanned} for testing each row a walk in list order
	 * meets, over columns that a covering sort index carries (so the walk reads only that index).
	 */
	public SqlQuery and(String indexed, String scanned) {
		conditions.add(new Condition(indexed, scanned));
		return this;
	}

	/** The conditions as written for finding rows through indexes. */
	public String where() {
		return joined(Condition::indexed);
	}

	/** The conditions as tested on each row of a walk in list order ({@link SortedSearch}). */
	public String scanWhere() {
		return joined(Condition::scanned);
	}

	private String joined(Function<Condition, String> form) {
		return conditions.isEmpty() ? "true" : String.join(" and ", conditions.stream().map(form).toList());
	}

	public Map<String, Object> params() {
		return params;
	}

}
