package org.rapport.sales;

import java.util.Locale;

/**
 * A step of a pipeline.
 *
 * @param id id
 * @param pipelineId its pipeline
 * @param key stable code used by the API ({@code closed_won})
 * @param name English name
 * @param nameZh Chinese name
 * @param position order in the pipeline
 * @param probability default win probability in percent
 * @param outcome open, won or lost
 */
public record Stage(long id, long pipelineId, String key, String name, String nameZh, int position, int probability,
		String outcome) {

	public String label(Locale locale) {
		return "zh".equals(locale.getLanguage()) && nameZh != null && !nameZh.isBlank() ? nameZh : name;
	}

	public boolean isOpen() {
		return "open".equals(outcome);
	}

	public boolean isWon() {
		return "won".equals(outcome);
	}

}
