package org.rapport.customers;

import java.util.function.Consumer;

import org.rapport.platform.Actor;
import org.rapport.platform.NotPermitted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every contact or account streamed in id order with the few fields whole-table jobs of other
 * modules compare (the data module's duplicate scan), without the cost of full views; only the
 * system may read them all this way.
 */
@Service
public class CustomerScans {

	/** Rows fetched per round trip while streaming. */
	static final int FETCH = 2_000;

	private final JdbcClient jdbc;

	CustomerScans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A contact's identifying fields: its first e-mail and phone, the company it works for, its address. */
	public record ContactKeys(long id, String firstName, String lastName, String email, String phone, String company,
			String street, String city, String postalCode, String region) {
	}

	/** An account's identifying fields. */
	public record AccountKeys(long id, String name, String website, String phone, String street, String city,
			String postalCode) {
	}

	/** Streams every contact to {@code each}; returns how many. */
	@Transactional(readOnly = true)
	public long contacts(Consumer<ContactKeys> each) {
		requireSystem();
		long[] count = { 0 };
		jdbc.sql("""
				select id, first_name, last_name, emails[1] email, phones[1] phone, company_name, street, city,
				  postal_code, region
				from contacts order by id""")
			.withFetchSize(FETCH)
			.query(rs -> {
				each.accept(new ContactKeys(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getString(10)));
				count[0]++;
			});
		return count[0];
	}

	/** Streams every account to {@code each}; returns how many. */
	@Transactional(readOnly = true)
	public long accounts(Consumer<AccountKeys> each) {
		requireSystem();
		long[] count = { 0 };
		jdbc.sql("select id, name, website, phone, street, city, postal_code from accounts order by id")
			.withFetchSize(FETCH)
			.query(rs -> {
				each.accept(new AccountKeys(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7)));
				count[0]++;
			});
		return count[0];
	}

	private static void requireSystem() {
		if (!Actor.current().isSystem()) {
			throw new NotPermitted("read every customer record");
		}
	}

}
