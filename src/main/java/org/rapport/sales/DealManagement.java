package org.rapport.sales;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.platform.AccessScope;
import org.rapport.platform.Actor;
import org.rapport.platform.AuditTrail;
import org.rapport.platform.AuditTrail.AuditEvent;
import org.rapport.platform.FieldChanges;
import org.rapport.platform.InvalidInput;
import org.rapport.platform.Page;
import org.rapport.platform.RapportException.FieldProblem;
import org.rapport.platform.RecordNotFound;
import org.rapport.platform.StaleVersion;
import org.rapport.platform.TextRules;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.access.RecordAccess;
import org.rapport.platform.data.SqlQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals moving through a pipeline's stages. Each stage change is kept with its time (for cycle
 * time and stage-to-stage conversion), closes the deal when the stage is won or lost, and resets
 * the probability to the stage's default unless one is given.
 */
@Service
public class DealManagement {

	static final String TYPE = "deal";

	private final JdbcClient jdbc;

	private final RecordAccess access;

	private final AuditTrail audit;

	private final UserDirectory users;

	private final PipelineManagement pipelines;

	private final CurrencyManagement currencies;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DealManagement(JdbcClient jdbc, RecordAccess access, AuditTrail audit, UserDirectory users,
			PipelineManagement pipelines, CurrencyManagement currencies, AccountManagement accounts,
			ContactManagement contacts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.pipelines = pipelines;
		this.currencies = currencies;
		this.accounts = accounts;
		this.contacts = contacts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A board column: one stage's deals (the first ones by expected close) and its totals over all of them.
	 *
	 * @param stage the stage
	 * @param count number of deals in the stage
	 * @param total sum of amounts in the corporate currency
	 * @param weighted sum of amount × probability in the corporate currency
	 * @param deals the deals shown
	 */
	public record BoardColumn(Stage stage, long count, BigDecimal total, BigDecimal weighted, List<DealView> deals) {
	}

	/**
	 * One entry of a deal's stage history.
	 *
	 * @param stage stage key
	 * @param stageName stage name
	 * @param enteredAt when
	 * @param amount amount at that moment
	 * @param currency its currency
	 */
	public record StageVisit(String stage, String stageName, Instant enteredAt, BigDecimal amount, String currency) {
	}

	@Transactional
	public DealView create(DealFields fields) {
		Actor actor = Actor.current();
		access.requireCreate(actor, RecordAccess.CUSTOMER_EDITORS, "create-deal");
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, fields, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into deals (name, pipeline_id, stage_id, account_id, amount, currency, expected_close_date,
				  probability, owner_id, next_step, lost_reason, closed_at, stage_changed_at, created_by, created_at,
				  updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.fields().name(), c.pipeline().id(), c.stage().id(), c.fields().accountId(), c.fields().amount(),
					c.fields().currency(), date(c.fields().expectedCloseDate()), c.fields().probability(),
					c.fields().ownerId(), c.fields().nextStep(), c.fields().lostReason(),
					c.stage().isOpen() ? null : Timestamp.from(now), Timestamp.from(now), actor.id(), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
		saveContacts(id, c.fields().contacts());
		recordStage(id, null, c.stage(), now, actor, c.fields());
		audit.record(new AuditEvent("create", TYPE, Long.toString(id), c.fields().name(),
				FieldChanges.between(null, auditFields(c), Map.of())));
		events.publishEvent(new DealStageChanged(id, null, c.stage().key(), c.stage().outcome()));
		return written(id);
	}

	/**
	 * A stage a deal entered, and when.
	 *
	 * @param stage stage key, name or id
	 * @param at when the deal entered it
	 */
	public record StageEntry(String stage, Instant at) {
	}

	/**
	 * A deal with its past — created then, through these stages at these times — for migrations from
	 * another system, imports and demo data. Admins (and the system) only; audited as an import.
	 */
	@Transactional
	public DealView importDeal(DealFields fields, Instant createdAt, List<StageEntry> path) {
		Actor actor = Actor.current();
		if (!actor.isAdmin()) {
			throw new org.rapport.platform.NotPermitted("import-deals");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (createdAt == null || path == null || path.isEmpty()) {
			throw InvalidInput.of("path", "required", "A creation time and at least one stage");
		}
		Instant previous = createdAt;
		for (int i = 0; i < path.size(); i++) {
			if (path.get(i).at() == null || path.get(i).at().isBefore(previous)) {
				problems.add(new FieldProblem("path[" + i + "].at", "out-of-order", "Stages must be in time order"));
			}
			previous = path.get(i).at() == null ? previous : path.get(i).at();
		}
		StageEntry last = path.get(path.size() - 1);
		Checked c = check(actor, new DealFields(fields.name(), fields.pipelineId(), last.stage(), fields.accountId(),
				fields.amount(), fields.currency(), fields.expectedCloseDate(), fields.probability(), fields.ownerId(),
				fields.nextStep(), fields.lostReason(), fields.contacts()), null, problems);
		List<Stage> stages = new ArrayList<>();
		for (int i = 0; i < path.size(); i++) {
			Stage stage = c.pipeline().stage(path.get(i).stage());
			if (stage == null) {
				problems.add(new FieldProblem("path[" + i + "].stage", "unknown-stage", "No such stage"));
			}
			stages.add(stage);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = jdbc.sql("""
				insert into deals (name, pipeline_id, stage_id, account_id, amount, currency, expected_close_date,
				  probability, owner_id, next_step, lost_reason, closed_at, stage_changed_at, created_by, created_at,
				  updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.fields().name(), c.pipeline().id(), c.stage().id(), c.fields().accountId(), c.fields().amount(),
					c.fields().currency(), date(c.fields().expectedCloseDate()), c.fields().probability(),
					c.fields().ownerId(), c.fields().nextStep(), c.fields().lostReason(),
					c.stage().isOpen() ? null : Timestamp.from(last.at()), Timestamp.from(last.at()), actor.id(),
					Timestamp.from(createdAt), Timestamp.from(last.at()))
			.query(Long.class)
			.single();
		saveContacts(id, c.fields().contacts());
		Stage from = null;
		for (int i = 0; i < stages.size(); i++) {
			recordStage(id, from, stages.get(i), path.get(i).at(), actor, c.fields());
			from = stages.get(i);
		}
		audit.record(new AuditEvent("import", TYPE, Long.toString(id), c.fields().name(),
				FieldChanges.between(null, auditFields(c), Map.of())));
		return written(id);
	}

	/** Creates a deal for a lead being converted (same checks, marked with its source lead). */
	@Transactional
	public DealView createFromLead(DealFields fields, long leadId) {
		DealView deal = create(fields);
		jdbc.sql("update deals set source_lead_id = ? where id = ?").params(leadId, deal.id()).update();
		return written(deal.id());
	}

	@Transactional(readOnly = true)
	public DealView get(long id) {
		Actor actor = Actor.current();
		DealView deal = find(id).filter(d -> access.canSee(actor, TYPE, id, d.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		return present(List.of(deal)).get(0);
	}

	public boolean canEdit(DealView deal) {
		return access.canEdit(Actor.current(), TYPE, deal.id(), deal.ownerId());
	}

	public boolean canDelete(DealView deal) {
		return access.canDelete(Actor.current(), deal.ownerId());
	}

	@Transactional
	public DealView update(long id, long expectedVersion, DealFields fields) {
		Actor actor = Actor.current();
		DealView before = find(id).filter(d -> access.canSee(actor, TYPE, id, d.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireEdit(actor, TYPE, id, before.ownerId());
		if (before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		List<FieldProblem> problems = new ArrayList<>();
		Checked c = check(actor, fields, before, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		boolean stageChanged = c.stage().id() != before.stageId();
		Instant closedAt = c.stage().isOpen() ? null : stageChanged || before.closedAt() == null ? now : before.closedAt();
		int updated = jdbc.sql("""
				update deals set name = ?, pipeline_id = ?, stage_id = ?, account_id = ?, amount = ?, currency = ?,
				  expected_close_date = ?, probability = ?, owner_id = ?, next_step = ?, lost_reason = ?, closed_at = ?,
				  stage_changed_at = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(c.fields().name(), c.pipeline().id(), c.stage().id(), c.fields().accountId(), c.fields().amount(),
					c.fields().currency(), date(c.fields().expectedCloseDate()), c.fields().probability(),
					c.fields().ownerId(), c.fields().nextStep(), c.fields().lostReason(),
					closedAt == null ? null : Timestamp.from(closedAt),
					Timestamp.from(stageChanged ? now : before.stageChangedAt()), Timestamp.from(now), id, expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(TYPE, id, expectedVersion, find(id).map(DealView::version).orElse(-1L));
		}
		saveContacts(id, c.fields().contacts());
		Checked old = new Checked(before.fields(), pipelines.get(before.pipelineId()),
				pipelines.get(before.pipelineId()).stage(before.stageId()));
		if (stageChanged) {
			recordStage(id, old.stage(), c.stage(), now, actor, c.fields());
		}
		audit.record(new AuditEvent("update", TYPE, Long.toString(id), c.fields().name(),
				FieldChanges.between(auditFields(old), auditFields(c), Map.of())));
		if (stageChanged) {
			events.publishEvent(new DealStageChanged(id, old.stage().key(), c.stage().key(), c.stage().outcome()));
		}
		return written(id);
	}

	/** Moves a deal to another stage of its pipeline (the kanban drag), probability to the stage default. */
	@Transactional
	public DealView move(long id, long expectedVersion, String stage) {
		DealView deal = get(id);
		DealFields f = deal.fields();
		return update(id, expectedVersion, new DealFields(f.name(), f.pipelineId(), stage, f.accountId(), f.amount(),
				f.currency(), f.expectedCloseDate(), null, f.ownerId(), f.nextStep(), f.lostReason(), f.contacts()));
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		Actor actor = Actor.current();
		DealView before = find(id).filter(d -> access.canSee(actor, TYPE, id, d.ownerId()))
			.orElseThrow(() -> new RecordNotFound(TYPE, id));
		access.requireDelete(actor, TYPE, before.ownerId());
		if (expectedVersion != null && before.version() != expectedVersion) {
			throw new StaleVersion(TYPE, id, expectedVersion, before.version());
		}
		Pipeline p = pipelines.get(before.pipelineId());
		jdbc.sql("update quotes set deal_id = null where deal_id = ?").param(id).update();
		jdbc.sql("delete from deals where id = ?").param(id).update();
		access.dropShares(TYPE, id);
		audit.record(new AuditEvent("delete", TYPE, Long.toString(id), before.name(),
				FieldChanges.between(auditFields(new Checked(before.fields(), p, p.stage(before.stageId()))), null,
						Map.of())));
	}

	@Transactional(readOnly = true)
	public List<StageVisit> stageHistory(long id) {
		get(id);
		return jdbc.sql("""
				select s.key, s.name, h.entered_at, h.amount, h.currency from deal_stage_history h
				join pipeline_stages s on s.id = h.to_stage_id where h.deal_id = ? order by h.entered_at, h.id""")
			.param(id)
			.query((rs, i) -> new StageVisit(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getBigDecimal(4), rs.getString(5).strip()))
			.list();
	}

	/**
	 * Deals the actor may see, newest first; filters by pipeline, stage, owner, account, open/closed.
	 */
	@Transactional(readOnly = true)
	public Page<DealView> list(Long pipelineId, String stage, Long ownerId, Long accountId, Boolean open, String q,
			Integer limit, String cursor) {
		Actor actor = Actor.current();
		int size = limit == null ? 25 : limit;
		if (size < 1 || size > 200) {
			throw InvalidInput.of("limit", "out-of-range", "From 1 to 200");
		}
		SqlQuery query = new SqlQuery();
		query.and(access.visible("d", TYPE, access.scope(actor), query));
		if (pipelineId != null) {
			query.and("d.pipeline_id = " + query.param(pipelineId));
		}
		if (stage != null && !stage.isBlank()) {
			Pipeline p = pipelineId == null ? pipelines.defaultPipeline() : pipelines.get(pipelineId);
			Stage s = p.stage(stage);
			if (s == null) {
				throw InvalidInput.of("stage", "unknown-stage", "No such stage");
			}
			query.and("d.stage_id = " + query.param(s.id()));
		}
		if (ownerId != null) {
			query.and("d.owner_id = " + query.param(ownerId));
		}
		if (accountId != null) {
			query.and("d.account_id = " + query.param(accountId));
		}
		if (open != null) {
			query.and(open ? "d.closed_at is null" : "d.closed_at is not null");
		}
		if (q != null && !q.isBlank()) {
			query.and("lower(d.name) like " + query.param("%" + org.rapport.platform.text.SearchText
				.likeLiteral(q.strip().toLowerCase(java.util.Locale.ROOT)) + "%"));
		}
		if (cursor != null && !cursor.isBlank()) {
			var c = org.rapport.platform.Cursor.decode(cursor, "deals");
			query.and("(d.created_at, d.id) < (cast(" + query.param(c.key()) + " as timestamptz), " + query.param(c.id())
					+ ")");
		}
		record Row(DealView view, String cursor) {
		}
		List<Row> rows = jdbc.sql(SELECT + " where " + query.where() + " order by d.created_at desc, d.id desc limit "
				+ (size + 1))
			.params(query.params())
			.query((rs, i) -> new Row(map(rs), new org.rapport.platform.Cursor("deals",
					rs.getTimestamp("created_at").toInstant().toString(), rs.getLong("id")).encode()))
			.list();
		String next = rows.size() > size ? rows.get(size - 1).cursor() : null;
		return new Page<>(present(rows.stream().limit(size).map(Row::view).toList()), next);
	}

	/**
	 * The kanban board of a pipeline: per stage the deals the actor may see (open ones; won and lost
	 * ones closed in the last 30 days), the first {@code perColumn} by expected close date, and the
	 * column's count and totals (in the corporate currency) over all of them.
	 */
	@Transactional(readOnly = true)
	public List<BoardColumn> board(long pipelineId, Long ownerId, int perColumn) {
		Actor actor = Actor.current();
		Pipeline pipeline = pipelines.get(pipelineId);
		AccessScope scope = access.scope(actor);
		SqlQuery q = new SqlQuery();
		q.and("d.pipeline_id = " + q.param(pipelineId));
		q.and(access.visible("d", TYPE, scope, q));
		q.and("(d.closed_at is null or d.closed_at > " + q.param(Timestamp.from(clock.instant().minusSeconds(30L * 86400)))
				+ ")");
		if (ownerId != null) {
			q.and("d.owner_id = " + q.param(ownerId));
		}
		// summed per stage and currency first, then converted at today's rate
		String total = CurrencyManagement.toCorporateSql("x.total", "x.currency", "current_date");
		String weighted = CurrencyManagement.toCorporateSql("x.weighted", "x.currency", "current_date");
		Map<Long, BigDecimal[]> totals = new LinkedHashMap<>();
		Map<Long, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select x.stage_id, sum(x.n)::bigint, coalesce(sum(" + total + "), 0), coalesce(sum(" + weighted
				+ "), 0) from (select d.stage_id, d.currency, count(*) as n, sum(d.amount) as total, "
				+ "sum(d.amount * d.probability / 100.0) as weighted from deals d where " + q.where()
				+ " group by 1, 2) x group by x.stage_id")
			.params(q.params())
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
				totals.put(rs.getLong(1), new BigDecimal[] { rs.getBigDecimal(3), rs.getBigDecimal(4) });
			});
		// one short walk of deals_board_idx per column instead of numbering every deal of the pipeline
		String stagesOf = q.param(pipelineId);
		List<DealView> shown = jdbc.sql("select x.* from pipeline_stages st cross join lateral (" + SELECT + " where "
				+ q.where() + " and d.stage_id = st.id order by d.expected_close_date nulls last, d.id limit " + perColumn
				+ ") x where st.pipeline_id = " + stagesOf)
			.params(q.params())
			.query((rs, i) -> map(rs))
			.list();
		List<DealView> presented = present(shown);
		String currency = currencies.corporateCurrency();
		List<BoardColumn> columns = new ArrayList<>();
		for (Stage stage : pipeline.stages()) {
			BigDecimal[] t = totals.getOrDefault(stage.id(), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			columns.add(new BoardColumn(stage, counts.getOrDefault(stage.id(), 0L), Money.round(t[0], currency),
					Money.round(t[1], currency),
					presented.stream().filter(d -> d.stageId() == stage.id()).toList()));
		}
		return columns;
	}

	private static final String SELECT = """
			select d.*, p.name as pipeline_name, s.key as stage_key, s.name as stage_name, s.outcome
			from deals d join pipelines p on p.id = d.pipeline_id join pipeline_stages s on s.id = d.stage_id""";

	private record Checked(DealFields fields, Pipeline pipeline, Stage stage) {
	}

	private Checked check(Actor actor, DealFields in, DealView before, List<FieldProblem> problems) {
		TextRules.check("name", in.name(), 200, false, problems);
		if (TextRules.isBlank(in.name()) && problems.stream().noneMatch(p -> p.field().equals("name"))) {
			problems.add(new FieldProblem("name", "required", "Required"));
		}
		TextRules.check("nextStep", in.nextStep(), 500, false, problems);
		TextRules.check("lostReason", in.lostReason(), 500, false, problems);
		Pipeline pipeline;
		try {
			pipeline = in.pipelineId() == null ? pipelines.defaultPipeline() : pipelines.get(in.pipelineId());
		}
		catch (RecordNotFound ex) {
			problems.add(new FieldProblem("pipelineId", "unknown-pipeline", "No such pipeline"));
			pipeline = pipelines.defaultPipeline();
		}
		Stage stage = in.stage() == null ? pipeline.first() : pipeline.stage(in.stage());
		if (stage == null) {
			problems.add(new FieldProblem("stage", "unknown-stage", "Not a stage of the pipeline: "
					+ pipeline.stages().stream().map(Stage::key).toList()));
			stage = pipeline.first();
		}
		String currency = in.currency() == null ? currencies.corporateCurrency() : in.currency();
		if (Money.currency(currency) == null) {
			problems.add(new FieldProblem("currency", "not-a-currency", "Must be an ISO 4217 currency code"));
			currency = currencies.corporateCurrency();
		}
		currency = currency.toUpperCase(java.util.Locale.ROOT);
		BigDecimal amount = in.amount() == null ? BigDecimal.ZERO : in.amount();
		if (amount.signum() < 0 || amount.precision() - amount.scale() > 15) {
			problems.add(new FieldProblem("amount", "out-of-range", "A non-negative amount"));
			amount = BigDecimal.ZERO;
		}
		else if (amount.stripTrailingZeros().scale() > Money.minorUnits(currency)) {
			problems.add(new FieldProblem("amount", "too-precise",
					currency + " has " + Money.minorUnits(currency) + " decimal places"));
			amount = BigDecimal.ZERO;
		}
		else {
			amount = amount.setScale(Money.minorUnits(currency), java.math.RoundingMode.UNNECESSARY);
		}
		Integer probability = in.probability();
		if (probability == null) {
			probability = stage.probability();
		}
		else if (probability < 0 || probability > 100) {
			problems.add(new FieldProblem("probability", "out-of-range", "From 0 to 100"));
			probability = stage.probability();
		}
		if (in.accountId() != null && accounts.visibleNames(List.of(in.accountId())).isEmpty()) {
			problems.add(new FieldProblem("accountId", "unknown-account", "No such account"));
		}
		Set<Long> contactIds = new HashSet<>();
		for (int i = 0; i < in.contacts().size(); i++) {
			var dc = in.contacts().get(i);
			TextRules.check("contacts[" + i + "].role", dc.role(), 100, false, problems);
			if (!contactIds.add(dc.contactId())) {
				problems.add(new FieldProblem("contacts[" + i + "].contactId", "duplicate", "Listed twice"));
			}
		}
		if (!contactIds.isEmpty()) {
			Map<Long, String> visible = contacts.visibleNames(contactIds);
			for (int i = 0; i < in.contacts().size(); i++) {
				if (!visible.containsKey(in.contacts().get(i).contactId())) {
					problems.add(new FieldProblem("contacts[" + i + "].contactId", "unknown-contact", "No such contact"));
				}
			}
		}
		long owner = access.checkOwner(actor, in.ownerId(), before == null ? null : before.ownerId(), problems);
		return new Checked(new DealFields(in.name(), pipeline.id(), stage.key(), in.accountId(), amount, currency,
				in.expectedCloseDate(), probability, owner, in.nextStep(), in.lostReason(), in.contacts()), pipeline, stage);
	}

	private void saveContacts(long dealId, List<DealFields.DealContact> list) {
		jdbc.sql("delete from deal_contacts where deal_id = ?").param(dealId).update();
		for (var dc : list) {
			jdbc.sql("insert into deal_contacts (deal_id, contact_id, role) values (?, ?, ?)")
				.params(dealId, dc.contactId(), dc.role())
				.update();
		}
	}

	private void recordStage(long dealId, Stage from, Stage to, Instant at, Actor actor, DealFields f) {
		jdbc.sql("""
				insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, entered_at, changed_by, amount, currency)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(dealId, from == null ? null : from.id(), to.id(), Timestamp.from(at), actor.id(), f.amount(),
					f.currency())
			.update();
	}

	private static Map<String, Object> auditFields(Checked c) {
		DealFields f = c.fields();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", f.name());
		m.put("pipeline", c.pipeline().name());
		m.put("stage", c.stage().key());
		m.put("accountId", f.accountId());
		m.put("amount", f.amount() == null ? null : f.amount().toPlainString());
		m.put("currency", f.currency());
		m.put("expectedCloseDate", f.expectedCloseDate());
		m.put("probability", f.probability());
		m.put("ownerId", f.ownerId());
		m.put("nextStep", f.nextStep());
		m.put("lostReason", f.lostReason());
		m.put("contacts", f.contacts().stream().map(dc -> dc.contactId() + (dc.role() == null ? "" : " " + dc.role()))
			.toList());
		return m;
	}

	/**
	 * The record as just written: the writer may have handed it to an owner whose records they do not
	 * see, and the write stands (a 404 here would roll it back).
	 */
	private DealView written(long id) {
		return present(List.of(find(id).orElseThrow(() -> new RecordNotFound(TYPE, id)))).get(0);
	}

	private Optional<DealView> find(long id) {
		return jdbc.sql(SELECT + " where d.id = ?").param(id).query((rs, i) -> map(rs)).optional();
	}

	private List<DealView> present(List<DealView> deals) {
		Map<Long, String> owners = users.displayNames(deals.stream().map(DealView::ownerId).toList());
		Map<Long, String> accountNames = accounts.visibleNames(
				deals.stream().map(DealView::accountId).filter(java.util.Objects::nonNull).toList());
		Map<Long, List<DealFields.DealContact>> people = new LinkedHashMap<>();
		if (!deals.isEmpty()) {
			jdbc.sql("select deal_id, contact_id, role from deal_contacts where deal_id = any(?) order by deal_id, contact_id")
				.param(deals.stream().map(DealView::id).toArray(Long[]::new))
				.query(rs -> {
					people.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new DealFields.DealContact(rs.getLong(2), rs.getString(3), null));
				});
		}
		Map<Long, String> contactNames = contacts.visibleNames(
				people.values().stream().flatMap(List::stream).map(DealFields.DealContact::contactId).toList());
		return deals.stream().map(d -> {
			List<DealFields.DealContact> dcs = people.getOrDefault(d.id(), List.of()).stream()
				.map(dc -> new DealFields.DealContact(dc.contactId(), dc.role(), contactNames.get(dc.contactId())))
				.toList();
			return new DealView(d.id(), d.name(), d.pipelineId(), d.pipelineName(), d.stageId(), d.stage(), d.stageName(),
					d.outcome(), d.accountId(), d.accountId() == null ? null : accountNames.get(d.accountId()), d.amount(),
					d.currency(), d.weightedAmount(), d.expectedCloseDate(), d.probability(), d.ownerId(),
					owners.get(d.ownerId()), d.nextStep(), d.lostReason(), dcs, d.sourceLeadId(), d.closedAt(),
					d.stageChangedAt(), d.createdAt(), d.updatedAt(), d.version());
		}).toList();
	}

	private static DealView map(ResultSet rs) throws SQLException {
		long account = rs.getLong("account_id");
		Long accountId = rs.wasNull() ? null : account;
		long lead = rs.getLong("source_lead_id");
		Long leadId = rs.wasNull() ? null : lead;
		String currency = rs.getString("currency").strip();
		BigDecimal amount = rs.getBigDecimal("amount").setScale(Money.minorUnits(currency), Money.ROUNDING);
		int probability = rs.getInt("probability");
		Date close = rs.getDate("expected_close_date");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new DealView(rs.getLong("id"), rs.getString("name"), rs.getLong("pipeline_id"),
				rs.getString("pipeline_name"), rs.getLong("stage_id"), rs.getString("stage_key"),
				rs.getString("stage_name"), rs.getString("outcome"), accountId, null, amount, currency,
				Money.round(amount.multiply(BigDecimal.valueOf(probability), MathContext.DECIMAL64)
					.divide(BigDecimal.valueOf(100)), currency),
				close == null ? null : close.toLocalDate(), probability, rs.getLong("owner_id"), null,
				rs.getString("next_step"), rs.getString("lost_reason"), List.of(), leadId,
				closed == null ? null : closed.toInstant(), rs.getTimestamp("stage_changed_at").toInstant(),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

}
