package org.rapport.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The English and Chinese bundles hold the same keys, and every literal key a template uses exists. */
class MessageBundlesUnitTests {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

	@Test
	void englishAndChineseHaveTheSameKeys() throws IOException {
		Set<String> en = load("messages.properties");
		Set<String> zh = load("messages_zh_CN.properties");
		assertThat(new TreeSet<>(zh)).as("keys in Chinese").containsExactlyElementsOf(new TreeSet<>(en));
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> en = load("messages.properties");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = LITERAL_KEY.matcher(Files.readString(file));
				while (m.find()) {
					if (!en.contains(m.group(1))) {
						missing.add(file.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void chineseMessagesAreChinese() throws IOException {
		Properties zh = properties("messages_zh_CN.properties");
		assertThat(zh.getProperty("login.title")).isEqualTo("登录");
		assertThat(zh.getProperty("nav.contacts")).isEqualTo("联系人");
	}

	private static Set<String> load(String name) throws IOException {
		return properties(name).stringPropertyNames();
	}

	private static Properties properties(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = MessageBundlesUnitTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

}
