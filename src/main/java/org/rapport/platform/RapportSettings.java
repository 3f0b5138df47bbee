package org.rapport.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation-wide settings, each overridable from the environment (see application.properties).
 *
 * @param dataDir where the embedded database keeps its files when no server is configured
 * @param demoData whether an empty database is filled with the demo company at start-up
 * @param adminPassword password for the first {@code admin} user on a database without users
 */
@ConfigurationProperties("rapport")
public record RapportSettings(String dataDir, boolean demoData, String adminPassword) {

	public RapportSettings {
		if (dataDir == null || dataDir.isBlank()) {
			dataDir = "./data";
		}
	}

}
