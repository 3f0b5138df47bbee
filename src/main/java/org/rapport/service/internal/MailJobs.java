package org.rapport.service.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.rapport.service.ServiceMailbox;
import org.rapport.service.ServiceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail jobs, only when {@code rapport.service.mail.enabled=true}: the outbox is sent every ten
 * seconds and the support mailbox read every {@code poll-seconds}, each on one node of the cluster at
 * a time (db-scheduler locks the execution in the database).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapport.service.mail.enabled", havingValue = "true")
class MailJobs {

	private static final Logger log = LoggerFactory.getLogger(MailJobs.class);

	@Bean
	RecurringTask<Void> serviceMailOut(ServiceMailbox mailbox, ServiceSettings settings) {
		return Tasks.recurring("service-mail-out", FixedDelay.of(Duration.ofSeconds(10)))
			.execute((instance, context) -> mailbox.sendPending(settings.mail(), 200));
	}

	@Bean
	RecurringTask<Void> serviceMailIn(ServiceMailbox mailbox, ServiceSettings settings) {
		return Tasks.recurring("service-mail-in", FixedDelay.of(Duration.ofSeconds(settings.mail().pollSeconds())))
			.execute((instance, context) -> {
				var r = mailbox.readMailbox(settings.mail());
				if (r.read() > 0) {
					log.info("Support mailbox: {} read, {} tickets opened, {} answers threaded, {} ignored", r.read(),
							r.opened(), r.threaded(), r.ignored());
				}
			});
	}

}
