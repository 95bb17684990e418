import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tiny admin helper for the local broker, run by bin/suite as a single-file
 * source program on the broker's own classpath:
 *
 *   java -cp '.suite/kafka/lib/*' infra/kafka/KafkaAdmin.java ready BOOTSTRAP TIMEOUT_S [TOPIC...]
 *   java -cp '.suite/kafka/lib/*' infra/kafka/KafkaAdmin.java list  BOOTSTRAP
 *   java -cp '.suite/kafka/lib/*' infra/kafka/KafkaAdmin.java smoke BOOTSTRAP TOPIC
 *
 * Why it exists: the kafka_2.13 artifact on Maven Central has no topic or
 * console tools (those live in kafka-tools, which is not published for every
 * broker version), but kafka-clients is on the classpath, and an Admin
 * metadata round trip is the honest "broker is ready" signal.
 *
 * ready: waits until the broker answers metadata calls, then creates the given
 *        topics (3 partitions, replication 1) unless they exist. Exit 0 = ready.
 * list:  prints the topic names.
 * smoke: produces one unique record to TOPIC and reads it back. Exit 0 = ok.
 */
public class KafkaAdmin {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaAdmin ready|list|smoke BOOTSTRAP [args]");
            System.exit(2);
        }
        String bootstrap = args[1];
        switch (args[0]) {
            case "ready" -> System.exit(ready(bootstrap, Integer.parseInt(args[2]),
                    List.of(args).subList(3, args.length)));
            case "list" -> {
                try (Admin admin = admin(bootstrap)) {
                    new TreeSet<>(admin.listTopics().names().get(20, TimeUnit.SECONDS))
                            .forEach(System.out::println);
                }
            }
            case "smoke" -> System.exit(smoke(bootstrap, args[2]));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return Admin.create(p);
    }

    static int ready(String bootstrap, int timeoutSeconds, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Exception last = null;
        try (Admin admin = admin(bootstrap)) {
            while (System.nanoTime() < deadline) {
                try {
                    // A broker that is still catching up on the metadata log
                    // accepts connections but has no controller / no brokers yet.
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()
                            || admin.describeCluster().controller().get(5, TimeUnit.SECONDS) == null) {
                        throw new IllegalStateException("cluster has no nodes/controller yet");
                    }
                    Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    List<NewTopic> missing = new ArrayList<>();
                    for (String t : topics) {
                        if (!existing.contains(t)) {
                            missing.add(new NewTopic(t, 3, (short) 1));
                        }
                    }
                    if (!missing.isEmpty()) {
                        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e
                                : admin.createTopics(missing).values().entrySet()) {
                            try {
                                e.getValue().get(15, TimeUnit.SECONDS);
                                System.out.println("created topic " + e.getKey());
                            } catch (java.util.concurrent.ExecutionException ex) {
                                if (!(ex.getCause() instanceof TopicExistsException)) {
                                    throw ex;
                                }
                            }
                        }
                    }
                    return 0;
                } catch (Exception e) {
                    last = e;
                    Thread.sleep(1000);
                }
            }
        }
        System.err.println("kafka not ready after " + timeoutSeconds + " s: " + last);
        return 1;
    }

    static int smoke(String bootstrap, String topic) throws Exception {
        String value = "suite-smoke-" + UUID.randomUUID();
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
            producer.send(new ProducerRecord<>(topic, "smoke", value)).get(30, TimeUnit.SECONDS);
        }
        System.out.println("produced " + value);

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "suite-smoke-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(r.value())) {
                        System.out.println("consumed " + r.value() + " from " + r.topic()
                                + "-" + r.partition() + "@" + r.offset());
                        return 0;
                    }
                }
            }
        }
        System.err.println("did not read back " + value);
        return 1;
    }
}
