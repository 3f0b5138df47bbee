package org.rapport.analytics.leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.rapport.sales.LeadScores.LeadScore;
import org.rapport.sales.LeadScores.Reason;
import org.rapport.sales.LeadView;

/**
 * The cold-start score, while there are too few closed leads to learn from: {@value #BASE} points to
 * start with, plus or minus fixed points per attribute ({@link #TABLE}), kept between 0 and 100. The
 * reasons are the rules that applied, largest first.
 */
public final class LeadRules {

	public static final int BASE = 20;

	/** Changed within this many days counts as recent activity. */
	public static final int RECENT_DAYS = 14;

	/** Older than this many days costs points. */
	public static final int OLD_DAYS = 90;

	static final Set<String> REFERRAL = Set.of("referral", "partner", "推荐", "转介绍");

	static final Set<String> INBOUND = Set.of("web-form", "website", "web", "webinar", "inbound", "网站", "官网");

	/**
	 * One rule of the table.
	 *
	 * @param feature the feature it reads
	 * @param when which value of it the rule wants (a short name)
	 * @param points what it adds
	 */
	public record Rule(String feature, String when, int points) {

		public String messageKey() {
			return "leadScoring.rule." + feature + "." + when;
		}

	}

	/** The rules, as documented in docs/analytics.md. */
	public static final List<Rule> TABLE = List.of(new Rule(LeadFeatures.EMAIL, "work", 15),
			new Rule(LeadFeatures.EMAIL, "free", 5), new Rule(LeadFeatures.PHONE, "yes", 10),
			new Rule(LeadFeatures.COMPANY, "yes", 10), new Rule(LeadFeatures.WEBSITE, "yes", 5),
			new Rule(LeadFeatures.SENIORITY, "executive", 15), new Rule(LeadFeatures.SENIORITY, "director", 12),
			new Rule(LeadFeatures.SENIORITY, "manager", 8), new Rule(LeadFeatures.SOURCE, "referral", 10),
			new Rule(LeadFeatures.SOURCE, "inbound", 5), new Rule(LeadFeatures.NOTES, "any", 5),
			new Rule("recentActivity", "recent", 10), new Rule(LeadFeatures.UPDATES, "twice", 5),
			new Rule(LeadFeatures.AGE, "old", -10));

	private LeadRules() {
	}

	public static LeadScore score(LeadView lead, Instant now) {
		Instant asOf = LeadFeatures.closedAt(lead) != null ? LeadFeatures.closedAt(lead) : now;
		List<Reason> reasons = new ArrayList<>();
		String email = LeadFeatures.emailKind(lead.email());
		if (!LeadFeatures.NONE.equals(email)) {
			add(reasons, LeadFeatures.EMAIL, email, "work".equals(email) ? 15 : 5);
		}
		if (present(lead.phone())) {
			add(reasons, LeadFeatures.PHONE, "yes", 10);
		}
		if (present(lead.company())) {
			add(reasons, LeadFeatures.COMPANY, "yes", 10);
		}
		if (present(lead.website())) {
			add(reasons, LeadFeatures.WEBSITE, "yes", 5);
		}
		String seniority = LeadFeatures.seniority(lead.title());
		switch (seniority) {
			case "executive" -> add(reasons, LeadFeatures.SENIORITY, seniority, 15);
			case "director" -> add(reasons, LeadFeatures.SENIORITY, seniority, 12);
			case "manager" -> add(reasons, LeadFeatures.SENIORITY, seniority, 8);
			default -> {
			}
		}
		String source = LeadFeatures.source(lead.source());
		if (REFERRAL.contains(source)) {
			add(reasons, LeadFeatures.SOURCE, source, 10);
		}
		else if (INBOUND.contains(source)) {
			add(reasons, LeadFeatures.SOURCE, source, 5);
		}
		if (present(lead.notes())) {
			reasons.add(new Reason(LeadFeatures.NOTES, Integer.toString(lead.notes().strip().length()), 5,
					LeadFeatures.messageKey(LeadFeatures.NOTES, "1")));
		}
		long sinceChange = LeadFeatures.ageDays(lead.updatedAt(), asOf);
		if (sinceChange <= RECENT_DAYS) {
			reasons.add(new Reason("recentActivity", Long.toString(sinceChange), 10, "leadScore.reason.recentActivity"));
		}
		long updates = LeadFeatures.updates(lead);
		if (updates >= 2) {
			reasons.add(new Reason(LeadFeatures.UPDATES, Long.toString(updates), 5,
					LeadFeatures.messageKey(LeadFeatures.UPDATES, "")));
		}
		long age = LeadFeatures.ageDays(lead.createdAt(), asOf);
		if (age > OLD_DAYS) {
			reasons.add(new Reason(LeadFeatures.AGE, Long.toString(age), -10, LeadFeatures.messageKey(LeadFeatures.AGE, "")));
		}
		int points = BASE + reasons.stream().mapToInt(r -> (int) r.effect()).sum();
		List<Reason> sorted = reasons.stream().sorted(Comparator.comparingDouble((Reason r) -> -Math.abs(r.effect()))).toList();
		return new LeadScore(Math.max(0, Math.min(100, points)), "rules", sorted, null);
	}

	private static void add(List<Reason> reasons, String feature, String value, int points) {
		reasons.add(new Reason(feature, value, points, LeadFeatures.messageKey(feature, value)));
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

}
