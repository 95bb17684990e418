package org.receivables.scoring.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Lists stored as JSON text (a score's reasons, a decision's verdicts): they are read and written
 * whole and never queried, so a column of text is enough. Text that cannot be read is a bug, not
 * bad input.
 */
@ApplicationScoped
public class JsonText {

  @Inject ObjectMapper json;

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON cannot be read", e);
    }
  }
}
