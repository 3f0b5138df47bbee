package org.rapport.service.internal;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.rapport.service.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA sweep, every minute on one node of the cluster (db-scheduler picks and locks the execution
 * in the database). Even if two nodes ran it at once, escalation stays once per missed target (see
 * {@link TicketManagement#sweepSla}).
 */
@Configuration(proxyBeanMethods = false)
class SlaSweepTask {

	private static final Logger log = LoggerFactory.getLogger(SlaSweepTask.class);

	@Bean
	RecurringTask<Void> serviceSlaSweep(TicketManagement tickets, Clock clock) {
		return Tasks.recurring("service-sla-sweep", FixedDelay.of(Duration.ofMinutes(1))).execute((instance, context) -> {
			var result = tickets.sweepSla(clock.instant());
			if (result.warnings() + result.breaches() > 0) {
				log.info("SLA sweep: {} tickets, {} warnings, {} breaches escalated", result.examined(), result.warnings(),
						result.breaches());
			}
		});
	}

}
