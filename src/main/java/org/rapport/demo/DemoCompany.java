package org.rapport.demo;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.rapport.customers.AccountFields;
import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountView;
import org.rapport.customers.ActivityFields;
import org.rapport.customers.ActivityManagement;
import org.rapport.customers.ContactFields;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactView;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.demo.DemoCatalog.Company;
import org.rapport.demo.DemoCatalog.Country;
import org.rapport.demo.DemoCatalog.Person;
import org.rapport.demo.DemoCatalog.Wording;
import org.rapport.platform.Actor;
import org.rapport.platform.Role;
import org.rapport.platform.text.SearchText;
import org.rapport.platform.users.UserAccounts;
import org.rapport.platform.users.UserAccounts.User;
import org.rapport.platform.users.UserAccounts.UserInput;

/**
 * One filling of an empty database with the demo company. Every record is made through the
 * facades as the user who would have made it, so the audit trail and the events are real. The
 * random choices come from a fixed seed: two fillings differ only in their timestamps, which are
 * relative to now.
 */
final class DemoCompany {

	static final long SEED = 20261122L;

	/** How far back the activity history goes. */
	static final int HISTORY_DAYS = 120;

	private final Random random = new Random(SEED);

	private final UserAccounts users;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final CustomFieldManagement customFields;

	private final Instant now;

	private final Map<String, User> staff = new LinkedHashMap<>();

	private final List<String> createdUsers = new ArrayList<>();

	private int accountCount;

	private int contactCount;

	private int activityCount;

	private int taskCount;

	DemoCompany(UserAccounts users, AccountManagement accounts, ContactManagement contacts,
			ActivityManagement activities, CustomFieldManagement customFields, Clock clock) {
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.activities = activities;
		this.customFields = customFields;
		this.now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
	}

	/**
	 * What a filling made.
	 *
	 * @param createdUsers user names created (existing ones are reused and keep their password)
	 * @param accounts accounts made
	 * @param contacts contacts made
	 * @param activities calls, meetings, e-mails and notes logged
	 * @param tasks tasks made
	 */
	record Summary(List<String> createdUsers, int accounts, int contacts, int activities, int tasks) {
	}

	/** A contact as the filling remembers it: who owns it and in which language its people write. */
	private record Made(ContactView contact, Company company, boolean chinese) {
	}

	Summary fill() {
		as(Actor.SYSTEM, () -> {
			staffAndTeams();
			defineCustomFields();
			return null;
		});
		List<Made> made = new ArrayList<>();
		Map<Company, AccountView> byCompany = new LinkedHashMap<>();
		for (Company company : DemoCatalog.COMPANIES) {
			AccountView account = as(owner(company.owner()), () -> account(company));
			byCompany.put(company, account);
			int people = 3 + random.nextInt(2);
			for (int i = 0; i < people; i++) {
				boolean first = i == 0;
				made.add(as(owner(company.owner()), () -> contact(company, account, first)));
			}
		}
		made.addAll(leads());
		share(byCompany);
		for (Made m : made) {
			history(m);
		}
		tasks(byCompany, made);
		adminTasks(byCompany);
		return new Summary(List.copyOf(createdUsers), accountCount, contactCount, activityCount, taskCount);
	}

	private void staffAndTeams() {
		User admin = users.list().stream().filter(u -> u.role() == Role.ADMIN && u.enabled()).findFirst()
			.orElseThrow(() -> new IllegalStateException("No enabled administrator to own the demo data"));
		staff.put("admin", admin);
		for (Person p : DemoCatalog.STAFF) {
			User user = users.findByUsername(p.username()).orElseGet(() -> {
				createdUsers.add(p.username());
				return users.create(new UserInput(p.username(), DemoCatalog.PASSWORD, p.displayName(), p.email(),
						p.role(), p.team(), p.locale(), true));
			});
			staff.put(p.username(), user);
		}
	}

	private void defineCustomFields() {
		if (customFields.definitions("contact").stream().noneMatch(d -> d.key().equals("preferred_channel"))) {
			customFields.define(new CustomFieldDefinition(0, "contact", "preferred_channel", "Preferred channel", "首选沟通方式",
					"choice", DemoCatalog.CHANNELS, false, 10, 0));
		}
		if (customFields.definitions("account").stream().noneMatch(d -> d.key().equals("annual_revenue"))) {
			customFields.define(new CustomFieldDefinition(0, "account", "annual_revenue", "Annual revenue (USD)",
					"年营业额（美元）", "number", List.of(), false, 10, 0));
		}
	}

	private AccountView account(Company c) {
		List<String> tags = new ArrayList<>();
		if (c.customer()) {
			tags.add(pick(List.of("key-account", "renewal-2026", "expansion")));
		}
		if (random.nextInt(4) == 0) {
			tags.add(pick(DemoCatalog.ACCOUNT_TAGS));
		}
		Map<String, Object> custom = new LinkedHashMap<>();
		if (random.nextInt(5) != 0) {
			// revenue in whole thousands of dollars: a number field is exact (BigDecimal), never a double
			custom.put("annual_revenue", BigDecimal.valueOf(revenueThousands(c.size())).multiply(BigDecimal.valueOf(1000)));
		}
		accountCount++;
		return accounts.create(new AccountFields(c.name(), c.industry(), c.size(), "https://www." + c.domain(),
				switchboard(c), c.street(), c.city(), c.region(), c.postalCode(), c.country().label, null,
				List.copyOf(new LinkedHashSet<>(tags)), custom));
	}

	private long revenueThousands(String size) {
		long base = switch (size) {
			case "1-10" -> 500;
			case "11-50" -> 3_000;
			case "51-200" -> 15_000;
			case "201-1000" -> 80_000;
			case "1001-5000" -> 400_000;
			default -> 2_000_000;
		};
		return base + random.nextLong(base);
	}

	private Made contact(Company c, AccountView account, boolean first) {
		Name name = name(c.country());
		String stage = c.customer() ? pick(List.of("customer", "customer", "customer", "evangelist", "opportunity"))
				: pick(List.of("lead", "mql", "sql", "opportunity", "opportunity"));
		String title = first ? pick(c.country().chinese() ? List.of("总经理", "采购经理", "IT 经理")
				: c.country() == Country.DE ? List.of("Geschäftsführung", "IT-Leitung")
						: List.of("Chief Executive Officer", "Head of Procurement", "IT Manager"))
				: pick(c.country().chinese() ? DemoCatalog.CHINESE_TITLES
						: c.country() == Country.DE ? DemoCatalog.GERMAN_TITLES : DemoCatalog.ENGLISH_TITLES);
		List<String> phones = new ArrayList<>();
		phones.add(mobile(c.country()));
		if (random.nextInt(3) == 0) {
			phones.add(office(c));
		}
		List<String> tags = new ArrayList<>();
		if (first) {
			tags.add("decision-maker");
		}
		if (random.nextInt(3) == 0) {
			String tag = pick(DemoCatalog.CONTACT_TAGS);
			if (!tag.equals("重点客户") || c.country().chinese()) {
				tags.add(tag);
			}
		}
		Map<String, Object> custom = new LinkedHashMap<>();
		if (random.nextInt(10) < 7) {
			custom.put("preferred_channel", channel(c.country()));
		}
		contactCount++;
		ContactView contact = contacts.create(new ContactFields(name.first(), name.last(), title,
				List.of(name.emailLocal() + "@" + c.domain()), phones, account.id(), null, c.city(), c.region(), null,
				c.country().label, stage, pick(DemoCatalog.SOURCES), null, List.copyOf(new LinkedHashSet<>(tags)),
				custom));
		return new Made(contact, c, name.chinese());
	}

	/** People met at trade shows and webinars who belong to no account yet. */
	private List<Made> leads() {
		List<Made> leads = new ArrayList<>();
		String[] owners = { "li.wei", "zhou.min", "james.wright", "anna.becker" };
		for (int i = 0; i < 10; i++) {
			Country country = i < 5 ? Country.CN : i < 7 ? Country.GB : i < 9 ? Country.US : Country.DE;
			String owner = owners[(i < 5 ? 0 : 2) + i % 2];
			Name name = name(country);
			Company home = DemoCatalog.COMPANIES.stream().filter(c -> c.country() == country).findFirst().orElseThrow();
			String domain = country.chinese() ? pick(List.of("163.com", "qq.com", "126.com"))
					: pick(List.of("gmail.com", "outlook.com", "yahoo.co.uk"));
			String local = country.chinese() && random.nextBoolean()
					? name.emailLocal().replace(".", "") + (1980 + random.nextInt(25)) : name.emailLocal();
			ContactFields fields = new ContactFields(name.first(), name.last(), null, List.of(local + "@" + domain),
					List.of(mobile(country)), null, null, home.city(), null, null, country.label,
					pick(List.of("subscriber", "lead", "lead", "mql")), pick(List.of("trade show", "webinar", "website")),
					null, List.of("trade-show-2026"), Map.of());
			contactCount++;
			ContactView contact = as(owner(owner), () -> contacts.create(fields));
			leads.add(new Made(contact, home, name.chinese()));
		}
		return leads;
	}

	/** Two hand-overs to Customer Care, so sharing shows in the record pages and the audit trail. */
	private void share(Map<Company, AccountView> byCompany) {
		for (Company c : byCompany.keySet()) {
			if (c.name().startsWith("上海云帆")) {
				as(owner(c.owner()), () -> {
					accounts.share(byCompany.get(c).id(), staff.get("wang.lei").id(), "read");
					return null;
				});
			}
			if (c.name().startsWith("Northwind")) {
				as(owner(c.owner()), () -> {
					accounts.share(byCompany.get(c).id(), staff.get("emily.clark").id(), "edit");
					return null;
				});
			}
		}
	}

	/** Calls, meetings, e-mails and notes over the last four months, mostly by the contact's owner. */
	private void history(Made m) {
		int count = 1 + random.nextInt(8);
		for (int i = 0; i < count; i++) {
			int roll = random.nextInt(10);
			String type = roll < 3 ? "call" : roll < 6 ? "email" : roll < 8 ? "meeting" : "note";
			Wording w = switch (type) {
				case "call" -> m.chinese() ? DemoCatalog.CALL_ZH : DemoCatalog.CALL_EN;
				case "meeting" -> m.chinese() ? DemoCatalog.MEETING_ZH : DemoCatalog.MEETING_EN;
				case "email" -> m.chinese() ? DemoCatalog.EMAIL_ZH : DemoCatalog.EMAIL_EN;
				default -> m.chinese() ? DemoCatalog.NOTE_ZH : DemoCatalog.NOTE_EN;
			};
			Integer duration = switch (type) {
				case "call" -> 5 + random.nextInt(40);
				case "meeting" -> 30 + 15 * random.nextInt(7);
				default -> null;
			};
			String outcome = w.outcomes().isEmpty() ? null : pick(w.outcomes());
			Instant at = workingTime(m.company(), 1 + random.nextInt(HISTORY_DAYS));
			User by = owner(m.contact().ownerId());
			// now and then the team's manager joins a meeting and logs it
			if (type.equals("meeting") && random.nextInt(5) == 0) {
				by = manager(by);
			}
			User author = by;
			String subject = pick(w.subjects());
			String body = pick(w.bodies());
			activityCount++;
			as(author, () -> activities.create(new ActivityFields(type, subject, body, at, duration, outcome, null, null,
					m.contact().id(), null, author.id())));
		}
	}

	/** One or two tasks per account: done ones in the past, open ones due soon, and some overdue. */
	private void tasks(Map<Company, AccountView> byCompany, List<Made> made) {
		int n = 0;
		for (var entry : byCompany.entrySet()) {
			Company c = entry.getKey();
			AccountView account = entry.getValue();
			ContactView person = made.stream().filter(m -> m.contact().accountId() != null
					&& m.contact().accountId() == account.id()).map(Made::contact).findFirst().orElse(null);
			int count = 1 + random.nextInt(2);
			for (int i = 0; i < count; i++) {
				String subject = pick(c.country().chinese() ? DemoCatalog.TASKS_ZH : DemoCatalog.TASKS_EN);
				task(owner(c.owner()), subject, person, account, n++ % 3);
			}
		}
	}

	private void adminTasks(Map<Company, AccountView> byCompany) {
		List<AccountView> all = new ArrayList<>(byCompany.values());
		int[] kinds = { 2, 2, 1, 1, 1, 0 };
		for (int i = 0; i < DemoCatalog.ADMIN_TASKS.size(); i++) {
			AccountView on = all.get((i * 7) % all.size());
			task(staff.get("admin"), DemoCatalog.ADMIN_TASKS.get(i), null, on, kinds[i]);
		}
	}

	/** kind 0: done, 1: open and due soon, 2: open and overdue. */
	private void task(User owner, String subject, ContactView person, AccountView account, int kind) {
		Instant created;
		Instant due;
		String status;
		switch (kind) {
			case 0 -> {
				due = now.minus(Duration.ofDays(5 + random.nextInt(100)));
				created = due.minus(Duration.ofDays(1 + random.nextInt(7)));
				status = "done";
			}
			case 1 -> {
				created = now.minus(Duration.ofDays(1 + random.nextInt(10)));
				due = now.plus(Duration.ofDays(1 + random.nextInt(21)));
				status = "open";
			}
			default -> {
				created = now.minus(Duration.ofDays(10 + random.nextInt(20)));
				due = now.minus(Duration.ofDays(1 + random.nextInt(9)));
				status = "open";
			}
		}
		Instant dueAt = due.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
		taskCount++;
		as(owner, () -> activities.create(new ActivityFields("task", subject, null, created, null, null, dueAt, status,
				person == null ? null : person.id(), account.id(), owner.id())));
	}

	private record Name(String first, String last, String emailLocal, boolean chinese) {
	}

	private Name name(Country country) {
		switch (country) {
			case CN -> {
				String family = pick(DemoCatalog.CHINESE_FAMILY_NAMES);
				String given = pick(DemoCatalog.CHINESE_GIVEN_NAMES);
				return new Name(given, family, joinedPinyin(given) + "." + joinedPinyin(family), true);
			}
			case DE -> {
				String first = pick(DemoCatalog.GERMAN_FIRST_NAMES);
				String last = pick(DemoCatalog.GERMAN_LAST_NAMES);
				return new Name(first, last, ascii(first) + "." + ascii(last), false);
			}
			default -> {
				// British and American firms employ people of Chinese origin, who write their names given name first
				if (random.nextInt(6) == 0) {
					String family = pick(DemoCatalog.CHINESE_FAMILY_NAMES);
					String given = pick(DemoCatalog.CHINESE_GIVEN_NAMES);
					String first = capitalise(joinedPinyin(given));
					String last = capitalise(joinedPinyin(family));
					return new Name(first, last, ascii(first) + "." + ascii(last), false);
				}
				String first = pick(DemoCatalog.ENGLISH_FIRST_NAMES);
				String last = pick(DemoCatalog.ENGLISH_LAST_NAMES);
				return new Name(first, last, ascii(first) + "." + ascii(last), false);
			}
		}
	}

	private static String joinedPinyin(String chinese) {
		String pinyin = SearchText.pinyin(chinese);
		return pinyin.substring(pinyin.lastIndexOf(' ') + 1);
	}

	private static String ascii(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static String capitalise(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private String channel(Country country) {
		int roll = random.nextInt(10);
		if (country.chinese()) {
			return roll < 5 ? "wechat" : roll < 8 ? "phone" : "email";
		}
		return roll < 5 ? "email" : roll < 8 ? "phone" : "linkedin";
	}

	/** Mobile numbers from ranges kept for drama and examples where the country has them. */
	private String mobile(Country country) {
		return switch (country) {
			case CN -> "+86 1" + pick(List.of("38", "39", "58", "86", "37", "88")) + " " + digits(4) + " " + digits(4);
			case GB -> "+44 7700 900" + digits(3);
			case DE -> "+49 15" + pick(List.of("1", "2", "7")) + " " + digits(8);
			case US -> "+1 (" + pick(List.of("415", "617", "212", "206")) + ") 555-01" + digits(2);
		};
	}

	private String office(Company c) {
		return switch (c.country()) {
			case CN -> "+86 " + c.areaCode() + " " + (2 + random.nextInt(7)) + digits(3) + " " + digits(4);
			case GB -> c.areaCode().equals("20") ? "+44 20 7946 0" + digits(3)
					: "+44 " + c.areaCode() + " 496 0" + digits(3);
			case DE -> "+49 " + c.areaCode() + " " + digits(6);
			case US -> "+1 (" + c.areaCode() + ") 555-01" + digits(2);
		};
	}

	private String switchboard(Company c) {
		return office(c);
	}

	private String digits(int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append(random.nextInt(10));
		}
		return s.toString();
	}

	/** A moment in office hours in the company's time zone, {@code daysAgo} days before now. */
	private Instant workingTime(Company c, int daysAgo) {
		ZoneId zone = switch (c.country()) {
			case CN -> ZoneId.of("Asia/Shanghai");
			case GB -> ZoneId.of("Europe/London");
			case DE -> ZoneId.of("Europe/Berlin");
			case US -> ZoneId.of("America/New_York");
		};
		LocalTime time = LocalTime.of(9 + random.nextInt(9), 15 * random.nextInt(4));
		Instant at = now.minus(Duration.ofDays(daysAgo)).atZone(zone).with(time).toInstant();
		return at.isAfter(now) ? now.minus(Duration.ofHours(1)) : at;
	}

	private <T> T pick(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private User owner(String username) {
		User user = staff.get(username);
		if (user == null) {
			throw new IllegalStateException("Demo user missing: " + username);
		}
		return user;
	}

	private User owner(long userId) {
		return staff.values().stream().filter(u -> u.id() == userId).findFirst()
			.orElseThrow(() -> new IllegalStateException("Not a demo user: " + userId));
	}

	/** The manager of the user's team, or the user when there is none. */
	private User manager(User user) {
		return staff.values().stream()
			.filter(u -> u.role() == Role.MANAGER && u.teamId() != null && u.teamId().equals(user.teamId()))
			.findFirst()
			.orElse(user);
	}

	private static <T> T as(User user, Supplier<T> work) {
		return as(user.actor(), work);
	}

	static <T> T as(Actor actor, Supplier<T> work) {
		return Actor.callAs(actor, work);
	}

}
