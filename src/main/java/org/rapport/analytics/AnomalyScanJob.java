package org.rapport.analytics;

import java.time.Duration;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.rapport.platform.Actor;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The anomaly scans on the database scheduler: one node carries out each scan (a scan whose node
 * dies is revived on another), every night at 04:10, when someone asks, and a few minutes after the
 * first start-up.
 */
@Configuration(proxyBeanMethods = false)
class AnomalyScanJob {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnomalyScanJob.class);

	@Bean
	OneTimeTask<Void> analyticsAnomalyScan(Anomalies anomalies) {
		return Tasks.oneTime(Anomalies.TASK)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(2,
					new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM,
					() -> anomalies.perform(Long.parseLong(instance.getId()))));
	}

	@Bean
	RecurringTask<Void> analyticsAnomalyNightly(Anomalies anomalies) {
		return Tasks.recurring("analytics-anomaly-nightly", new Daily(LocalTime.of(4, 10)))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM, () -> anomalies.request("schedule")));
	}

	@EventListener(ApplicationReadyEvent.class)
	void scanWhenNeverRun(ApplicationReadyEvent event) {
		try {
			Actor.runAs(Actor.SYSTEM, event.getApplicationContext().getBean(Anomalies.class)::scanSoonIfNeverRun);
		}
		catch (RuntimeException ex) {
			log.warn("Could not plan the first anomaly scan", ex);
		}
	}

}
