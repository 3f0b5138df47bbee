package org.rapport.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rapport.analytics.CustomerAnalytics.ChurnPart;
import org.rapport.analytics.CustomerAnalytics.History;
import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.Cursor;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;
import org.rapport.platform.UserDirectory;

import org.springframework.stereotype.Service;

/**
 * The churn risk list: the customers the actor may see ranked by their risk of leaving, each with
 * the same top reasons their analytics page shows. Scored on each request from the active churn
 * model (or, before any model, 1 − P(alive)) over the fulfilled orders the customer analytics read.
 */
@Service
public class ChurnRisks {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	private static final String SORT = "-risk";

	private final CustomerAnalytics analytics;

	private final ChurnModels churnModels;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final Clock clock;

	ChurnRisks(CustomerAnalytics analytics, ChurnModels churnModels, ContactManagement contacts, UserDirectory users,
			Clock clock) {
		this.analytics = analytics;
		this.churnModels = churnModels;
		this.contacts = contacts;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Which customers, and which page.
	 * @param ownerId only customers this user owns
	 * @param teamId only customers owned by this team's members
	 * @param limit 1–{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT})
	 * @param cursor the previous page's {@code nextCursor}
	 */
	public record RiskQuery(Long ownerId, Long teamId, Integer limit, String cursor) {
	}

	/**
	 * A customer at risk.
	 * @param account the account's name, if any
	 * @param email their first e-mail address (masked for analysts)
	 * @param risk probability of no order within the horizon, 0–1
	 * @param basis {@code model} or {@code bg-nbd} (the rules before any model is trained)
	 * @param reasons what raises the risk most, largest first (at most three)
	 */
	public record Risk(long contactId, String name, Long accountId, String account, String email, long ownerId,
			double risk, String basis, Integer horizonDays, List<CustomerAnalytics.Reason> reasons) {
	}

	/** A page of the list, riskiest first (ties by contact id). */
	public Page<Risk> list(RiskQuery query) {
		int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to " + MAX_LIMIT);
		}
		Cursor after = query.cursor() == null || query.cursor().isBlank() ? null : Cursor.decode(query.cursor(), SORT);
		List<Risk> all = all(query.ownerId(), query.teamId());
		List<Risk> page = new ArrayList<>();
		for (Risk r : all) {
			if (after != null && !isAfter(r, after)) {
				continue;
			}
			if (page.size() == limit) {
				Risk last = page.get(limit - 1);
				return new Page<>(page, new Cursor(SORT, Double.toString(last.risk()), last.contactId()).encode());
			}
			page.add(r);
		}
		return new Page<>(page, null);
	}

	private static boolean isAfter(Risk r, Cursor c) {
		double key;
		try {
			key = Double.parseDouble(c.key());
		}
		catch (RuntimeException ex) {
			throw InvalidInput.of("cursor", "invalid", "Not a cursor of this list; start again without it");
		}
		return r.risk() < key || (r.risk() == key && r.contactId() > c.id());
	}

	/** The whole list for the actor, riskiest first (for the export). */
	public List<Risk> all(Long ownerId, Long teamId) {
		if (teamId != null && users.teamName(teamId).isEmpty()) {
			throw InvalidInput.of("teamId", "unknown", "No such team");
		}
		LocalDate asOf = LocalDate.now(clock);
		History history = analytics.history(asOf);
		Map<Long, ChurnPart> scored = score(history, asOf);
		Map<Long, ContactManagement.Listed> visible = contacts.visibleListed(scored.keySet());
		Set<Long> owners = teamId == null ? null
				: users.teamMembers(teamId).stream().map(UserDirectory.UserSummary::id).collect(Collectors.toSet());
		List<Risk> out = new ArrayList<>();
		visible.forEach((id, c) -> {
			if ((ownerId != null && c.ownerId() != ownerId) || (owners != null && !owners.contains(c.ownerId()))) {
				return;
			}
			ChurnPart p = scored.get(id);
			out.add(new Risk(id, c.displayName(), c.accountId(), c.accountName(), c.email(), c.ownerId(), p.risk(),
					p.basis(), p.horizonDays(), p.reasons()));
		});
		out.sort(Comparator.comparingDouble(Risk::risk).reversed().thenComparingLong(Risk::contactId));
		return out;
	}

	/** Every customer with orders in the history, scored as their analytics page scores them. */
	private Map<Long, ChurnPart> score(History history, LocalDate asOf) {
		Map<Long, ChurnPart> out = new java.util.LinkedHashMap<>();
		ChurnModels.Active active = churnModels.active();
		if (active != null) {
			Map<Long, ChurnPipeline.Customer> now = churnModels.features(history, asOf, 0, null);
			now.forEach((id, c) -> out.put(id, CustomerAnalytics.modelRisk(active, c)));
			return out;
		}
		ClvReport report = analytics.clvReport(history, asOf);
		if (report != null) {
			for (ClvReport.CustomerValue v : report.customers()) {
				long id = Long.parseLong(v.customerId());
				if (history.customers.containsKey(id)) {
					out.put(id, CustomerAnalytics.rulesRisk(history, id, asOf, v.pAlive()));
				}
			}
		}
		return out;
	}

}
