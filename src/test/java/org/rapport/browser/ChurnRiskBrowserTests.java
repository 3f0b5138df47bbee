package org.rapport.browser;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.SalesFixtures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The churn risk list in a real browser: reached from the analytics dashboard, a sales rep's customer
 * who stopped ordering listed with the reasons in words, a link to their analytics page, and the
 * page in Chinese.
 */
class ChurnRiskBrowserTests extends BrowserTest {

	@Test
	void listsTheRepsCustomersAtRiskWithReasonsInBothLanguages() {
		String admin = admin();
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-risk-b"));
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("rb");
		long item = new SalesFixtures(api, admin).product(tag + "-item", "Item " + tag);
		LocalDate today = LocalDate.now(clock);
		long faded = sales.contact("Faded", tag);
		for (int day = 500; day >= 300; day -= 40) {
			sales.fulfilledOrder(faded, today.minusDays(day), List.of(item), "20.00");
		}
		long loyal = sales.contact("Loyal", tag);
		for (int day = 200; day >= 5; day -= 30) {
			sales.fulfilledOrder(loyal, today.minusDays(day), List.of(item), "20.00");
		}

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = signedIn(context, rep.username(), rep.password());
			page.navigate(api.base() + "/analytics");
			page.locator("#risks-link").click();
			assertThat(page.locator("h1")).hasText("Customers at risk");
			var row = page.locator("#risk-" + faded);
			assertThat(row).containsText("Faded " + tag);
			assertThat(row.locator("li").first()).not().isEmpty();
			assertThat(page.locator("#risks tbody tr").first()).hasId("risk-" + faded);
			assertThat(page.locator("#risk-" + loyal)).isVisible();
			String reason = row.locator("li").first().textContent();
			row.getByText("Faded " + tag).click();
			// the same reason in the same words on the customer's analytics page
			assertThat(page.locator("#churn-reasons li").first()).hasText(reason);
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = signedIn(context, rep.username(), rep.password());
			page.navigate(api.base() + "/analytics/risks");
			assertThat(page.locator("h1")).hasText("流失风险客户");
			assertThat(page.locator("#risk-" + faded + " li").first()).containsText("：");
		}
	}

}
