package org.rapport.platform.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.rapport.platform.BatchWritten;
import org.rapport.platform.RapportException;
import org.rapport.platform.RapportException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps a facade's batch create shares with every other: each input checked as a single create
 * checks it, ids for the valid ones from the sequence in one query, and the rows inserted by one
 * multi-row statement per {@value #ROWS}.
 *
 * @param <T> the checked records
 * @param valid the records that passed their checks, in input order
 * @param positions the input position of each valid record
 * @param refused why the others were refused, by input position
 * @param ids the new ids of the valid records, once {@link #insert} has run
 */
public record BatchInsert<T>(List<T> valid, List<Integer> positions, Map<Integer, RapportException> refused,
		List<Long> ids) {

	/** Rows per statement: 25 parameters a row stay well below PostgreSQL's 65,535. */
	static final int ROWS = 1000;

	/**
	 * Checks each input.
	 *
	 * @param check the single create's check, adding its problems to the list it is given
	 * @param refusal the exception a single create throws for those problems
	 */
	public static <I, T> BatchInsert<T> check(List<I> all, BiFunction<I, List<FieldProblem>, T> check,
			Function<List<FieldProblem>, RapportException> refusal) {
		List<T> valid = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		Map<Integer, RapportException> refused = new LinkedHashMap<>();
		for (int i = 0; i < all.size(); i++) {
			List<FieldProblem> problems = new ArrayList<>();
			T checked = check.apply(all.get(i), problems);
			if (problems.isEmpty()) {
				positions.add(i);
				valid.add(checked);
			}
			else {
				refused.put(i, refusal.apply(problems));
			}
		}
		return new BatchInsert<>(valid, positions, refused, List.of());
	}

	/**
	 * Inserts the valid records with ids from the sequence.
	 *
	 * @param insertInto {@code insert into <table> (id, …) values}
	 * @param rowValues the placeholders of one row, {@code (?, ?, …)}
	 * @param values a record's values in column order, after its id
	 */
	public BatchInsert<T> insert(JdbcClient jdbc, String sequence, String insertInto, String rowValues,
			Function<T, List<Object>> values) {
		List<Long> newIds = valid.isEmpty() ? List.of()
				: jdbc.sql("select nextval(cast(? as regclass)) from generate_series(1, ?)").params(sequence, valid.size())
					.query(Long.class)
					.list();
		for (int from = 0; from < valid.size(); from += ROWS) {
			StringBuilder sql = new StringBuilder(insertInto);
			List<Object> params = new ArrayList<>();
			for (int k = from; k < Math.min(valid.size(), from + ROWS); k++) {
				sql.append(k == from ? " " : ", ").append(rowValues);
				params.add(newIds.get(k));
				params.addAll(values.apply(valid.get(k)));
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
		return new BatchInsert<>(valid, positions, refused, newIds);
	}

	/** What the batch did, position by position of its input of {@code size}. */
	public BatchWritten written(int size) {
		List<Long> all = new ArrayList<>(Collections.nCopies(size, (Long) null));
		for (int k = 0; k < ids.size(); k++) {
			all.set(positions.get(k), ids.get(k));
		}
		return new BatchWritten(all, refused);
	}

}
