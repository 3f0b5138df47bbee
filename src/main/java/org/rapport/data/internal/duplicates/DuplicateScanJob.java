package org.rapport.data.internal.duplicates;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scans contacts and accounts for duplicates every night, on one node of the cluster (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class DuplicateScanJob {

	@Bean
	RecurringTask<Void> dataDuplicateScan(DuplicateManagement duplicates) {
		return Tasks.recurring("data-duplicate-scan", new Daily(LocalTime.of(2, 30)))
			.execute((instance, context) -> {
				duplicates.scan("contacts");
				duplicates.scan("accounts");
			});
	}

}
