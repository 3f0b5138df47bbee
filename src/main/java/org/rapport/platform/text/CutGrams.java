package org.rapport.platform.text;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Gives back the grams that rows written before the grams were unbounded lost. Until then {@link Indexing} kept a
 * row's grams while their array stayed within 1,000 bytes, so that a sort index could carry them; a row with
 * long Chinese text (a long company name, many e-mail addresses) lost its last grams. The grams are a function of
 * the search text alone ({@link SearchText#grams}), so they are computed again from it ({@link AllGrams}), for the
 * rows that may have reached the bound. For the migrations of the modules whose tables have search columns.
 */
public final class CutGrams {

	/** Rows whose grams may have reached the old bound: their size as PostgreSQL stores them, estimated. */
	private static final String NEAR_THE_BOUND = "24 + octet_length(array_to_string(search_grams, '')) "
			+ "+ 8 * cardinality(search_grams) > 900";

	private CutGrams() {
	}

	/**
	 * Recomputes the grams of the table's rows that may have been cut, and returns how many changed.
	 *
	 * @param table a table with {@code id}, {@code search_text} and {@code search_grams}, named by the caller
	 */
	public static int restore(Connection connection, String table) throws SQLException {
		return Math.toIntExact(AllGrams.recompute(connection, table, NEAR_THE_BOUND));
	}

}
