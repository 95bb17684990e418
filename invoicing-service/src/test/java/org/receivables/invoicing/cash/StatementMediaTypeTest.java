package org.receivables.invoicing.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.ProblemException;

class StatementMediaTypeTest {

  @Test
  void xmlAndPlainTextAreStatements() {
    for (String type :
        new String[] {
          "application/xml", "text/xml; charset=UTF-8", "text/plain; charset=ISO-8859-1"
        }) {
      assertThatCode(() -> BankStatementResource.requireStatementType(type))
          .as(type)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void anythingElseIsA415() {
    for (String type : new String[] {"application/json", "*/*", "text/*", "not a type", null}) {
      assertThatThrownBy(() -> BankStatementResource.requireStatementType(type))
          .as(String.valueOf(type))
          .isInstanceOfSatisfying(
              ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
    }
  }
}
