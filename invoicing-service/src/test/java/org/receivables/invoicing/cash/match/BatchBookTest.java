package org.receivables.invoicing.cash.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.cash.CreditorReference;

/** A batch's lookups in a few reads, with the same answers as one transfer at a time. */
class BatchBookTest {

  private static final LocalDate DAY = LocalDate.of(2026, 2, 1);
  private static final Matcher.Settings SETTINGS =
      new Matcher.Settings(0.9, 0.1, new BigDecimal("2.00"), 4);

  private final ListBook source = new ListBook();

  private static Transfer transfer(String amount, String iban, String text) {
    return new Transfer(new BigDecimal(amount), "EUR", DAY, "Martin SA", iban, text);
  }

  @Test
  void aBatchReadsReferencesNumbersAndPayersOnceAndDecidesAsAloneWould() {
    List<Transfer> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      UUID customer = UUID.randomUUID();
      // amounts of their own: neighbours owing the same amount would hold each number back
      String owed = (100 + i) + ".00";
      OpenInvoice inv = source.add(customer, "Martin SA", "F-2026-" + (10000 + i), owed);
      String text =
          i % 2 == 0
              ? "Paiement " + CreditorReference.printed(inv.paymentReference())
              : "fac F 2026 " + (10000 + i);
      batch.add(transfer(owed, "FR76300040000100000000" + (10 + i), text));
    }
    BatchBook book = new BatchBook(source, batch);
    List<Decision> batched = batch.stream().map(t -> Matcher.match(t, book, SETTINGS)).toList();

    assertThat(source.lookups.get("references")).isEqualTo(1);
    assertThat(source.lookups.get("numbers")).isEqualTo(1);
    assertThat(source.lookups.get("payers")).isEqualTo(1);
    for (int i = 0; i < batch.size(); i++) {
      Decision alone = Matcher.match(batch.get(i), source, SETTINGS);
      assertThat(batched.get(i).status()).as("transfer %d", i).isEqualTo(alone.status());
      assertThat(batched.get(i).chosen().allocations())
          .as("transfer %d", i)
          .isEqualTo(alone.chosen().allocations());
    }
  }

  @Test
  void anInvoiceTheBatchPaidIsReadAgain() {
    UUID customer = UUID.randomUUID();
    OpenInvoice inv = source.add(customer, "Martin SA", "F-2026-20001", "100.00");
    String text = "F-2026-20001 " + inv.paymentReference();
    BatchBook book =
        new BatchBook(
            source, List.of(transfer("60.00", null, text), transfer("40.00", null, text)));
    assertThat(book.byReferences(Set.of(inv.paymentReference()), DAY))
        .singleElement()
        .satisfies(i -> assertThat(i.outstanding()).isEqualByComparingTo("100.00"));

    // The first transfer paid 60: the book's answer must be what is owed now.
    source.invoices.set(0, withOutstanding(inv, "40.00"));
    book.changed(List.of(inv.id()));
    assertThat(book.byReferences(Set.of(inv.paymentReference()), DAY))
        .singleElement()
        .satisfies(i -> assertThat(i.outstanding()).isEqualByComparingTo("40.00"));
    assertThat(book.byNumberKeys(Set.of("F202620001"), Set.of(), DAY))
        .singleElement()
        .satisfies(i -> assertThat(i.outstanding()).isEqualByComparingTo("40.00"));
  }

  @Test
  void aReturnedTransferMakesEverythingBeReadAgain() {
    OpenInvoice inv = source.add(UUID.randomUUID(), "Martin SA", "F-2026-30001", "100.00");
    BatchBook book = new BatchBook(source, List.of(transfer("1.00", null, inv.paymentReference())));
    book.byReferences(Set.of(inv.paymentReference()), DAY);
    book.changedAll();
    book.byReferences(Set.of(inv.paymentReference()), DAY);
    assertThat(source.lookups.get("references")).isEqualTo(2);
  }

  @Test
  void aCutShortBatchReadFallsBackToOneTransfersLookup() {
    UUID customer = UUID.randomUUID();
    // 260 invoices share the digits a single text quotes: more than one transfer's limit of 50,
    // and than what the batch reads for one text (50 named and 200 a keystroke away).
    for (int i = 0; i < 260; i++) {
      String series = "" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
      source.add(customer, "Martin SA", series + "-55555", "10.00");
    }
    BatchBook book = new BatchBook(source, List.of(transfer("10.00", null, "55555")));
    assertThat(book.byNumberKeys(Set.of(), Set.of("55555"), DAY)).hasSize(Book.NUMBER_LIMIT);
    assertThat(source.lookups.get("numbers")).isEqualTo(2);
  }

  @Test
  void itTellsWhetherATransfersLookupsSawTheInvoicesTheBatchIsPaying() {
    OpenInvoice inv = source.add(UUID.randomUUID(), "Martin SA", "F-2026-40001", "100.00");
    BatchBook book = new BatchBook(source, List.of(transfer("100.00", null, "F-2026-40001")));
    book.nextTransfer();
    assertThat(book.byNumberKeys(Set.of("F202640001"), Set.of(), DAY)).containsExactly(inv);
    assertThat(book.readAny(Set.of(inv.id()))).isTrue();
    book.nextTransfer();
    assertThat(book.readAny(Set.of(inv.id()))).isFalse();
    // keys the batch did not read for its texts are asked of the source
    assertThat(book.byNumberKeys(Set.of(), Set.of("99990000"), DAY)).isEmpty();
    assertThat(source.lookups.get("numbers")).isEqualTo(2);
  }

  private static OpenInvoice withOutstanding(OpenInvoice i, String outstanding) {
    return new OpenInvoice(
        i.id(),
        i.customerId(),
        i.customerName(),
        i.number(),
        i.paymentReference(),
        i.currency(),
        new BigDecimal(outstanding),
        i.dueDate(),
        i.discount());
  }
}
