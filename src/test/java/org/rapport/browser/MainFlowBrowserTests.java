package org.rapport.browser;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The main flow in a real browser (Debian's headless Chromium driven by Playwright): sign in, create
 * a contact, find it by part of its phone number, open its timeline, add a task, switch to Chinese.
 */
class MainFlowBrowserTests extends BrowserTest {

	@Test
	void signsInCreatesFindsByPhoneAddsTaskAndSwitchesToChinese() {
		String unique = Long.toString(System.nanoTime() % 10_000_000L);
		String digits = String.format("%07d", Long.parseLong(unique));
		String phone = "+1 (555) " + digits.substring(0, 3) + "-" + digits.substring(3);
		String family = "Lindqvist" + unique;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My open tasks")))
				.isVisible();

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts").setExact(true)).first().click();
			page.locator("#new-contact").click();
			page.getByLabel("Family name").fill(family);
			page.getByLabel("Given name").fill("Astrid");
			page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill("astrid" + unique + "@example.se");
			page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill(phone);
			page.getByLabel("Job title").fill("Head of Procurement");
			page.locator("#save").click();
			assertThat(page.locator("#contact-name")).hasText("Astrid " + family);

			page.navigate(api.base() + "/contacts");
			page.locator("#contact-search").pressSequentially(digits.substring(1, 6), new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
			assertThat(page.locator("#contacts-table tbody tr")).hasCount(1);
			page.locator("#contacts-table").getByText("Astrid " + family).click();

			assertThat(page.locator("#tab-timeline")).hasClass(java.util.regex.Pattern.compile(".*active.*"));
			page.locator("#activity-type").selectOption("task");
			page.locator("#activity-subject").fill("Send the renewal quote");
			page.locator("#activity-due").fill("2030-01-15T10:00");
			page.locator("#activity-submit").click();
			assertThat(page.locator("#timeline")).containsText("Send the renewal quote");
			assertThat(page.locator("#flash")).containsText("Task added");

			page.navigate(api.base() + "/");
			assertThat(page.locator("#open-tasks")).containsText("Send the renewal quote");

			page.locator("#lang-switch").click();
			assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
			assertThat(page.locator("#open-title")).containsText("我的待办任务");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("联系人").setExact(true)).first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("联系人"))).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/contacts-zh.png")).setFullPage(true));
		}
	}

}
