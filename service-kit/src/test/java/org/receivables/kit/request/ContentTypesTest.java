package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.ProblemException;

class ContentTypesTest {

  private static final MediaType[] XML_OR_TEXT = {
    MediaType.APPLICATION_XML_TYPE, MediaType.TEXT_XML_TYPE, MediaType.TEXT_PLAIN_TYPE
  };

  @Test
  void anAcceptedTypeWithParametersPasses() {
    for (String header :
        new String[] {
          "application/xml", "text/xml; charset=UTF-8", "TEXT/PLAIN;charset=ISO-8859-1"
        }) {
      assertThat(ContentTypes.require(header, "send XML", XML_OR_TEXT).getSubtype())
          .as(header)
          .isEqualToIgnoringCase(header.split("[/;]")[1].trim());
    }
  }

  @Test
  void wildcardsMissingUnreadableAndOtherTypesAre415SayingWhatToSend() {
    for (String header :
        new String[] {
          "application/json", "*/*", "text/*", "application/*", "not a type", "", null
        }) {
      assertThatThrownBy(() -> ContentTypes.require(header, "send XML", XML_OR_TEXT))
          .as(String.valueOf(header))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.status()).isEqualTo(415);
                assertThat(e.toProblem().detail()).startsWith("send XML, not ");
              });
    }
  }

  @Test
  void isOneOfNeedsAConcreteType() {
    assertThat(ContentTypes.isOneOf(null, XML_OR_TEXT)).isFalse();
    assertThat(ContentTypes.isOneOf(MediaType.WILDCARD_TYPE, XML_OR_TEXT)).isFalse();
    assertThat(ContentTypes.isOneOf(MediaType.APPLICATION_OCTET_STREAM_TYPE, XML_OR_TEXT))
        .isFalse();
    assertThat(ContentTypes.isOneOf(MediaType.APPLICATION_XML_TYPE, XML_OR_TEXT)).isTrue();
  }
}
