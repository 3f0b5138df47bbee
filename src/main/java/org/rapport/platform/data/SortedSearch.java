package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.rapport.platform.text.Indexing;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of search results in list order (name, created, updated), found at a cost bounded by the
 * page, not by how many rows match. PostgreSQL cannot estimate how many rows a {@code LIKE '%…%'} or a
 * gram matches, and each of its two plans is ruinous in the other case: walking the sort index and
 * testing every row reads the whole table when few rows match (a phone fragment: 8 to 30 s at a million
 * contacts), and collecting every match through the trigram index before sorting costs seconds when a
 * term is common ("gong", the pinyin of 公司, is in half the contacts). So the search first walks the
 * sort index for at most {@value #WALK} rows: if those hold a full page of matches, they are the page,
 * because the walk is in list order. Otherwise matches are rare (fewer than one in 150), and all of
 * them are collected through the indexes and sorted. Measured in docs/benchmarks.md.
 */
public final class SortedSearch {

	/** Rows walked in list order before falling back to collecting all matches. */
	public static final int WALK = 4000;

	private SortedSearch() {
	}

	/**
	 * @param jdbc the database
	 * @param table the table, e.g. {@code contacts}
	 * @param alias its alias in the conditions, e.g. {@code c}
	 * @param columns the select list over the alias
	 * @param conditions visibility, search terms and filters
	 * @param position the keyset condition (where the page starts), sharing the parameters of
	 * {@code conditions}
	 * @param keyset the list order
	 * @param rows how many rows to return at most (page size plus one, to see whether there is more)
	 * @param mapper maps a row
	 */
	public static <T> List<T> page(JdbcClient jdbc, String table, String alias, String columns, SqlQuery conditions,
			SqlQuery position, Keyset keyset, int rows, RowMapper<T> mapper) {
		String order = keyset.orderBy(alias);
		String walk = "select " + columns + " from (select " + alias + ".* from " + table + " " + alias + " where "
				+ position.where() + " order by " + order + " limit " + WALK + ") " + alias + " where "
				+ conditions.where() + " order by " + order + " limit " + rows;
		List<T> found = jdbc.sql(walk).params(conditions.params()).query(mapper).list();
		if (found.size() >= rows) {
			return found;
		}
		// OFFSET 0 keeps the planner from merging the subquery into the sorted, limited outer query, where it
		// could choose the walk again, this time over the whole table
		String all = "select " + columns + " from (select " + alias + ".* from " + table + " " + alias + " where "
				+ conditions.where() + " and " + position.where() + " offset 0) " + alias + " order by " + order
				+ " limit " + rows;
		return jdbc.sql(all).params(conditions.params()).query(mapper).list();
	}


	/**
	 * For each of many searches, the first {@code limit} matches in list order, in one statement: for a
	 * batch of lookups (an import's duplicate check) that would otherwise search once per row. Each search
	 * collects its matches through the search indexes before sorting (the rows an import looks for are
	 * rare: a company's name, an e-mail address), never walking the sort index.
	 *
	 * @param jdbc the database
	 * @param table the table, e.g. {@code accounts}
	 * @param alias its alias in the conditions, e.g. {@code a}
	 * @param columns the select list over the alias
	 * @param visible the rows the actor may see, a condition whose parameters are in {@code params}
	 * @param params the parameters of {@code visible}; the searches' are added
	 * @param queries the searches, as a user types them; blank ones are left out, repeated ones asked once
	 * @param keyset the list order
	 * @param limit at most this many per search (1–100)
	 * @param mapper maps a row
	 * @param present what the facade does to rows before showing them, applied to all at once
	 * @return the matches of each search, by search, in list order
	 */
	public static <T> Map<String, List<T>> each(JdbcClient jdbc, String table, String alias, String columns,
			String visible, SqlQuery params, List<String> queries, Keyset keyset, int limit, RowMapper<T> mapper,
			UnaryOperator<List<T>> present) {
		List<String> distinct = queries.stream().filter(Indexing::searching).distinct().toList();
		Map<String, List<T>> found = new LinkedHashMap<>();
		distinct.forEach(q -> found.put(q, new ArrayList<>()));
		if (distinct.isEmpty()) {
			return found;
		}
		String order = keyset.orderBy(alias);
		List<String> selects = new ArrayList<>();
		for (int k = 0; k < distinct.size(); k++) {
			SqlQuery q = params.sharingParameters();
			q.and(visible);
			Indexing.match(alias, distinct.get(k), q);
			// OFFSET 0, as in page(): the matches through the indexes, then sorted
			selects.add("(select " + k + " as search_no, " + columns + " from (select " + alias + ".* from " + table + " "
					+ alias + " where " + q.where() + " offset 0) " + alias + " order by " + order + " limit "
					+ Math.max(1, Math.min(limit, 100)) + ")");
		}
		List<Integer> searchNos = new ArrayList<>();
		List<T> rows = jdbc.sql("select * from (" + String.join(" union all ", selects) + ") " + alias
				+ " order by search_no, " + order)
			.params(params.params())
			.query((rs, i) -> {
				searchNos.add(rs.getInt("search_no"));
				return mapper.mapRow(rs, i);
			})
			.list();
		List<T> shown = present.apply(rows);
		for (int i = 0; i < shown.size(); i++) {
			found.get(distinct.get(searchNos.get(i))).add(shown.get(i));
		}
		return found;
	}
}
