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
 * The lifetime-value check page in a real browser: reached from the analytics dashboard, planted 2007 (years
 * before the other CLV tests' orders, which share the database and would fall in a three-year window)
 * orders shown as both models' parameters, the chart and the weekly table through calibration and
 * hold-out, the fit registered with the button, no link or page for a support agent, and the page in Chinese.
 */
class ClvCheckBrowserTests extends BrowserTest {

	static final LocalDate AS_OF = LocalDate.of(2007, 12, 30);

	@Test
	void showsTheParametersAndTheWeeklyCheckAndRegistersTheFitInBothLanguages() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("clvb");
		long product = sales.product(tag + "-p", "Product " + tag);
		LocalDate start = LocalDate.of(2007, 1, 1);
		for (int c = 0; c < 10; c++) {
			long id = sales.contact("Clvb" + c, tag);
			int every = 30 + 15 * (c % 4);
			int orders = c % 3 == 0 ? 2 : 6;
			for (int j = 0; j < orders; j++) {
				sales.fulfilledOrder(id, start.plusDays(4L * c + (long) every * j), List.of(product), (30 + 5 * c + j) + ".00");
			}
		}
		String url = api.base() + "/analytics/clv?asOf=" + AS_OF;

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = signedIn(context, "admin", ADMIN_PASSWORD);
			page.navigate(api.base() + "/analytics");
			page.locator("#clv-link").click();
			assertThat(page.locator("h1")).hasText("Lifetime value: model check");

			page.navigate(url);
			assertThat(page.locator("#clv-summary")).containsText("10 customers; orders from");
			assertThat(page.locator("#clv-summary")).containsText("(the last 17 weeks)");
			assertThat(page.locator("#clv-parameters tbody tr")).hasCount(5);
			assertThat(page.locator("#clv-parameters")).containsText("α");
			assertThat(page.locator("#gg-parameters tbody tr")).hasCount(4);
			assertThat(page.locator("#clv-chart")).isVisible();
			assertThat(page.locator("#clv-weeks tbody tr")).hasCount(52);
			assertThat(page.locator("#clv-weeks tbody tr").first()).containsText("Calibration");
			assertThat(page.locator("#clv-weeks tbody tr").last()).containsText("Hold-out");
			assertThat(page.locator("#clv-holdout")).containsText("mean absolute error");
			assertThat(page.locator("#clv-csv")).hasAttribute("href", "/analytics/clv.csv?asOf=" + AS_OF + "&holdoutWeeks=17");

			page.locator("#clv-register").click();
			assertThat(page.locator("#registered")).containsText("Registered as clv version");
			assertThat(page.locator("#clv-summary")).containsText("(the last 17 weeks)");
		}
		// a support agent sees no link to the company-wide check and is refused the page
		Api.TestUser agent = api.newUser(admin, "SUPPORT_AGENT", Api.unique("team-clvb"));
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = signedIn(context, agent.username(), agent.password());
			page.navigate(api.base() + "/analytics");
			assertThat(page.locator("#clusters-link")).isVisible();
			assertThat(page.locator("#clv-link")).hasCount(0);
			page.navigate(url);
			assertThat(page.locator("#clv-summary")).hasCount(0);
			assertThat(page.locator("h1")).not().hasText("Lifetime value: model check");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = signedIn(context, "admin", ADMIN_PASSWORD);
			page.navigate(url);
			assertThat(page.locator("h1")).hasText("客户终身价值：模型检验");
			assertThat(page.locator("#clv-summary")).containsText("10 位客户");
			assertThat(page.locator("#clv-weeks tbody tr").last()).containsText("保留期");
			assertThat(page.locator("#clv-chart")).isVisible();
		}
	}

}
