package org.receivables.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first answer to a keyed request, as the client received it, so that a retry gets the same
 * status, headers (Location, ETag) and body byte for byte.
 */
public record StoredResponse(int status, Map<String, String> headers, String body) {

  /** Set on a replayed answer, so a client can tell it did not cause a second change. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** Headers worth replaying; others (Date, Content-Length) belong to each transmission. */
  static final List<String> KEPT_HEADERS = List.of("Location", "ETag", "Content-Type");

  static StoredResponse capture(Response response, ObjectMapper json) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = response.getHeaderString(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    Object entity = response.getEntity();
    String body;
    try {
      body =
          entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Response cannot be stored for replay", e);
    }
    if (body != null && !headers.containsKey("Content-Type")) {
      headers.put("Content-Type", MediaType.APPLICATION_JSON);
    }
    return new StoredResponse(response.getStatus(), headers, body);
  }

  /** The answer to send again. */
  Response replay() {
    Response.ResponseBuilder builder = Response.status(status).header(REPLAYED_HEADER, "true");
    headers.forEach(builder::header);
    if (body != null) {
      builder.entity(body);
    }
    return builder.build();
  }

  String headersJson(ObjectMapper json) {
    try {
      return json.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> readHeaders(String text, ObjectMapper json) {
    try {
      return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored idempotency headers are unreadable", e);
    }
  }
}
