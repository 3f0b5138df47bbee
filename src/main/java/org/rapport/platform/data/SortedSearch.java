package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.rapport.platform.text.Indexing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One page of search results in list order (name, created, updated), found at a cost bounded by the
 * page, not by how many rows match. PostgreSQL cannot estimate how many rows a {@code LIKE '%…%'} or a
 * gram matches, and each of its two plans is ruinous in the other case: walking the sort index and
 * testing every row reads the whole table when few rows match (a phone fragment: 8 to 30 s at a million
 * contacts), and collecting every match through the trigram index before sorting costs seconds when a
 * term is common ("gong", the pinyin of 公司, is in half the contacts).
 * <p>
 * So the search first <em>walks</em> the sort index for at most {@value #PROBE} rows, testing each: if
 * those hold a full page of matches, they are the page, because the walk is in list order. Otherwise the
 * share of matches among the rows walked tells how common the terms are, and the search takes the
 * cheaper of two ways to finish, each bounded: walk further (at most {@value #WALK} rows, when that many
 * are likely to hold a page), or <em>collect</em> all matches through the trigram and gram indexes and
 * sort them (when matches are rare, so there are few to collect). A collection also reads each term's
 * index entries, so for a query of several terms the probe's rows are counted per term as well: terms
 * that are each common but rare together (pinyin syllables, "wu jian bo") are walked, not collected.
 * <p>
 * The walk is cheap when the sort index covers the columns its conditions test (for contacts and accounts, the
 * updated-at indexes include the owner, the phone digits and the search text): PostgreSQL then tests each row in
 * the index without visiting the table, a third to half a microsecond a row, against several for each row
 * collected. So the walk tests each condition as written for rows ({@link SqlQuery#scanWhere()}): a search term
 * on the text alone, where its collection uses the gram index (the grams, a third of a contact's search columns,
 * would make the index three times as wide, and testing them costs more than testing the text). The walk's inner
 * query selects every column, and PostgreSQL drops those the conditions do not use, so a filter on an uncovered
 * column (tags, custom fields) still works, through the table. For someone who sees
 * only some owners' records, the walk reads just those: the parts named by the caller (each owner's rows
 * through an index that leads with the owner, and the rows shared with them), merged in list order.
 * Measured in docs/benchmarks.md.
 */
public final class SortedSearch {

	private static final Logger log = LoggerFactory.getLogger(SortedSearch.class);

	/** Rows walked first, whatever the terms. */
	public static final int PROBE = 2_000;

	/** Most rows walked in all. */
	public static final int WALK = 60_000;

	/**
	 * Most matches collected first for terms expected to be rare ({@code expectRare}): a phone fragment of six
	 * or more digits, or a run of Chinese characters. Finding more means the guess was wrong, and the search
	 * goes on as for any other terms.
	 */
	public static final int RARE = 1_000;

	/** Cost of testing a row in the walk: the unit of {@link #COLLECT_COST} and {@link #POSTING_COST}. */
	static final double WALK_COST = 1.0;

	/**
	 * Cost of collecting one match through the indexes (a table visit, the recheck of the candidates that the
	 * trigram index cannot tell from matches, and the sort), in walked rows. Measured at a million contacts (run 19 in
	 * docs/benchmarks.md, 900 searches of each of two samples of name fragments, warm, one client): a collection took
	 * 0.5 ms, 3 µs a match and 0.035 µs a posting of its terms, a walk 0.45 to 0.5 µs a row (0.6 to 0.7 when it
	 * merges a sales rep's owners). These costs are the ones that chose the cheaper way for most of those searches
	 * ({@code SearchCosts} in the tests): higher than the bare ratio (some 7 walked rows a match), as a share
	 * estimated from a few matches in the probe is often too high, which makes a walk look shorter than it is.
	 */
	static final double COLLECT_COST = 13.0;

	/**
	 * Cost of reading one row's entry of a term's search index when collecting (a posting of the trigram or
	 * gram index, added to the bitmap that the terms' bitmaps are intersected with), in walked rows, measured and
	 * chosen as {@link #COLLECT_COST}. (Before the quadgrams, a collection of pinyin syllables read the long posting
	 * lists of common trigrams and rechecked thousands of candidates: 0.16 then; 0.3 in an estimate from one term
	 * alone.)
	 */
	static final double POSTING_COST = 0.04;

	/**
	 * Weight, in matches, of what the terms' separate counts in the probe say of their share together, beside the
	 * matches of all of them that the probe found ({@link #share}).
	 */
	static final double PRIOR_MATCHES = 2.0;

	/** How much further than the share predicts a walk goes before it gives up and collects instead. */
	static final double STRETCH = 2.0;

	/**
	 * The costs of the model that chooses between walking on and collecting ({@link #furtherWalk}).
	 *
	 * @param collect {@link #COLLECT_COST}
	 * @param posting {@link #POSTING_COST}
	 * @param prior {@link #PRIOR_MATCHES}
	 * @param stretch {@link #STRETCH}
	 */
	record Costs(double collect, double posting, double prior, double stretch) {

		static final Costs FITTED = new Costs(COLLECT_COST, POSTING_COST, PRIOR_MATCHES, STRETCH);

	}

	private SortedSearch() {
	}

	/**
	 * @param jdbc the database
	 * @param table the table, e.g. {@code contacts}
	 * @param alias its alias in the conditions, e.g. {@code c}
	 * @param columns the select list over the alias, with the list order's column and the id (the walk goes on
	 * after the last match it found, {@link Keyset#cursorAfter})
	 * @param conditions visibility, search terms and filters
	 * @param position the keyset condition (where the page starts), sharing the parameters of
	 * {@code conditions}
	 * @param keyset the list order
	 * @param rows how many rows to return at most (page size plus one, to see whether there is more)
	 * @param mapper maps a row
	 */
	public static <T> List<T> page(JdbcClient jdbc, String table, String alias, String columns, SqlQuery conditions,
			SqlQuery position, Keyset keyset, int rows, RowMapper<T> mapper) {
		return page(jdbc, table, alias, columns, conditions, position, keyset, rows, false, Hints.NONE, mapper);
	}

	/**
	 * What a caller knows of its search beyond the conditions, which makes the search cheaper.
	 *
	 * @param parts conditions (with their parameters in the search's conditions) whose union holds every row
	 * the conditions can match, each served in list order by an index, such as the records of each owner a
	 * sales rep may see ({@link org.rapport.platform.access.RecordAccess#walkParts}): the walk reads the parts'
	 * rows merged in list order, and tests only those. Empty: the whole table.
	 * @param terms the conditions of the search terms as tested on walked rows
	 * ({@link org.rapport.platform.text.Indexing#match}); a collection finds each through a search index. When a
	 * probe does not fill the page, the share of its rows that each term matches tells how much of those indexes a
	 * collection would read: a query of common syllables ("wu jian
	 * bo") matches few records, but collecting them intersects posting lists of a tenth of the table.
	 */
	public record Hints(List<String> parts, List<String> terms) {

		public static final Hints NONE = new Hints(List.of(), List.of());

		public Hints {
			parts = List.copyOf(parts);
			terms = List.copyOf(terms);
		}

	}

	/**
	 * As {@link #page(JdbcClient, String, String, String, SqlQuery, SqlQuery, Keyset, int, RowMapper)}; when
	 * {@code expectRare} (see {@link org.rapport.platform.text.Indexing#likelyRare}), the matches are first
	 * collected through the search indexes, at most {@value #RARE} of them, skipping the probe that such
	 * terms almost never satisfy (a phone fragment matches a few contacts in a million: the 2,000 rows
	 * walked would hold none). Only when there are more does the search probe and walk as for other terms.
	 */
	public static <T> List<T> page(JdbcClient jdbc, String table, String alias, String columns, SqlQuery conditions,
			SqlQuery position, Keyset keyset, int rows, boolean expectRare, Hints hints, RowMapper<T> mapper) {
		return page(jdbc, table, alias, columns, conditions, position, keyset, rows, expectRare, hints, PROBE, mapper);
	}

	/**
	 * As {@link #page(JdbcClient, String, String, String, SqlQuery, SqlQuery, Keyset, int, boolean, Hints, RowMapper)}
	 * with {@code probe} rows walked first instead of {@value #PROBE}: for tests, which reach every way of
	 * finishing a page on a few thousand rows with a smaller probe.
	 */
	public static <T> List<T> page(JdbcClient jdbc, String table, String alias, String columns, SqlQuery conditions,
			SqlQuery position, Keyset keyset, int rows, boolean expectRare, Hints hints, int probe,
			RowMapper<T> mapper) {
		if (expectRare) {
			List<T> all = collectRare(jdbc, table, alias, columns, conditions, position, keyset, rows, mapper);
			if (all != null) {
				return all;
			}
		}
		// not restored when a walk fails: the transaction, or its savepoint, is rolled back, and the setting with it
		String previousPlans = plans(jdbc, GENERIC_PLANS);
		List<T> walked = walkFirst(jdbc, table, alias, columns, conditions, position, keyset, rows, hints, probe, mapper);
		plans(jdbc, previousPlans);
		if (walked != null) {
			return walked;
		}
		return collect(jdbc, table, alias, columns, conditions, position, keyset, rows, mapper);
	}

	/** The first {@code rows} matches in list order, all matches collected through the search indexes and sorted. */
	static <T> List<T> collect(JdbcClient jdbc, String table, String alias, String columns, SqlQuery conditions,
			SqlQuery position, Keyset keyset, int rows, RowMapper<T> mapper) {
		// OFFSET 0 keeps the planner from merging the subquery into the sorted, limited outer query, where it
		// could choose the walk again, this time over the whole table
		String all = "select " + columns + " from (select " + alias + ".* from " + table + " " + alias + " where "
				+ conditions.where() + " and " + position.where() + " offset 0) " + alias + " order by "
				+ keyset.orderBy(alias) + " limit " + rows;
		return jdbc.sql(all).params(conditions.params()).query(mapper).list();
	}

	/**
	 * The page if the probe, or the further walk it predicts to be worth it, finds it; else null, to collect the
	 * matches instead.
	 */
	private static <T> List<T> walkFirst(JdbcClient jdbc, String table, String alias, String columns,
			SqlQuery conditions, SqlQuery position, Keyset keyset, int rows, Hints hints, int probe, RowMapper<T> mapper) {
		List<String> parts = hints.parts();
		String[] lastMatch = new String[1];
		RowMapper<T> noting = (rs, i) -> {
			lastMatch[0] = keyset.cursorAfter(rs);
			return mapper.mapRow(rs, i);
		};
		List<T> found = walk(jdbc, table, alias, columns, conditions, position, keyset, parts, "", rows, probe, noting);
		if (found.size() >= rows) {
			return found;
		}
		int[] termMatches = found.isEmpty() || hints.terms().size() < 2 ? new int[0]
				: termMatches(jdbc, table, alias, conditions, position, keyset, parts, hints.terms(), probe);
		long walk = furtherWalk(found.size(), rows, tableSize(jdbc, table), probe, termMatches);
		if (log.isDebugEnabled()) {
			log.debug("{}: the probe of {} rows found {} of {} matches wanted (terms: {}); {}", table, probe, found.size(),
					rows, Arrays.toString(termMatches), walk > 0 ? "walking " + walk + " rows" : "collecting");
		}
		if (walk > 0) {
			// on from the probe's last match (furtherWalk collects when the probe found none): the rows up to it are
			// tested, and their matches found; the walk covers at least the rows a walk from the start would
			SqlQuery afterLastMatch = conditions.sharingParameters();
			keyset.after(alias, lastMatch[0], afterLastMatch);
			List<T> more = walk(jdbc, table, alias, columns, conditions, afterLastMatch, keyset, parts,
					rarestFirst(hints.terms(), termMatches), rows - found.size(), walk, mapper);
			if (found.size() + more.size() >= rows) {
				List<T> page = new ArrayList<>(found);
				page.addAll(more);
				return page;
			}
		}
		return null;
	}

	/**
	 * How many rows to walk after the probe found {@code matched} of {@code rows} wanted in its
	 * {@value #PROBE} rows, or 0 to collect instead: the walk when it is likely to fill the page within
	 * {@value #WALK} rows and costs less than collecting the matches the probe's share predicts.
	 *
	 * @param tableSize the table's estimated row count, or a negative number when unknown
	 */
	static long furtherWalk(int matched, int rows, long tableSize) {
		return furtherWalk(matched, rows, tableSize, PROBE, new int[0]);
	}

	/**
	 * As {@link #furtherWalk(int, int, long)} after a probe of {@code probe} rows in which each of several terms
	 * matched {@code termMatches} rows (empty when not counted): a collection also reads, for each term, the
	 * index entries of every row it matches ({@link #POSTING_COST} each; a term the probe did not see counts
	 * as half a row), and the terms' counts sharpen the estimate of their share together ({@link #share}).
	 */
	static long furtherWalk(int matched, int rows, long tableSize, int probe, int[] termMatches) {
		return furtherWalk(matched, rows, tableSize, probe, termMatches, Costs.FITTED);
	}

	/**
	 * As {@link #furtherWalk(int, int, long, int, int[])} with other costs than the fitted ones: for fitting them
	 * ({@code SearchCosts} in the tests).
	 */
	static long furtherWalk(int matched, int rows, long tableSize, int probe, int[] termMatches, Costs costs) {
		if (matched == 0 || tableSize <= probe) {
			// fewer than one match in the probe's rows (or a table the probe has read whole): few to collect
			return 0;
		}
		double share = share(matched, probe, termMatches, costs.prior());
		double needed = rows / share;
		double walkCost = needed * WALK_COST;
		double collectCost = share * tableSize * costs.collect();
		for (int m : termMatches) {
			collectCost += Math.max(m, 0.5) / probe * tableSize * costs.posting();
		}
		if (walkCost >= collectCost) {
			return 0;
		}
		// walk further than the share predicts, as it is estimated from a few matches
		long walk = (long) Math.ceil(needed * costs.stretch());
		return walk > WALK ? (needed <= WALK ? WALK : 0) : Math.max(walk, probe * 2L);
	}

	/**
	 * The share of rows that match all terms, estimated from a probe of {@code probe} rows in which {@code matched}
	 * matched them all and each term alone {@code termMatches}. A probe finds so few matches of terms that are rare
	 * together (one to five in 2,000 rows for two or three pinyin syllables) that their count alone is a poor
	 * estimate: one match more or less halves or doubles it, and with it the walk predicted. The terms' separate
	 * counts, each in the tens or hundreds, say what share the terms would have together if they were independent;
	 * the estimate is the mean of a gamma distribution with that share as its prior mean, worth {@code prior} matches
	 * (the conjugate of the count: {@code (matched + prior) / (probe + prior / independent)}). "tang fei": 4 of 2,000
	 * rows, "tang" and "fei" 26 and 61 alone: 0.2 % by the count, 0.04 % if independent, 0.085 % estimated, 0.062 %
	 * in the table.
	 */
	static double share(int matched, int probe, int[] termMatches, double prior) {
		if (termMatches.length < 2 || prior <= 0) {
			return (double) matched / probe;
		}
		double independent = 1;
		for (int m : termMatches) {
			independent *= Math.max(m, 0.5) / probe;
		}
		return (matched + prior) / (probe + prior / independent);
	}

	/**
	 * The terms' conditions, the one that matched fewest of the probe's rows first, each followed by
	 * {@code " and "}; empty when the probe did not count them. A walk tests a row's conditions in the order
	 * written and stops at the first that fails: the rarest first, most rows fail once, where a common term first
	 * (a word start such as "li", with its regular expression) is tested on every row and passes. The same
	 * conditions follow again in the query's order, and are tested again on the rows that pass them all, the
	 * matches. Measured over 60,000 walked rows: 19 ms with the rarest first, 52 ms with the commonest.
	 */
	static String rarestFirst(List<String> terms, int[] termMatches) {
		if (termMatches.length != terms.size()) {
			return "";
		}
		Integer[] order = new Integer[terms.size()];
		for (int t = 0; t < order.length; t++) {
			order[t] = t;
		}
		Arrays.sort(order, (a, b) -> Integer.compare(termMatches[a], termMatches[b]));
		StringBuilder leading = new StringBuilder();
		for (int t : order) {
			leading.append(terms.get(t)).append(" and ");
		}
		return leading.toString();
	}

	/**
	 * How many of the probe's rows each term matches, in one pass over them (an index-only walk as the
	 * probe's, a millisecond or two for 2,000 rows).
	 */
	static int[] termMatches(JdbcClient jdbc, String table, String alias, SqlQuery conditions,
			SqlQuery position, Keyset keyset, List<String> parts, List<String> terms, int probe) {
		List<String> counts = new ArrayList<>();
		for (String term : terms) {
			counts.add("count(*) filter (where " + term + ")");
		}
		String sql = "select " + String.join(", ", counts) + " from (" + source(table, alias, position, keyset, parts,
				probe, conditions) + ") " + alias;
		return jdbc.sql(sql).params(conditions.params()).query((rs, i) -> {
			int[] m = new int[terms.size()];
			for (int t = 0; t < m.length; t++) {
				m[t] = rs.getInt(t + 1);
			}
			return m;
		}).single();
	}

	/**
	 * The first {@code rows} matches among the next {@code walk} rows in list order, read whole only for
	 * the matches: the inner walk names only its alias's columns, so an index that covers the conditions
	 * serves it without table visits. With {@code parts}, the next {@code walk} rows of their union: each
	 * part's first {@code walk} rows, merged in list order (PostgreSQL's Merge Append over ordered index
	 * scans, each stopping when the merge has taken enough). {@code leading}: conditions tested first
	 * ({@link #rarestFirst}), or empty.
	 */
	static <T> List<T> walk(JdbcClient jdbc, String table, String alias, String columns,
			SqlQuery conditions, SqlQuery position, Keyset keyset, List<String> parts, String leading, int rows,
			long walk, RowMapper<T> mapper) {
		String order = keyset.orderBy(alias);
		String sql = "with m as (select " + alias + ".id from (" + source(table, alias, position, keyset, parts, walk,
				conditions) + ") " + alias + " where " + leading + conditions.scanWhere() + " order by " + order + " limit "
				+ conditions.param(rows) + ") select " + columns + " from "
				+ table + " " + alias + " where " + alias + ".id in (select id from m) order by " + order;
		return jdbc.sql(sql).params(conditions.params()).query(mapper).list();
	}

	/**
	 * The next {@code walk} rows in list order, of the whole table or of the union of {@code parts}. The count is a
	 * parameter (registered in {@code params}), so that the statement's text, and its generic plan, are the same
	 * whatever the count.
	 */
	private static String source(String table, String alias, SqlQuery position, Keyset keyset, List<String> parts,
			long walk, SqlQuery params) {
		String order = keyset.orderBy(alias);
		String limit = params.param(walk);
		if (parts.isEmpty()) {
			return "select " + alias + ".* from " + table + " " + alias + " where " + position.where() + " order by "
					+ order + " limit " + limit;
		}
		List<String> each = new ArrayList<>();
		for (String part : parts) {
			each.add("(select " + alias + ".* from " + table + " " + alias + " where " + part + " and "
					+ position.where() + " order by " + order + " limit " + limit + ")");
		}
		return "select " + alias + ".* from (" + String.join(" union all ", each) + ") " + alias + " order by " + order
				+ " limit " + limit;
	}

	/**
	 * Sets how PostgreSQL plans the statements that follow in the current transaction ({@code plan_cache_mode},
	 * as {@code SET LOCAL}), and returns the mode it replaces; outside a transaction it does nothing and returns
	 * null. The application's sessions plan every statement for its values ({@code force_custom_plan}, see
	 * {@code platform.db.DatabaseConfiguration}), because how many rows a search term matches decides a
	 * collection's plan. A walk's plan is the same whatever the values (the sort index in order, the terms tested
	 * on each row), and planning it again costs a third of a short walk: under {@value #GENERIC_PLANS}, a
	 * statement the JDBC driver has prepared on the server (after five executions on a connection) is planned
	 * once. Measured in docs/benchmarks.md (run 13).
	 */
	static String plans(JdbcClient jdbc, String mode) {
		if (mode == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		return jdbc.sql("select current_setting('plan_cache_mode') as previous, set_config('plan_cache_mode', :mode, true)")
			.param("mode", mode)
			.query((rs, i) -> rs.getString("previous"))
			.single();
	}

	/** The plan mode of the walks: one generic plan per statement. */
	static final String GENERIC_PLANS = "force_generic_plan";

	/**
	 * The first {@code rows} matches in list order if there are at most {@value #RARE} matches in all, else
	 * null. The inner LIMIT stops the collection (a bitmap scan of the search indexes, in table order) after
	 * {@value #RARE} + 1 matches, and the window count tells whether it stopped there.
	 */
	static <T> List<T> collectRare(JdbcClient jdbc, String table, String alias, String columns,
			SqlQuery conditions, SqlQuery position, Keyset keyset, int rows, RowMapper<T> mapper) {
		String sql = "select " + columns + ", " + alias + ".rapport_matches from (select " + alias
				+ ".*, count(*) over () as rapport_matches from (select " + alias + ".* from " + table + " " + alias
				+ " where " + conditions.where() + " and " + position.where() + " limit " + (RARE + 1) + ") " + alias
				+ ") " + alias + " order by " + keyset.orderBy(alias) + " limit " + rows;
		long[] matches = { 0 };
		List<T> found = jdbc.sql(sql).params(conditions.params()).query((rs, i) -> {
			matches[0] = rs.getLong("rapport_matches");
			return mapper.mapRow(rs, i);
		}).list();
		return matches[0] > RARE ? null : found;
	}

	/** The planner's estimate of the table's rows (kept by ANALYZE and autovacuum), -1 if never estimated. */
	static long tableSize(JdbcClient jdbc, String table) {
		return jdbc.sql("select reltuples::bigint from pg_class where oid = cast(? as regclass)")
			.param(table)
			.query(Long.class)
			.optional()
			.orElse(-1L);
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
