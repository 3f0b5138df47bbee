package org.rapport.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list.
 *
 * @param items the page
 * @param nextCursor opaque position after the last item, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), nextCursor);
	}

	public boolean hasNext() {
		return nextCursor != null;
	}

}
