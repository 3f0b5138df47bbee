package org.rapport.analytics.leads;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.rapport.analytics.churn.ChurnPipeline;
import org.rapport.sales.LeadView;

/**
 * What a lead is described by, as of a moment: for a closed lead the moment it closed (what was known
 * when it was decided), for an open one now. Categories: source, e-mail kind (work, free, none), title
 * seniority (executive, director, manager, staff, none), whether it has a phone, a company and a
 * website, and its country; numbers: how many times it was changed before (its version; the change
 * that closed a lead does not count), its age in days and the length of its notes. Leads carry no
 * activities of their own in Rapport (calls and meetings are logged on contacts and accounts), so the
 * changes stand for the work done on a lead.
 */
public final class LeadFeatures {

	public static final String SOURCE = "source";

	public static final String EMAIL = "emailKind";

	public static final String SENIORITY = "seniority";

	public static final String PHONE = "phone";

	public static final String COMPANY = "company";

	public static final String WEBSITE = "website";

	public static final String COUNTRY = "country";

	public static final String NOTES = "notes";

	public static final String UPDATES = "updates";

	public static final String AGE = "ageDays";

	/** Categories whose values are a fixed set (each value has its own words). */
	public static final Set<String> ENUMERATED = Set.of(EMAIL, SENIORITY, PHONE, COMPANY, WEBSITE);

	public static final String NONE = "none";

	/** Free mail providers: a lead writing from one of them gave no work address. */
	private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "aol.com", "icloud.com", "me.com",
			"mac.com", "msn.com", "mail.ru", "yandex.ru", "web.de", "proton.me", "protonmail.com", "zoho.com", "gmx.com",
			"gmx.de", "gmx.net", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn",
			"sohu.com", "139.com", "aliyun.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com");

	/** Providers with a domain per country (yahoo.co.uk, hotmail.fr…). */
	private static final Pattern FREE_MAIL_FAMILY = Pattern.compile("(yahoo|hotmail|outlook|live|gmx)\\.[a-z.]+");

	private static final Pattern DIRECTOR_FIRST = Pattern.compile(
			"\\b(vice[ -]president|vp|svp|evp|avp)\\b|副总");

	private static final Pattern EXECUTIVE = Pattern.compile(
			"\\b(ceo|cto|cfo|coo|cio|cmo|cro|chief|founder|co-founder|cofounder|owner|president|partner|proprietor"
					+ "|managing director|general manager|chairman|chairwoman)\\b|总经理|总裁|董事|创始人|首席|老板|合伙人|负责人");

	private static final Pattern DIRECTOR = Pattern.compile("\\b(director|head|principal)\\b|总监|主任|部长");

	private static final Pattern MANAGER = Pattern.compile("\\b(manager|lead|supervisor|team lead)\\b|经理|主管|组长");

	private LeadFeatures() {
	}

	/** When a closed lead closed: converted, or (disqualified) its last change; {@code null} while open. */
	public static Instant closedAt(LeadView lead) {
		if ("converted".equals(lead.status())) {
			return lead.convertedAt() != null ? lead.convertedAt() : lead.updatedAt();
		}
		return "disqualified".equals(lead.status()) ? lead.updatedAt() : null;
	}

	public static boolean isClosed(LeadView lead) {
		return "converted".equals(lead.status()) || "disqualified".equals(lead.status());
	}

	/** The lead as the pipeline reads it; {@code now} is used for an open lead. */
	public static ChurnPipeline.Customer of(LeadView lead, Instant now) {
		Instant closed = closedAt(lead);
		Instant asOf = closed != null ? closed : now;
		Map<String, String> categories = new LinkedHashMap<>();
		categories.put(SOURCE, source(lead.source()));
		categories.put(EMAIL, emailKind(lead.email()));
		categories.put(SENIORITY, seniority(lead.title()));
		categories.put(PHONE, yesNo(lead.phone()));
		categories.put(COMPANY, yesNo(lead.company()));
		categories.put(WEBSITE, yesNo(lead.website()));
		categories.put(COUNTRY, lead.country() == null || lead.country().isBlank() ? NONE : lead.country().strip());
		Map<String, Double> numbers = new LinkedHashMap<>();
		numbers.put(UPDATES, (double) updates(lead));
		numbers.put(AGE, (double) ageDays(lead.createdAt(), asOf));
		numbers.put(NOTES, (double) (lead.notes() == null ? 0 : lead.notes().strip().length()));
		// "churned" is the pipeline's positive outcome: here, converted
		return new ChurnPipeline.Customer(Long.toString(lead.id()), numbers, categories, "converted".equals(lead.status()));
	}

	/** Changes made to the lead while it was open (the one that closed it does not count). */
	public static long updates(LeadView lead) {
		return Math.max(0, isClosed(lead) ? lead.version() - 1 : lead.version());
	}

	public static long ageDays(Instant created, Instant asOf) {
		return Math.max(0, Duration.between(created, asOf).toDays());
	}

	public static String source(String source) {
		return source == null || source.isBlank() ? NONE : source.strip().toLowerCase(Locale.ROOT);
	}

	private static String yesNo(String value) {
		return value == null || value.isBlank() ? "no" : "yes";
	}

	/** {@code work}, {@code free} (a free mail provider) or {@code none}; reads a masked address too. */
	public static String emailKind(String email) {
		if (email == null || email.isBlank()) {
			return NONE;
		}
		int at = email.lastIndexOf('@');
		String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
		return FREE_MAIL.contains(domain) || FREE_MAIL_FAMILY.matcher(domain).matches() ? "free" : "work";
	}

	/** How senior a job title reads, from its words in English or Chinese. */
	public static String seniority(String title) {
		if (title == null || title.isBlank()) {
			return NONE;
		}
		String t = title.toLowerCase(Locale.ROOT);
		if (DIRECTOR_FIRST.matcher(t).find()) {
			return "director";
		}
		if (EXECUTIVE.matcher(t).find()) {
			return "executive";
		}
		if (DIRECTOR.matcher(t).find()) {
			return "director";
		}
		return MANAGER.matcher(t).find() ? "manager" : "staff";
	}

	/** The message key of a reason in words ({@code {0}} is the value). */
	public static String messageKey(String feature, String value) {
		if (ENUMERATED.contains(feature)) {
			return "leadScore.reason." + feature + "." + value;
		}
		if ((SOURCE.equals(feature) || COUNTRY.equals(feature)) && NONE.equals(value)
				|| NOTES.equals(feature) && "0".equals(value)) {
			return "leadScore.reason." + feature + ".none";
		}
		return "leadScore.reason." + feature;
	}

	/** The features in the order the documentation lists them. */
	public static final List<String> ALL = List.of(SOURCE, EMAIL, SENIORITY, PHONE, COMPANY, WEBSITE, COUNTRY, UPDATES,
			AGE, NOTES);

}
