package org.receivables.invoicing.cash;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.invoicing.cash.match.BatchBook;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.cash.match.Matcher;
import org.receivables.invoicing.cash.statement.BalanceCheck;
import org.receivables.invoicing.cash.statement.ParsedStatement;
import org.receivables.invoicing.cash.statement.StatementFormatException;
import org.receivables.invoicing.cash.statement.StatementReader;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.problem.ProblemException;

/**
 * Imports a statement in short transactions, so that its size is bounded by nothing but the body
 * limit (one transaction for thousands of entries outlived the 60 s timeout and answered 500). The
 * first records the statement and all its entries, the bank's facts, and ignores what is never
 * matched (debits, pending entries); then the credits and returned transfers are decided {@value
 * #CHUNK} at a time, each chunk in its own transaction with its lookups made for the whole chunk
 * ({@link BatchBook}) and its payments and decisions written in batches ({@link
 * EntryProcessing#processAll}). Entries its account already has (an overlapping or repeated
 * statement) are linked, never processed again; an entry recorded but not processed (the process
 * died) is processed when the statement is sent again, so nothing accepted is lost or applied
 * twice.
 */
@ApplicationScoped
public class StatementImport {

  /**
   * Entries decided per transaction: their lookups and writes are made for all of them at once, and
   * it stays a few seconds of work on a loaded machine.
   */
  static final int CHUNK = 200;

  /**
   * A chunk's transaction timeout, from its size: a second and a half per entry, many times what an
   * entry takes with its look-ups batched, so that only a chunk that is stuck (a lock, a plan gone
   * wrong) is rolled back, never one that is merely slow on a loaded machine. The default of 60 s
   * is what the first statement of {@code bench/run cash} ran past. A chunk rolled back is decided
   * again by the next import of the statement; nothing of it was applied.
   */
  static final int CHUNK_TIMEOUT_SECONDS = CHUNK * 3 / 2;

  /** How long the request that imports may hold its idempotency key: the body limit's worth. */
  public static final int IMPORT_TIMEOUT_SECONDS = 1800;

  private static final Logger LOG = Logger.getLogger(StatementImport.class);

  /** The statement's summary and whether this call created it. */
  public record Imported(StatementSummary summary, boolean created) {}

  /** What the API answers for a statement. */
  public record StatementSummary(
      UUID id,
      String account,
      String format,
      int entries,
      Map<EntryStatus, Long> counts,
      Boolean balanced,
      String balanceNote) {}

  @Inject EntryStore store;
  @Inject StatementStore statements;
  @Inject EntryProcessing processing;
  @Inject SqlBook books;
  @Inject CashConfig config;
  @Inject EntityManager em;

  /** Imports the statement in this request: recorded, then decided chunk by chunk. */
  public Imported importStatement(String tenantId, String mediaType, byte[] body) {
    Recorded recorded = record(tenantId, mediaType, body);
    decideAll(tenantId, recorded.id());
    return new Imported(summary(tenantId, recorded.id()), recorded.created());
  }

  /** A statement recorded with its entries (not decided yet), and whether this call recorded it. */
  public record Recorded(UUID id, boolean created) {}

  /**
   * Parses the statement and records it with all its entries in one short transaction of its own; a
   * statement already there is found, not recorded again.
   */
  public Recorded record(String tenantId, String mediaType, byte[] body) {
    ParsedStatement s;
    try {
      s = StatementReader.read(mediaType, body);
    } catch (StatementFormatException e) {
      throw ProblemException.invalid("statement", e.getMessage());
    }
    UUID[] recorded = new UUID[1];
    boolean created = QuarkusTransaction.requiringNew().call(() -> record(tenantId, s, recorded));
    return new Recorded(recorded[0], created);
  }

  /** Decides every entry of the statement not decided yet, a chunk per transaction. */
  public void decideAll(String tenantId, UUID statementId) {
    Matcher.Settings settings = config.settings(tenantId);
    while (decideChunk(tenantId, statementId, settings)) {
      // next chunk
    }
  }

  /** Records the statement and its entries; false when it was there already (then id is its). */
  private boolean record(String tenantId, ParsedStatement s, UUID[] id) {
    Optional<UUID> existing = statements.findStatement(tenantId, s.account(), s.statementKey());
    if (existing.isPresent()) {
      id[0] = existing.get();
      return false;
    }
    id[0] = UUID.randomUUID();
    if (!statements.insertStatement(
        id[0], tenantId, s, BalanceCheck.balanced(s), BalanceCheck.problem(s).orElse(null))) {
      id[0] = statements.findStatement(tenantId, s.account(), s.statementKey()).orElseThrow();
      return false;
    }
    if (!s.entries().isEmpty()) {
      statements.insertEntries(tenantId, id[0], s.account(), s.entries());
    }
    return true;
  }

  /**
   * Decides the next chunk of the statement's unprocessed entries in one transaction; false when
   * none was left. An automatic application that fails (an invoice changed meanwhile) rolls the
   * chunk back; its entries are then decided one by one, and one that fails again is left to a
   * collector with the reason.
   */
  private boolean decideChunk(String tenantId, UUID statementId, Matcher.Settings settings) {
    List<UUID> ids = new ArrayList<>();
    try {
      return QuarkusTransaction.requiringNew()
          .timeout(CHUNK_TIMEOUT_SECONDS)
          .call(
              () -> {
                List<EntryRow> chunk = store.lockUnprocessed(tenantId, statementId, CHUNK);
                chunk.forEach(e -> ids.add(e.id()));
                BatchBook book = batchBook(tenantId, chunk);
                processing.processAll(tenantId, chunk, book, settings, true, null);
                return !chunk.isEmpty();
              });
    } catch (ProblemException failed) {
      LOG.debugf("a chunk of statement %s is decided entry by entry: %s", statementId, failed);
      ids.forEach(id -> decideAlone(tenantId, id, settings));
      return true;
    }
  }

  private void decideAlone(String tenantId, UUID entryId, Matcher.Settings settings) {
    try {
      QuarkusTransaction.requiringNew().run(() -> decide(tenantId, entryId, settings, null));
    } catch (ProblemException failed) {
      String why = failed.toProblem().detail();
      QuarkusTransaction.requiringNew().run(() -> decide(tenantId, entryId, settings, why));
    }
  }

  /** Decides one entry unless another import did meanwhile; {@code failure} forbids applying. */
  private void decide(String tenantId, UUID entryId, Matcher.Settings settings, String failure) {
    store
        .find(tenantId, entryId, true)
        .filter(e -> store.unprocessed(e.id()))
        .ifPresent(
            e ->
                processing.processAll(
                    tenantId,
                    List.of(e),
                    batchBook(tenantId, List.of(e)),
                    settings,
                    failure == null,
                    failure));
  }

  private BatchBook batchBook(String tenantId, List<EntryRow> entries) {
    return new BatchBook(
        books.of(tenantId), entries.stream().map(EntryProcessing::transfer).toList());
  }

  /** A statement's row, as {@link #summary} reads it. */
  record StatementRow(
      String account, String format, int entries, Boolean balanced, String balanceNote) {}

  /** How many of a statement's entries have a status, as {@link #summary} reads it. */
  record StatusCount(EntryStatus status, long entries) {}

  /** One invoice an applied entry paid, and how much. */
  public record Allocation(UUID invoiceId, BigDecimal amount) {}

  public StatementSummary summary(String tenantId, UUID id) {
    StatementRow r =
        NamedRows.first(
                em.createNativeQuery(
                        "select account, format, entries, balanced, balance_note from bank_statement"
                            + " where tenant_id = :t and id = :id",
                        Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("id", id),
                StatementRow.class)
            .orElseThrow(() -> ProblemException.notFound("Bank statement", id));
    Map<EntryStatus, Long> counts = new EnumMap<>(EntryStatus.class);
    NamedRows.list(
            em.createNativeQuery(
                    "select e.status, count(*) as entries from bank_statement_entry l join"
                        + " bank_entry e on e.id = l.entry_id where l.tenant_id = :t and"
                        + " l.statement_id = :id group by e.status",
                    Tuple.class)
                .setParameter("t", tenantId)
                .setParameter("id", id),
            StatusCount.class)
        .forEach(c -> counts.put(c.status(), c.entries()));
    return new StatementSummary(
        id, r.account(), r.format(), r.entries(), counts, r.balanced(), r.balanceNote());
  }

  /** The statement's entries in statement order, optionally of one status. */
  public List<EntryRow> entries(String tenantId, UUID statementId, EntryStatus status) {
    summary(tenantId, statementId);
    var query =
        em.createNativeQuery(
                "select "
                    + EntryRow.columns("e.")
                    + " from bank_statement_entry l join bank_entry e on e.id = l.entry_id where"
                    + " l.tenant_id = :t and l.statement_id = :id"
                    + (status == null ? "" : " and e.status = :s")
                    + " order by l.position",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("id", statementId);
    if (status != null) {
      query.setParameter("s", status.name());
    }
    return NamedRows.list(query, EntryRow.class);
  }

  /** What an applied entry paid, per invoice (payments still standing). */
  public List<Allocation> allocations(String tenantId, UUID entryId) {
    return NamedRows.list(
        em.createNativeQuery(
                "select pa.invoice_id, pa.amount from bank_entry_application a join payment p on"
                    + " p.id = a.payment_id join payment_allocation pa on pa.payment_id = p.id where"
                    + " a.tenant_id = :t and a.entry_id = :e and p.status = 'RECEIVED' order by"
                    + " pa.invoice_id",
                Tuple.class)
            .setParameter("t", tenantId)
            .setParameter("e", entryId),
        Allocation.class);
  }
}
