package org.receivables.invoicing.einvoice.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.receivables.invoicing.einvoice.EInvoiceRejection;

class SecureXmlTest {

  private static void refused(byte[] bytes, String why) {
    assertThatThrownBy(() -> SecureXml.parse(bytes))
        .isInstanceOfSatisfying(EInvoiceRejection.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining(why);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void refusesAnyDocumentTypeDeclaration() {
    refused(utf8("<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><a>&e;</a>"), "DTD");
    refused(utf8("<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a/>"), "DTD");
    refused(utf8("<!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY m \"&l;&l;&l;\">]><a>&m;</a>"), "DTD");
  }

  @Test
  void refusesBytesThatAreNotWellFormedXml() {
    refused(utf8("<a>\u0000</a>"), "not well-formed");
    refused(new byte[] {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'}, "XML");
    refused(utf8("{\"json\": true}"), "not well-formed");
  }

  @Test
  void refusesNestingDeeperThanAnInvoiceNeeds() {
    refused(utf8("<a>".repeat(20_000) + "</a>".repeat(20_000)), "XML");
    assertThat(SecureXml.parse(utf8("<a>".repeat(50) + "</a>".repeat(50)))).isNotNull();
  }

  @Test
  void readsANamespacedDocument() {
    assertThat(
            SecureXml.parse(utf8("<i:Invoice xmlns:i=\"urn:x\"><i:ID>1</i:ID></i:Invoice>"))
                .getDocumentElement()
                .getNamespaceURI())
        .isEqualTo("urn:x");
  }
}
