package org.rapport.browser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.rapport.support.Api;
import org.rapport.support.SalesFixtures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.rapport.support.SalesFixtures.line;

/**
 * The anomalies page in a real browser: reached from the analytics dashboard, a scan asked for and
 * followed to its end, the planted 10,000-unit order line flagged with its reason in words, the flag
 * on the customer's analytics page, and the page in Chinese.
 */
class AnomalyBrowserTests extends BrowserTest {

	@Test
	void scanFromThePageFlagsThePlantedLineWithItsReasonInBothLanguages() {
		String admin = admin();
		SalesFixtures sales = new SalesFixtures(api, admin);
		String tag = Api.unique("ab-anom");
		LocalDate today = LocalDate.now(clock);
		long regular = sales.contact("Regular", tag);
		for (int i = 0; i < 12; i++) {
			List<Map<String, Object>> lines = new ArrayList<>();
			for (int l = 0; l < 3; l++) {
				lines.add(line(1 + (7 * i + 3 * l) % 15, 20 + (5 * i + l) % 20, 0));
			}
			sales.confirmedOrder(regular, today.minusDays(i), lines);
		}
		long buyer = sales.contact("Bulk", tag);
		long huge = sales.confirmedOrder(buyer, today.minusDays(1), List.of(line(10_000, 25, 0)));

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = signedIn(context, "admin", ADMIN_PASSWORD);

			page.navigate(api.base() + "/analytics");
			page.locator("#anomalies-link").click();
			assertThat(page.locator("h1")).hasText("Anomalies");
			page.locator("#scan-now").click();
			assertThat(page.locator("#runs tbody tr").first().locator(".run-status")).hasText("Done",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(90_000));
			page.reload();
			var flag = page.locator("#order-flag-" + huge + "-1");
			assertThat(flag).containsText("quantity 10,000 is far above the usual");
			assertThat(flag).containsText("Bulk " + tag);

			flag.getByText("Bulk " + tag).click();
			assertThat(page.locator("#customer-anomalies")).containsText("quantity 10,000 is far above the usual");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = signedIn(context, "admin", ADMIN_PASSWORD);
			page.navigate(api.base() + "/analytics/anomalies");
			assertThat(page.locator("h1")).hasText("异常");
			assertThat(page.locator("#order-flag-" + huge + "-1")).containsText("数量 10,000 远高于通常的");
		}
	}

}
