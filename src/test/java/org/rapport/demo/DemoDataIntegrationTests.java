package org.rapport.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ActivityQuery;
import org.rapport.customers.ActivityView;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.Page;
import org.rapport.platform.Role;
import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.users.UserAccounts.User;
import org.rapport.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company on a database of its own (the shared test database already has accounts, and
 * demo data is only ever added to a database without any).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rapport.demo-data=true")
class DemoDataIntegrationTests {

	private static String url;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("rapport.db.url", DemoDataIntegrationTests::freshDatabase);
		registry.add("rapport.db.user", TestDatabase::user);
		registry.add("rapport.db.password", () -> "");
		registry.add("rapport.admin-password", () -> "demo-test-admin-password");
	}

	@Autowired
	DemoData demoData;

	@Autowired
	UserAccounts users;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	ActivityManagement activities;

	@Autowired
	CustomFieldManagement customFields;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.rapport.sales.DealManagement deals;

	@Autowired
	org.rapport.sales.OrderManagement orders;

	@Autowired
	org.rapport.sales.SalesReports reports;

	@Test
	void givesAYearOfDealsOrdersAndReportsWorthReading() {
		Actor.runAs(admin(), () -> {
			var allDeals = deals.list(null, null, null, null, null, null, 200, null).items();
			assertThat(allDeals).extracting(org.rapport.sales.DealView::outcome).contains("open", "won", "lost");
			assertThat(allDeals).extracting(org.rapport.sales.DealView::currency).contains("CNY", "USD", "EUR", "GBP");
			var fulfilled = orders.list(null, null, "fulfilled", null, null, 200, null).items();
			assertThat(fulfilled).isNotEmpty();
			assertThat(fulfilled.stream().map(org.rapport.sales.OrderView::orderDate).map(java.time.YearMonth::from)
				.distinct().count()).as("months with orders").isGreaterThan(6);
			var year = org.rapport.sales.Period.between(java.time.LocalDate.now().minusYears(1), java.time.LocalDate.now());
			var funnel = reports.funnel(new org.rapport.sales.SalesReports.Filter(year, null, null, null));
			assertThat(funnel.created()).isEqualTo(allDeals.size());
			assertThat(funnel.winRate()).isBetween(new java.math.BigDecimal("0.2"), new java.math.BigDecimal("0.9"));
		});
	}

	@Autowired
	org.rapport.analytics.CustomerAnalytics analytics;

	@Autowired
	org.rapport.sales.LeadManagement leads;

	@Autowired
	org.rapport.analytics.LeadScoring leadScoring;

	@Test
	void givesLeadScoringEnoughClosedLeadsToLearnFrom() {
		Actor.runAs(admin(), () -> {
			var closed = leads.closedLeads();
			assertThat(closed).hasSizeGreaterThanOrEqualTo(200);
			assertThat(closed).extracting(org.rapport.sales.LeadView::status).contains("converted", "disqualified");
			var run = leadScoring.train("test");
			assertThat(run.state()).as(run.message()).isEqualTo("done");
			assertThat(((Number) run.result().get("auc")).doubleValue()).as("hold-out AUC on the demo").isGreaterThan(0.65);
			var open = leads.list(null, "new", null, null, null, 50, null).items();
			assertThat(open).isNotEmpty();
			var scores = leadScoring.scores(open);
			assertThat(scores.values()).allSatisfy(s -> assertThat(s.basis()).isEqualTo("model"));
			assertThat(scores.values().stream().map(org.rapport.sales.LeadScores.LeadScore::score).distinct().count())
				.as("different leads, different scores").isGreaterThan(1);
			org.slf4j.LoggerFactory.getLogger(DemoDataIntegrationTests.class).info("Demo lead scoring: {}", run.result());
		});
	}

	@Test
	void givesContactsRepeatPurchasesForTheirAnalytics() {
		Actor.runAs(admin(), () -> {
			var fulfilled = orders.list(null, null, "fulfilled", null, null, 200, null).items();
			java.util.Map<Long, Long> perContact = fulfilled.stream()
				.filter(o -> o.contactId() != null)
				.collect(java.util.stream.Collectors.groupingBy(org.rapport.sales.OrderView::contactId,
						java.util.stream.Collectors.counting()));
			assertThat(perContact).as("contacts with orders").hasSizeGreaterThan(10);
			assertThat(perContact.values().stream().filter(n -> n >= 2).count()).as("repeat buyers").isGreaterThan(5);
			long best = perContact.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
			var insight = analytics.forContact(best);
			assertThat(insight.rfm().orders()).isGreaterThanOrEqualTo(2);
			assertThat(insight.clv()).as("lifetime value of the demo's best customer").isNotNull();
		});
	}

	@Test
	void fillsTheEmptyDatabaseWithTeamsAndUsersOfEveryRole() {
		List<User> all = users.list();
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		all.forEach(u -> roles.add(u.role()));
		assertThat(roles).containsExactlyInAnyOrder(Role.values());
		assertThat(users.teams()).extracting(UserAccounts.Team::name)
			.contains(DemoCatalog.EAST_CHINA, DemoCatalog.EMEA, DemoCatalog.CARE);
		assertThat(users.credentials("li.wei").orElseThrow().user().teamName()).isEqualTo(DemoCatalog.EAST_CHINA);
		assertThat(customFields.definitions("contact")).extracting(CustomFieldDefinition::key).contains("preferred_channel");
		assertThat(customFields.definitions("account")).extracting(CustomFieldDefinition::key).contains("annual_revenue");
	}

	@Test
	void makesBilingualAccountsAndContactsOwnedAndAuditedByTheirUsers() {
		Actor admin = admin();
		List<AccountView> allAccounts = all(admin, cursor -> accounts.list(new AccountQuery(null, null, null, null, null,
				null, 200, cursor)));
		assertThat(allAccounts).hasSize(DemoCatalog.COMPANIES.size());
		assertThat(allAccounts).anySatisfy(a -> assertThat(a.customFields()).containsKey("annual_revenue"));
		List<ContactView> allContacts = all(admin, cursor -> contacts.list(new ContactQuery(null, null, null, null, null,
				null, null, 200, cursor)));
		assertThat(allContacts).hasSizeBetween(140, 170);
		assertThat(allContacts).filteredOn(c -> c.displayName().matches("\\p{IsHan}+")).hasSizeGreaterThan(40)
			.allSatisfy(c -> assertThat(c.displayName()).isEqualTo(c.lastName() + c.firstName()));
		assertThat(allContacts).filteredOn(c -> c.displayName().matches("[A-Za-z' -]+")).hasSizeGreaterThan(40);
		assertThat(allContacts).extracting(ContactView::lifecycleStage).contains("lead", "customer", "opportunity");

		List<ContactView> yunfan = Actor.callAs(admin, () -> contacts.list(ContactQuery.search("上海云帆")).items());
		assertThat(yunfan).hasSizeGreaterThanOrEqualTo(3).allSatisfy(c -> assertThat(c.accountName()).isEqualTo("上海云帆科技有限公司"));

		ContactView someone = yunfan.get(0);
		var created = audit.history("contact", Long.toString(someone.id()), 10, null);
		assertThat(created).last().satisfies(e -> {
			assertThat(e.action()).isEqualTo("create");
			assertThat(e.actorId()).isEqualTo(someone.ownerId());
		});

		User rep = users.findByUsername("li.wei").orElseThrow();
		List<ContactView> own = all(rep.actor(), cursor -> contacts.list(new ContactQuery(null, null, null, null, null,
				null, null, 200, cursor)));
		assertThat(own).isNotEmpty().allSatisfy(c -> assertThat(c.ownerId()).isEqualTo(rep.id()));
	}

	@Test
	void givesFourMonthsOfHistoryAndOpenOverdueAndDoneTasks() {
		Actor admin = admin();
		Instant now = Instant.now();
		List<ActivityView> timeline = all(admin,
				cursor -> activities.list(new ActivityQuery(null, null, null, null, null, null, 200, cursor)));
		assertThat(timeline).hasSizeGreaterThan(400);
		assertThat(timeline).allSatisfy(a -> assertThat(a.occurredAt()).isBefore(now));
		assertThat(timeline).anySatisfy(a -> assertThat(a.occurredAt()).isBefore(now.minus(Duration.ofDays(90))));
		assertThat(timeline).extracting(ActivityView::type).contains("call", "meeting", "email", "note", "task");
		assertThat(timeline).anySatisfy(a -> assertThat(a.subject()).matches(".*\\p{IsHan}.*"));
		assertThat(timeline).anySatisfy(a -> assertThat(a.subject()).matches("[A-Za-z].*"));
		assertThat(timeline).filteredOn(a -> "done".equals(a.status())).isNotEmpty();

		List<ActivityView> adminTasks = activities.openTasks(admin.id(), 50);
		assertThat(adminTasks).anySatisfy(t -> assertThat(t.dueAt()).isBefore(now));
		assertThat(adminTasks).anySatisfy(t -> assertThat(t.dueAt()).isAfter(now));
		for (String rep : List.of("li.wei", "zhou.min", "james.wright", "anna.becker")) {
			assertThat(activities.openTasks(users.findByUsername(rep).orElseThrow().id(), 50)).as(rep).isNotEmpty();
		}
	}

	@Test
	void addsNothingOnceThereAreAccounts() {
		Actor admin = admin();
		int before = all(admin, cursor -> contacts.list(new ContactQuery(null, null, null, null, null, null, null, 200,
				cursor))).size();
		assertThat(demoData.loadIfEmpty()).isEmpty();
		assertThat(all(admin, cursor -> contacts.list(new ContactQuery(null, null, null, null, null, null, null, 200,
				cursor)))).hasSize(before);
	}

	private Actor admin() {
		return users.findByUsername("admin").orElseThrow().actor();
	}

	private static <T> List<T> all(Actor actor, Function<String, Page<T>> list) {
		List<T> all = new ArrayList<>();
		String cursor = null;
		do {
			String at = cursor;
			Page<T> page = Actor.callAs(actor, () -> list.apply(at));
			all.addAll(page.items());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return all;
	}


	/** A new, empty database beside the test database, dropped when the JVM ends. */
	static synchronized String freshDatabase() {
		if (url != null) {
			return url;
		}
		String name = "rapport_demo_" + ProcessHandle.current().pid();
		try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
			String current;
			try (ResultSet rs = s.executeQuery("select current_database()")) {
				rs.next();
				current = rs.getString(1);
			}
			s.execute("drop database if exists " + name + " with (force)");
			s.execute("create database " + name + " encoding 'UTF8' template template0");
			String base = TestDatabase.url();
			url = base.replaceFirst("/" + Pattern.quote(current) + "(?=$|\\?)", Matcher.quoteReplacement("/" + name));
			TestDatabase.atExit(() -> {
				try (Connection admin = DriverManager.getConnection(base, TestDatabase.user(), "");
						Statement drop = admin.createStatement()) {
					drop.execute("drop database if exists " + name + " with (force)");
				}
				catch (SQLException ex) {
					// an embedded server may already be gone, and its files with it
				}
			});
			return url;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the demo test database", ex);
		}
	}

}
