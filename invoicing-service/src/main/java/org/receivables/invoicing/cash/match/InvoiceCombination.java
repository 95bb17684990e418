package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a customer's open invoices a transfer pays together, when nothing names them: subsets
 * whose outstanding (or discounted outstanding) adds up to the amount exactly. The search is
 * bounded (invoices looked at, subset size, steps), and stops at the second answer: two answers
 * mean the amount alone cannot decide.
 */
public final class InvoiceCombination {

  static final int MAX_INVOICES = 25;
  static final int MAX_STEPS = 100_000;

  private InvoiceCombination() {}

  /** Up to two subsets of at most {@code maxSize} invoices whose total is {@code amount}. */
  public static List<List<OpenInvoice>> find(
      BigDecimal amount, List<OpenInvoice> invoices, int maxSize, boolean discounted) {
    List<OpenInvoice> pool = invoices.subList(0, Math.min(invoices.size(), MAX_INVOICES));
    List<List<OpenInvoice>> found = new ArrayList<>();
    search(
        amount,
        pool,
        discounted,
        maxSize,
        0,
        new ArrayList<>(),
        BigDecimal.ZERO,
        found,
        new int[1]);
    return found;
  }

  private static void search(
      BigDecimal amount,
      List<OpenInvoice> pool,
      boolean discounted,
      int maxSize,
      int from,
      List<OpenInvoice> chosen,
      BigDecimal total,
      List<List<OpenInvoice>> found,
      int[] steps) {
    for (int i = from; i < pool.size() && found.size() < 2 && steps[0] < MAX_STEPS; i++) {
      steps[0]++;
      OpenInvoice inv = pool.get(i);
      BigDecimal next = total.add(discounted ? inv.settlingAmount() : inv.outstanding());
      int cmp = next.compareTo(amount);
      if (cmp > 0) {
        continue;
      }
      chosen.add(inv);
      if (cmp == 0) {
        found.add(List.copyOf(chosen));
      } else if (chosen.size() < maxSize) {
        search(amount, pool, discounted, maxSize, i + 1, chosen, next, found, steps);
      }
      chosen.remove(chosen.size() - 1);
    }
  }
}
