package org.receivables.dunning.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.dunning.channel.MailAttachment;
import org.receivables.dunning.common.DunningConfig;
import org.receivables.dunning.common.TenantProfiles;
import org.receivables.dunning.timeline.Timeline;
import org.receivables.events.InvoiceDocumentPublished;
import org.receivables.events.InvoiceDocumentRequested;
import org.receivables.events.InvoiceDocumentsErased;
import org.receivables.events.Topics;
import org.receivables.kit.jdbc.Columns;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.outbox.Outbox;

/**
 * Dunning's copy of the invoice PDFs invoicing publishes on its documents topic, and what an e-mail
 * reminder attaches from it. A copy rather than a call: reminders go out while invoicing is down,
 * and the attachment is the invoice as invoicing issued it, never re-drawn here. Invoicing renders
 * a PDF only when asked: a reminder whose invoice has no PDF yet asks for it and is held a bounded
 * time ({@link AttachmentHold}); past that it goes without, and the case timeline says so once per
 * reminder.
 */
@ApplicationScoped
public class InvoiceDocuments {

  /** The timeline kind of the note about a PDF that could not be attached. */
  static final String MISSING = "ATTACHMENT_MISSING";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject TenantProfiles profiles;
  @Inject Timeline timeline;
  @Inject Outbox outbox;
  @Inject DunningConfig config;

  /** One invoice a reminder names, with its PDF if dunning has it. */
  record Named(
      UUID reminderId,
      String customerId,
      String invoiceId,
      String number,
      Instant createdAt,
      String fileName,
      String mediaType,
      byte[] content) {}

  /** Keeps the latest PDF of the invoice (a re-publication replaces it). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void onPublished(InvoiceDocumentPublished e) {
    byte[] content;
    try {
      content = Base64.getDecoder().decode(e.content());
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("content of invoice " + e.invoiceId() + " is not base64");
    }
    em.createNativeQuery(
            "insert into invoice_document (tenant_id, invoice_id, customer_id, number, file_name,"
                + " media_type, origin, sha256, content, received_at) values (:t, :i, :c, :n, :f,"
                + " :m, :o, :s, :content, :at) on conflict (tenant_id, invoice_id) do update set"
                + " customer_id = excluded.customer_id, number = excluded.number, file_name ="
                + " excluded.file_name, media_type = excluded.media_type, origin = excluded.origin,"
                + " sha256 = excluded.sha256, content = excluded.content, received_at ="
                + " excluded.received_at")
        .setParameter("t", e.tenantId())
        .setParameter("i", e.invoiceId())
        .setParameter("c", e.customerId())
        .setParameter("n", e.number())
        .setParameter("f", e.fileName() == null ? "invoice.pdf" : e.fileName())
        .setParameter("m", e.mediaType())
        .setParameter("o", e.origin())
        .setParameter("s", e.sha256())
        .setParameter("content", content)
        .setParameter("at", Instant.now(clock))
        .executeUpdate();
  }

  /** The customer's personal data was erased: its invoice PDFs (which print its name) go. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void onErased(InvoiceDocumentsErased e) {
    em.createNativeQuery("delete from invoice_document where tenant_id = :t and customer_id = :c")
        .setParameter("t", e.tenantId())
        .setParameter("c", e.customerId())
        .executeUpdate();
  }

  /**
   * The attachments of a batch's e-mail reminders, by reminder, and the reminders held back for a
   * PDF still to come, with when to look at them again.
   */
  public record Attachments(Map<UUID, List<MailAttachment>> files, Map<UUID, Instant> held) {}

  /**
   * The attachments of the tenant's e-mail reminders, by reminder, in the order the reminder lists
   * its invoices; none when the tenant's profile says not to attach. A PDF dunning does not hold is
   * requested from invoicing ({@code InvoiceDocumentRequested} through the outbox, once per invoice
   * and wait), and its reminder is held while {@link AttachmentHold} allows; past that it goes
   * without, and the customer's timeline says so once per reminder. Reminders already sent,
   * withdrawn or erased are left out, as the sender leaves them. Runs bound to the tenant.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Attachments forReminders(String tenantId, Collection<UUID> reminders) {
    Map<UUID, List<MailAttachment>> out = new HashMap<>();
    Map<UUID, Instant> held = new HashMap<>();
    if (reminders.isEmpty() || !profiles.get(tenantId).attachesInvoicePdf()) {
      return new Attachments(out, held);
    }
    Instant now = Instant.now(clock);
    AttachmentHold hold = hold();
    List<Named> named =
        NamedRows.list(
            em.createNativeQuery(
                    "select ri.reminder_id, r.customer_id, ri.invoice_id, ri.number, r.created_at,"
                        + " d.file_name, d.media_type, d.content from reminder_invoice ri join"
                        + " reminder r on r.id = ri.reminder_id left join invoice_document d on"
                        + " d.tenant_id = r.tenant_id and d.invoice_id = ri.invoice_id where"
                        + " ri.reminder_id in (:ids) and r.channel = 'EMAIL' and r.status in"
                        + " ('PENDING', 'FAILED', 'SENDING') and r.recipient is not null order by"
                        + " ri.due_date, ri.number",
                    Tuple.class)
                .setParameter("ids", reminders),
            Named.class,
            Columns.Nulls.ZERO);
    Map<UUID, List<String>> missing = new HashMap<>();
    Map<UUID, String> customers = new HashMap<>();
    Map<String, Named> toRequest = new LinkedHashMap<>();
    for (Named n : named) {
      List<MailAttachment> files = out.computeIfAbsent(n.reminderId(), id -> new ArrayList<>());
      if (n.content() == null) {
        missing.computeIfAbsent(n.reminderId(), id -> new ArrayList<>()).add(n.number());
        customers.put(n.reminderId(), n.customerId());
        toRequest.putIfAbsent(n.invoiceId(), n);
        hold.lookAgainAt(n.createdAt(), now).ifPresent(at -> held.put(n.reminderId(), at));
      } else {
        files.add(new MailAttachment(n.fileName(), n.mediaType(), n.content()));
      }
    }
    held.keySet()
        .forEach(
            id -> {
              out.remove(id);
              missing.remove(id);
            });
    request(tenantId, toRequest.values(), hold.askAgainIfRequestedBy(now), now);
    noteMissing(tenantId, customers, missing, hold);
    return new Attachments(out, held);
  }

  AttachmentHold hold() {
    return new AttachmentHold(config.documents().maxWait(), config.documents().recheck());
  }

  /**
   * Asks invoicing for the PDFs of these invoices: one statement records the requests not made yet
   * and renews those unanswered since {@code askAgainBy}; an {@code InvoiceDocumentRequested} goes
   * through the outbox for each of them, in this transaction.
   */
  private void request(
      String tenantId, Collection<Named> invoices, Instant askAgainBy, Instant now) {
    if (invoices.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> customerIds = new ArrayList<>();
    Map<String, Named> byId = new HashMap<>();
    for (Named n : invoices) {
      ids.add(n.invoiceId());
      customerIds.add(n.customerId());
      byId.put(n.invoiceId(), n);
    }
    List<String> asked = new ArrayList<>();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into invoice_document_request as q (tenant_id, invoice_id,"
                          + " customer_id, requested_at) select ?, u.i, u.c, ? from"
                          + " unnest(?::text[], ?::text[]) as u(i, c) on conflict (tenant_id,"
                          + " invoice_id) do update set requested_at = excluded.requested_at,"
                          + " customer_id = excluded.customer_id where q.requested_at <= ?"
                          + " returning q.invoice_id")) {
                ps.setString(1, tenantId);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setArray(3, c.createArrayOf("text", ids.toArray()));
                ps.setArray(4, c.createArrayOf("text", customerIds.toArray()));
                ps.setTimestamp(5, Timestamp.from(askAgainBy));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    asked.add(rs.getString(1));
                  }
                }
              }
            });
    outbox.recordAll(
        Topics.DUNNING,
        asked.stream()
            .map(byId::get)
            .map(
                n ->
                    new InvoiceDocumentRequested(
                        tenantId, n.customerId(), n.invoiceId(), n.number(), now))
            .toList());
  }

  /**
   * One note per reminder sent without some PDF, for the reminders not noted yet (a retried sending
   * sends the same reminder again): one look-up and one insert for the whole batch.
   */
  private void noteMissing(
      String tenantId,
      Map<UUID, String> customers,
      Map<UUID, List<String>> missing,
      AttachmentHold hold) {
    if (missing.isEmpty()) {
      return;
    }
    List<String> refs = missing.keySet().stream().map(UUID::toString).toList();
    Set<String> noted =
        new HashSet<>(
            NamedRows.column(
                em.createNativeQuery(
                        "select ref_id from timeline_entry where tenant_id = :t and kind = :k"
                            + " and ref_id in (:refs)")
                    .setParameter("t", tenantId)
                    .setParameter("k", MISSING)
                    .setParameter("refs", refs),
                String.class));
    List<Timeline.Entry> notes = new ArrayList<>();
    missing.forEach(
        (id, numbers) -> {
          if (!noted.contains(id.toString())) {
            notes.add(
                new Timeline.Entry(
                    customers.get(id),
                    MISSING,
                    "E-mail reminder sent without the PDF of invoice(s) "
                        + String.join(", ", numbers)
                        + (hold.maxWait().isZero()
                            ? ": invoicing had not published it yet"
                            : ": invoicing had not published it "
                                + hold.maxWait().toSeconds()
                                + " s after the reminder was planned (it publishes none for a"
                                + " tenant without a seller)"),
                    id.toString(),
                    null));
          }
        });
    timeline.recordAll(tenantId, Timeline.SYSTEM, notes);
  }
}
