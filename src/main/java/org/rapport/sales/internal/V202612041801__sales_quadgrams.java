package org.rapport.sales.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rapport.platform.text.AllGrams;

import org.springframework.stereotype.Component;

/**
 * Leads get the quadgrams among their grams ({@link org.rapport.platform.text.SearchText#quadgrams}):
 * a search collects a term of four ASCII characters or more through them instead of through its trigrams. A Flyway
 * migration in Java (a bean, which Spring Boot hands to Flyway), as the grams are computed in Java.
 */
@Component
class V202612041801__sales_quadgrams extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		AllGrams.recompute(context.getConnection(), "leads");
	}

}
