package org.rapport.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a facade's batch write (an import's batch) did, position by position of its input.
 *
 * @param ids the record written at each position; {@code null} where it was refused
 * @param refused why, by position: exactly what the single write would have thrown
 */
public record BatchWritten(List<Long> ids, Map<Integer, RapportException> refused) {

	public BatchWritten {
		ids = Collections.unmodifiableList(new ArrayList<>(ids));
		refused = Map.copyOf(refused);
	}

}
