package org.rapport.analytics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version registered with the figure of the model in use on its own hold-out is compared with that
 * figure, not with the one the active version had on an older hold-out.
 */
class ModelRegistrySameDataIntegrationTests extends IntegrationTest {

	@Autowired
	ModelRegistry registry;

	@Test
	void comparesWithTheModelInUseOnTheSameHoldout() {
		String name = Api.unique("same-data");
		ModelRegistry.Entry first = registry.register(name, null, null, 100, Map.of("accuracy", 0.9), "accuracy", 0.9);
		assertThat(first.active()).isTrue();
		// below the first version's own figure, but better than it on the new, harder hold-out: used
		ModelRegistry.Entry second = registry.register(name, null, null, 120, Map.of("accuracy", 0.7), "accuracy", 0.7,
				new ModelRegistry.Challenge(first.id(), 0.6));
		assertThat(second.active()).isTrue();
		assertThat(registry.active(name).version()).isEqualTo(second.version());
		// worse than the model in use on the same texts: kept aside
		ModelRegistry.Entry third = registry.register(name, null, null, 140, Map.of("accuracy", 0.8), "accuracy", 0.8,
				new ModelRegistry.Challenge(second.id(), 0.85));
		assertThat(third.active()).isFalse();
		assertThat(registry.active(name).version()).isEqualTo(second.version());
	}

}
