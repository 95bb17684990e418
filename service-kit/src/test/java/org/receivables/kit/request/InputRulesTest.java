package org.receivables.kit.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputRulesTest {

  @Test
  void pathValuesRefuseNulControlsBlankAndBrokenUtf8() {
    assertThat(InputRules.pathValue("3f1c2d4e-0000-4000-8000-000000000001")).isNull();
    assertThat(InputRules.pathValue("BTP & génie civil")).isNull();
    assertThat(InputRules.pathValue("\u0000")).isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.pathValue("a\tb")).isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.pathValue("a\u007fb")).isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.pathValue("a\u0085b")).isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.pathValue(" ")).isEqualTo(InputRules.BLANK);
    assertThat(InputRules.pathValue("")).isEqualTo(InputRules.BLANK);
    assertThat(InputRules.pathValue("\uFFFD(")).isEqualTo(InputRules.NOT_UTF8);
  }

  @Test
  void anEmptyQueryValueIsAnAbsentParameterButSpacesAreNotAValue() {
    assertThat(InputRules.queryValue("")).isNull();
    assertThat(InputRules.queryValue("2026-01-31")).isNull();
    assertThat(InputRules.queryValue("  ")).isEqualTo(InputRules.BLANK);
    assertThat(InputRules.queryValue("a\nb")).isEqualTo(InputRules.CONTROL);
  }

  @Test
  void headersMayHoldTabsButNoOtherControl() {
    assertThat(InputRules.headerValue("W/\"3\"")).isNull();
    assertThat(InputRules.headerValue("a\tb")).isNull();
    assertThat(InputRules.headerValue("a\u0000b")).isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.headerValue("a\u001bb")).isEqualTo(InputRules.CONTROL);
  }

  @Test
  void bodyTextKeepsLineBreaksAndTabsButNotNul() {
    assertThat(InputRules.bodyText("Dear customer,\r\n\tplease pay.")).isNull();
    assertThat(InputRules.bodyText("caf\uFFFD")).isNull();
    assertThat(InputRules.bodyText("x\u0000")).isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.bodyText("x\u000b")).isEqualTo(InputRules.CONTROL);
  }

  @Test
  void theQueryIsDecodedStrictly() {
    List<InputRules.QueryPart> parts =
        InputRules.query("asOf=2026-01-31&q=caf%C3%A9+cr%C3%A8me&flag&empty=");
    assertThat(parts)
        .containsExactly(
            new InputRules.QueryPart("asOf", "2026-01-31", null),
            new InputRules.QueryPart("q", "café crème", null),
            new InputRules.QueryPart("flag", "", null),
            new InputRules.QueryPart("empty", "", null));
    assertThat(InputRules.query("q=%C3%28")).containsExactly(bad("q", InputRules.NOT_UTF8));
    assertThat(InputRules.query("q=%FF")).containsExactly(bad("q", InputRules.NOT_UTF8));
    assertThat(InputRules.query("q=%")).containsExactly(bad("q", InputRules.BAD_ESCAPE));
    assertThat(InputRules.query("q=%4")).containsExactly(bad("q", InputRules.BAD_ESCAPE));
    assertThat(InputRules.query("q=%zz")).containsExactly(bad("q", InputRules.BAD_ESCAPE));
    assertThat(InputRules.query("q=%00").get(0).value()).isEqualTo("\u0000");
    assertThat(InputRules.queryValue(InputRules.query("q=%00").get(0).value()))
        .isEqualTo(InputRules.CONTROL);
    assertThat(InputRules.query("%00=1").get(0).problem()).startsWith("parameter name");
    assertThat(InputRules.query(null)).isEmpty();
  }

  private static InputRules.QueryPart bad(String name, String problem) {
    return new InputRules.QueryPart(name, null, problem);
  }
}
