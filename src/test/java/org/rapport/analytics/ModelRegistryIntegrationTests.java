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
		// nor is it when trained again against itself: the in-use model's figure on the hold-out has changed
		ModelRegistry.Entry againstItself = registry.register(name, from, LocalDate.of(2026, 8, 31), 540,
				Map.of("auc", 0.80, "activeAucOnThisHoldout", 0.80), "auc", 0.80, new ModelRegistry.Challenge(same.id(), 0.80));
		assertThat(againstItself.version()).isEqualTo(3);
		assertThat(registry.list().stream().filter(e -> e.name().equals(name))).hasSize(3);
		assertThat(registry.active(name).metrics()).containsEntry("auc", 0.80);
		assertThat(registry.active(name).trainingTo()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(registry.active(name).rows()).isEqualTo(540);
	}

	@Test
	void theActiveVersionScoredBetterOnTheNewHoldoutStaysActive() {
		String name = Api.unique("model");
		LocalDate from = LocalDate.of(2026, 1, 1);
		ModelRegistry.Entry first = registry.register(name, from, LocalDate.of(2026, 6, 30), 500, Map.of("auc", 0.60), "auc", 0.60);

		// 0.75 beats the 0.60 the active version had on its own older hold-out, but on the new hold-out
		// the active version scores 0.85: the comparison on the same rows keeps it
		ModelRegistry.Entry challenger = registry.register(name, from, LocalDate.of(2026, 7, 31), 520,
				Map.of("auc", 0.75, "activeAucOnThisHoldout", 0.85), "auc", 0.75,
				new ModelRegistry.Challenge(first.id(), 0.85));
		assertThat(challenger.active()).isFalse();
		assertThat(registry.active(name).version()).isEqualTo(1);
		assertThat(challenger.metrics()).containsEntry("activeAucOnThisHoldout", 0.85);

		// not worse on the same rows: it replaces the active one
		ModelRegistry.Entry next = registry.register(name, from, LocalDate.of(2026, 8, 31), 540,
				Map.of("auc", 0.85, "activeAucOnThisHoldout", 0.85), "auc", 0.85,
				new ModelRegistry.Challenge(first.id(), 0.85));
		assertThat(next.active()).isTrue();
		assertThat(registry.active(name).version()).isEqualTo(3);

		// a challenge that scored a version no longer active falls back to the stored figure (0.85)
		ModelRegistry.Entry stale = registry.register(name, from, LocalDate.of(2026, 9, 30), 560,
				Map.of("auc", 0.80, "activeAucOnThisHoldout", 0.50), "auc", 0.80,
				new ModelRegistry.Challenge(first.id(), 0.50));
		assertThat(stale.active()).isFalse();
		assertThat(registry.active(name).version()).isEqualTo(3);
	}

}
