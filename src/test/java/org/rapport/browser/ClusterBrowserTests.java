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
 * The customer clusters page in a real browser: reached from the analytics dashboard, a team's two
 * planted groups shown as two described clusters with their sizes, a cluster drilled into down to
 * its customers' pages, and the page in Chinese.
 */
class ClusterBrowserTests extends BrowserTest {

	@Test
	void plantedGroupsShowAsDescribedClustersWithTheirCustomersInBothLanguages() {
		String admin = admin();
		String teamName = Api.unique("team-cb");
		Api.TestUser rep = api.newUser(admin, "SALES_REP", teamName);
		SalesFixtures sales = new SalesFixtures(api, rep.token());
		String tag = Api.unique("cb");
		long lamp = new SalesFixtures(api, admin).product(tag + "-lamp", "Lamp " + tag);
		LocalDate today = LocalDate.now(clock);
		for (int c = 0; c < 3; c++) {
			long id = sales.contact("Big" + c, tag);
			for (int j = 0; j < 4; j++) {
				sales.fulfilledOrder(id, today.minusDays(2 + c + 20L * j), List.of(lamp), "800.00");
			}
		}
		for (int c = 0; c < 4; c++) {
			sales.fulfilledOrder(sales.contact("Small" + c, tag), today.minusDays(300 + 3L * c), List.of(lamp), "5.00");
		}
		long teamId = api.get("/api/v1/users/" + rep.id(), admin).json().get("teamId").asLong();

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = signedIn(context, "admin", ADMIN_PASSWORD);
			page.navigate(api.base() + "/analytics");
			page.locator("#clusters-link").click();
			assertThat(page.locator("h1")).hasText("Customer clusters");

			page.navigate(api.base() + "/analytics/clusters?teamId=" + teamId);
			assertThat(page.locator("#summary")).containsText("7 customers, 2 clusters");
			assertThat(page.locator("#silhouette-table tbody tr")).hasCount(5);
			assertThat(page.locator("#cluster-1 .cluster-size")).hasText("3");
			assertThat(page.locator("#cluster-1 .cluster-description")).containsText("spend far above average");
			assertThat(page.locator("#cluster-2 .cluster-size")).hasText("4");
			assertThat(page.locator("#cluster-2 .cluster-description")).containsText("spend below average");
			assertThat(page.locator("#cluster-1 canvas")).hasCount(1);

			page.locator("#cluster-2 .cluster-members").click();
			assertThat(page.locator("#members tbody tr")).hasCount(4);
			page.locator("#members").getByText("Small0 " + tag).click();
			assertThat(page.locator("h1")).containsText("Small0 " + tag);
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = signedIn(context, "admin", ADMIN_PASSWORD);
			page.navigate(api.base() + "/analytics/clusters?teamId=" + teamId);
			assertThat(page.locator("h1")).hasText("客户聚类");
			assertThat(page.locator("#summary")).containsText("7 位客户，2 个聚类");
			assertThat(page.locator("#cluster-1 .cluster-description")).containsText("消费额远高于平均");
		}
	}

}
