package org.rapport.analytics;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The model registry keeps every version and replaces the active one only by one that is not worse. */
class ModelRegistryIntegrationTests extends IntegrationTest {

	@Autowired
	ModelRegistry registry;

	@Test
	void aWorseVersionIsRecordedButDoesNotReplaceTheActiveOne() {
		String name = Api.unique("model");
		LocalDate from = LocalDate.of(2026, 1, 1);
		ModelRegistry.Entry first = registry.register(name, from, LocalDate.of(2026, 6, 30), 500, Map.of("auc", 0.80), "auc", 0.80);
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.active()).isTrue();

		ModelRegistry.Entry worse = registry.register(name, from, LocalDate.of(2026, 7, 31), 520, Map.of("auc", 0.70), "auc", 0.70);
		assertThat(worse.version()).isEqualTo(2);
		assertThat(worse.active()).isFalse();
		assertThat(registry.active(name).version()).isEqualTo(1);

		ModelRegistry.Entry same = registry.register(name, from, LocalDate.of(2026, 8, 31), 540, Map.of("auc", 0.80), "auc", 0.80);
		assertThat(same.active()).isTrue();
		assertThat(registry.active(name).version()).isEqualTo(3);

		// the same model trained again on the same data is not a new version
		ModelRegistry.Entry again = registry.register(name, from, LocalDate.of(2026, 8, 31), 540, Map.of("auc", 0.80), "auc", 0.80);
		assertThat(again.version()).isEqualTo(3);
		assertThat(registry.list().stream().filter(e -> e.name().equals(name))).hasSize(3);
		assertThat(registry.active(name).metrics()).containsEntry("auc", 0.80);
		assertThat(registry.active(name).trainingTo()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(registry.active(name).rows()).isEqualTo(540);
	}

}
