package org.rapport.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sentiment of what customers wrote as churn-model features: per customer, the mean score of
 * their texts of the last {@value #DAYS} days ({@code sentiment180}; unknown without texts) and how many
 * of them read negative ({@code negativeTexts180}), an agent's correction counting in place of the model.
 */
@Component
class SentimentSignals implements CustomerSignals {

	static final int DAYS = 180;

	private final ObjectProvider<CustomerTexts> texts;

	private final SentimentCorrections corrections;

	SentimentSignals(ObjectProvider<CustomerTexts> texts, SentimentCorrections corrections) {
		this.texts = texts;
		this.corrections = corrections;
	}

	@Override
	public Map<Long, Map<String, Double>> asOf(LocalDate day, Collection<Long> only) {
		List<CustomerTexts.Text> written = new ArrayList<>();
		texts.orderedStream()
			.forEach(t -> written.addAll(t.written(day.plusDays(1).minusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant(),
					day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), only)));
		Map<Long, double[]> sums = new HashMap<>();
		corrections.judge(written).forEach((t, s) -> {
			if (t.contactId() != null) {
				double[] sum = sums.computeIfAbsent(t.contactId(), k -> new double[3]);
				sum[0]++;
				sum[1] += s.score();
				sum[2] += s.label().equals("negative") ? 1 : 0;
			}
		});
		Map<Long, Map<String, Double>> out = new HashMap<>();
		sums.forEach((id, sum) -> {
			Map<String, Double> f = new LinkedHashMap<>();
			f.put("sentiment180", Math.round(sum[1] / sum[0] * 10_000) / 10_000.0);
			f.put("negativeTexts180", sum[2]);
			out.put(id, f);
		});
		return out;
	}

	@Override
	public Map<String, Double> valuesWhenAbsent() {
		return Map.of("negativeTexts180", 0.0);
	}

}
