package org.rapport.data.internal.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rapport.platform.text.Indexing;

/**
 * A batch's duplicate lookups by search term (accounts by name, leads by e-mail or phone), answered from
 * one query for the whole batch, except where a record written since (or waiting to be written) may
 * change the answer: the search columns of those records are kept and tested against the term exactly as
 * the search would ({@link Indexing#matches}), and such a term is looked up again on its own.
 *
 * @param <V> the records found
 */
final class PrefetchedSearches<V> {

	private Map<String, List<V>> found = Map.of();

	/** Search columns of the rows waiting to be created. */
	private final List<Indexing> waiting = new ArrayList<>();

	/** Search columns of the records written or updated since the batch's query, before and after. */
	private final List<Indexing> changed = new ArrayList<>();

	/** The batch's answers by term; what was learnt about earlier batches is forgotten. */
	void prefetched(Map<String, List<V>> answers) {
		found = answers;
		waiting.clear();
		changed.clear();
	}

	/** The batch's answer for the term, or {@code null} when it must be looked up again. */
	List<V> get(String term) {
		List<V> answer = found.get(term);
		return answer == null || matchesAny(changed, term) || matchesAny(waiting, term) ? null : answer;
	}

	/** Whether a waiting row may be among the term's answers, so must be written before it is looked up. */
	boolean dependsOnWaiting(String term) {
		return matchesAny(waiting, term);
	}

	void waiting(Indexing row) {
		waiting.add(row);
	}

	void waitingWritten() {
		changed.addAll(waiting);
		waiting.clear();
	}

	void changed(Indexing before, Indexing after) {
		changed.add(before);
		changed.add(after);
	}

	private static boolean matchesAny(List<Indexing> records, String term) {
		return records.stream().anyMatch(r -> r.matches(term));
	}

}
