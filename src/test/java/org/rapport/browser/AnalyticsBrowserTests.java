package org.rapport.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.SalesFixtures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics pages in a real browser: the dashboard's KPIs with their formulas, and one customer's
 * page — reached from the contact page — with lifetime value, churn risk and its reasons, the
 * sentiment of what they wrote, and products bought together by other customers.
 */
class AnalyticsBrowserTests extends BrowserTest {

	@Test
	void dashboardAndCustomerPageShowValueRiskSentimentAndRecommendations() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("ab");
		long lamp = sales.product(tag + "-lamp", "Desk lamp " + tag);
		long bulb = sales.product(tag + "-bulb", "Bulb " + tag);
		long shade = sales.product(tag + "-shade", "Lamp shade " + tag);
		LocalDate today = LocalDate.now(clock);
		// a dozen repeat customers, so the lifetime-value model has purchases to fit
		for (int i = 0; i < 12; i++) {
			long other = sales.contact("Other" + i, tag);
			sales.fulfilledOrder(other, today.minusDays(120 + 7 * i), List.of(lamp, bulb, shade), "30.00");
			sales.fulfilledOrder(other, today.minusDays(40 + 3 * i), List.of(bulb), "4.00");
			if (i % 3 == 0) {
				sales.fulfilledOrder(other, today.minusDays(8 + i), List.of(bulb), "4.00");
			}
		}
		long customer = sales.contact("Ada", tag);
		sales.fulfilledOrder(customer, today.minusDays(90), List.of(lamp, bulb), "25.00");
		sales.fulfilledOrder(customer, today.minusDays(30), List.of(bulb), "4.00");
		sales.fulfilledOrder(customer, today.minusDays(5), List.of(bulb), "4.00");
		assertThat(api.post("/api/v1/activities", admin, Map.of("type", "note", "subject", "Complaint", "body",
				"Terrible delivery, the lamp arrived broken. Very disappointed.", "contactId", customer)).status())
			.isEqualTo(201);

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(api.base() + "/analytics");
			assertThat(page.locator("main")).containsText("Loyalty index");
			assertThat(page.locator("main")).containsText("revenue from repeat customers ÷ revenue");

			page.navigate(api.base() + "/contacts/" + customer);
			page.locator("#contact-analytics").click();
			assertThat(page.locator("#clv-title")).isVisible();
			assertThat(page.locator("#clv-value")).not().hasText("—");
			assertThat(page.locator("#churn-risk")).isVisible();
			assertThat(page.locator("#churn-risk")).containsText("%");
			assertThat(page.locator("#churn-reasons li").first()).isVisible();
			assertThat(page.locator("#sentiment-label")).hasText("Negative");
			assertThat(page.locator("#sentiment-evidence")).containsText("terrible");
			assertThat(page.locator("#recommendations")).containsText("Lamp shade " + tag);
		}
	}

	@Test
	void churnTrainingShowsProgressAndSegmentsSaveAsLists() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("tr");
		long item = sales.product(tag + "-item", "Item " + tag);
		LocalDate today = LocalDate.now(clock);
		for (int i = 0; i < 6; i++) {
			long c = sales.contact("Buyer" + i, tag);
			sales.fulfilledOrder(c, today.minusDays(60 + i), List.of(item), "80.00");
			sales.fulfilledOrder(c, today.minusDays(3 + i), List.of(item), "80.00");
		}

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			// training: the run appears at once and the page follows it to its end without a reload
			page.navigate(api.base() + "/analytics/models");
			page.locator("#train-churn").click();
			assertThat(page.locator("#runs tbody tr").first()).isVisible();
			assertThat(page.locator("#runs tbody tr").first().locator(".run-status"))
				.hasText(java.util.regex.Pattern.compile("Done|Failed"),
						new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(90_000));
			assertThat(page.locator("#runs tbody tr").first().locator(".run-status")).hasText("Done");
			assertThat(page.locator("#runs .progress-bar").first()).hasText("100%");

			// the dashboard's churn rate with its rule, and a segment saved as a list
			page.navigate(api.base() + "/analytics");
			assertThat(page.locator("#kpi-churn")).isVisible();
			assertThat(page.locator("main")).containsText("customers lost in the period ÷ customers at its start");
			assertThat(page.locator("#csv-movements")).isVisible();
			com.microsoft.playwright.Locator rows = page.locator("#segments-table tbody tr");
			int withCustomers = -1;
			for (int i = 0; i < rows.count() && withCustomers < 0; i++) {
				if (!"0".equals(rows.nth(i).locator("td").nth(1).innerText().strip())) {
					withCustomers = i;
				}
			}
			assertThat(withCustomers).isNotNegative();
			rows.nth(withCustomers).locator("a").click();
			assertThat(page.locator("h1")).containsText("Segment:");
			page.locator("#tag").fill(tag + "-list");
			page.locator("#save-list").click();
			assertThat(page.locator("#saved")).containsText(tag + "-list");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.locator("#username").fill("admin");
			page.locator("#password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();
			page.navigate(api.base() + "/analytics");
			assertThat(page.locator("main")).containsText("流失率");
			page.navigate(api.base() + "/analytics/models");
			assertThat(page.locator("main")).containsText("流失模型训练");
		}
	}

}
