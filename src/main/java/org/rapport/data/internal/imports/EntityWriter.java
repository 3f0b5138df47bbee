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
