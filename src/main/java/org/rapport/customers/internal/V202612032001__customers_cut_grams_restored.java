package org.rapport.customers.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rapport.platform.text.CutGrams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Contacts and accounts get back the grams cut to 1,000 bytes before V202612032000 took the grams out of the
 * sort indexes ({@link CutGrams}): a walk tests terms on the text, a collection on the grams, and both must find
 * the same rows. A Flyway migration in Java (a bean, which Spring Boot hands to Flyway), as the grams are
 * computed in Java.
 */
@Component
class V202612032001__customers_cut_grams_restored extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V202612032001__customers_cut_grams_restored.class);

	@Override
	public void migrate(Context context) throws Exception {
		int contacts = CutGrams.restore(context.getConnection(), "contacts");
		int accounts = CutGrams.restore(context.getConnection(), "accounts");
		log.info("Grams restored for {} contacts and {} accounts", contacts, accounts);
	}

}
