package org.receivables.invoicing.einvoice.xml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads over a parsed document by child paths with the UBL and CII prefixes bound ({@code
 * cac:Party/cbc:Name}, a step optionally filtered by {@code [@attr='v']} or {@code [p:a/p:b='v']}).
 * These are all the readers need, so they walk the DOM directly: the JDK's XPath wraps the whole
 * document anew on every evaluation, which made reading a 20-line invoice cost several times its
 * CEN validation. A value that is present but not a number is reported as a 422 naming the term,
 * never as a server error.
 */
public final class Nodes {

  static final Map<String, String> PREFIXES =
      Map.of(
          "ubl", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
          "cn", "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
          "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
          "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
          "rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
          "ram",
              "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
          "udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");

  /** Compiled paths; the readers use a few dozen, plus one per document currency. */
  private static final Map<String, ChildPath> PATHS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_PATHS = 1_000;

  /** The trimmed text of the first match, or null when absent or blank. */
  public String text(Node context, String expression) {
    Node node = node(context, expression);
    if (node == null) {
      return null;
    }
    String value = node.getTextContent().strip();
    return value.isEmpty() ? null : value;
  }

  /** The first match in document order, or null. */
  public Node node(Node context, String expression) {
    return path(expression).first(context);
  }

  /** Every match, in document order. */
  public List<Node> nodes(Node context, String expression) {
    List<Node> result = new ArrayList<>();
    path(expression).collect(context, 0, result);
    return result;
  }

  public List<String> texts(Node context, String expression) {
    return nodes(context, expression).stream()
        .map(n -> n.getTextContent().strip())
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** A decimal term, or null when absent; {@code term} names it in the refusal. */
  public BigDecimal decimal(Node context, String expression, String term) {
    String value = text(context, expression);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw EInvoiceRejection.rule(term, "'" + shorten(value) + "' is not a decimal", expression);
    }
  }

  static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static ChildPath path(String expression) {
    ChildPath path = PATHS.get(expression);
    if (path == null) {
      path = ChildPath.parse(expression);
      if (PATHS.size() < MAX_CACHED_PATHS) {
        PATHS.put(expression, path);
      }
    }
    return path;
  }

  /** One element step: its name and an optional filter. */
  record Step(String namespace, String localName, Filter filter) {

    boolean matches(Node node) {
      return node.getNodeType() == Node.ELEMENT_NODE
          && localName.equals(node.getLocalName())
          && namespace.equals(node.getNamespaceURI())
          && (filter == null || filter.test((Element) node));
    }
  }

  /**
   * {@code [@name='value']} or {@code [child/path='value']}, compared as XPath does (untrimmed).
   */
  record Filter(String attribute, ChildPath child, String value) {

    boolean test(Element element) {
      if (attribute != null) {
        return element.hasAttribute(attribute) && element.getAttribute(attribute).equals(value);
      }
      List<Node> matches = new ArrayList<>();
      child.collect(element, 0, matches);
      return matches.stream().anyMatch(n -> n.getTextContent().equals(value));
    }
  }

  /** A relative path of child steps. */
  record ChildPath(List<Step> steps) {

    Node first(Node context) {
      return first(context, 0);
    }

    private Node first(Node context, int at) {
      if (context == null) {
        return null;
      }
      if (at == steps.size()) {
        return context;
      }
      Step step = steps.get(at);
      for (Node c = context.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (step.matches(c)) {
          Node found = first(c, at + 1);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    void collect(Node context, int at, List<Node> into) {
      if (context == null) {
        return;
      }
      if (at == steps.size()) {
        into.add(context);
        return;
      }
      Step step = steps.get(at);
      for (Node c = context.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (step.matches(c)) {
          collect(c, at + 1, into);
        }
      }
    }

    /** Parses the readers' paths; anything else is a programming error. */
    static ChildPath parse(String expression) {
      List<Step> steps = new ArrayList<>();
      int i = 0;
      int n = expression.length();
      while (i < n) {
        int end = i;
        while (end < n && expression.charAt(end) != '/' && expression.charAt(end) != '[') {
          end++;
        }
        String name = expression.substring(i, end);
        Filter filter = null;
        if (end < n && expression.charAt(end) == '[') {
          int close = closing(expression, end);
          filter = filter(expression, expression.substring(end + 1, close));
          end = close + 1;
        }
        steps.add(step(expression, name, filter));
        if (end < n) {
          if (expression.charAt(end) != '/' || end == n - 1) {
            throw unsupported(expression);
          }
          end++;
        }
        i = end;
      }
      if (steps.isEmpty()) {
        throw unsupported(expression);
      }
      return new ChildPath(List.copyOf(steps));
    }

    private static int closing(String expression, int open) {
      boolean quoted = false;
      for (int i = open + 1; i < expression.length(); i++) {
        char c = expression.charAt(i);
        if (c == '\'') {
          quoted = !quoted;
        } else if (c == ']' && !quoted) {
          return i;
        }
      }
      throw unsupported(expression);
    }

    private static Filter filter(String expression, String predicate) {
      int eq = predicate.indexOf("='");
      if (eq < 0 || !predicate.endsWith("'") || predicate.length() < eq + 3) {
        throw unsupported(expression);
      }
      String left = predicate.substring(0, eq);
      String value = predicate.substring(eq + 2, predicate.length() - 1);
      if (value.indexOf('\'') >= 0) {
        throw unsupported(expression);
      }
      if (left.startsWith("@")) {
        return new Filter(left.substring(1), null, value);
      }
      return new Filter(null, parse(left), value);
    }

    private static Step step(String expression, String name, Filter filter) {
      int colon = name.indexOf(':');
      String namespace = colon < 0 ? null : PREFIXES.get(name.substring(0, colon));
      if (namespace == null || colon == name.length() - 1) {
        throw unsupported(expression);
      }
      return new Step(namespace, name.substring(colon + 1), filter);
    }

    private static IllegalArgumentException unsupported(String expression) {
      return new IllegalArgumentException("not a supported child path: " + expression);
    }
  }
}
