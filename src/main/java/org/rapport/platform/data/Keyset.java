package org.rapport.platform.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.rapport.platform.Cursor;
import org.rapport.platform.InvalidInput;

/**
 * Keyset paging over one indexed sort column and the id: the next page starts after the last row
 * seen, so a page costs the same at row 25 and at row 900,000.
 *
 * @param name the sort as the client names it ({@code name}, {@code -createdAt}…)
 * @param column the SQL column
 * @param descending direction
 * @param timestamp whether the column is a timestamp (else text)
 */
public record Keyset(String name, String column, boolean descending, boolean timestamp) {

	private static final Map<String, String> COLUMNS = Map.of("name", "sort_name", "createdAt", "created_at",
			"updatedAt", "updated_at");

	public static final List<String> SORTS = List.of("name", "-name", "createdAt", "-createdAt", "updatedAt",
			"-updatedAt");

	public static Keyset of(String sort) {
		String s = sort == null || sort.isBlank() ? "name" : sort;
		boolean desc = s.startsWith("-");
		String column = COLUMNS.get(desc ? s.substring(1) : s);
		if (column == null) {
			throw InvalidInput.of("sort", "not-allowed", "Must be one of " + SORTS);
		}
		return new Keyset(s, column, desc, !"sort_name".equals(column));
	}

	public String orderBy(String alias) {
		String dir = descending ? " desc" : "";
		return alias + "." + column + dir + ", " + alias + ".id" + dir;
	}

	/** Adds "after the cursor" to the query. */
	public void after(String alias, String cursorToken, SqlQuery q) {
		if (cursorToken == null || cursorToken.isBlank()) {
			return;
		}
		Cursor cursor = Cursor.decode(cursorToken, name);
		String key = timestamp ? "cast(" + q.param(cursor.key()) + " as timestamptz)" : q.param(cursor.key());
		q.and("(" + alias + "." + column + ", " + alias + ".id) " + (descending ? "<" : ">") + " (" + key + ", "
				+ q.param(cursor.id()) + ")");
	}

	/** The cursor after a row, read from its sort column. */
	public String cursorAfter(ResultSet rs) throws SQLException {
		String key;
		if (timestamp) {
			Timestamp ts = rs.getTimestamp(column);
			key = ts.toInstant().toString();
		}
		else {
			key = rs.getString(column);
		}
		return new Cursor(name, key, rs.getLong("id")).encode();
	}

	public static int limit(Integer requested) {
		if (requested == null) {
			return 25;
		}
		if (requested < 1 || requested > 200) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 200");
		}
		return requested;
	}

}
