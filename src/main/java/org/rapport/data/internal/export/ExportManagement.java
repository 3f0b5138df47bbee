package org.rapport.data.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.AccountQuery;
import org.rapport.customers.AccountView;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Exports of the contact and account lists with the user's filters and chosen columns, page by page
 * through the facades (so access rules apply and memory stays flat), and the full JSON export of
 * accounts with their contacts.
 */
@Service
public class ExportManagement {

	private static final int PAGE = 200;

	static final Map<String, Function<ContactView, Object>> CONTACT_COLUMNS = new LinkedHashMap<>();

	static final Map<String, Function<AccountView, Object>> ACCOUNT_COLUMNS = new LinkedHashMap<>();

	static {
		CONTACT_COLUMNS.put("id", ContactView::id);
		CONTACT_COLUMNS.put("firstName", ContactView::firstName);
		CONTACT_COLUMNS.put("lastName", ContactView::lastName);
		CONTACT_COLUMNS.put("displayName", ContactView::displayName);
		CONTACT_COLUMNS.put("title", ContactView::title);
		CONTACT_COLUMNS.put("email", ContactView::email);
		CONTACT_COLUMNS.put("phone", ContactView::phone);
		CONTACT_COLUMNS.put("company", ContactView::accountName);
		CONTACT_COLUMNS.put("street", ContactView::street);
		CONTACT_COLUMNS.put("city", ContactView::city);
		CONTACT_COLUMNS.put("region", ContactView::region);
		CONTACT_COLUMNS.put("postalCode", ContactView::postalCode);
		CONTACT_COLUMNS.put("country", ContactView::country);
		CONTACT_COLUMNS.put("lifecycleStage", ContactView::lifecycleStage);
		CONTACT_COLUMNS.put("source", ContactView::source);
		CONTACT_COLUMNS.put("owner", ContactView::ownerName);
		CONTACT_COLUMNS.put("tags", c -> String.join(";", c.tags()));
		CONTACT_COLUMNS.put("createdAt", c -> String.valueOf(c.createdAt()));
		CONTACT_COLUMNS.put("updatedAt", c -> String.valueOf(c.updatedAt()));
		ACCOUNT_COLUMNS.put("id", AccountView::id);
		ACCOUNT_COLUMNS.put("name", AccountView::name);
		ACCOUNT_COLUMNS.put("industry", AccountView::industry);
		ACCOUNT_COLUMNS.put("size", AccountView::size);
		ACCOUNT_COLUMNS.put("website", AccountView::website);
		ACCOUNT_COLUMNS.put("phone", AccountView::phone);
		ACCOUNT_COLUMNS.put("street", AccountView::street);
		ACCOUNT_COLUMNS.put("city", AccountView::city);
		ACCOUNT_COLUMNS.put("region", AccountView::region);
		ACCOUNT_COLUMNS.put("postalCode", AccountView::postalCode);
		ACCOUNT_COLUMNS.put("country", AccountView::country);
		ACCOUNT_COLUMNS.put("owner", AccountView::ownerName);
		ACCOUNT_COLUMNS.put("tags", a -> String.join(";", a.tags()));
		ACCOUNT_COLUMNS.put("contactCount", AccountView::contactCount);
		ACCOUNT_COLUMNS.put("createdAt", a -> String.valueOf(a.createdAt()));
		ACCOUNT_COLUMNS.put("updatedAt", a -> String.valueOf(a.updatedAt()));
	}

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	private final JsonMapper json;

	ExportManagement(ContactManagement contacts, AccountManagement accounts, JsonMapper json) {
		this.contacts = contacts;
		this.accounts = accounts;
		this.json = json;
	}

	public static String format(String format) {
		String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(java.util.Locale.ROOT);
		if (!f.equals("csv") && !f.equals("xlsx")) {
			throw InvalidInput.of("format", "one-of", "One of csv, xlsx");
		}
		return f;
	}

	/** The requested columns (comma-separated; custom fields as cf.key), checked, or all standard columns. */
	static List<String> columns(String requested, Map<String, ?> known) {
		if (requested == null || requested.isBlank()) {
			return new ArrayList<>(known.keySet());
		}
		List<String> columns = new ArrayList<>();
		for (String c : requested.split(",")) {
			String column = c.strip();
			if (!known.containsKey(column) && !(column.startsWith("cf.") && column.length() > 3)) {
				throw InvalidInput.of("columns", "unknown-column", "Unknown column \"" + column + "\"");
			}
			columns.add(column);
		}
		return columns;
	}

	/** Checks the request before anything is written, so a bad one is a clean 400. */
	public List<String> contactColumns(String requested) {
		return columns(requested, CONTACT_COLUMNS);
	}

	public List<String> accountColumns(String requested) {
		return columns(requested, ACCOUNT_COLUMNS);
	}

	public void contacts(ContactQuery query, List<String> columns, String format, OutputStream out) {
		try (TableWriter writer = TableWriter.of(format, out)) {
			writer.row(columns);
			String cursor = null;
			do {
				Page<ContactView> page = contacts.list(new ContactQuery(query.q(), query.ownerId(), query.accountId(),
						query.lifecycleStage(), query.tag(), query.custom(), query.sort(), PAGE, cursor));
				for (ContactView c : page.items()) {
					List<Object> cells = new ArrayList<>(columns.size());
					for (String column : columns) {
						cells.add(column.startsWith("cf.") ? c.customFields().get(column.substring(3))
								: CONTACT_COLUMNS.get(column).apply(c));
					}
					writer.row(cells);
				}
				cursor = page.nextCursor();
			}
			while (cursor != null);
		}
	}

	public void accounts(AccountQuery query, List<String> columns, String format, OutputStream out) {
		try (TableWriter writer = TableWriter.of(format, out)) {
			writer.row(columns);
			String cursor = null;
			do {
				Page<AccountView> page = accounts.list(new AccountQuery(query.q(), query.ownerId(), query.industry(),
						query.tag(), query.custom(), query.sort(), PAGE, cursor));
				for (AccountView a : page.items()) {
					List<Object> cells = new ArrayList<>(columns.size());
					for (String column : columns) {
						cells.add(column.startsWith("cf.") ? a.customFields().get(column.substring(3))
								: ACCOUNT_COLUMNS.get(column).apply(a));
					}
					writer.row(cells);
				}
				cursor = page.nextCursor();
			}
			while (cursor != null);
		}
	}

	/** Every visible account matching the query with all its fields and its contacts, as one JSON array, streamed. */
	public void accountsJson(AccountQuery query, OutputStream out) {
		try {
			out.write('[');
			boolean first = true;
			String cursor = null;
			do {
				Page<AccountView> page = accounts.list(new AccountQuery(query.q(), query.ownerId(), query.industry(),
						query.tag(), query.custom(), query.sort(), PAGE, cursor));
				for (AccountView a : page.items()) {
					List<ContactView> people = new ArrayList<>();
					String inner = null;
					do {
						Page<ContactView> cp = contacts.list(new ContactQuery(null, null, a.id(), null, null, null, null, PAGE, inner));
						people.addAll(cp.items());
						inner = cp.nextCursor();
					}
					while (inner != null);
					Map<String, Object> item = new LinkedHashMap<>();
					item.put("account", a);
					item.put("contacts", people);
					if (!first) {
						out.write(',');
					}
					first = false;
					out.write(json.writeValueAsString(item).getBytes(StandardCharsets.UTF_8));
				}
				cursor = page.nextCursor();
			}
			while (cursor != null);
			out.write(']');
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
