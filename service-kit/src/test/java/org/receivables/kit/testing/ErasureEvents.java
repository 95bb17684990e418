package org.receivables.kit.testing;

import java.time.Instant;
import java.util.UUID;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;

/**
 * The events of a personal data erasure, published as invoicing publishes them, for every consuming
 * service's PersonalDataErasureTest: customers whose name is personal data, then the erasure of one
 * of them, delivered twice.
 */
public final class ErasureEvents {

  /** A sole trader's name: personal data, which an erasure removes. */
  public static final String NAME = "Jean Dupont EI";

  /** The segment the customers are registered in: a fact an erasure keeps. */
  public static final String SEGMENT = "retail";

  private ErasureEvents() {}

  /** Registers each customer of the tenant as a sole trader, with e-mail and phone, in EUR. */
  public static void registerSoleTraders(String tenant, String... customers) {
    for (String id : customers) {
      KafkaWriter.publish(
          Topics.INVOICING,
          UUID.randomUUID().toString(),
          new CustomerRegistered(
              tenant,
              id,
              "C-" + id,
              NAME,
              "FR",
              "EUR",
              "fr",
              "jean@dupont.example",
              "+33612345678",
              SEGMENT,
              new PaymentTermsData(30, "NONE")));
    }
  }

  /**
   * Publishes the erasure of the customer's personal data, at the customer's request, twice under
   * one event id: the redelivery must change nothing more.
   */
  public static void eraseTwice(String tenant, String customer) {
    String eventId = UUID.randomUUID().toString();
    CustomerPersonalDataErased erased =
        new CustomerPersonalDataErased(
            tenant, customer, CustomerPersonalDataErased.REQUEST, Instant.now());
    KafkaWriter.publish(Topics.INVOICING, eventId, erased);
    KafkaWriter.publish(Topics.INVOICING, eventId, erased);
  }
}
