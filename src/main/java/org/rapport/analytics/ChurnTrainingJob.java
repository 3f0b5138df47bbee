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
 * The churn model's training on the database scheduler: one node carries out each run (a run whose
 * node dies is revived on another), every night at 03:15, when someone asks, and once a few minutes
 * after start-up while no model exists yet (so a new installation, or the demo, gets one).
 */
@Configuration(proxyBeanMethods = false)
class ChurnTrainingJob {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChurnTrainingJob.class);

	@Bean
	OneTimeTask<Void> analyticsChurnTraining(ChurnModels churn) {
		return Tasks.oneTime(ChurnModels.TASK)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(2,
					new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM, () -> churn.perform(Long.parseLong(instance.getId()))));
	}

	@Bean
	RecurringTask<Void> analyticsChurnNightly(ChurnModels churn) {
		return Tasks.recurring("analytics-churn-nightly", new Daily(LocalTime.of(3, 15)))
			.execute((instance, context) -> Actor.runAs(Actor.SYSTEM, () -> churn.request("schedule")));
	}

	@EventListener(ApplicationReadyEvent.class)
	void trainWhenNoModel(ApplicationReadyEvent event) {
		ChurnModels churn = event.getApplicationContext().getBean(ChurnModels.class);
		try {
			Actor.runAs(Actor.SYSTEM, churn::trainSoonIfNoModel);
		}
		catch (RuntimeException ex) {
			log.warn("Could not plan the first churn training", ex);
		}
	}

}
