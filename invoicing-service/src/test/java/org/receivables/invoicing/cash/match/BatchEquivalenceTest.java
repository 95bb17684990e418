package org.receivables.invoicing.cash.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.cash.CreditorReference;

/**
 * Deciding a statement chunk by chunk ({@link BatchBook}: each kind of evidence read once per
 * chunk) decides every entry exactly as deciding it alone against the book: same status, candidates
 * in the same order with the same allocations and confidence, same reasons. The statement is a
 * noisy one over a dense series of numbers, so that every kind of evidence is asked for:
 * references, numbers exact and mistyped, known payers and their open invoices, amounts alone.
 */
class BatchEquivalenceTest {

  private static final Matcher.Settings SETTINGS =
      new Matcher.Settings(0.9, 0.1, new BigDecimal("2.00"), 4);
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  private static final String[] NAMES = {
    "Martin SA", "Dupont SARL", "Bernard et Fils", "Petit SAS", "Durand", "Leroy Industrie",
    "Moreau Transports", "Simon & Cie", "Laurent SA", "Lefebvre SARL", "Michel SAS", "Garcia Bois"
  };

  private final Random random = new Random(20261207);
  private final ListBook book = new ListBook();
  private final List<UUID> customers = new ArrayList<>();
  private final Map<UUID, String> names = new HashMap<>();
  private final Map<UUID, String> ibans = new HashMap<>();

  @Test
  void aNoisyStatementIsDecidedChunkWiseExactlyAsEntryByEntry() {
    book(600);
    List<Transfer> statement = statement(400);

    List<Decision> chunkWise = new ArrayList<>();
    int chunks = 0;
    for (int from = 0; from < statement.size(); from += 50) {
      List<Transfer> chunk = statement.subList(from, Math.min(statement.size(), from + 50));
      BatchBook batch = new BatchBook(book, chunk);
      for (Transfer t : chunk) {
        batch.nextTransfer();
        chunkWise.add(Matcher.match(t, batch, SETTINGS));
      }
      chunks++;
    }
    int chunkCount = chunks;
    Map<String, Integer> batched = new HashMap<>(book.lookups);
    book.lookups.clear();
    List<Decision> alone = statement.stream().map(t -> Matcher.match(t, book, SETTINGS)).toList();

    for (int i = 0; i < statement.size(); i++) {
      assertThat(chunkWise.get(i)).as("entry %d: %s", i, statement.get(i)).isEqualTo(alone.get(i));
    }
    // Every kind of evidence was asked for, entry by entry ...
    assertThat(book.lookups)
        .containsKeys("references", "numbers", "payers", "open", "amounts")
        .allSatisfy((kind, n) -> assertThat(n).as(kind).isGreaterThan(chunkCount));
    // ... and once per chunk and booking day (two days here) when chunk-wise.
    assertThat(batched)
        .allSatisfy((kind, n) -> assertThat(n).as(kind).isLessThanOrEqualTo(chunkCount * 2));
    // The statement exercised every outcome and the rarer evidence.
    assertThat(alone.stream().map(Decision::status).distinct())
        .contains(EntryStatus.MATCHED, EntryStatus.SUGGESTED, EntryStatus.UNMATCHED);
    String reasons =
        alone.stream()
            .flatMap(d -> d.candidates().stream())
            .flatMap(c -> c.reasons().stream())
            .reduce("", (a, b) -> a + "\n" + b);
    assertThat(reasons).contains("keystroke", "paid this customer before", "no other open invoice");
  }

  /** Customers with a few dozen invoices each in one dense series, amounts and due days shared. */
  private void book(int invoices) {
    for (int c = 0; c < 40; c++) {
      UUID id = UUID.randomUUID();
      customers.add(id);
      names.put(id, NAMES[c % NAMES.length] + (c < NAMES.length ? "" : " " + c));
      ibans.put(id, String.format("FR76 3000 4000 %04d 0000 0000 %03d", c, c));
      if (c % 3 == 0) {
        book.payers.computeIfAbsent(iban(id), k -> new LinkedHashSet<>()).add(id);
      }
    }
    // one account that paid two customers: it names neither
    book.payers.get(iban(customers.get(0))).add(customers.get(3));
    for (int n = 0; n < invoices; n++) {
      UUID customer = customers.get(random.nextInt(customers.size()));
      String currency = n % 50 == 7 ? "USD" : "EUR";
      // amounts repeat (list prices), but one invoice in ten owes an amount of its own
      BigDecimal owed =
          n % 10 == 3
              ? new BigDecimal(1000 + n).add(new BigDecimal("0.37"))
              : new BigDecimal(50 + random.nextInt(40) * 25).add(new BigDecimal("0.50"));
      BigDecimal discount = n % 9 == 0 ? new BigDecimal("2.00") : BigDecimal.ZERO;
      book.add(
          customer,
          names.get(customer),
          String.format("F-2026-%07d", 1000 + n),
          currency,
          owed,
          LocalDate.of(2026, 2, 1).plusDays(random.nextInt(20)),
          discount);
    }
  }

  private String iban(UUID customer) {
    return PayerIbanEvidence.normalise(ibans.get(customer));
  }

  /** Transfers paying invoices of the book with the usual noise, and some paying nothing of it. */
  private List<Transfer> statement(int entries) {
    List<Transfer> out = new ArrayList<>();
    List<OpenInvoice> all = List.copyOf(book.invoices);
    for (int e = 0; e < entries; e++) {
      OpenInvoice inv = all.get(random.nextInt(all.size()));
      OpenInvoice other = all.get(random.nextInt(all.size()));
      LocalDate day = e % 4 == 0 ? DAY.plusDays(1) : DAY;
      String name = names.get(inv.customerId());
      String iban = ibans.get(inv.customerId());
      String digits = inv.number().replaceAll("[^0-9]", "");
      BigDecimal owed = inv.outstanding();
      Transfer t =
          switch (e % 12) {
            case 0 ->
                new Transfer(
                    owed,
                    "EUR",
                    day,
                    name,
                    iban,
                    "Paiement " + CreditorReference.printed(inv.paymentReference()));
            case 1 -> new Transfer(owed, "EUR", day, name, null, "fac " + inv.number());
            case 2 -> new Transfer(owed, "EUR", day, name, null, "FACT " + typo(digits));
            case 3 ->
                new Transfer(owed, "EUR", day, "SOME OTHER NAME", null, "inv " + typo(digits));
            case 4 ->
                new Transfer(owed.add(other.outstanding()), "EUR", day, name, iban, "factures");
            case 5 -> new Transfer(owed, "EUR", day, name, iban, null);
            case 6 -> new Transfer(owed, "EUR", day, name.toUpperCase(), null, "virement");
            case 7 -> new Transfer(owed, "EUR", day, null, null, null);
            case 8 ->
                new Transfer(
                    owed.subtract(new BigDecimal("1.50")),
                    "EUR",
                    day,
                    name,
                    null,
                    "F2026 " + digits.substring(4));
            case 9 ->
                new Transfer(
                    new BigDecimal("40.00"), "EUR", day, name, iban, inv.number() + " acompte");
            case 10 ->
                new Transfer(
                    owed.add(new BigDecimal("30")),
                    "EUR",
                    day,
                    name,
                    null,
                    inv.number() + " et " + other.number());
            default ->
                new Transfer(
                    new BigDecimal("12345.67"), "EUR", day, "Inconnu", null, "remboursement 9999");
          };
      out.add(t);
    }
    return out;
  }

  /** The digits with one keystroke wrong: two neighbours swapped or a digit changed. */
  private String typo(String digits) {
    char[] d = digits.toCharArray();
    int p = 5 + random.nextInt(d.length - 6);
    if (random.nextBoolean() && d[p] != d[p + 1]) {
      char c = d[p];
      d[p] = d[p + 1];
      d[p + 1] = c;
    } else {
      d[p] = (char) ('0' + (d[p] - '0' + 1 + random.nextInt(9)) % 10);
    }
    return new String(d);
  }
}
