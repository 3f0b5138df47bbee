package org.rapport.analytics.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.rapport.analytics.anomaly.AnomalyScan.Reason;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each anomaly reason in plain words, in English and in Chinese, from the anomalies message bundle. */
class AnomalyWordsUnitTests {

	private final AnomalyWords words = new AnomalyWords(bundle());

	private static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/anomalies");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void saysWhatIsUnusualAndWhatIsUsual() {
		Locale en = Locale.ENGLISH;
		assertThat(words.text(new Reason("quantity", 5000, 1, 20, 0.6, "far-above"), en))
			.isEqualTo("quantity 5,000 is far above the usual 1–20");
		assertThat(words.text(new Reason("discount", 90, 0, 0, 0.5, "far-above"), en))
			.isEqualTo("discount 90% is far above the usual 0%");
		assertThat(words.text(new Reason("timeOfDay", 3, 9.25, 16.75, 0.3, "below"), en))
			.isEqualTo("entered at 03:00, outside the usual hours 09:15–16:45");
		assertThat(words.text(new Reason("amount", 120000, 30.5, 800, 0.4, "far-above"), en))
			.isEqualTo("amount 120,000.00 is far above the usual 30.50–800.00");
		assertThat(words.text(new Reason("weeksSilent", 4.1, 0, 1, 0.4, "far-above"), en))
			.isEqualTo("weeks without activity 4.1 is far above the usual 0–1");
		assertThat(words.text(new Reason("drop", 0, 3, 3, 1, "stopped"), en))
			.isEqualTo("activity stopped: none in the last 4 weeks, after 3 a week in the 12 weeks before");
		assertThat(words.text(new Reason("drop", 0.5, 2.5, 2.5, 1, "fell"), en))
			.isEqualTo("activity fell to 0.5 a week in the last 4 weeks, from 2.5 a week in the 12 weeks before");
		assertThat(words.text(new Reason("quantity", 12, 1, 20, 0.6, "unusual"), en))
			.isEqualTo("quantity 12 is unusual together with the other values (usual 1–20)");
	}

	@Test
	void saysItInChinese() {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		assertThat(words.text(new Reason("quantity", 5000, 1, 20, 0.6, "far-above"), zh)).isEqualTo("数量 5,000 远高于通常的 1–20");
		assertThat(words.text(new Reason("timeOfDay", 3, 9, 17, 0.3, "below"), zh))
			.isEqualTo("录入时间 03:00，不在通常的 09:00–17:00 时段内");
		assertThat(words.text(new Reason("drop", 0, 3, 3, 1, "stopped"), zh)).isEqualTo("活动已停止：最近 4 周没有活动，此前 12 周每周 3 次");
	}

}
