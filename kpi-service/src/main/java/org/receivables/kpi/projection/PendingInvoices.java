package org.receivables.kpi.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The invoices a batch moves, read once and then moved in memory, with the ledger entries and
 * payments their movements add: written together when the batch's part ends ({@link
 * MovementWriter}), instead of an entry insert, a balance update and a payment insert per event.
 * The arithmetic is the one the per-event SQL did ({@link State#post}). Plain and single-threaded:
 * one per transaction, inside {@link PendingAggregates}.
 *
 * <p>Reading the state once and writing absolute balances back is sound because the tenant's lock
 * ({@link TenantLock}) is held from before the read to the commit, and only kpi's event handlers
 * write an invoice's balances.
 */
final class PendingInvoices {

  /** Invoices kept in memory at most; a rebuild replaying a large tenant writes and forgets. */
  static final int MAX_STATES = 20_000;

  /** What a movement left on its invoice. */
  record Posted(BigDecimal balance, BigDecimal atDue, LocalDate dueDate, LocalDate issueDate) {}

  record Entry(
      String tenantId,
      UUID invoiceId,
      LocalDate date,
      String kind,
      BigDecimal amount,
      String eventId) {}

  record Payment(
      String tenantId, UUID invoiceId, String paymentId, LocalDate receivedOn, BigDecimal amount) {}

  private record PaymentKey(UUID invoiceId, String paymentId) {}

  /** A ledger entry's date and amount, what a due date move sums. */
  record Dated(LocalDate date, BigDecimal amount) {}

  /** What a due date move did: the due date left, the balance, and at-due before and after. */
  record DueMove(LocalDate from, BigDecimal balance, BigDecimal atDueBefore, BigDecimal atDue) {}

  /** An invoice as the batch has it now. */
  static final class State {
    InvoiceRef invoice;
    BigDecimal balance;
    BigDecimal atDue;
    LocalDate lastEntry;
    LocalDate closedOn;

    /** Every ledger entry of the invoice, when read (a due date move needs them); else null. */
    List<Dated> entries;

    /**
     * @param invoice the invoice's facts (its balance is ignored: {@code balance} holds it)
     * @param lastEntry the date of its latest ledger entry; null when it has none
     */
    State(InvoiceRef invoice, BigDecimal balance, BigDecimal atDue, LocalDate lastEntry) {
      this.invoice = invoice;
      this.balance = balance;
      this.atDue = atDue;
      this.lastEntry = lastEntry;
    }

    /** As issued: owed in full, at the due date too unless issued after it. */
    static State issued(InvoiceRef invoice) {
      BigDecimal total = invoice.total();
      State s =
          new State(
              invoice,
              total,
              invoice.issueDate().isAfter(invoice.dueDate()) ? BigDecimal.ZERO : total,
              total.signum() == 0 ? null : invoice.issueDate());
      s.entries = new ArrayList<>();
      if (total.signum() != 0) {
        s.entries.add(new Dated(invoice.issueDate(), total));
      }
      return s;
    }

    /**
     * Adds {@code amount} on {@code date}: the balance, the balance at the end of the due date when
     * dated on or before it, and the closing date (the latest entry's, when nothing is left owed).
     */
    Posted post(LocalDate date, BigDecimal amount) {
      lastEntry = lastEntry == null || date.isAfter(lastEntry) ? date : lastEntry;
      balance = balance.add(amount);
      if (!date.isAfter(invoice.dueDate())) {
        atDue = atDue.add(amount);
      }
      closedOn = balance.signum() == 0 ? lastEntry : null;
      if (entries != null) {
        entries.add(new Dated(date, amount));
      }
      return new Posted(balance, atDue, invoice.dueDate(), invoice.issueDate());
    }

    /**
     * Moves the invoice to another due date: its balance at the new due date is the sum of its
     * entries dated on or before it (the entries must have been read).
     */
    DueMove moveDue(LocalDate due) {
      if (entries == null) {
        throw new IllegalStateException("due date of " + invoice.invoiceId() + " moved unread");
      }
      BigDecimal newAtDue = BigDecimal.ZERO;
      for (Dated e : entries) {
        if (!e.date().isAfter(due)) {
          newAtDue = newAtDue.add(e.amount());
        }
      }
      DueMove move = new DueMove(invoice.dueDate(), balance, atDue, newAtDue);
      InvoiceRef i = invoice;
      invoice =
          new InvoiceRef(
              i.invoiceId(),
              i.tenantId(),
              i.customerId(),
              i.currency(),
              i.issueDate(),
              due,
              i.total(),
              i.balance());
      atDue = newAtDue;
      return move;
    }

    /** The invoice's facts with its balance now. */
    InvoiceRef ref() {
      InvoiceRef i = invoice;
      return new InvoiceRef(
          i.invoiceId(),
          i.tenantId(),
          i.customerId(),
          i.currency(),
          i.issueDate(),
          i.dueDate(),
          i.total(),
          balance);
    }
  }

  private final Map<UUID, State> states = new HashMap<>();
  private final Set<UUID> expected = new LinkedHashSet<>();
  private final Set<UUID> absent = new HashSet<>();
  final Set<UUID> moved = new LinkedHashSet<>();
  private final Set<UUID> expectedEntries = new HashSet<>();

  /** Invoices whose due date the batch moved, to write with their new balance at due. */
  final Set<UUID> dueMoved = new LinkedHashSet<>();

  final List<Entry> entries = new ArrayList<>();
  final Map<PaymentKey, Payment> payments = new LinkedHashMap<>();

  /** Invoices the batch's events will read: read all at once at the first one read. */
  void expect(UUID invoiceId) {
    if (!states.containsKey(invoiceId)) {
      expected.add(invoiceId);
    }
  }

  /** Invoices whose entries the batch's events will need (due date moves): read together. */
  void expectEntries(UUID invoiceId) {
    expectedEntries.add(invoiceId);
  }

  /**
   * The invoices held without their entries that need them: {@code invoiceId} and every expected
   * one read already.
   */
  List<UUID> entriesToRead(UUID invoiceId) {
    List<UUID> ids = new ArrayList<>();
    states.forEach(
        (id, s) -> {
          if (s.entries == null && (id.equals(invoiceId) || expectedEntries.contains(id))) {
            ids.add(id);
          }
        });
    return ids;
  }

  /**
   * The stored entries of invoices held without them; the entries this batch posted and has not
   * written yet are added, so that each state has all of its invoice's entries.
   */
  void entriesRead(List<UUID> ids, Map<UUID, List<Dated>> stored) {
    for (UUID id : ids) {
      State s = states.get(id);
      List<Dated> all = new ArrayList<>(stored.getOrDefault(id, List.of()));
      for (Entry e : entries) {
        if (e.invoiceId().equals(id)) {
          all.add(new Dated(e.date(), e.amount()));
        }
      }
      s.entries = all;
    }
  }

  /** Moves a held invoice (its entries read) to another due date, written with the batch. */
  DueMove moveDue(UUID invoiceId, LocalDate due) {
    State s = states.get(invoiceId);
    if (s == null) {
      throw new IllegalStateException("invoice " + invoiceId + " moved before it was read");
    }
    dueMoved.add(invoiceId);
    return s.moveDue(due);
  }

  /** The states of the invoices whose due date moved since the last write. */
  List<State> dueMovedStates() {
    return dueMoved.stream().map(states::get).toList();
  }

  /** The invoice's state if the batch has it. */
  State state(UUID invoiceId) {
    return states.get(invoiceId);
  }

  /**
   * The ids to read for {@code invoiceId}: it and every expected one not read yet; empty when it
   * was read already and found absent (then only an issue of this batch can name it).
   */
  List<UUID> toRead(UUID invoiceId) {
    if (absent.contains(invoiceId)) {
      return List.of();
    }
    List<UUID> ids = new ArrayList<>(expected);
    if (!expected.contains(invoiceId)) {
      ids.add(invoiceId);
    }
    expected.clear();
    return ids;
  }

  /** The states read for {@code ids}; those not found are absent from the database. */
  void read(List<UUID> ids, List<State> found) {
    absent.addAll(ids);
    for (State s : found) {
      absent.remove(s.invoice.invoiceId());
      states.put(s.invoice.invoiceId(), s);
    }
  }

  /**
   * The state of an invoice absent from the database that this batch issued ({@code issue}, or
   * null): an issue is the invoice's first movement, so nothing needs reading back.
   */
  State fromIssue(UUID invoiceId, PendingAggregates.Issue issue) {
    if (issue == null || !absent.contains(invoiceId)) {
      return null;
    }
    State s = State.issued(issue.invoice());
    states.put(invoiceId, s);
    return s;
  }

  /** The batch's issues were written: an invoice found absent before may be there now. */
  void issuesWritten() {
    absent.clear();
  }

  /** Adds a movement to the invoice (read before) and keeps its ledger entry. */
  Posted post(UUID invoiceId, LocalDate date, String kind, BigDecimal amount, String eventId) {
    State s = states.get(invoiceId);
    if (s == null) {
      throw new IllegalStateException("invoice " + invoiceId + " moved before it was read");
    }
    entries.add(new Entry(s.invoice.tenantId(), invoiceId, date, kind, amount, eventId));
    moved.add(invoiceId);
    return s.post(date, amount);
  }

  /** Keeps a payment; a payment id already kept for the invoice keeps the first. */
  void payment(InvoiceRef invoice, String paymentId, LocalDate on, BigDecimal amount) {
    payments.putIfAbsent(
        new PaymentKey(invoice.invoiceId(), paymentId),
        new Payment(invoice.tenantId(), invoice.invoiceId(), paymentId, on, amount));
  }

  /** The day of a payment kept by this batch, or null. */
  LocalDate paymentDate(UUID invoiceId, String paymentId) {
    Payment p = payments.get(new PaymentKey(invoiceId, paymentId));
    return p == null ? null : p.receivedOn();
  }

  /** The states of the invoices moved since the last write. */
  List<State> movedStates() {
    return moved.stream().map(states::get).toList();
  }

  boolean hasWrites() {
    return !entries.isEmpty() || !payments.isEmpty() || !moved.isEmpty() || !dueMoved.isEmpty();
  }

  /** The writes are done; the states stay (the database now holds the same). */
  void written() {
    entries.clear();
    payments.clear();
    moved.clear();
    dueMoved.clear();
  }

  /** Whether the states should be written and forgotten before more are read. */
  boolean isFull() {
    return states.size() >= MAX_STATES;
  }

  /** Forgets every state; only after {@link #written}. */
  void forgetAll() {
    states.clear();
    absent.clear();
    expected.clear();
  }
}
