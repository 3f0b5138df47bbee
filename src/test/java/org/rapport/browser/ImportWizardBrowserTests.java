package org.rapport.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The import wizard in a real browser: a GBK file with Chinese names uploaded, its encoding and
 * delimiter shown, a dry run, then the real run with the progress page polling until done; then
 * the duplicates queue, the data quality page and the export buttons, in both languages.
 */
class ImportWizardBrowserTests extends BrowserTest {

	@Test
	void uploadPreviewDryRunThenRunWithProgress() throws Exception {
		String unique = Long.toString(System.nanoTime() % 100_000_000L);
		Path file = Files.createTempFile("wizard", ".csv");
		Files.write(file, ("姓名;手机;邮箱;标签\n张晓明;138 1234 5678;zxm" + unique + "@wizard.cn;w" + unique + "\n"
				+ "欧阳娜娜;139 0000 1111;oyn" + unique + "@wizard.cn;w" + unique + "\n"
				+ "李四;12;ls" + unique + "@wizard.cn;w" + unique + "\n").getBytes(Charset.forName("GBK")));
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(api.base() + "/data");
			page.locator("#file").setInputFiles(file);
			page.locator("#entity").selectOption("contacts");
			page.locator("#upload").click();
			assertThat(page.locator("#detected-encoding")).hasText("GB18030");
			assertThat(page.locator("#detected-delimiter")).hasText(";");
			assertThat(page.locator("#detected-rows")).hasText("3");
			assertThat(page.locator("#map0")).hasValue("fullName");
			page.locator("#defaultCountry").fill("CN");
			page.locator("#start").click();

			assertThat(page.locator("#import-status")).hasText("Done", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
			assertThat(page.locator("#rows-rejected")).hasText("1");
			assertThat(page.locator("#rows-written")).hasText("0");
			assertThat(page.locator("#error-table")).containsText("Not a valid phone number");
			page.locator("#run-for-real").click();
			assertThat(page.locator("#import-status")).hasText("Done", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
			assertThat(page.locator("#rows-written")).hasText("2");

			page.navigate(api.base() + "/contacts?tag=w" + unique);
			assertThat(page.locator("#main")).containsText("娜娜");
			assertThat(page.locator("#export-csv")).hasAttribute("href", Pattern.compile("/api/v1/contacts/export\\?format=csv.*tag=w" + unique));

			page.navigate(api.base() + "/data/duplicates");
			assertThat(page.locator("#duplicates-table")).isVisible();
			page.navigate(api.base() + "/data/quality?show=stale");
			assertThat(page.locator("#examined")).not().hasText("0");
			page.navigate(api.base() + "/data?lang=zh-CN");
			assertThat(page.locator("h1")).hasText("导入");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void ordersAreOfferedAndImportedInBothLanguages() throws Exception {
		String unique = Long.toString(System.nanoTime() % 100_000_000L);
		String token = admin();
		new org.rapport.support.SalesFixtures(api, token).product("WZ-" + unique, "Wizard kit " + unique);
		String email = "orders" + unique + "@wizard.example";
		api.post("/api/v1/contacts", token, Map.of("firstName", "Olga", "lastName", "Orders" + unique, "email", email));
		Path file = Files.createTempFile("wizard-orders", ".csv");
		Files.writeString(file, "订单号,客户,货号,数量,单价\n" + "W" + unique + "," + email + ",WZ-" + unique + ",2,9.90\n" + "W"
				+ unique + "," + email + ",WZ-" + unique + ",1,9.90\n");
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.locator("#username").fill("admin");
			page.locator("#password").fill(ADMIN_PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(api.base() + "/data?lang=zh-CN");
			assertThat(page.locator("#entity option[value=orders]")).hasText("订单");
			page.locator("#file").setInputFiles(file);
			page.locator("#entity").selectOption("orders");
			page.locator("#upload").click();
			assertThat(page.locator("#orders-hint")).containsText("订单号相同的行组成一个订单");
			assertThat(page.locator("#map0")).hasValue("orderNumber");
			assertThat(page.locator("#map2")).hasValue("product");
			page.locator("#start").click();
			assertThat(page.locator("#rows-written")).hasText("0");
			page.locator("#run-for-real").click();
			assertThat(page.locator("#rows-written")).hasText("2",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));

			page.navigate(api.base() + "/data?lang=en");
			assertThat(page.locator("#entity option[value=orders]")).hasText("Orders");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
