package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.receivables.invoicing.cash.match.Book;
import org.receivables.invoicing.cash.match.Book.Owner;
import org.receivables.invoicing.cash.match.Book.Range;
import org.receivables.invoicing.cash.match.OpenInvoice;
import org.receivables.invoicing.payment.EarlyPaymentDiscount;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.money.Money;

/**
 * The matcher's view of one tenant's ledger, read with indexed queries. The tenant is both a
 * condition and, through row-level security, the only rows the connection can see: another tenant's
 * invoice numbers never match. Under that forced policy PostgreSQL uses an index only for leakproof
 * conditions, so invoices are looked up by V13's stored keys ({@code number_key}, {@code
 * number_digits}, {@code outstanding_units}) with {@code =} and integer ranges, never by an
 * expression over their columns. Lists of keys travel as one text parameter split by the server
 * ({@code = any(string_to_array(..))}), one short statement whatever their number; the batch
 * look-ups ({@link Book#openOfAll}, {@link Book#withOutstandingAll}) are one lateral join each.
 * Every answer comes in the book's order: due date, then number.
 */
@ApplicationScoped
public class SqlBook {

  private static final String OUTSTANDING =
      "(i.total_incl_tax - i.amount_paid - i.discount_granted - i.amount_credited)";
  private static final String COLUMNS =
      "i.id, i.customer_id, c.name as customer_name, i.number, i.payment_reference, i.currency, "
          + OUTSTANDING
          + " as outstanding, i.due_date, i.discount_percent, i.discount_deadline,"
          + " i.total_incl_tax - i.amount_credited as discount_base";
  private static final String SELECT =
      "select "
          + COLUMNS
          + " from invoice i join customer c on c.id = i.customer_id where i.tenant_id = :t and"
          + " i.status in ('OPEN', 'PARTIALLY_PAID') and "
          + OUTSTANDING
          + " > 0";
  private static final String ORDER_BY = " order by i.due_date, i.number collate \"C\"";

  /**
   * Invoices by number keys. Materialised first: ordered and limited in one query, the planner may
   * rather walk the whole book in due-date order than look the keys up.
   */
  static final String BY_NUMBER_KEYS =
      "with named as materialized ("
          + SELECT
          + " and (i.number_key = any(string_to_array(:alnum, ',')) or"
          + " i.number_digits = any(string_to_array(:digits, ','))))"
          + " select * from named order by due_date, number collate \"C\" limit :n";

  /** Invoices owing an amount in a range: the integer range finds them, the exact one decides. */
  static final String WITH_OUTSTANDING =
      SELECT
          + " and i.currency = cast(:cur as char(3)) and i.outstanding_units between :lo and :hi"
          + " and "
          + OUTSTANDING
          + " between :low and :high"
          + ORDER_BY
          + " limit :n";

  /** Amounts are compared in ten-thousandths ({@code outstanding_units}, V13). */
  private static final int UNIT_SCALE = 4;

  @Inject EntityManager em;

  public Book of(String tenantId) {
    return new Book() {
      @Override
      public List<OpenInvoice> byReferences(Collection<String> refs, LocalDate on) {
        return read(
            em.createNativeQuery(
                    SELECT
                        + " and i.payment_reference = any(string_to_array(:refs, ','))"
                        + ORDER_BY,
                    Tuple.class)
                .setParameter("refs", joined(refs)),
            tenantId,
            on);
      }

      @Override
      public List<OpenInvoice> byNumberKeys(
          Collection<String> alnum, Collection<String> digits, LocalDate on, int limit) {
        return NamedRows.list(
                em.createNativeQuery(BY_NUMBER_KEYS, Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("alnum", joined(alnum))
                    .setParameter("digits", joined(digits))
                    .setParameter("n", limit),
                InvoiceRow.class)
            .stream()
            .map(r -> r.open(on))
            .toList();
      }

      @Override
      public List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit) {
        return read(
            em.createNativeQuery(
                    SELECT
                        + " and i.customer_id = :c and i.currency = cast(:cur as char(3))"
                        + ORDER_BY
                        + " limit :n",
                    Tuple.class)
                .setParameter("c", customerId)
                .setParameter("cur", currency)
                .setParameter("n", limit),
            tenantId,
            on);
      }

      @Override
      public Map<Owner, List<OpenInvoice>> openOfAll(
          Collection<Owner> owners, LocalDate on, int limit) {
        List<Owner> keys = List.copyOf(new LinkedHashSet<>(owners));
        Map<Owner, List<OpenInvoice>> out = new HashMap<>();
        keys.forEach(o -> out.put(o, new ArrayList<>()));
        if (keys.isEmpty()) {
          return out;
        }
        readKeyed(
                em.createNativeQuery(
                        "select r.k, x.* from unnest(cast(string_to_array(:cs, ',') as uuid[]),"
                            + " cast(string_to_array(:curs, ',') as char(3)[])) with ordinality as"
                            + " r(c, cur, k) cross join lateral ("
                            + SELECT
                            + " and i.customer_id = r.c and i.currency = r.cur"
                            + ORDER_BY
                            + " limit :n) x order by r.k, x.due_date, x.number collate \"C\"",
                        Tuple.class)
                    .setParameter("cs", joined(keys.stream().map(o -> o.customerId().toString())))
                    .setParameter("curs", joined(keys.stream().map(Owner::currency)))
                    .setParameter("n", limit),
                tenantId,
                on)
            .forEach((k, invoices) -> out.get(keys.get(k)).addAll(invoices));
        return out;
      }

      @Override
      public List<OpenInvoice> withOutstanding(
          BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit) {
        return read(
            em.createNativeQuery(WITH_OUTSTANDING, Tuple.class)
                .setParameter("cur", currency)
                .setParameter("lo", units(low, RoundingMode.FLOOR))
                .setParameter("hi", units(high, RoundingMode.CEILING))
                .setParameter("low", low)
                .setParameter("high", high)
                .setParameter("n", limit),
            tenantId,
            on);
      }

      @Override
      public Map<Range, List<OpenInvoice>> withOutstandingAll(
          Collection<Range> ranges, LocalDate on, int limit) {
        List<Range> keys = List.copyOf(new LinkedHashSet<>(ranges));
        Map<Range, List<OpenInvoice>> out = new HashMap<>();
        keys.forEach(r -> out.put(r, new ArrayList<>()));
        if (keys.isEmpty()) {
          return out;
        }
        readKeyed(
                em.createNativeQuery(
                        "select r.k, x.* from unnest(cast(string_to_array(:los, ',') as bigint[]),"
                            + " cast(string_to_array(:his, ',') as bigint[]),"
                            + " cast(string_to_array(:lows, ',') as numeric[]),"
                            + " cast(string_to_array(:highs, ',') as numeric[]),"
                            + " cast(string_to_array(:curs, ',') as char(3)[])) with ordinality as"
                            + " r(lo, hi, low, high, cur, k) cross join lateral ("
                            + SELECT
                            + " and i.currency = r.cur and i.outstanding_units between r.lo and"
                            + " r.hi and "
                            + OUTSTANDING
                            + " between r.low and r.high"
                            + ORDER_BY
                            + " limit :n) x order by r.k, x.due_date, x.number collate \"C\"",
                        Tuple.class)
                    .setParameter(
                        "los",
                        joined(keys.stream().map(r -> "" + units(r.low(), RoundingMode.FLOOR))))
                    .setParameter(
                        "his",
                        joined(keys.stream().map(r -> "" + units(r.high(), RoundingMode.CEILING))))
                    .setParameter("lows", joined(keys.stream().map(r -> r.low().toPlainString())))
                    .setParameter("highs", joined(keys.stream().map(r -> r.high().toPlainString())))
                    .setParameter("curs", joined(keys.stream().map(Range::currency)))
                    .setParameter("n", limit),
                tenantId,
                on)
            .forEach((k, invoices) -> out.get(keys.get(k)).addAll(invoices));
        return out;
      }

      @Override
      public Set<UUID> customersPaidFrom(String iban) {
        return customersPaidFrom(List.of(iban)).get(iban);
      }

      @Override
      public Map<String, Set<UUID>> customersPaidFrom(Collection<String> ibans) {
        Map<String, Set<UUID>> out = new HashMap<>();
        ibans.forEach(i -> out.put(i, new LinkedHashSet<>()));
        if (ibans.isEmpty()) {
          return out;
        }
        NamedRows.list(
                em.createNativeQuery(
                        "select iban, customer_id from payer_account where tenant_id = :t and"
                            + " iban = any(string_to_array(:ibans, ',')) order by iban,"
                            + " customer_id",
                        Tuple.class)
                    .setParameter("t", tenantId)
                    .setParameter("ibans", joined(ibans)),
                PayerRow.class)
            .forEach(
                p -> out.computeIfAbsent(p.iban(), k -> new LinkedHashSet<>()).add(p.customerId()));
        return out;
      }
    };
  }

  /** Keys (references, number keys, IBANs: letters and digits) as one comma-separated text. */
  private static String joined(Collection<String> keys) {
    return joined(keys.stream());
  }

  private static String joined(Stream<String> keys) {
    return keys.collect(Collectors.joining(","));
  }

  /** V13's bound on {@code outstanding_units}, in whole units. */
  private static final BigDecimal UNITS_BOUND = new BigDecimal("900000000000000");

  /**
   * An amount in ten-thousandths, rounded outwards so that the range holds every exact amount, and
   * bounded as V13 bounds the column (the exact comparison beside it decides at the bounds).
   */
  static long units(BigDecimal amount, RoundingMode outwards) {
    BigDecimal bounded = amount.min(UNITS_BOUND).max(UNITS_BOUND.negate());
    return bounded.setScale(UNIT_SCALE, outwards).unscaledValue().longValueExact();
  }

  /** A payer's account and a customer it paid. */
  record PayerRow(String iban, UUID customerId) {}

  /** An open invoice as {@link #SELECT} reads it (columns mapped by name). */
  record InvoiceRow(
      UUID id,
      UUID customerId,
      String customerName,
      String number,
      String paymentReference,
      String currency,
      BigDecimal outstanding,
      LocalDate dueDate,
      BigDecimal discountPercent,
      LocalDate discountDeadline,
      BigDecimal discountBase) {

    /** What the matcher sees, the early-payment discount earned on {@code on} deducted. */
    OpenInvoice open(LocalDate on) {
      String cur = currency.trim();
      BigDecimal discount = BigDecimal.ZERO;
      if (discountPercent != null) {
        EarlyPaymentDiscount offer = new EarlyPaymentDiscount(discountPercent, discountDeadline);
        if (offer.appliesOn(on)) {
          discount = offer.amount(discountBase, cur).min(outstanding);
        }
      }
      return new OpenInvoice(
          id,
          customerId,
          customerName,
          number,
          paymentReference,
          cur,
          Money.round(outstanding, cur),
          dueDate,
          Money.round(discount, cur));
    }
  }

  /** An open invoice of a batch look-up, with the position of the key it answers (from 1). */
  record KeyedRow(
      long k,
      UUID id,
      UUID customerId,
      String customerName,
      String number,
      String paymentReference,
      String currency,
      BigDecimal outstanding,
      LocalDate dueDate,
      BigDecimal discountPercent,
      LocalDate discountDeadline,
      BigDecimal discountBase) {

    InvoiceRow row() {
      return new InvoiceRow(
          id,
          customerId,
          customerName,
          number,
          paymentReference,
          currency,
          outstanding,
          dueDate,
          discountPercent,
          discountDeadline,
          discountBase);
    }
  }

  /** A batch look-up's invoices by the index (from 0) of the key they answer, in their order. */
  private static Map<Integer, List<OpenInvoice>> readKeyed(Query q, String tenantId, LocalDate on) {
    Map<Integer, List<OpenInvoice>> out = new LinkedHashMap<>();
    for (KeyedRow r : NamedRows.list(q.setParameter("t", tenantId), KeyedRow.class)) {
      out.computeIfAbsent((int) r.k() - 1, k -> new ArrayList<>()).add(r.row().open(on));
    }
    return out;
  }

  private static List<OpenInvoice> read(Query q, String tenantId, LocalDate on) {
    return NamedRows.list(q.setParameter("t", tenantId), InvoiceRow.class).stream()
        .map(r -> r.open(on))
        .toList();
  }
}
