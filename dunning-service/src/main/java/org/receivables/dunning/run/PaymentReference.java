package org.receivables.dunning.run;

import java.util.List;
import org.receivables.dunning.replica.InvoiceFacts;

/**
 * What a reminder asks the debtor to quote on the transfer: the invoices' ISO 11649 creditor
 * references (RF..), which the bank statement matcher trusts most, or their numbers where an
 * invoice was replicated before invoicing issued references.
 */
final class PaymentReference {

  private PaymentReference() {}

  static String of(List<InvoiceFacts> invoices) {
    boolean allReferenced =
        !invoices.isEmpty()
            && invoices.stream()
                .allMatch(i -> i.paymentReference() != null && !i.paymentReference().isBlank());
    return String.join(
        " ",
        invoices.stream().map(i -> allReferenced ? i.paymentReference() : i.number()).toList());
  }
}
