package org.rapport.platform.users;

import java.security.SecureRandom;
import java.util.Base64;

import org.rapport.platform.RapportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without users, creates {@code admin} with {@code RAPPORT_ADMIN_PASSWORD}, or with a
 * random password printed once in the log. Safe when several nodes start at once.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final UserAccounts users;

	private final RapportSettings settings;

	FirstAdmin(UserAccounts users, RapportSettings settings) {
		this.users = users;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		String given = settings.adminPassword();
		boolean generated = given == null || given.isBlank();
		String password = generated ? randomPassword() : given;
		if (users.createFirstAdmin(password)) {
			if (generated) {
				log.warn("""

						========================================================================
						 Created the first user: admin
						 Password (shown once, change it): {}
						 Set RAPPORT_ADMIN_PASSWORD before the first start to choose it.
						========================================================================""", password);
			}
			else {
				log.info("Created the first user 'admin' with the password from RAPPORT_ADMIN_PASSWORD");
			}
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
