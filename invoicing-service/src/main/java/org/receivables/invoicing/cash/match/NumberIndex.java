package org.receivables.invoicing.cash.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invoices a batch read by number, indexed by their number keys once: each transfer of the
 * batch asks for a few keys, and reducing every invoice's number again for each of them made
 * matching quadratic in the batch (nine tenths of a statement's time). Answers keep the read's
 * order, as filtering the list in order would.
 */
final class NumberIndex {

  private final List<OpenInvoice> invoices;
  private final Map<String, List<Integer>> byAlnum = new HashMap<>();
  private final Map<String, List<Integer>> byDigits = new HashMap<>();

  private NumberIndex(List<OpenInvoice> invoices) {
    this.invoices = List.copyOf(invoices);
    for (int p = 0; p < this.invoices.size(); p++) {
      String number = this.invoices.get(p).number();
      byAlnum.computeIfAbsent(InvoiceNumberKeys.alnumKey(number), k -> new ArrayList<>()).add(p);
      byDigits.computeIfAbsent(InvoiceNumberKeys.digitKey(number), k -> new ArrayList<>()).add(p);
    }
  }

  static NumberIndex of(List<OpenInvoice> invoices) {
    return new NumberIndex(invoices);
  }

  /** The invoices whose alphanumeric or digit key is one of these, in read order, at most limit. */
  List<OpenInvoice> having(Collection<String> alnum, Collection<String> digits, int limit) {
    BitSet hits = new BitSet(invoices.size());
    alnum.forEach(k -> byAlnum.getOrDefault(k, List.of()).forEach(hits::set));
    digits.forEach(k -> byDigits.getOrDefault(k, List.of()).forEach(hits::set));
    return hits.stream().limit(limit).mapToObj(invoices::get).toList();
  }
}
