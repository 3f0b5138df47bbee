package org.rapport.service;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.TextRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA policies: one per priority, optionally overridden per account tier. Admins change them;
 * everybody reads them. A change applies to tickets opened (or re-prioritised) afterwards.
 */
@Service
public class SlaPolicies {

	static final String TYPE = "sla-policy";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	SlaPolicies(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * What an admin sets on a policy.
	 *
	 * @param priority priority
	 * @param accountTier tier, {@code null} or blank for any
	 * @param firstResponseMinutes target
	 * @param resolutionMinutes target
	 * @param warnMinutes warning ahead
	 * @param timeZone IANA zone
	 * @param workDays ISO days
	 * @param workStart opening
	 * @param workEnd closing
	 * @param holidays dates
	 */
	public record PolicyFields(String priority, String accountTier, Integer firstResponseMinutes,
			Integer resolutionMinutes, Integer warnMinutes, String timeZone, List<Integer> workDays,
			LocalTime workStart, LocalTime workEnd, List<LocalDate> holidays) {
	}

	@Transactional(readOnly = true)
	public List<SlaPolicy> list() {
		return jdbc.sql("select * from sla_policies order by account_tier, array_position(array['urgent','high','normal','low'], priority)")
			.query((rs, i) -> map(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public SlaPolicy get(long id) {
		return find(id).orElseThrow(() -> new RecordNotFound(TYPE, id));
	}

	Optional<SlaPolicy> find(long id) {
		return jdbc.sql("select * from sla_policies where id = ?").param(id).query((rs, i) -> map(rs)).optional();
	}

	/** The policy for a priority and account tier: the tier's own, else the priority's general one. */
	@Transactional(readOnly = true)
	public SlaPolicy policyFor(String priority, String accountTier) {
		String tier = accountTier == null ? "" : accountTier;
		return jdbc.sql("""
				select * from sla_policies where priority = ? and account_tier in (?, '')
				order by account_tier = '' limit 1""")
			.params(priority, tier)
			.query((rs, i) -> map(rs))
			.optional()
			.orElseThrow(() -> new IllegalStateException("No SLA policy for priority " + priority));
	}

	/** Creates or replaces the policy for a priority and tier (admins). */
	@Transactional
	public SlaPolicy save(PolicyFields f, Long expectedVersion) {
		Actor actor = Actor.current();
		if (!actor.isAdmin()) {
			throw new NotPermitted("manage-sla");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (f.priority() == null || !ServiceVocabulary.PRIORITIES.contains(f.priority())) {
			problems.add(new FieldProblem("priority", "not-allowed", "One of " + ServiceVocabulary.PRIORITIES));
		}
		String tier = f.accountTier() == null ? "" : f.accountTier().strip();
		TextRules.check("accountTier", tier, 50, false, problems);
		positive("firstResponseMinutes", f.firstResponseMinutes(), problems);
		positive("resolutionMinutes", f.resolutionMinutes(), problems);
		if (f.warnMinutes() != null && (f.warnMinutes() < 0 || f.warnMinutes() > 100_000)) {
			problems.add(new FieldProblem("warnMinutes", "out-of-range", "From 0 to 100000"));
		}
		String zone = f.timeZone() == null ? "UTC" : f.timeZone();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("timeZone", "unknown-zone", "Not a time zone (e.g. Europe/Berlin)"));
		}
		List<Integer> days = f.workDays() == null ? List.of(1, 2, 3, 4, 5) : f.workDays();
		if (days.isEmpty() || days.stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
			problems.add(new FieldProblem("workDays", "out-of-range", "Days 1 (Monday) to 7 (Sunday), at least one"));
		}
		LocalTime start = f.workStart() == null ? LocalTime.of(9, 0) : f.workStart();
		LocalTime end = f.workEnd() == null ? LocalTime.of(17, 0) : f.workEnd();
		if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
			problems.add(new FieldProblem("workEnd", "before-start", "Must be after the start (00:00 for midnight)"));
		}
		List<LocalDate> holidays = f.holidays() == null ? List.of() : f.holidays();
		if (holidays.size() > 1000) {
			problems.add(new FieldProblem("holidays", "too-many", "At most 1000 dates"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Optional<SlaPolicy> before = jdbc.sql("select * from sla_policies where priority = ? and account_tier = ?")
			.params(f.priority(), tier)
			.query((rs, i) -> map(rs))
			.optional();
		if (before.isPresent() && expectedVersion != null && before.get().version() != expectedVersion) {
			throw new StaleVersion(TYPE, before.get().id(), expectedVersion, before.get().version());
		}
		int warn = f.warnMinutes() == null ? 30 : f.warnMinutes();
		long id = jdbc.sql("""
				insert into sla_policies (priority, account_tier, first_response_minutes, resolution_minutes, warn_minutes,
				  time_zone, work_days, work_start, work_end, holidays)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (priority, account_tier) do update set first_response_minutes = excluded.first_response_minutes,
				  resolution_minutes = excluded.resolution_minutes, warn_minutes = excluded.warn_minutes,
				  time_zone = excluded.time_zone, work_days = excluded.work_days, work_start = excluded.work_start,
				  work_end = excluded.work_end, holidays = excluded.holidays, version = sla_policies.version + 1
				returning id""")
			.params(f.priority(), tier, f.firstResponseMinutes(), f.resolutionMinutes(), warn, zone,
					days.toArray(Integer[]::new), Time.valueOf(start), Time.valueOf(end),
					holidays.stream().map(Date::valueOf).toArray(Date[]::new))
			.query(Long.class)
			.single();
		SlaPolicy after = get(id);
		audit.record(new AuditEvent(before.isPresent() ? "update" : "create", TYPE, Long.toString(id),
				after.priority() + (tier.isEmpty() ? "" : " / " + tier),
				FieldChanges.between(before.map(SlaPolicies::auditFields).orElse(null), auditFields(after), Map.of())));
		return after;
	}

	private static void positive(String field, Integer value, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "required", "Required"));
		}
		else if (value < 1 || value > 1_000_000) {
			problems.add(new FieldProblem(field, "out-of-range", "From 1 to 1000000 minutes"));
		}
	}

	private static Map<String, Object> auditFields(SlaPolicy p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("firstResponseMinutes", p.firstResponseMinutes());
		m.put("resolutionMinutes", p.resolutionMinutes());
		m.put("warnMinutes", p.warnMinutes());
		m.put("timeZone", p.timeZone());
		m.put("workDays", p.workDays().stream().map(String::valueOf).toList());
		m.put("workStart", p.workStart().toString());
		m.put("workEnd", p.workEnd().toString());
		m.put("holidays", p.holidays().stream().map(LocalDate::toString).toList());
		return m;
	}

	static SlaPolicy map(ResultSet rs) throws SQLException {
		Array days = rs.getArray("work_days");
		Array holidays = rs.getArray("holidays");
		List<Integer> d = Arrays.stream((Integer[]) days.getArray()).toList();
		List<LocalDate> h = Arrays.stream((Date[]) holidays.getArray()).map(Date::toLocalDate).toList();
		return new SlaPolicy(rs.getLong("id"), rs.getString("priority"), rs.getString("account_tier"),
				rs.getInt("first_response_minutes"), rs.getInt("resolution_minutes"), rs.getInt("warn_minutes"),
				rs.getString("time_zone"), d, rs.getTime("work_start").toLocalTime(), rs.getTime("work_end").toLocalTime(),
				h, rs.getLong("version"));
	}

}
