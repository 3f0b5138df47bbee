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
 * The company sentiment model trains every night at 03:50 and whenever an admin asks, each run on one
 * node of the cluster (db-scheduler picks and locks the execution in the database); runs read the
 * texts as the system.
 */
@Configuration(proxyBeanMethods = false)
class SentimentTrainingSchedule {

	@Bean
	RecurringTask<Void> analyticsSentimentNightly(SentimentTraining training) {
		return Tasks.recurring("analytics-sentiment-nightly", new Daily(LocalTime.of(3, 50)))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM, () -> training.train("schedule")));
	}

	@Bean
	OneTimeTask<Void> analyticsSentimentTrain(SentimentTraining training) {
		return Tasks.oneTime(SentimentTraining.TRAIN_TASK)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM,
					() -> training.execute(Long.parseLong(instance.getId()))));
	}

}
