package org.receivables.kit.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.ProblemException;

class PageTest {

  @Test
  void theExtraRowOnlySignalsANextPage() {
    Page<String> page = Page.of(List.of("a", "b", "c"), 2, s -> s);
    assertThat(page.items()).containsExactly("a", "b");
    assertThat(Cursor.decode(page.nextCursor())).isEqualTo("b");
  }

  @Test
  void theLastPageHasNoCursor() {
    assertThat(Page.of(List.of("a", "b"), 2, s -> s).nextCursor()).isNull();
  }

  @Test
  void limitsOutsideTheRangeAreRejected() {
    assertThat(Cursor.limit(null)).isEqualTo(Cursor.DEFAULT_LIMIT);
    assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Cursor.limit(Cursor.MAX_LIMIT + 1))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOf(ProblemException.class);
  }
}
