package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Kafka in the prod overlay: TLS only, every client authenticated (SCRAM-SHA-512), one principal
 * per service whose ACLs are exactly what its application.properties uses, and every service
 * configured to log in as its own. The local runs (dev overlay, compose) stay PLAINTEXT.
 */
class KafkaSecurityTest {

  private static final Manifests PROD = Manifests.render("prod");

  @Test
  void brokersListenOnTlsOnlyAndAuthenticateAndAuthorizeEveryClient() {
    JsonNode kafka = PROD.all("Kafka").get(0).path("spec");
    JsonNode listeners = kafka.path("kafka").path("listeners");
    assertThat(listeners.size()).isPositive();
    for (JsonNode l : listeners) {
      assertThat(l.path("tls").asBoolean()).as("listener %s: TLS", l.path("name")).isTrue();
      assertThat(l.path("authentication").path("type").asText())
          .as("listener %s: client authentication", l.path("name"))
          .isIn("scram-sha-512", "tls");
    }
    assertThat(kafka.path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
    assertThat(kafka.path("entityOperator").has("userOperator"))
        .as("the user operator turns KafkaUsers into credentials and ACLs")
        .isTrue();
  }

  @Test
  void eachServiceLogsInAsItsOwnUserOverTls() {
    String cluster = PROD.all("Kafka").get(0).path("metadata").path("name").asText();
    SoftAssertions soft = new SoftAssertions();
    List<String> users = new ArrayList<>();
    for (String service : Repo.BACKENDS) {
      String at = "prod " + service + ": ";
      JsonNode pod = Manifests.podSpec(PROD.get("Deployment", service));
      JsonNode c = pod.path("containers").get(0);
      Map<String, String> env = PROD.environment(c);
      soft.assertThat(env.get("KAFKA_SECURITY_PROTOCOL")).as(at + "protocol").isEqualTo("SASL_SSL");
      soft.assertThat(env.get("KAFKA_SASL_MECHANISM"))
          .as(at + "mechanism")
          .isEqualTo("SCRAM-SHA-512");
      String jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", "");
      soft.assertThat(jaas)
          .as(at + "JAAS line from the user's Secret")
          .endsWith("/sasl.jaas.config");
      String user = jaas.replaceFirst("^secret:([^/]+)/.*$", "$1");
      users.add(user);
      JsonNode kafkaUser = PROD.find("KafkaUser", user).orElse(null);
      soft.assertThat(kafkaUser).as(at + "KafkaUser " + user).isNotNull();
      if (kafkaUser != null) {
        soft.assertThat(
                kafkaUser.path("metadata").path("labels").path("strimzi.io/cluster").asText())
            .as(at + "user of the cluster")
            .isEqualTo(cluster);
        soft.assertThat(kafkaUser.path("spec").path("authentication").path("type").asText())
            .as(at + "user authentication")
            .isEqualTo("scram-sha-512");
      }
      soft.assertThat(env.get("KAFKA_SSL_TRUSTSTORE_TYPE")).as(at + "truststore").isEqualTo("PEM");
      soft.assertThat(
              DeploymentRulesTest.secretBehind(pod, c, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION")))
          .as(at + "truststore is the cluster CA")
          .isEqualTo(cluster + "-cluster-ca-cert");
    }
    soft.assertThat(users).as("one principal per service").doesNotHaveDuplicates();
    JsonNode gateway =
        Manifests.podSpec(PROD.get("Deployment", "gateway")).path("containers").get(0);
    soft.assertThat(PROD.environment(gateway).keySet())
        .as("the gateway uses no Kafka")
        .noneMatch(k -> k.startsWith("KAFKA_"));
    soft.assertThat(PROD.all("KafkaUser")).as("no user beyond the services'").hasSize(users.size());
    soft.assertAll();
  }

  @Test
  void eachUserMayUseOnlyTheTopicsAndGroupsItsServiceConfigures() {
    SoftAssertions soft = new SoftAssertions();
    for (String service : Repo.BACKENDS) {
      JsonNode c = Manifests.podSpec(PROD.get("Deployment", service)).path("containers").get(0);
      String user =
          PROD.environment(c)
              .getOrDefault("KAFKA_SASL_JAAS_CONFIG", "")
              .replaceFirst("^secret:([^/]+)/.*$", "$1");
      JsonNode kafkaUser = PROD.find("KafkaUser", user).orElse(null);
      if (kafkaUser == null) {
        soft.fail("prod " + service + ": no KafkaUser " + user);
        continue;
      }
      TreeSet<String> granted = new TreeSet<>();
      for (JsonNode acl : kafkaUser.path("spec").path("authorization").path("acls")) {
        JsonNode r = acl.path("resource");
        TreeSet<String> ops = new TreeSet<>(DeploymentRulesTest.texts(acl.path("operations")));
        if (acl.has("operation")) {
          ops.add(acl.path("operation").asText());
        }
        granted.add(
            r.path("type").asText()
                + " "
                + r.path("patternType").asText("literal")
                + " "
                + r.path("name").asText()
                + " "
                + String.join(",", ops));
      }
      soft.assertThat(granted)
          .as("prod KafkaUser %s (%s): ACLs", user, service)
          .containsExactlyInAnyOrderElementsOf(expectedAcls(Repo.MODULES.get(service)));
    }
    soft.assertAll();
  }

  @Test
  void localRunsStayPlaintext() {
    Manifests dev = Manifests.render("dev");
    JsonNode compose = Repo.yaml(Repo.path("docker-compose.yml")).path("services");
    for (String service : Repo.BACKENDS) {
      JsonNode c = Manifests.podSpec(dev.get("Deployment", service)).path("containers").get(0);
      assertThat(dev.environment(c)).doesNotContainKey("KAFKA_SECURITY_PROTOCOL");
      assertThat(compose.path(service).path("environment").has("KAFKA_SECURITY_PROTOCOL"))
          .isFalse();
    }
  }

  /** "type pattern name ops" of every grant the service's configuration calls for. */
  static List<String> expectedAcls(String module) {
    Properties p = Repo.applicationProperties(module);
    TreeSet<String> acls = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("%")) {
        continue;
      }
      String value = p.getProperty(key).trim();
      if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic")) {
        acls.add("topic literal " + value + " Describe,Write");
      } else if (key.startsWith("mp.messaging.incoming.")
          && key.endsWith(".dead-letter-queue.topic")) {
        acls.add("topic literal " + value + " Describe,Write");
      } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
        acls.add("topic literal " + value + " Describe,Read");
      } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
        acls.add("group literal " + value + " Describe,Read");
      } else if (key.endsWith(".group-id-prefix")) {
        acls.add("group prefix " + value + " Describe,Read");
      }
    }
    if (module.equals("invoicing-service")) {
      // its outbox also relays the invoice PDFs (events' InvoicingDocumentEvent.TOPIC), named per
      // record rather than by a channel of its own
      acls.add("topic literal receivables.invoicing.documents.v1 Describe,Write");
    }
    return new ArrayList<>(acls);
  }
}
