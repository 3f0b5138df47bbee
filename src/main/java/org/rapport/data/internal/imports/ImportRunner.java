package org.rapport.data.internal.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.rapport.customers.AccountManagement;
import org.rapport.customers.ContactManagement;
import org.rapport.customers.CustomFieldDefinition;
import org.rapport.customers.CustomFieldManagement;
import org.rapport.data.internal.imports.EntityWriter.Created;
import org.rapport.data.internal.imports.EntityWriter.Existing;
import org.rapport.data.internal.imports.RowCleaner.Cleaned;
import org.rapport.data.internal.imports.RowCleaner.RowError;
import org.rapport.data.internal.matching.DuplicateDetector;
import org.rapport.platform.RapportException;
import org.rapport.sales.LeadManagement;
import org.rapport.sales.OrderManagement;
import org.rapport.sales.ProductManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: reads the stored file from the row after the checkpoint, cleans each row,
 * decides what to do with duplicates and writes through the owning module's facade. Rows go in
 * batches; a batch's records, its errors, its duplicate candidates, the counters and the new
 * checkpoint are committed in <em>one</em> transaction, so after a crash or restart the job resumes
 * after the last committed batch and no row is written twice or lost. Rows are written inside
 * savepoints (a batch's waiting rows together, else one row), so a row the facade refuses becomes a row
 * error without undoing its batch.
 */
@Component
public class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	/** Attempts (runs started) after which a failing import is marked failed instead of retried. */
	static final int MAX_ATTEMPTS = 5;

	/**
	 * Fault injection for tests of crash recovery: when it answers true for a row number, the batch
	 * holding that row fails after its rows were written and before it commits, like a process dying
	 * there. Always {@code null} in production.
	 */
	static volatile LongPredicate crashBeforeCommit;

	private final JdbcClient jdbc;

	private final TransactionTemplate batchTx;

	private final TransactionTemplate rowTx;

	private final Clock clock;

	private final JsonMapper json;

	private final ContactManagement contacts;

	private final AccountManagement accounts;

	private final LeadManagement leads;

	private final CustomFieldManagement customFields;

	private final OrderManagement orders;

	private final ProductManagement products;

	private final int batchSize;

	ImportRunner(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, JsonMapper json,
			ContactManagement contacts, AccountManagement accounts, LeadManagement leads,
			CustomFieldManagement customFields, OrderManagement orders, ProductManagement products,
			@Value("${rapport.data.import-batch-size:200}") int batchSize) {
		this.jdbc = jdbc;
		this.batchTx = new TransactionTemplate(transactions);
		this.rowTx = new TransactionTemplate(transactions);
		this.rowTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
		this.json = json;
		this.contacts = contacts;
		this.accounts = accounts;
		this.leads = leads;
		this.customFields = customFields;
		this.orders = orders;
		this.products = products;
		this.batchSize = batchSize;
	}

	/** Another run of the same import has committed rows this run was about to write. */
	static final class CheckpointMoved extends RuntimeException {

		CheckpointMoved(long id) {
			super("Import " + id + " is being run by another execution");
		}

	}

	/** Thrown by the fault injection. */
	static final class SimulatedCrash extends RuntimeException {

		SimulatedCrash(long row) {
			super("Simulated crash before committing the batch with row " + row);
		}

	}

	private record Job(long id, String entity, String status, String encoding, boolean bom, String format, char delimiter,
			List<String> headers, Map<String, String> mapping, String duplicates, boolean dryRun, String defaultCountry,
			long rowsTotal, long checkpoint, int attempts, boolean cancelRequested) {
	}

	/** Runs (or resumes) the import; returns normally when it is done, cancelled or given up as failed. */
	public void run(long id) {
		Job job = load(id);
		if (job == null || job.status().equals("draft") || job.status().equals("done") || job.status().equals("failed")
				|| job.status().equals("cancelled")) {
			return;
		}
		if (job.cancelRequested()) {
			finish(id, "cancelled", null);
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update imports set status = 'running', attempts = attempts + 1, resumes = resumes + case when checkpoint_row > 0 then 1 else 0 end,
				  started_at = coalesce(started_at, ?), updated_at = ? where id = ?""")
			.params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), id)
			.update();
		if (job.checkpoint() > 0) {
			log.info("Import {} resumes after row {} of {}", id, job.checkpoint(), job.rowsTotal());
		}
		else {
			log.info("Import {} of {} starts: {} rows", id, job.entity(), job.rowsTotal());
		}
		try {
			boolean completed;
			try {
				completed = process(job);
			}
			catch (CheckpointMoved ex) {
				log.warn(ex.getMessage() + "; this run stops");
				return;
			}
			if (completed) {
				finish(id, "done", null);
				log.info("Import {} done", id);
			}
			else {
				finish(id, "cancelled", null);
				log.info("Import {} cancelled", id);
			}
		}
		catch (RuntimeException ex) {
			if (job.attempts() + 1 >= MAX_ATTEMPTS) {
				log.error("Import {} failed after {} attempts", id, job.attempts() + 1, ex);
				finish(id, "failed", ex.getMessage());
				return;
			}
			log.warn("Import {} interrupted ({}); it resumes from its last checkpoint", id, ex.toString());
			throw ex;
		}
	}

	private void finish(long id, String status, String error) {
		jdbc.sql("update imports set status = ?, error = ?, finished_at = ?, updated_at = ?, version = version + 1 where id = ?")
			.params(status, error == null ? null : error.substring(0, Math.min(error.length(), 1000)),
					java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()), id)
			.update();
	}

	private Job load(long id) {
		return jdbc.sql("""
				select id, entity, status, encoding, delimiter, format, headers::text headers, mapping::text mapping, duplicates,
				  dry_run, default_country, rows_total, checkpoint_row, attempts, cancel_requested
				from imports where id = ?""")
			.param(id)
			.query((rs, n) -> {
				String enc = rs.getString("encoding");
				boolean bom = enc != null && enc.endsWith("+BOM");
				String delimiter = rs.getString("delimiter");
				return new Job(rs.getLong("id"), rs.getString("entity"), rs.getString("status"),
						bom ? enc.substring(0, enc.length() - 4) : enc, bom, rs.getString("format"),
						delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0),
						json.readValue(rs.getString("headers"), new TypeReference<List<String>>() {
						}), json.readValue(rs.getString("mapping"), new TypeReference<Map<String, String>>() {
						}), rs.getString("duplicates"), rs.getBoolean("dry_run"), rs.getString("default_country"),
						rs.getLong("rows_total"), rs.getLong("checkpoint_row"), rs.getInt("attempts"),
						rs.getBoolean("cancel_requested"));
			})
			.optional()
			.orElse(null);
	}

	/** Processes the rows after the checkpoint; false when cancelled. */
	private boolean process(Job job) {
		Map<String, String> customTypes = new java.util.HashMap<>();
		if (FieldMapping.CUSTOM_FIELDS.contains(job.entity())) {
			for (CustomFieldDefinition d : customFields.definitions(job.entity().equals("contacts") ? "contact" : "account")) {
				customTypes.put(d.key(), d.type());
			}
		}
		RowCleaner cleaner = new RowCleaner(job.entity(), job.headers(), job.mapping(), job.defaultCountry(), customTypes);
		ImportFiles.Inspection inspection = new ImportFiles.Inspection(job.format(), job.encoding(), job.bom(),
				job.delimiter(), job.headers(), job.rowsTotal(), List.of());
		List<Cleaned> batch = new ArrayList<>(batchSize);
		boolean[] cancelled = { false };
		long[] lastLog = { System.nanoTime() };
		boolean orders = job.entity().equals("orders");
		ImportFiles.read(ImportChunks.reader(jdbc, job.id()), inspection, job.checkpoint(), (rowNo, values) -> {
			Cleaned row = cleaner.clean(rowNo, values);
			// a full batch is written when the next row comes, unless that row is another line of its last order
			if (batch.size() >= batchSize && !(orders && OrderWriter.sameOrder(batch.get(batch.size() - 1), row))) {
				cancelled[0] = !writeBatch(job, batch);
				batch.clear();
				if (System.nanoTime() - lastLog[0] > Duration.ofSeconds(5).toNanos()) {
					lastLog[0] = System.nanoTime();
					logProgress(job.id());
				}
			}
			if (!cancelled[0]) {
				batch.add(row);
			}
			return !cancelled[0];
		});
		if (cancelled[0]) {
			return false;
		}
		if (!batch.isEmpty()) {
			return writeBatch(job, batch);
		}
		return true;
	}

	private void logProgress(long id) {
		jdbc.sql("select rows_read, rows_total, rows_written, rows_rejected from imports where id = ?")
			.param(id)
			.query((rs, n) -> {
				log.info("Import {}: {} of {} rows read, {} written, {} rejected", id, rs.getLong(1), rs.getLong(2),
						rs.getLong(3), rs.getLong(4));
				return null;
			})
			.list();
	}

	/** What one batch did, counted and logged as it goes, stored when the batch commits. */
	private static final class Tally {

		long written, updated, skipped, rejected;

		final List<RowError> errors = new ArrayList<>();

		/** Pairs the batch created although they looked like an existing record: the existing one and the new id. */
		final List<Existing> candidates = new ArrayList<>();

		final List<Long> candidateIds = new ArrayList<>();

		final List<long[]> imported = new ArrayList<>();

		final List<String> actions = new ArrayList<>();

		void imported(Cleaned row, long recordId, String action) {
			imported.add(new long[] { row.row(), recordId });
			actions.add(action);
		}

	}

	/**
	 * A row waiting to be written with others: created (and the existing record it looked like, if any) or
	 * updating the existing record.
	 */
	private record Waiting(Cleaned row, Existing existing, String action) {
	}

	/** Writes one batch and its checkpoint in one transaction; false if cancellation was requested. */
	private boolean writeBatch(Job job, List<Cleaned> rows) {
		return Boolean.TRUE.equals(batchTx.execute(status -> {
			// the row lock serialises batches; a checkpoint that moved means another run of this import is
			// active (a revived execution while the first still lives): leave the rows to it
			Map<String, Object> state = jdbc.sql("select cancel_requested, checkpoint_row from imports where id = ? for update")
				.param(job.id())
				.query()
				.singleRow();
			if (Boolean.TRUE.equals(state.get("cancel_requested"))) {
				return false;
			}
			if (((Number) state.get("checkpoint_row")).longValue() != rows.get(0).row() - 1) {
				throw new CheckpointMoved(job.id());
			}
			EntityWriter writer = writer(job.entity());
			Tally tally = new Tally();
			List<Waiting> waiting = new ArrayList<>();
			List<Cleaned> checking = new ArrayList<>();
			writer.prefetch(rows);
			for (Cleaned row : rows) {
				if (!row.valid()) {
					tally.errors.addAll(row.errors());
					tally.rejected++;
					continue;
				}
				if (writer.dependsOnWaiting(row)) {
					// the row may duplicate one waiting: write those first, as if rows went one by one
					writeWaiting(job, writer, waiting, tally);
				}
				Existing existing = writer.findExisting(row);
				String action = existing == null ? "create" : job.duplicates();
				if (action.equals("skip")) {
					tally.skipped++;
					continue;
				}
				if (job.dryRun()) {
					if (action.equals("create") && writer.batches()) {
						checking.add(row);
					}
					continue;
				}
				if (action.equals("create") && writer.batches()) {
					waiting.add(new Waiting(row, existing, action));
					writer.waiting(row);
					continue;
				}
				if (action.equals("update") && writer.batchesUpdates()) {
					waiting.add(new Waiting(row, existing, action));
					writer.waitingUpdate(existing, row);
					continue;
				}
				writeOne(job, writer, row, existing, action, tally);
			}
			writeWaiting(job, writer, waiting, tally);
			check(job, writer, checking, tally);
			store(job, tally);
			long last = rows.get(rows.size() - 1).row();
			LongPredicate crash = crashBeforeCommit;
			if (crash != null && rows.stream().anyMatch(r -> crash.test(r.row()))) {
				throw new SimulatedCrash(last);
			}
			jdbc.sql("""
					update imports set checkpoint_row = ?, rows_read = ?, rows_written = rows_written + ?,
					  rows_updated = rows_updated + ?, rows_skipped = rows_skipped + ?, rows_rejected = rows_rejected + ?,
					  updated_at = ? where id = ?""")
				.params(last, last, tally.written + tally.updated, tally.updated, tally.skipped, tally.rejected,
						java.sql.Timestamp.from(clock.instant()), job.id())
				.update();
			return true;
		}));
	}

	/** Writes one row through the facade, in a savepoint so that a refused row does not undo its batch. */
	private void writeOne(Job job, EntityWriter writer, Cleaned row, Existing existing, String action, Tally tally) {
		try {
			long recordId = rowTx.execute(s -> {
				if (action.equals("update")) {
					writer.update(existing.id(), row);
					return existing.id();
				}
				return writer.create(row);
			});
			if (action.equals("update")) {
				writer.updated(existing, row);
				tally.imported(row, recordId, "updated");
				tally.updated++;
			}
			else {
				created(job, row, existing, recordId, tally);
			}
		}
		catch (RapportException ex) {
			writer.rolledBack();
			tally.rejected++;
			tally.errors.addAll(rowErrors(row, ex, job.mapping()));
		}
	}

	private void created(Job job, Cleaned row, Existing existing, long recordId, Tally tally) {
		tally.imported(row, recordId, "created");
		tally.written++;
		if (existing != null && !job.entity().equals("leads")) {
			tally.candidates.add(existing);
			tally.candidateIds.add(recordId);
		}
	}

	/**
	 * Writes the waiting rows: the updates together, then the rows to create together. No waiting row
	 * depends on another (a row that may is preceded by a write of those waiting), so the order of the two
	 * groups does not matter.
	 */
	private void writeWaiting(Job job, EntityWriter writer, List<Waiting> waiting, Tally tally) {
		List<Waiting> updates = waiting.stream().filter(w -> w.action().equals("update")).toList();
		List<Waiting> creates = new ArrayList<>(waiting.stream().filter(w -> w.action().equals("create")).toList());
		waiting.clear();
		updateWaiting(job, writer, updates, tally);
		createWaiting(job, writer, creates, tally);
	}

	/**
	 * Updates the waiting rows' records together, in a savepoint. If the facade refuses any, or writing
	 * fails as a whole, the savepoint is rolled back and the rows are written one by one as before, each in
	 * its own savepoint: a bad row is rejected with its error and the others are updated.
	 */
	private void updateWaiting(Job job, EntityWriter writer, List<Waiting> rows, Tally tally) {
		if (rows.isEmpty()) {
			return;
		}
		List<Created> results;
		try {
			results = rowTx.execute(s -> {
				List<Created> updated = writer.updateAll(rows.stream().map(Waiting::existing).toList(),
						rows.stream().map(Waiting::row).toList());
				if (updated.stream().anyMatch(c -> c.refused() != null)) {
					s.setRollbackOnly();
				}
				return updated;
			});
		}
		catch (RapportException | org.springframework.dao.DataAccessException | IllegalArgumentException ex) {
			log.debug("Import {}: {} updates written one by one after {}", job.id(), rows.size(), ex.toString());
			results = null;
		}
		writer.waitingWritten();
		if (results == null || results.stream().anyMatch(c -> c.refused() != null)) {
			writer.rolledBack();
			rows.forEach(w -> writeOne(job, writer, w.row(), w.existing(), "update", tally));
			return;
		}
		for (Waiting w : rows) {
			writer.updated(w.existing(), w.row());
			tally.imported(w.row(), w.existing().id(), "updated");
			tally.updated++;
		}
	}

	/**
	 * Creates the waiting rows together, in a savepoint. If the facade refuses some, the savepoint is
	 * rolled back (so that nothing a refused row caused stays, as when rows go one by one), the refused
	 * rows are reported and the others created again together; if writing fails as a whole, they are
	 * written one by one.
	 */
	private void createWaiting(Job job, EntityWriter writer, List<Waiting> waiting, Tally tally) {
		if (waiting.isEmpty()) {
			return;
		}
		List<Waiting> rows = List.copyOf(waiting);
		waiting.clear();
		List<Created> results;
		try {
			results = rowTx.execute(s -> {
				List<Created> created = writer.createAll(rows.stream().map(Waiting::row).toList());
				if (created.stream().anyMatch(c -> c.refused() != null)) {
					s.setRollbackOnly();
				}
				return created;
			});
		}
		catch (RapportException | org.springframework.dao.DataAccessException ex) {
			writer.rolledBack();
			writer.waitingWritten();
			log.debug("Import {}: {} rows written one by one after {}", job.id(), rows.size(), ex.toString());
			rows.forEach(w -> writeOne(job, writer, w.row(), w.existing(), "create", tally));
			return;
		}
		writer.waitingWritten();
		if (results.stream().anyMatch(c -> c.refused() != null)) {
			writer.rolledBack();
			List<Waiting> again = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (results.get(i).refused() != null) {
					tally.rejected++;
					tally.errors.addAll(rowErrors(rows.get(i).row(), results.get(i).refused(), job.mapping()));
				}
				else {
					again.add(rows.get(i));
				}
			}
			createWaiting(job, writer, again, tally);
			return;
		}
		for (int i = 0; i < rows.size(); i++) {
			created(job, rows.get(i).row(), rows.get(i).existing(), results.get(i).id(), tally);
		}
	}

	/** A dry run reports the rows the facade would refuse, as the real run would. */
	private void check(Job job, EntityWriter writer, List<Cleaned> rows, Tally tally) {
		if (rows.isEmpty()) {
			return;
		}
		// in a savepoint, always rolled back: a facade's refusal marks the transaction it joins rollback-only
		List<Created> results = rowTx.execute(s -> {
			s.setRollbackOnly();
			return writer.checkAll(rows);
		});
		for (int i = 0; i < rows.size(); i++) {
			if (results.get(i).refused() != null) {
				tally.rejected++;
				tally.errors.addAll(rowErrors(rows.get(i), results.get(i).refused(), job.mapping()));
			}
		}
	}

	/** The batch's row log, row errors and duplicate candidates, one statement each. */
	private void store(Job job, Tally tally) {
		if (!tally.imported.isEmpty()) {
			jdbc.sql("""
					insert into import_rows (import_id, row_no, record_id, action)
					select ?, r, i, a from unnest(?, ?, ?) as t (r, i, a)""")
				.params(job.id(), tally.imported.stream().map(x -> x[0]).toArray(Long[]::new),
						tally.imported.stream().map(x -> x[1]).toArray(Long[]::new), tally.actions.toArray(String[]::new))
				.update();
		}
		candidates(job, tally);
		if (!tally.errors.isEmpty()) {
			tally.errors.sort(java.util.Comparator.comparingLong(RowError::row));
			jdbc.sql("""
					insert into import_errors (import_id, row_no, column_name, value, reason)
					select ?, r, c, v, w from unnest(?, ?, ?, ?) as t (r, c, v, w)""")
				.params(job.id(), tally.errors.stream().map(RowError::row).toArray(Long[]::new),
						tally.errors.stream().map(RowError::column).toArray(String[]::new),
						tally.errors.stream().map(RowError::value).toArray(String[]::new),
						tally.errors.stream().map(RowError::reason).toArray(String[]::new))
				.update();
		}
	}

	/** Records the pairs the batch created although they looked like existing records. */
	private void candidates(Job job, Tally tally) {
		if (tally.candidates.isEmpty()) {
			return;
		}
		int n = tally.candidates.size();
		Long[] left = new Long[n];
		Long[] right = new Long[n];
		Double[] scores = new Double[n];
		String[] reasons = new String[n];
		for (int i = 0; i < n; i++) {
			Existing existing = tally.candidates.get(i);
			long created = tally.candidateIds.get(i);
			left[i] = Math.min(existing.id(), created);
			right[i] = Math.max(existing.id(), created);
			scores[i] = existing.score();
			reasons[i] = json.writeValueAsString(existing.reasons());
		}
		jdbc.sql("""
				insert into duplicate_candidates (entity, left_id, right_id, score, reasons, source, found_at)
				select ?, l, r, s, cast(w as jsonb), ?, ? from unnest(?, ?, ?, ?) as t (l, r, s, w)
				on conflict (entity, left_id, right_id) do nothing""")
			.params(job.entity(), "import:" + job.id(), java.sql.Timestamp.from(clock.instant()), left, right, scores,
					reasons)
			.update();
	}

	private static List<RowError> rowErrors(Cleaned row, RapportException ex, Map<String, String> mapping) {
		List<RowError> errors = new ArrayList<>();
		if (ex.fieldProblems().isEmpty()) {
			errors.add(new RowError(row.row(), null, null, ex.getMessage()));
		}
		for (var p : ex.fieldProblems()) {
			String field = EntityWriter.apiField(p.field());
			String column = mapping.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
				.findFirst().orElse(field);
			String value = field == null ? null : field.startsWith("cf.") ? row.custom().get(field.substring(3)) : row.get(field);
			errors.add(new RowError(row.row(), column, value, p.message()));
		}
		return errors;
	}

	private EntityWriter writer(String entity) {
		DuplicateDetector detector = new DuplicateDetector();
		return switch (entity) {
			case "contacts" -> new ContactWriter(contacts, accounts, detector);
			case "accounts" -> new AccountWriter(accounts, detector);
			case "leads" -> new LeadWriter(leads, detector);
			case "orders" -> new OrderWriter(orders, products, contacts, accounts);
			default -> throw new IllegalStateException("No writer for " + entity);
		};
	}

}
