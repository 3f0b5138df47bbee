package org.rapport.platform.audit;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.rapport.platform.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Re-verifies the audit chain every few hours on one node of the cluster (db-scheduler picks and
 * locks the execution in the database), so tampering shows up in the log and in the
 * {@code rapport.audit.chain.intact} gauge without anyone asking.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainCheck {

	private static final Logger log = LoggerFactory.getLogger(AuditChainCheck.class);

	@Bean
	RecurringTask<Void> auditChainVerification(AuditTrail audit) {
		return Tasks.recurring("audit-chain-verification", FixedDelay.of(Duration.ofHours(6)))
			.execute((instance, context) -> {
				var result = audit.verify();
				log.info("Audit chain verified: intact={}, entries={}", result.intact(), result.checked());
			});
	}

}
