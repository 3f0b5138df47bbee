package org.rapport.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

	public static final int MAX_DISCOUNT_PERCENT = 100;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final AnalyticsSettings settings;

	AnalyticsPreferences(JdbcClient jdbc, AuditTrail audit, Clock clock, AnalyticsSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
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

	/**
	 * The annual discount rate of customer-lifetime value in percent and the version of the CLV
	 * settings (for optimistic locking).
	 * @param chosen whether an administrator set it ({@code false}: the installation default)
	 */
	public record ClvDiscount(BigDecimal percent, boolean chosen, int version) {
	}

	@Transactional(readOnly = true)
	public ClvDiscount clvDiscount() {
		return jdbc.sql("select discount_percent, version from clv_settings where id = 1")
			.query((rs, i) -> discount(rs.getBigDecimal(1), rs.getInt(2)))
			.single();
	}

	/** The annual discount rate CLV uses: 0.1 for 10 %. */
	public double clvDiscountRate() {
		return clvDiscount().percent().movePointLeft(2).doubleValue();
	}

	/**
	 * Changes the CLV discount rate (administrators only).
	 * @param percent from 0 to 100, at most two decimals
	 * @param expectedVersion the version read, or {@code null} to skip the check
	 */
	@Transactional
	public ClvDiscount setClvDiscountPercent(BigDecimal percent, Integer expectedVersion) {
		if (Actor.current().role() != Role.ADMIN) {
			throw new NotPermitted("change analytics settings");
		}
		if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(MAX_DISCOUNT_PERCENT)) > 0
				|| percent.stripTrailingZeros().scale() > 2) {
			throw InvalidInput.of("clvDiscountPercent", "out-of-range", "Must be from 0 to 100 (percent a year, two decimals at most)");
		}
		ClvDiscount before = jdbc.sql("select discount_percent, version from clv_settings where id = 1 for update")
			.query((rs, i) -> discount(rs.getBigDecimal(1), rs.getInt(2)))
			.single();
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw new StaleVersion("clv settings", 1L, expectedVersion, before.version());
		}
		jdbc.sql("update clv_settings set discount_percent = ?, version = version + 1, updated_at = ? where id = 1")
			.params(percent, Timestamp.from(clock.instant()))
			.update();
		if (before.percent().compareTo(percent) != 0 || !before.chosen()) {
			audit.record(new AuditEvent("update", "analytics-settings", "1", "CLV discount rate",
					List.of(new FieldChange("clvDiscountPercent", before.percent().toPlainString(), percent.toPlainString()))));
		}
		return clvDiscount();
	}

	private ClvDiscount discount(BigDecimal stored, int version) {
		return stored != null ? new ClvDiscount(stored, true, version)
				: new ClvDiscount(BigDecimal.valueOf(settings.clvDiscountRate()).movePointRight(2).setScale(2, RoundingMode.HALF_UP),
						false, version);
	}

}
