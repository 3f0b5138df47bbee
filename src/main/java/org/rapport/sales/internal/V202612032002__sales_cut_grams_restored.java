package org.rapport.sales.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.rapport.platform.text.CutGrams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Leads get back the grams cut to 1,000 bytes before the grams were unbounded ({@link CutGrams}), so that their
 * search finds terms late in a long text as a contact's does.
 */
@Component
class V202612032002__sales_cut_grams_restored extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V202612032002__sales_cut_grams_restored.class);

	@Override
	public void migrate(Context context) throws Exception {
		log.info("Grams restored for {} leads", CutGrams.restore(context.getConnection(), "leads"));
	}

}
