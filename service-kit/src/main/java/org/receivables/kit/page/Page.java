package org.receivables.kit.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: {@code nextCursor} is absent on the last page.
 *
 * @param <T> item type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that more exist.
   *
   * @param keyOf the sort key of an item, encoded into the cursor
   */
  public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> keyOf) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(List.copyOf(items), Cursor.encode(keyOf.apply(items.get(limit - 1))));
  }
}
