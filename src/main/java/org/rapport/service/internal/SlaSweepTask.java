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

	/** One run stops taking new batches after this; the next run, a minute later, goes on. */
	private static final Duration MAX_RUN = Duration.ofSeconds(50);

	@Bean
	RecurringTask<Void> serviceSlaSweep(TicketManagement tickets, Clock clock) {
		return Tasks.recurring("service-sla-sweep", FixedDelay.of(Duration.ofMinutes(1))).execute((instance, context) -> {
			// batch after batch (one transaction each) until the backlog is worked off or the minute is used up,
			// so a burst of due tickets is not spread over hours of one batch a minute
			long started = System.nanoTime();
			int examined = 0;
			int warnings = 0;
			int breaches = 0;
			TicketManagement.SweepResult batch;
			do {
				batch = tickets.sweepSla(clock.instant());
				examined += batch.examined();
				warnings += batch.warnings();
				breaches += batch.breaches();
				if (batch.full()) {
					log.info("SLA sweep: {} tickets so far, {} warnings, {} breaches escalated", examined, warnings, breaches);
				}
			}
			while (batch.full() && System.nanoTime() - started < MAX_RUN.toNanos());
			if (warnings + breaches > 0) {
				log.info("SLA sweep: {} tickets, {} warnings, {} breaches escalated", examined, warnings, breaches);
			}
		});
	}

}
