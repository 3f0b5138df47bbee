package org.rapport.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.AuditTrail.FieldChange;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.Role;
import org.rapport.platform.StaleVersion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics choices an administrator makes in the UI, stored in the database so every node
 * reads the same: when a customer counts as lost (no fulfilled order for so many days), which both
 * the KPI churn rate and the churn model's label use.
 */
@Service
public class AnalyticsPreferences {

	public static final int MIN_LOST_DAYS = 14;

	public static final int MAX_LOST_DAYS = 730;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	AnalyticsPreferences(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The preferences and their version (for optimistic locking). */
	public record Preferences(int lostAfterDays, int version) {
	}

	@Transactional(readOnly = true)
	public Preferences get() {
		return jdbc.sql("select lost_after_days, version from analytics_settings where id = 1")
			.query((rs, i) -> new Preferences(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/** Days without a fulfilled order after which a customer counts as lost. */
	public int lostAfterDays() {
		return get().lostAfterDays();
	}

	/**
	 * Changes the "lost" rule (administrators only).
	 * @param expectedVersion the version read, or {@code null} to skip the check
	 */
	@Transactional
	public Preferences setLostAfterDays(int days, Integer expectedVersion) {
		if (Actor.current().role() != Role.ADMIN) {
			throw new NotPermitted("change analytics settings");
		}
		if (days < MIN_LOST_DAYS || days > MAX_LOST_DAYS) {
			throw InvalidInput.of("lostAfterDays", "out-of-range",
					"Must be from " + MIN_LOST_DAYS + " to " + MAX_LOST_DAYS + " days");
		}
		Preferences before = jdbc.sql("select lost_after_days, version from analytics_settings where id = 1 for update")
			.query((rs, i) -> new Preferences(rs.getInt(1), rs.getInt(2)))
			.single();
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw new StaleVersion("analytics settings", 1L, expectedVersion, before.version());
		}
		jdbc.sql("update analytics_settings set lost_after_days = ?, version = version + 1, updated_at = ? where id = 1")
			.params(days, Timestamp.from(clock.instant()))
			.update();
		if (before.lostAfterDays() != days) {
			audit.record(new AuditEvent("update", "analytics-settings", "1", "customer counts as lost after",
					List.of(new FieldChange("lostAfterDays", Integer.toString(before.lostAfterDays()), Integer.toString(days)))));
		}
		return get();
	}

}
