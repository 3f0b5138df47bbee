package org.rapport.customers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.platform.Actor;
import org.rapport.platform.Role;
import org.rapport.platform.UserDirectory;
import org.rapport.support.Api;
import org.rapport.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact lookup used by duplicate checks: by e-mail or phone digits in any format, only visible contacts. */
class ContactLookupIntegrationTests extends IntegrationTest {

	@Autowired
	ContactManagement contacts;

	@Autowired
	UserDirectory users;

	@Test
	void findsByEmailOrPhoneInAnyFormatAndOnlyWhatTheActorMaySee() {
		String admin = admin();
		String tag = Api.unique("lk").replace("-", "");
		Api.TestUser rep = api.newUser(admin, "SALES_REP", Api.unique("team-lk"));
		String digits = String.format("%08d", Math.abs(tag.hashCode()) % 100_000_000);
		long own = api.post("/api/v1/contacts", rep.token(), Map.of("firstName", "Lin", "lastName",
				"Ma" + tag, "email", "lin." + tag + "@example.cn", "phone", "+86 139 " + digits.substring(0, 4) + " "
						+ digits.substring(4))).id();
		long other = api.post("/api/v1/contacts", admin, Map.of("firstName", "Lin", "lastName", "Ma" + tag, "email",
				"other." + tag + "@example.cn")).id();

		Actor repActor = new Actor(rep.id(), rep.username(), rep.username(), Role.SALES_REP, null);
		Actor.runAs(repActor, () -> {
			assertThat(ids(contacts.findByEmailOrPhone("LIN." + tag.toUpperCase() + "@EXAMPLE.CN", null, 20))).containsExactly(own);
			assertThat(ids(contacts.findByEmailOrPhone(null, "(139) " + digits.substring(0, 4) + "-" + digits.substring(4), 20)))
				.containsExactly(own);
			// the admin's contact exists but is not the rep's: not found
			assertThat(contacts.findByEmailOrPhone("other." + tag + "@example.cn", null, 20)).isEmpty();
			assertThat(contacts.findByEmailOrPhone(null, "12345", 20)).isEmpty();
		});
		UserDirectory.UserSummary adminUser = users.activeUsers().stream().filter(u -> u.username().equals("admin"))
			.findFirst().orElseThrow();
		Actor.runAs(new Actor(adminUser.id(), "admin", "admin", Role.ADMIN, null), () -> assertThat(
				ids(contacts.findByEmailOrPhone("other." + tag + "@example.cn", "+86 139 " + digits, 20)))
			.containsExactlyInAnyOrder(own, other));
	}

	private static List<Long> ids(List<ContactView> views) {
		return views.stream().map(ContactView::id).toList();
	}

}
