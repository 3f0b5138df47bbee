package org.rapport.customers.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The load-test data command: started with {@code --rapport.generate.contacts=N}, Rapport migrates
 * the configured database, generates N contacts (and by default N/10 accounts and 2N activities),
 * and exits with status 0, or 1 when generation failed. Optional:
 * {@code --rapport.generate.accounts}, {@code --rapport.generate.activities},
 * {@code --rapport.generate.seed}, {@code --rapport.generate.duplicates} (a fraction of contacts written as
 * near-copies of earlier ones, for the duplicate scan's benchmark).
 */
@Component
@ConditionalOnProperty("rapport.generate.contacts")
@Order(100) // after the first admin exists
class BulkGenerateCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BulkGenerateCommand.class);

	private final BulkGenerator generator;

	private final Environment environment;

	private final ConfigurableApplicationContext context;

	BulkGenerateCommand(BulkGenerator generator, Environment environment, ConfigurableApplicationContext context) {
		this.generator = generator;
		this.environment = environment;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = 0;
		try {
			int contacts = environment.getRequiredProperty("rapport.generate.contacts", Integer.class);
			BulkGenerator.Plan defaults = BulkGenerator.Plan.forContacts(contacts);
			BulkGenerator.Plan plan = new BulkGenerator.Plan(contacts,
					environment.getProperty("rapport.generate.accounts", Integer.class, defaults.accounts()),
					environment.getProperty("rapport.generate.activities", Integer.class, defaults.activities()),
					environment.getProperty("rapport.generate.seed", Long.class, defaults.seed()),
					environment.getProperty("rapport.generate.duplicates", Double.class, 0.0));
			generator.generate(plan);
		}
		catch (RuntimeException ex) {
			log.error("Generating load-test data failed", ex);
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

}
