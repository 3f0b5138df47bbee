package org.rapport.data.internal.imports;

import java.util.List;

import org.rapport.data.internal.imports.RowCleaner.Cleaned;

/** Writes cleaned rows of one entity through its module's facade, and finds the record a row duplicates. */
interface EntityWriter {

	/** The existing record this row most probably is, or {@code null}. */
	Existing findExisting(Cleaned row);

	long create(Cleaned row);

	/** Fills the existing record with the row's values (values absent from the row are kept). */
	void update(long id, Cleaned row);

	/** A row's writes were rolled back: forget what was learnt while writing it. */
	default void rolledBack() {
	}

	/**
	 * Whether rows to create wait and are written together by {@link #createAll}; otherwise each is
	 * written by {@link #create} at once.
	 */
	default boolean batches() {
		return false;
	}

	/**
	 * Looks up at once the records the batch's rows may duplicate, for {@link #findExisting}; every row
	 * of the batch, including those the cleaner rejected.
	 */
	default void prefetch(List<Cleaned> rows) {
	}

	/**
	 * Whether the row may duplicate a row still waiting to be created: those are written first, so that
	 * rows of one file find each other as if written one by one.
	 */
	default boolean dependsOnWaiting(Cleaned row) {
		return false;
	}

	/** The row waits to be created with others. */
	default void waiting(Cleaned row) {
	}

	/** The waiting rows were written (or rolled back): lookups of their keys go to the database again. */
	default void waitingWritten() {
	}

	/** The record was updated from the row: what was prefetched about it is out of date. */
	default void updated(Existing existing, Cleaned row) {
	}

	/**
	 * Creates the rows together; per row, the new id or the facade's refusal. The runner calls it only for
	 * writers whose {@link #batches()} is true, and those implement it.
	 */
	default List<Created> createAll(List<Cleaned> rows) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " writes row by row (batches() is false)");
	}

	/**
	 * Whether rows that update an existing record wait and are written together by {@link #updateAll};
	 * otherwise each is written by {@link #update} at once.
	 */
	default boolean batchesUpdates() {
		return false;
	}

	/** The row waits to update the existing record with others. */
	default void waitingUpdate(Existing existing, Cleaned row) {
	}

	/**
	 * Fills the existing records with the rows' values, together; per row, the record's id or the facade's
	 * refusal. Called only for writers whose {@link #batchesUpdates()} is true, and those implement it.
	 */
	default List<Created> updateAll(List<Existing> existing, List<Cleaned> rows) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " updates row by row (batchesUpdates() is false)");
	}

	/**
	 * For a dry run: what {@link #createAll} would refuse, writing nothing; {@code null} ids. By default
	 * nothing beyond the cleaner's checks (only orders check their references to other records).
	 */
	default List<Created> checkAll(List<Cleaned> rows) {
		return rows.stream().map(r -> new Created(null, null)).toList();
	}

	/**
	 * What became of a row written with others.
	 *
	 * @param id the new record, {@code null} when refused
	 * @param refused why the facade refused it
	 */
	record Created(Long id, org.rapport.platform.RapportException refused) {

		/** A facade's batch write, position by position. */
		static List<Created> of(org.rapport.platform.BatchWritten written) {
			List<Created> results = new java.util.ArrayList<>(written.ids().size());
			for (int i = 0; i < written.ids().size(); i++) {
				results.add(new Created(written.ids().get(i), written.refused().get(i)));
			}
			return results;
		}

	}

	/**
	 * A record already there.
	 *
	 * @param id its id
	 * @param score match score
	 * @param reasons why
	 */
	record Existing(long id, double score, List<String> reasons) {
	}

	/** The file column a facade's field name stands for (emails → email). */
	static String apiField(String facadeField) {
		if (facadeField == null) {
			return null;
		}
		if (facadeField.startsWith("customFields.")) {
			return "cf." + facadeField.substring("customFields.".length());
		}
		return switch (facadeField) {
			case "emails" -> "email";
			case "phones" -> "phone";
			case "accountId" -> "company";
			default -> facadeField;
		};
	}

}
