package org.rapport.browser;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales flow in a real browser: a lead from the public web form, converted into a deal, the
 * deal dragged across the kanban board to closed-won, and its revenue in the report.
 */
class SalesFlowBrowserTests extends BrowserTest {

	@Test
	void webFormLeadConvertedDraggedToWonAndCountedInRevenue() {
		String unique = Long.toString(System.nanoTime() % 100_000_000L);
		String company = "Fjord Analytics " + unique;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/forms/lead?source=website");
			page.getByLabel("Family name").fill("Berg" + unique);
			page.getByLabel("Given name").fill("Ingrid");
			page.getByLabel("E-mail").fill("ingrid" + unique + "@fjord.example");
			page.getByLabel("Company").fill(company);
			page.locator("#web-form-submit").click();
			assertThat(page.locator("#thanks")).isVisible();

			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(api.base() + "/reports/sales");
			BigDecimal wonBefore = amount(page.locator("#won-amount").textContent());

			page.navigate(api.base() + "/leads?q=" + unique);
			// the open lead is scored on the list and on its page, with its top reasons in words
			assertThat(page.locator("#leads-table td.lead-score .badge")).hasText(Pattern.compile("^\\d{1,3}$"));
			page.locator("#leads-table").getByText("Berg" + unique, new Locator.GetByTextOptions().setExact(false)).click();
			assertThat(page.locator("#lead-score-value")).hasText(Pattern.compile("^\\d{1,3}$"));
			int score = Integer.parseInt(page.locator("#lead-score-value").textContent().strip());
			assertThat(score).isBetween(0, 100);
			assertThat(page.locator("#lead-score-reasons li").first()).isVisible();
			assertThat(page.locator("#lead-score-reasons")).not().containsText("leadScore.");
			page.locator("#convert-lead").click();
			page.locator("#amount").fill("4321");
			page.locator("#currency").fill("USD");
			page.locator("#convert-submit").click();
			assertThat(page.locator("#deal-name")).containsText(company);
			String dealUrl = page.url();
			String dealId = dealUrl.substring(dealUrl.lastIndexOf('/') + 1);

			page.navigate(api.base() + "/deals");
			Locator card = page.locator("#deal-" + dealId);
			assertThat(card).isVisible();
			card.dragTo(page.locator("section.kanban-column[data-stage=closed_won] .kanban-drop"));
			assertThat(page.locator("section.kanban-column[data-stage=closed_won] #deal-" + dealId)).isVisible();

			page.navigate(dealUrl);
			assertThat(page.locator("#deal-stage")).hasText(Pattern.compile("Closed won"));
			page.navigate(api.base() + "/reports/sales");
			BigDecimal wonAfter = amount(page.locator("#won-amount").textContent());
			assertThat(wonAfter.subtract(wonBefore)).isEqualByComparingTo("4321");
		}
	}

	private static BigDecimal amount(String text) {
		return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
	}

}
