package org.rapport.data.internal.imports;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.rapport.platform.Actor;
import org.rapport.platform.UserDirectory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An import runs as a db-scheduler one-time task whose instance id is the import's id: one node
 * picks and locks it in the database, a node that dies mid-way has its execution revived by another
 * (dead-execution detection), and a failed run is retried after a pause; every run resumes from the
 * import's committed checkpoint. The task runs as the user who started the import, so the facades
 * apply that user's access.
 */
@Configuration(proxyBeanMethods = false)
class ImportJob {

	static final String TASK = "data-import";

	@Bean
	OneTimeTask<Void> dataImportTask(ImportRunner runner, UserDirectory users, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return Tasks.oneTime(TASK)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
			.execute((instance, context) -> {
				long id = Long.parseLong(instance.getId());
				Long userId = jdbc.sql("select created_by from imports where id = ?").param(id).query(Long.class).optional()
					.orElse(null);
				if (userId == null) {
					return;
				}
				Actor actor = users.find(userId)
					.map(u -> new Actor(u.id(), u.username(), u.displayName(), u.role(), u.teamId()))
					.orElse(null);
				if (actor == null) {
					return;
				}
				Actor.runAs(actor, () -> runner.run(id));
			});
	}

}
