package org.rapport.sales;

import java.util.List;

/**
 * An ordered set of stages deals move through.
 *
 * @param id id
 * @param name name
 * @param isDefault whether new deals go here unless told otherwise
 * @param stages stages in order
 * @param version optimistic lock version
 */
public record Pipeline(long id, String name, boolean isDefault, List<Stage> stages, long version) {

	/** A stage by id, key or name (case-insensitive), or {@code null}. */
	public Stage stage(String ref) {
		if (ref == null || ref.isBlank()) {
			return null;
		}
		String r = ref.strip();
		for (Stage s : stages) {
			if (Long.toString(s.id()).equals(r) || s.key().equalsIgnoreCase(r) || s.name().equalsIgnoreCase(r)
					|| (s.nameZh() != null && s.nameZh().equals(r))) {
				return s;
			}
		}
		String normalised = r.toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
		return stages.stream().filter(s -> s.key().equals(normalised)).findFirst().orElse(null);
	}

	public Stage stage(long id) {
		return stages.stream().filter(s -> s.id() == id).findFirst().orElse(null);
	}

	public Stage first() {
		return stages.get(0);
	}

}
