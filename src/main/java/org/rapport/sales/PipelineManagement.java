package org.rapport.sales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.NotPermitted;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StateConflict;
import org.rapport.platform.TextRules;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin-defined pipelines and their ordered stages, each with a default win probability. */
@Service
public class PipelineManagement {

	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	PipelineManagement(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * A stage as an admin defines it.
	 *
	 * @param key stable code
	 * @param name English name
	 * @param nameZh Chinese name
	 * @param probability default probability, 0–100
	 * @param outcome open, won or lost
	 */
	public record StageInput(String key, String name, String nameZh, Integer probability, String outcome) {
	}

	@Transactional(readOnly = true)
	public List<Pipeline> pipelines() {
		List<Stage> stages = jdbc.sql("select * from pipeline_stages order by pipeline_id, position, id")
			.query((rs, i) -> new Stage(rs.getLong("id"), rs.getLong("pipeline_id"), rs.getString("key"),
					rs.getString("name"), rs.getString("name_zh"), rs.getInt("position"), rs.getInt("probability"),
					rs.getString("outcome")))
			.list();
		record Row(long id, String name, boolean isDefault, long version) {
		}
		return jdbc.sql("select * from pipelines order by position, id")
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getBoolean("is_default"),
					rs.getLong("version")))
			.list()
			.stream()
			.map(r -> new Pipeline(r.id(), r.name(), r.isDefault(),
					stages.stream().filter(s -> s.pipelineId() == r.id()).toList(), r.version()))
			.toList();
	}

	public Pipeline get(long id) {
		return pipelines().stream().filter(p -> p.id() == id).findFirst()
			.orElseThrow(() -> new RecordNotFound("pipeline", id));
	}

	public Pipeline defaultPipeline() {
		List<Pipeline> all = pipelines();
		return all.stream().filter(Pipeline::isDefault).findFirst().orElse(all.get(0));
	}

	/** Creates a pipeline with its stages (admin). At least one open, one won and one lost stage. */
	@Transactional
	public Pipeline create(String name, List<StageInput> stages) {
		if (!Actor.current().isAdmin()) {
			throw new NotPermitted("define-pipelines");
		}
		List<FieldProblem> problems = new ArrayList<>();
		TextRules.check("name", name, 100, false, problems);
		if (TextRules.isBlank(name)) {
			problems.add(new FieldProblem("name", "required", "Required"));
		}
		if (stages == null || stages.size() < 2) {
			problems.add(new FieldProblem("stages", "too-few", "At least two stages"));
		}
		else {
			for (int i = 0; i < stages.size(); i++) {
				StageInput s = stages.get(i);
				String f = "stages[" + i + "].";
				if (s.key() == null || !KEY.matcher(s.key()).matches()) {
					problems.add(new FieldProblem(f + "key", "invalid", "Lower-case letters, digits, _"));
				}
				if (TextRules.isBlank(s.name())) {
					problems.add(new FieldProblem(f + "name", "required", "Required"));
				}
				TextRules.check(f + "name", s.name(), 100, false, problems);
				TextRules.check(f + "nameZh", s.nameZh(), 100, false, problems);
				if (s.probability() == null || s.probability() < 0 || s.probability() > 100) {
					problems.add(new FieldProblem(f + "probability", "out-of-range", "From 0 to 100"));
				}
				if (s.outcome() != null && !List.of("open", "won", "lost").contains(s.outcome())) {
					problems.add(new FieldProblem(f + "outcome", "not-allowed", "open, won or lost"));
				}
			}
			if (stages.stream().noneMatch(s -> "won".equals(s.outcome()))
					|| stages.stream().noneMatch(s -> "lost".equals(s.outcome()))) {
				problems.add(new FieldProblem("stages", "needs-outcomes", "One won and one lost stage are required"));
			}
			if (stages.stream().map(StageInput::key).distinct().count() != stages.size()) {
				problems.add(new FieldProblem("stages", "duplicate-key", "Stage keys must differ"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id;
		try {
			id = jdbc.sql("insert into pipelines (name, position) values (?, (select coalesce(max(position), 0) + 1 from pipelines)) returning id")
				.param(name.strip()).query(Long.class).single();
		}
		catch (DuplicateKeyException ex) {
			throw new StateConflict("pipeline-exists", "A pipeline with this name exists", name);
		}
		int position = 1;
		for (StageInput s : stages) {
			jdbc.sql("""
					insert into pipeline_stages (pipeline_id, key, name, name_zh, position, probability, outcome)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, s.key(), s.name(), s.nameZh(), position++, s.probability(),
						s.outcome() == null ? "open" : s.outcome())
				.update();
		}
		Pipeline created = get(id);
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("name", created.name());
		described.put("stages", created.stages().stream().map(s -> s.key() + " " + s.probability() + "%").toList());
		audit.record(new AuditEvent("create", "pipeline", Long.toString(id), created.name(),
				FieldChanges.between(null, described, Map.of())));
		return created;
	}

}
