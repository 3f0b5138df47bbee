package org.rapport.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.Role;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.sales.CurrencyManagement;
import org.rapport.sales.DealFields;
import org.rapport.sales.DealManagement;
import org.rapport.sales.DealManagement.StageEntry;
import org.rapport.sales.DealView;
import org.rapport.sales.LeadFields;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.OrderFields;
import org.rapport.sales.OrderManagement;
import org.rapport.sales.OrderView;
import org.rapport.sales.Period;
import org.rapport.sales.Product;
import org.rapport.sales.ProductManagement;
import org.rapport.sales.ProductManagement.ProductFields;
import org.rapport.sales.QuoteFields;
import org.rapport.sales.QuoteLine;
import org.rapport.sales.QuoteManagement;
import org.rapport.sales.TargetManagement;

/**
 * The demo company's sales year: products with prices in three currencies, exchange rates, leads in
 * every status, about a year of deals that moved through the pipeline (won, lost and open), the
 * orders of the won ones, a few quotes and this quarter's targets — so the board, reports and
 * forecast have something to show. Everything goes through the sales facades, as the system.
 */
final class DemoSales {

	private static final String[][] PRODUCTS = {
			{ "RAP-CLOUD", "Rapport Cloud licence (user-month) / 云端许可（每用户每月）", "Licences", "user-month", "49", "349" },
			{ "RAP-API", "API & webhooks add-on / API 与 Webhook 扩展", "Licences", "month", "199", "1399" },
			{ "SVC-ONB", "Onboarding package / 上线实施服务包", "Services", "package", "2500", "17800" },
			{ "SVC-MIG", "Data migration / 数据迁移", "Services", "package", "1800", "12800" },
			{ "SVC-TRN", "Training day / 培训（每天）", "Services", "day", "1200", "8500" },
			{ "SUP-PREM", "Premium support (year) / 高级支持（每年）", "Support", "year", "990", "6900" } };

	private static final String[] LEAD_SOURCES = { "website", "trade show", "referral", "webinar", "cold call" };

	private final Random random = new Random(20261122);

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final CurrencyManagement currencies;

	private final ProductManagement products;

	private final LeadManagement leads;

	private final DealManagement deals;

	private final QuoteManagement quotes;

	private final OrderManagement orders;

	private final TargetManagement targets;

	private final Clock clock;

	private int dealCount;

	private int orderCount;

	DemoSales(AccountManagement accounts, ContactManagement contacts, UserDirectory users, CurrencyManagement currencies,
			ProductManagement products, LeadManagement leads, DealManagement deals, QuoteManagement quotes,
			OrderManagement orders, TargetManagement targets, Clock clock) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.currencies = currencies;
		this.products = products;
		this.leads = leads;
		this.deals = deals;
		this.quotes = quotes;
		this.orders = orders;
		this.targets = targets;
		this.clock = clock;
	}

	/**
	 * What the sales year made.
	 *
	 * @param deals deals made
	 * @param orders orders made
	 */
	record Summary(int deals, int orders) {
	}

	Summary fill() {
		return DemoCompany.as(Actor.SYSTEM, () -> {
			Instant now = clock.instant();
			LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			LocalDate yearAgo = today.minusYears(1).withDayOfMonth(1);
			currencies.setRate("CNY", yearAgo, new BigDecimal("0.1389"));
			currencies.setRate("CNY", today.minusMonths(4).withDayOfMonth(1), new BigDecimal("0.1402"));
			currencies.setRate("EUR", yearAgo, new BigDecimal("1.0850"));
			currencies.setRate("GBP", yearAgo, new BigDecimal("1.2700"));
			List<Product> catalogue = new ArrayList<>();
			for (String[] p : PRODUCTS) {
				catalogue.add(products.create(new ProductFields(p[0], p[1], p[2], p[3], null, true,
						Map.of("USD", new BigDecimal(p[4]), "CNY", new BigDecimal(p[5]), "EUR",
								new BigDecimal(p[4]).multiply(new BigDecimal("0.92")).setScale(2, java.math.RoundingMode.HALF_EVEN),
								"GBP", new BigDecimal(p[4]).multiply(new BigDecimal("0.79")).setScale(2, java.math.RoundingMode.HALF_EVEN)))));
			}
			List<AccountView> all = accounts.list(new AccountQuery(null, null, null, null, null, "createdAt", 200, null))
				.items();
			for (AccountView account : all) {
				int dealsHere = 1 + random.nextInt(2);
				for (int i = 0; i < dealsHere; i++) {
					deal(account, catalogue, now);
				}
			}
			repeatPurchases(all, catalogue, today);
			leads(now);
			leadHistory(now);
			salesTargets(today);
			return new Summary(dealCount, orderCount);
		});
	}

	/**
	 * Add-ons, services and support that the accounts' main contacts bought again and again over the last
	 * eighteen months — some often and lately, some once, some long ago — so RFM, lifetime value, churn
	 * and "bought with" recommendations have histories to work on.
	 */
	private void repeatPurchases(List<AccountView> all, List<Product> catalogue, LocalDate today) {
		List<Product> extras = catalogue.subList(1, catalogue.size());
		for (AccountView account : all) {
			List<ContactView> people = contacts.list(new ContactQuery(null, null, account.id(), null, null, null, "createdAt",
					1, null)).items();
			if (people.isEmpty() || random.nextInt(10) < 2) {
				continue;
			}
			long contact = people.get(0).id();
			String currency = currency(account.country());
			int purchases = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2.5);
			// how long ago this customer last bought: recent for most, a year or more for some
			int lastDaysAgo = random.nextInt(10) < 7 ? random.nextInt(60) : 200 + random.nextInt(300);
			for (int i = 0; i < Math.min(purchases, 8); i++) {
				LocalDate date = today.minusDays(lastDaysAgo + (long) i * (20 + random.nextInt(50)));
				if (date.isBefore(today.minusMonths(18))) {
					break;
				}
				List<QuoteLine> lines = new ArrayList<>();
				Product first = extras.get(random.nextInt(extras.size()));
				lines.add(new QuoteLine(first.id(), null, BigDecimal.valueOf(1 + random.nextInt(3)), null, BigDecimal.ZERO,
						tax(currency)));
				// support is often bought with training, and the API add-on with data migration
				Product companion = first.sku().equals("SUP-PREM") ? bySku(catalogue, "SVC-TRN")
						: first.sku().equals("RAP-API") ? bySku(catalogue, "SVC-MIG") : null;
				if (companion != null && random.nextInt(3) > 0) {
					lines.add(new QuoteLine(companion.id(), null, BigDecimal.ONE, null, BigDecimal.ZERO, tax(currency)));
				}
				OrderView order = orders.create(new OrderFields(account.id(), contact, currency, date, account.ownerId(),
						lines));
				orders.confirm(order.id(), null);
				orders.fulfil(order.id(), null);
				orderCount++;
			}
		}
	}

	private static Product bySku(List<Product> catalogue, String sku) {
		return catalogue.stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
	}

	private void deal(AccountView account, List<Product> catalogue, Instant now) {
		String currency = currency(account.country());
		int days = 14 + random.nextInt(350);
		Instant created = now.minus(Duration.ofDays(days)).minus(Duration.ofMinutes(random.nextInt(600)));
		List<String> path = new ArrayList<>(List.of("prospecting"));
		String[] open = { "qualification", "proposal", "negotiation" };
		double r = random.nextDouble();
		int depth = random.nextInt(4);
		for (int i = 0; i < depth && i < open.length; i++) {
			path.add(open[i]);
		}
		boolean won = days > 30 && r < 0.38;
		boolean lost = days > 30 && !won && r < 0.62;
		if (won) {
			for (int i = depth; i < open.length; i++) {
				path.add(open[i]);
			}
			path.add("closed_won");
		}
		else if (lost) {
			path.add("closed_lost");
		}
		List<StageEntry> entries = new ArrayList<>();
		Instant at = created;
		long span = Math.max(1, Duration.between(created, now).toDays() - 1);
		for (String stage : path) {
			entries.add(new StageEntry(stage, at));
			at = at.plus(Duration.ofDays(1 + random.nextInt((int) Math.max(2, span / (path.size() + 1)))));
			if (at.isAfter(now)) {
				at = now.minus(Duration.ofMinutes(path.size()));
			}
		}
		int users = 5 + random.nextInt(60);
		Product licence = catalogue.get(0);
		BigDecimal unit = licence.prices().get(currency);
		BigDecimal amount = unit.multiply(BigDecimal.valueOf(users * 12L)).add(catalogue.get(2).prices().get(currency));
		String name = (account.country() != null && account.country().equals("中国") ? "云端 CRM 年度订阅 · " : "Rapport Cloud, ")
				+ users + (account.country() != null && account.country().equals("中国") ? " 用户" : " users");
		LocalDate expected = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(120));
		DealView deal = deals.importDeal(new DealFields(name, null, null, account.id(), amount, currency, expected, null,
				account.ownerId(), won || lost ? null : "Follow up on the proposal / 跟进方案",
				lost ? "Chose a competitor / 选择了竞争对手" : null, List.of()), created, entries);
		dealCount++;
		if (won) {
			LocalDate closed = LocalDate.ofInstant(entries.get(entries.size() - 1).at(), ZoneOffset.UTC);
			OrderView order = orders.create(new OrderFields(account.id(), null, currency, closed, account.ownerId(),
					List.of(new QuoteLine(licence.id(), null, BigDecimal.valueOf(users * 12L), null, BigDecimal.ZERO,
							tax(currency)), new QuoteLine(catalogue.get(2).id(), null, BigDecimal.ONE, null, BigDecimal.ZERO,
									tax(currency)))));
			orders.confirm(order.id(), null);
			orders.fulfil(order.id(), null);
			orderCount++;
		}
		else if (!lost && path.contains("proposal") && random.nextBoolean()) {
			quotes.create(new QuoteFields(account.id(), null, deal.id(), currency,
					LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(30), "Prices valid 30 days. / 报价 30 天内有效。", null,
					List.of(new QuoteLine(licence.id(), null, BigDecimal.valueOf(users * 12L), null,
							BigDecimal.valueOf(random.nextInt(3) * 5), tax(currency)),
							new QuoteLine(catalogue.get(2).id(), null, BigDecimal.ONE, null, BigDecimal.ZERO, tax(currency)))));
		}
	}

	private void leads(Instant now) {
		String[][] people = { { "Sophie", "Turner", "Northwind Traders" }, { "芳", "王", "武汉光谷智能制造有限公司" },
				{ "Lukas", "Schmid", "Alpenblick Logistik GmbH" }, { "伟", "刘", "成都蜀锦电子商务有限公司" },
				{ "Olivia", "Hughes", "Bristol Harbour Foods Ltd" }, { "静", "赵", "厦门海韵旅游服务有限公司" },
				{ "Ethan", "Brooks", "Cascade Outdoor Inc." }, { "强", "孙", "西安古城文化传媒有限公司" },
				{ "Mia", "Fischer", "Rheinwerk Energie AG" }, { "敏", "吴", "青岛海风海洋科技有限公司" },
				{ "Noah", "Patel", "Midlands Medical Supplies" }, { "磊", "周", "长沙湘江教育科技有限公司" } };
		String[] statuses = { "new", "new", "working", "working", "qualified", "disqualified" };
		String[] titles = { "Head of Procurement", "采购专员", "IT Manager", "总经理", "Analyst", "销售总监", "Chief Executive Officer",
				"助理", "Operations Director", "IT 经理", "Buyer", "工程师" };
		for (int i = 0; i < people.length; i++) {
			String[] p = people[i];
			boolean chinese = SearchCjk.is(p[0]);
			String status = statuses[i % statuses.length];
			leads.create(new LeadFields(p[0], p[1],
					(chinese ? "lead" + i : p[0].toLowerCase()) + "@" + (chinese ? "example.cn" : "example.com"),
					chinese ? "+86 139 " + (1000 + i) + " " + (2000 + i) : "+44 20 7946 " + (1000 + i), p[2], titles[i], null, null,
					chinese ? "中国" : null, LEAD_SOURCES[i % LEAD_SOURCES.length], status,
					"disqualified".equals(status) ? "No budget this year / 今年没有预算" : null, null, null));
		}
	}

	/**
	 * A year of closed leads — converted and disqualified — whose outcome follows what sales teams see:
	 * senior titles, work e-mail addresses, a phone number, referrals and leads worked on more convert
	 * more often; cold calls and free mail less. Enough of them (with their own random stream, so the
	 * rest of the demo stays as it was) for lead scoring to learn from instead of using its rules.
	 */
	private void leadHistory(Instant now) {
		Random r = new Random(20261203);
		List<Long> reps = users.activeUsers().stream().filter(u -> u.role() == Role.SALES_REP).map(UserSummary::id).toList();
		String[] staff = { "Engineer", "Analyst", "Assistant", "Consultant", "工程师", "采购专员", "助理", "Buyer" };
		String[] sources = { "website", "referral", "trade show", "cold call", "webinar", "partner", "web-form" };
		double[] sourceWeight = { 0.3, 1.2, 0.0, -0.9, 0.2, 0.8, 0.1 };
		String[] reasons = { "No budget this year / 今年没有预算", "Chose a competitor / 选择了竞争对手",
				"Not the decision maker / 不是决策人", "No reply after three tries / 三次联系无回复", "Student project / 学生项目" };
		int n = 220;
		for (int i = 0; i < n; i++) {
			boolean chinese = r.nextInt(10) < 4;
			boolean german = !chinese && r.nextInt(4) == 0;
			String first = chinese ? DemoCatalog.CHINESE_GIVEN_NAMES.get(r.nextInt(DemoCatalog.CHINESE_GIVEN_NAMES.size()))
					: german ? DemoCatalog.GERMAN_FIRST_NAMES.get(r.nextInt(DemoCatalog.GERMAN_FIRST_NAMES.size()))
							: DemoCatalog.ENGLISH_FIRST_NAMES.get(r.nextInt(DemoCatalog.ENGLISH_FIRST_NAMES.size()));
			String last = chinese ? DemoCatalog.CHINESE_FAMILY_NAMES.get(r.nextInt(DemoCatalog.CHINESE_FAMILY_NAMES.size()))
					: german ? DemoCatalog.GERMAN_LAST_NAMES.get(r.nextInt(DemoCatalog.GERMAN_LAST_NAMES.size()))
							: DemoCatalog.ENGLISH_LAST_NAMES.get(r.nextInt(DemoCatalog.ENGLISH_LAST_NAMES.size()));
			int t = r.nextInt(10);
			String title = t < 4 ? (chinese ? DemoCatalog.CHINESE_TITLES : DemoCatalog.ENGLISH_TITLES)
				.get(r.nextInt((chinese ? DemoCatalog.CHINESE_TITLES : DemoCatalog.ENGLISH_TITLES).size()))
					: t < 8 ? staff[r.nextInt(staff.length)] : null;
			double logOdds = -1.4;
			String lower = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT);
			if (title == null) {
				logOdds -= 0.8;
			}
			else if (lower.matches(".*(chief|cto|ceo|vp|head|director).*") || title.matches(".*(总经理|总监|副总裁).*")) {
				logOdds += 1.3;
			}
			else if (lower.contains("manager") || title.contains("经理") || title.contains("主管")) {
				logOdds += 0.4;
			}
			else {
				logOdds -= 0.3;
			}
			int e = r.nextInt(10);
			String company = chinese ? last + "氏" + (i % 2 == 0 ? "科技有限公司" : "贸易有限公司")
					: last + (i % 3 == 0 ? " Logistics Ltd" : i % 3 == 1 ? " Systems GmbH" : " & Partners");
			String domain = (chinese ? "lead" + i : last.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "")) + i
					+ (chinese ? ".cn" : ".example.com");
			String email;
			if (e < 5) {
				email = "contact@" + domain;
				logOdds += 0.9;
			}
			else if (e < 8) {
				email = "lead" + i + (chinese ? "@qq.com" : "@gmail.com");
				logOdds -= 0.4;
			}
			else {
				email = null;
				logOdds -= 1.0;
			}
			boolean phone = r.nextInt(10) < 6;
			logOdds += phone ? 0.6 : 0;
			int s = r.nextInt(sources.length);
			logOdds += sourceWeight[s];
			int edits = r.nextInt(5);
			logOdds += 0.3 * edits;
			boolean converted = r.nextDouble() < 1 / (1 + Math.exp(-logOdds));
			Instant created = now.minus(Duration.ofDays(370 - (long) i * 360 / n)).minus(Duration.ofMinutes(r.nextInt(600)));
			Instant closed = created.plus(Duration.ofDays(2 + r.nextInt(converted ? 30 : 45)))
				.plus(Duration.ofMinutes(r.nextInt(600)));
			if (closed.isAfter(now.minus(Duration.ofDays(1)))) {
				closed = now.minus(Duration.ofDays(1));
			}
			leads.importLead(new LeadFields(first, last, email,
					phone ? (chinese ? "+86 139 " + (3000 + i) + " " + (4000 + i) : "+44 20 7946 " + (2000 + i)) : null,
					company, title, e < 5 ? "https://www." + domain : null, null,
					chinese ? "中国" : german ? "Germany" : "United Kingdom", sources[s],
					converted ? "converted" : "disqualified", converted ? null : reasons[r.nextInt(reasons.length)], null,
					reps.isEmpty() ? null : reps.get(r.nextInt(reps.size()))), created, closed, edits);
		}
	}

	private void salesTargets(LocalDate today) {
		String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
		for (UserSummary u : users.activeUsers()) {
			if (u.role() == Role.SALES_REP) {
				targets.set(Period.parse("period", quarter), u.id(), null, new BigDecimal(60000 + random.nextInt(6) * 10000));
			}
		}
	}

	private static BigDecimal tax(String currency) {
		return switch (currency) {
			case "CNY" -> new BigDecimal("6");
			case "EUR" -> new BigDecimal("19");
			case "GBP" -> new BigDecimal("20");
			default -> BigDecimal.ZERO;
		};
	}

	private static String currency(String country) {
		if (country == null) {
			return "USD";
		}
		return switch (country) {
			case "中国" -> "CNY";
			case "Germany" -> "EUR";
			case "United Kingdom" -> "GBP";
			default -> "USD";
		};
	}

	/** Whether a name is written in Chinese characters. */
	private static final class SearchCjk {

		static boolean is(String text) {
			return org.rapport.platform.text.SearchText.containsCjk(text);
		}

	}

}
