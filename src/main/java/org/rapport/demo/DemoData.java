package org.rapport.demo;

import java.time.Clock;
import java.util.Optional;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.demo.DemoCatalog.Person;
import org.rapport.platform.Actor;
import org.rapport.platform.users.UserAccounts;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.DealManagement;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.OrderManagement;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.QuoteManagement;
import org.rapport.sales.TargetManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a database without accounts with the demo company at start-up, when
 * {@code RAPPORT_DEMO_DATA=true}. The check and the filling run in one transaction under an
 * advisory lock, so nodes starting together fill it once; without the flag this bean does not exist.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
@Order(10) // after FirstAdmin (0): the demo data needs the administrator
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** Advisory lock key of the demo filling (the first admin uses 7301). */
	static final long LOCK = 7302;

	private final UserAccounts users;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final CustomFieldManagement customFields;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final CurrencyManagement currencies;

	private final ProductManagement products;

	private final LeadManagement leads;

	private final DealManagement deals;

	private final QuoteManagement quotes;

	private final OrderManagement orders;

	private final TargetManagement targets;

	private final org.rapport.service.QueueManagement queues;

	private final org.rapport.service.TicketManagement tickets;

	private final org.rapport.service.SurveyManagement surveys;

	private final org.rapport.platform.UserDirectory directory;

	DemoData(UserAccounts users, AccountManagement accounts, ContactManagement contacts,
			ActivityManagement activities, CustomFieldManagement customFields, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock, CurrencyManagement currencies,
			ProductManagement products, LeadManagement leads, DealManagement deals, QuoteManagement quotes,
			OrderManagement orders, TargetManagement targets, org.rapport.service.QueueManagement queues,
			org.rapport.service.TicketManagement tickets, org.rapport.service.SurveyManagement surveys,
			org.rapport.platform.UserDirectory directory) {
		this.queues = queues;
		this.tickets = tickets;
		this.surveys = surveys;
		this.directory = directory;
		this.currencies = currencies;
		this.products = products;
		this.leads = leads;
		this.deals = deals;
		this.quotes = quotes;
		this.orders = orders;
		this.targets = targets;
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.activities = activities;
		this.customFields = customFields;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<DemoCompany.Summary> summary = loadIfEmpty();
		if (summary.isEmpty()) {
			log.info("Demo data: the database already has accounts, so none were added");
			return;
		}
		DemoCompany.Summary s = summary.get();
		StringBuilder people = new StringBuilder();
		for (Person p : DemoCatalog.STAFF) {
			people.append(String.format("%n  %-13s %-14s %-18s %s", p.username(), p.role(),
					p.team() == null ? "-" : p.team(), s.createdUsers().contains(p.username())
							? DemoCatalog.PASSWORD : "(existed before: password unchanged)"));
		}
		log.warn("""

				========================================================================
				 Demo data loaded: {} accounts, {} contacts, {} activities, {} tasks.
				 Demo users (user name, role, team, password):{}
				 The administrator keeps the password it already had.
				========================================================================""",
				s.accounts(), s.contacts(), s.activities(), s.tasks(), people);
	}

	/** Fills the demo company unless there are accounts; returns what was made, if anything. */
	Optional<DemoCompany.Summary> loadIfEmpty() {
		return transaction.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, i) -> 1).list();
			boolean hasAccounts = DemoCompany.as(Actor.SYSTEM,
					() -> !accounts.list(new AccountQuery(null, null, null, null, null, null, 1, null)).items().isEmpty());
			if (hasAccounts) {
				return Optional.empty();
			}
			long started = System.nanoTime();
			DemoCompany.Summary summary = new DemoCompany(users, accounts, contacts, activities, customFields, clock)
				.fill();
			DemoSales.Summary sales = new DemoSales(accounts, contacts, users, currencies, products, leads, deals, quotes, orders,
					targets, clock).fill();
			log.info("Demo sales year: {} deals, {} fulfilled orders", sales.deals(), sales.orders());
			DemoService.Summary service = new DemoService(contacts, directory, queues, tickets, surveys).fill();
			log.info("Demo service desk: {} queues, {} tickets", service.queues(), service.tickets());
			log.info("Demo data made in {} ms", (System.nanoTime() - started) / 1_000_000);
			return Optional.of(summary);
		});
	}

}
