package org.rapport.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration a report page hands to {@code static/js/charts.js} (Chart.js): a chart type,
 * the labels along its axis and its data sets, ready to be written as JSON into the page.
 */
public final class Charts {

	private Charts() {
	}

	/** One series: its legend label and one value per axis label. */
	public static Map<String, Object> dataset(String label, List<?> data) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("label", label);
		d.put("data", data);
		return d;
	}

	/** A chart of the given Chart.js type ("bar", "line", …). */
	public static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("type", type);
		c.put("labels", labels);
		c.put("datasets", datasets);
		return c;
	}

}
