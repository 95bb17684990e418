package org.receivables.invoicing.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.invoicing.common.Problems;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceRequest;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.problem.Problem.FieldError;
import org.receivables.kit.problem.ProblemException;

/**
 * Bulk import: each invoice is validated on its own (shape, customer, number, dates), with the
 * look-ups done once for the whole batch (one query for the customers, one for the numbers). The
 * valid invoices are then stored in one transaction with JDBC batching.
 */
@ApplicationScoped
public class BatchImport {

  @Inject EntityManager em;
  @Inject Validator validator;
  @Inject InvoiceService invoices;

  @Transactional
  public BatchResult run(String tenantId, BatchRequest request) {
    List<InvoiceRequest> requests = request.invoices();
    int n = requests.size();
    List<List<FieldError>> errors = new ArrayList<>(n);
    List<Integer> statuses = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      errors.add(new ArrayList<>());
      statuses.add(400);
    }
    for (int i = 0; i < n; i++) {
      InvoiceRequest r = requests.get(i);
      if (r == null) {
        errors.get(i).add(new FieldError("", "must be an invoice, not null"));
        continue;
      }
      for (ConstraintViolation<InvoiceRequest> v : validator.validate(r)) {
        errors.get(i).add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
      }
      errors.get(i).sort(Comparator.comparing(FieldError::field));
    }
    Map<UUID, Customer> customers = customers(tenantId, requests);
    Set<String> taken = existingNumbers(tenantId, requests);
    Map<String, Integer> firstUse = new HashMap<>();
    List<Invoice> prepared = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      InvoiceRequest r = requests.get(i);
      prepared.add(null);
      if (!errors.get(i).isEmpty()) {
        continue;
      }
      Integer earlier = firstUse.putIfAbsent(r.number(), i);
      if (earlier != null) {
        errors
            .get(i)
            .add(new FieldError("number", "repeats the number of invoices[" + earlier + "]"));
        continue;
      }
      if (taken.contains(r.number())) {
        errors
            .get(i)
            .add(new FieldError("number", "an invoice numbered " + r.number() + " already exists"));
        statuses.set(i, 409);
        continue;
      }
      Customer customer = customers.get(r.customerId());
      if (customer == null) {
        errors
            .get(i)
            .add(new FieldError("customerId", "no customer " + r.customerId() + " exists"));
        continue;
      }
      try {
        prepared.set(i, invoices.prepare(tenantId, customer, r));
      } catch (ProblemException e) {
        statuses.set(i, e.status());
        var problem = e.toProblem();
        errors
            .get(i)
            .addAll(
                problem.errors() != null
                    ? problem.errors()
                    : List.of(new FieldError("", problem.detail())));
      }
    }
    boolean allValid = errors.stream().allMatch(List::isEmpty);
    if (!allValid && request.modeOrDefault() == BatchRequest.Mode.ALL_OR_NOTHING) {
      List<FieldError> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String prefix = "invoices[" + i + "]";
        for (FieldError e : errors.get(i)) {
          all.add(
              new FieldError(e.field().isEmpty() ? prefix : prefix + "." + e.field(), e.message()));
        }
      }
      throw Problems.invalid(422, all);
    }
    List<Invoice> valid = prepared.stream().filter(Objects::nonNull).toList();
    invoices.persistIssued(valid);
    List<BatchResult.Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Invoice invoice = prepared.get(i);
      InvoiceRequest r = requests.get(i);
      String number = r == null ? null : r.number();
      items.add(
          invoice != null
              ? new BatchResult.Item(i, number, BatchResult.Outcome.CREATED, invoice.id, 201, null)
              : new BatchResult.Item(
                  i, number, BatchResult.Outcome.REJECTED, null, statuses.get(i), errors.get(i)));
    }
    return new BatchResult(request.modeOrDefault(), valid.size(), n - valid.size(), items);
  }

  private Map<UUID, Customer> customers(String tenantId, List<InvoiceRequest> requests) {
    Set<UUID> ids = new HashSet<>();
    for (InvoiceRequest r : requests) {
      if (r != null && r.customerId() != null) {
        ids.add(r.customerId());
      }
    }
    if (ids.isEmpty()) {
      return Map.of();
    }
    // Loaded by id, not by a query over "id in (...)": Hibernate translates such a query anew
    // for every length of its list: an eighth of invoicing's CPU under the webhooks bench's
    // imports.
    Map<UUID, Customer> out = new HashMap<>();
    for (Customer c : em.unwrap(Session.class).findMultiple(Customer.class, List.copyOf(ids))) {
      if (c != null && c.tenantId.equals(tenantId)) {
        out.put(c.id, c);
      }
    }
    return out;
  }

  private Set<String> existingNumbers(String tenantId, List<InvoiceRequest> requests) {
    Set<String> numbers = new HashSet<>();
    for (InvoiceRequest r : requests) {
      if (r != null && r.number() != null) {
        numbers.add(r.number());
      }
    }
    if (numbers.isEmpty()) {
      return Set.of();
    }
    // one array parameter, not a thousand bind values: the server plans one short statement
    Set<String> taken = new HashSet<>();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "select number from invoice where tenant_id = ? and number = any(?)")) {
                ps.setString(1, tenantId);
                ps.setArray(2, connection.createArrayOf("text", numbers.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    taken.add(rs.getString("number"));
                  }
                }
              }
            });
    return taken;
  }
}
