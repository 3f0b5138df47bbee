package org.rapport.data.internal.duplicates;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;

import org.rapport.platform.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scans contacts and accounts for duplicates every night, on one node of the cluster (db-scheduler
 * picks it); a scan started by a user meanwhile is kept from overlapping by {@link DuplicateScans}.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateScanJob {

	private static final Logger log = LoggerFactory.getLogger(DuplicateScanJob.class);

	@Bean
	RecurringTask<Void> dataDuplicateScan(DuplicateScans scans) {
		return Tasks.recurring("data-duplicate-scan", new Daily(LocalTime.of(2, 30)))
			.execute((instance, context) -> {
				for (String entity : new String[] { "contacts", "accounts" }) {
					try {
						scans.scan(entity, "nightly");
					}
					catch (StateConflict ex) {
						// a user's scan is running on some node: tonight's is not needed on top of it
						log.info("Nightly duplicate scan of {} skipped: {}", entity, ex.getMessage());
					}
				}
			});
	}

}
