package org.receivables.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The AsyncAPI 3.0 document of the event contract (topics, record key, CloudEvents headers and
 * every type's payload schema), shipped in this jar so that the gateway serves the very file the
 * tests checked. It is generated from the event records by the module's tests, which fail when the
 * committed file differs from what the records say.
 */
public final class AsyncApiDocument {

  /** Where the document lies on the class path. */
  public static final String RESOURCE = "/org/receivables/events/asyncapi.json";

  private AsyncApiDocument() {}

  /** The document as JSON text. */
  public static String json() {
    try (InputStream in = AsyncApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "AsyncAPI document missing from the class path: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
