package org.rapport.service;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.support.Api;
import org.rapport.support.Api.Response;
import org.rapport.support.Browser;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin creates a queue on the set-up page, then edits it there; a stale form changes nothing. */
class ServiceSetupIntegrationTests extends IntegrationTest {

	@Autowired
	QueueManagement queues;

	@Test
	void anAdminEditsAQueueOnTheSetUpPage() {
		String name = Api.unique("Queue");
		Browser b = new Browser(api.base());
		b.login("admin", ADMIN_PASSWORD);
		Response page = b.get("/service/setup?lang=en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(b.postForm("/service/setup/queues", Map.of("_csrf", Browser.csrf(page.text()), "name", name,
				"assignment", "round-robin")).status()).isEqualTo(302);
		QueueView created = asSystem(() -> queues.list()).stream()
			.filter(q -> q.name().equals(name)).findFirst().orElseThrow();

		Response edit = b.get("/service/setup?editQueue=" + created.id() + "&lang=zh-CN");
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.text()).contains("value=\"" + name + "\"").contains("/service/setup/queues/" + created.id());
		String renamed = name + " (VIP)";
		Response saved = b.postForm("/service/setup/queues/" + created.id(), Map.of("_csrf", Browser.csrf(edit.text()),
				"version", Long.toString(created.version()), "name", renamed, "assignment", "fewest-open"));
		assertThat(saved.status()).isEqualTo(302);
		QueueView after = asSystem(() -> queues.get(created.id()));
		assertThat(after.name()).isEqualTo(renamed);
		assertThat(after.assignment()).isEqualTo("fewest-open");

		// the same (now stale) version again: refused, the queue keeps the first edit
		Response stale = b.postForm("/service/setup/queues/" + created.id(), Map.of("_csrf", Browser.csrf(edit.text()),
				"version", Long.toString(created.version()), "name", name + " stale", "assignment", "none"));
		assertThat(stale.status()).isNotEqualTo(500);
		assertThat(asSystem(() -> queues.get(created.id())).name()).isEqualTo(renamed);
	}

	private static <T> T asSystem(java.util.function.Supplier<T> work) {
		java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
		Actor.runAs(Actor.SYSTEM, () -> result.set(work.get()));
		return result.get();
	}

}
