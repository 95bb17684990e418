import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fills a topic with {@code InvoiceIssued} events as invoicing's outbox publishes them (CloudEvent
 * headers, key = tenant:customer), so that kpi's consumer can then be timed alone on a pre-filled topic
 * ({@code bench/kpi-consumer}): what kpi applies per second, without the import, the other
 * consumers or HTTP. Seeded, so two runs publish the same amounts and dates. Run with kafka-clients
 * on the class path:
 *
 * <p>java -cp 'kafka/lib/*' bench/KpiConsumer.java BOOTSTRAP TOPIC TENANT EVENTS CUSTOMERS AS_OF
 */
public class KpiConsumer {

  public static void main(String[] args) throws Exception {
    String topic = args[1];
    String tenant = args[2];
    int events = Integer.parseInt(args[3]);
    int customers = Integer.parseInt(args[4]);
    LocalDate asOf = LocalDate.parse(args[5]);
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("linger.ms", "20");
    p.put("acks", "all");
    Random random = new Random(17);
    UUID[] customerIds = new UUID[customers];
    for (int c = 0; c < customers; c++) {
      customerIds[c] = new UUID(0x6b7069L, c);
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < events; i++) {
        LocalDate issued = asOf.minusDays(random.nextInt(90));
        long cents = 20_000 + random.nextInt(980_000);
        String total = cents / 100 + "." + String.format("%02d", cents % 100);
        String data =
            "{\"tenantId\":\"%s\",\"customerId\":\"%s\",\"invoiceId\":\"%s\",\"number\":\"KB-%d\","
                    .formatted(tenant, customerIds[i % customers], UUID.randomUUID(), i)
                + "\"issueDate\":\"%s\",\"dueDate\":\"%s\",\"currency\":\"EUR\","
                    .formatted(issued, issued.plusDays(30))
                + "\"totalExclTax\":%s,\"totalTax\":0,\"totalInclTax\":%s,\"outstanding\":%s}"
                    .formatted(total, total, total);
        // The key is the tenant and customer, as invoicing's outbox writes it.
        String key = tenant + ":" + customerIds[i % customers];
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "receivables.invoice.issued.v1");
        header(record, "ce_specversion", "1.0");
        header(record, "ce_source", "/bench/kpi-consumer");
        producer.send(record);
      }
      producer.flush();
    }
    System.out.println("RESULT kpi-consumer-fill events=" + events + " topic=" + topic);
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
