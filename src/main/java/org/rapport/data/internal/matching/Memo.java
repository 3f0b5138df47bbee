package org.rapport.data.internal.matching;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results of a pure function of a string, remembered up to a bound (then computed each time), safe
 * for the threads of a parallel scan.
 */
final class Memo<T> {

	static final int MAX_ENTRIES = 200_000;

	private final Map<String, T> values = new ConcurrentHashMap<>();

	T get(String key, Function<String, T> compute) {
		T value = values.get(key);
		if (value != null) {
			return value;
		}
		value = compute.apply(key);
		if (values.size() < MAX_ENTRIES) {
			values.putIfAbsent(key, value);
		}
		return value;
	}

}
