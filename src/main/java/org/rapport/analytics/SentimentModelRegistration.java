package org.rapport.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rapport.analytics.sentiment.Language;
import org.rapport.analytics.sentiment.SentimentLexicon;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the shipped default sentiment model in the registry at start-up (once per distinct build of it). */
@Component
class SentimentModelRegistration {

	static final String NAME = "sentiment-default";

	private final ModelRegistry registry;

	SentimentModelRegistration(ModelRegistry registry) {
		this.registry = registry;
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		int en = SentimentLexicon.of(Language.EN).size();
		int zh = SentimentLexicon.of(Language.ZH).size();
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("englishWords", en);
		metrics.put("chineseWords", zh);
		metrics.put("sources", "VADER (MIT), AFINN-en-165 (Apache-2.0), AFINN-zh-165 (Apache-2.0), Rapport additions");
		registry.register(NAME, null, null, en + zh, metrics, null, null);
	}

}
