package org.rapport.analytics;

import java.time.Duration;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.rapport.platform.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lead scoring trains every night at 03:40 and whenever an admin asks, each run on one node of the
 * cluster (db-scheduler picks and locks the execution in the database); runs read the leads as the system.
 */
@Configuration(proxyBeanMethods = false)
class LeadScoringSchedule {

	@Bean
	RecurringTask<Void> analyticsLeadScoringNightly(LeadScoring scoring) {
		return Tasks.recurring("analytics-lead-scoring-nightly", new Daily(LocalTime.of(3, 40)))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM, () -> scoring.train("schedule")));
	}

	@Bean
	OneTimeTask<Void> analyticsLeadScoringTrain(LeadScoring scoring) {
		return Tasks.oneTime(LeadScoring.TRAIN_TASK)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM,
					() -> scoring.execute(Long.parseLong(instance.getId()))));
	}

}
