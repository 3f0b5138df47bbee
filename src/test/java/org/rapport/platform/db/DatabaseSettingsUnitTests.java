package org.rapport.platform.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSettingsUnitTests {

	@Test
	void theRequestsConnectionsAreTwiceTheProcessorsAndAtLeastFour() {
		assertThat(DatabaseSettings.requestConnections(1)).isEqualTo(4);
		assertThat(DatabaseSettings.requestConnections(2)).isEqualTo(4);
		assertThat(DatabaseSettings.requestConnections(8)).isEqualTo(16);
	}

	@Test
	void unsetPoolSizesTakeTheDefaultsAndSetOnesAreKept() {
		DatabaseSettings unset = new DatabaseSettings("", "", "", 0, 0, 0);
		assertThat(unset.poolSize())
			.isEqualTo(DatabaseSettings.requestConnections(Runtime.getRuntime().availableProcessors()));
		assertThat(unset.backgroundPoolSize()).isEqualTo(DatabaseSettings.BACKGROUND_CONNECTIONS);
		DatabaseSettings set = new DatabaseSettings("", "", "", 0, 7, 3);
		assertThat(set.poolSize()).isEqualTo(7);
		assertThat(set.backgroundPoolSize()).isEqualTo(3);
	}

}
