package org.receivables.invoicing.einvoice.validate;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import org.receivables.invoicing.einvoice.EInvoiceRejection.RuleError;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a document with the official CEN EN 16931 artefacts as shipped by Mustang's validator
 * package: the UBL 2.1 and UN/CEFACT CII D16B XML schemas, then the CEN Schematron compiled to XSLT
 * (run with Saxon-HE). Nothing is re-typed here: each failed assertion comes back with the rule id
 * the CEN artefact gives it. Compiled artefacts are kept once per kind; they are thread-safe.
 */
@ApplicationScoped
public class En16931Validator {

  /** What to validate against: the root element decides. */
  public enum Kind {
    UBL_INVOICE("/schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd", UBL_XSLT),
    UBL_CREDIT_NOTE("/schema/UBL_21/maindoc/UBL-CreditNote-2.1.xsd", UBL_XSLT),
    CII("/external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd", CII_XSLT);

    final String xsd;
    final String xslt;

    Kind(String xsd, String xslt) {
      this.xsd = xsd;
      this.xslt = xslt;
    }
  }

  /** Errors (fatal assertions, schema errors) and warnings, both with their rule ids. */
  public record Result(List<RuleError> errors, List<RuleError> warnings) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  static final String UBL_XSLT = "/xslt/en16931schematron/EN16931-UBL-validation.xslt";
  static final String CII_XSLT = "/xslt/en16931schematron/EN16931-CII-validation.xslt";
  private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
  private static final int MAX_SCHEMA_ERRORS = 100;

  private final Processor saxon = new Processor(false);
  private final ConcurrentMap<String, Schema> schemas = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, XsltExecutable> stylesheets = new ConcurrentHashMap<>();
  private volatile XPathExecutable failures;
  private final java.util.concurrent.CompletableFuture<Boolean> warm =
      new java.util.concurrent.CompletableFuture<>();

  /**
   * Compiles every artefact in the background from start-up (the CEN stylesheets take seconds, far
   * more on a loaded machine), so that the service is ready at once and the first document rarely
   * waits; one that arrives earlier waits for the artefact it needs, compiled once.
   */
  void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started) {
    Thread thread = new Thread(() -> warm.complete(compileAll()), "en16931-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** Blocks until every artefact is compiled (tests wait here instead of on a request). */
  public void awaitWarm() {
    if (!warm.isDone()) {
      warm.complete(compileAll());
    }
  }

  private Boolean compileAll() {
    for (Kind kind : Kind.values()) {
      schemas.computeIfAbsent(kind.xsd, En16931Validator::loadSchema);
      stylesheets.computeIfAbsent(kind.xslt, this::compile);
    }
    return Boolean.TRUE;
  }

  /**
   * Validates {@code bytes} (already parsed as {@code document} by the secure parser, so they hold
   * no DTD) against the schema and the Schematron of {@code kind}.
   */
  public Result validate(Kind kind, byte[] bytes, Document document) {
    List<RuleError> errors = new ArrayList<>(schemaErrors(kind, bytes));
    List<RuleError> warnings = new ArrayList<>();
    schematron(kind, document, errors, warnings);
    return new Result(List.copyOf(errors), List.copyOf(warnings));
  }

  private List<RuleError> schemaErrors(Kind kind, byte[] bytes) {
    Schema schema = schemas.computeIfAbsent(kind.xsd, En16931Validator::loadSchema);
    Validator validator = schema.newValidator();
    List<RuleError> errors = new ArrayList<>();
    try {
      // the instance may not pull anything in through schemaLocation hints
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(collecting(errors));
      validator.validate(new StreamSource(new ByteArrayInputStream(bytes)));
    } catch (SAXException | IOException e) {
      if (errors.isEmpty()) {
        errors.add(new RuleError("XSD", e.getMessage(), ""));
      }
    }
    return errors;
  }

  private static ErrorHandler collecting(List<RuleError> errors) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) throws SAXException {
        errors.add(
            new RuleError(
                "XSD",
                e.getMessage(),
                "line " + e.getLineNumber() + ", column " + e.getColumnNumber()));
        if (errors.size() >= MAX_SCHEMA_ERRORS) {
          throw e;
        }
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        error(e);
        throw e;
      }
    };
  }

  private void schematron(
      Kind kind, Document document, List<RuleError> errors, List<RuleError> warnings) {
    XsltExecutable stylesheet = stylesheets.computeIfAbsent(kind.xslt, this::compile);
    try {
      XdmNode input = saxon.newDocumentBuilder().build(new DOMSource(document));
      XdmDestination report = new XdmDestination();
      stylesheet.load30().applyTemplates(input, report);
      var selector = failures().load();
      selector.setContextItem(report.getXdmNode());
      for (XdmItem item : selector.evaluate()) {
        XdmNode assertion = (XdmNode) item;
        String flag = assertion.getAttributeValue(new QName("flag"));
        RuleError error =
            new RuleError(
                orElse(assertion.getAttributeValue(new QName("id")), "SCHEMATRON"),
                text(assertion),
                orElse(assertion.getAttributeValue(new QName("location")), ""));
        if ("warning".equalsIgnoreCase(flag) || "information".equalsIgnoreCase(flag)) {
          warnings.add(error);
        } else {
          errors.add(error);
        }
      }
    } catch (SaxonApiException e) {
      throw new IllegalStateException("EN 16931 Schematron could not run", e);
    }
  }

  private XPathExecutable failures() throws SaxonApiException {
    if (failures == null) {
      XPathCompiler compiler = saxon.newXPathCompiler();
      compiler.declareNamespace("svrl", SVRL);
      failures = compiler.compile("//svrl:failed-assert | //svrl:successful-report");
    }
    return failures;
  }

  private static String text(XdmNode assertion) {
    for (XdmNode child : assertion.children()) {
      if (child.getNodeName() != null && child.getNodeName().getLocalName().equals("text")) {
        return child.getStringValue().strip().replaceAll("\\s+", " ");
      }
    }
    return assertion.getStringValue().strip();
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private XsltExecutable compile(String resource) {
    URL url = resource(resource);
    try (InputStream in = url.openStream()) {
      return saxon.newXsltCompiler().compile(new StreamSource(in, url.toExternalForm()));
    } catch (IOException | SaxonApiException e) {
      throw new IllegalStateException("cannot compile " + resource, e);
    }
  }

  private static Schema loadSchema(String resource) {
    URL url = resource(resource);
    try {
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      // the schema's own imports sit beside it in the same jar; nothing else is reachable
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
      return factory.newSchema(url);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot load " + resource, e);
    }
  }

  private static URL resource(String path) {
    URL url = En16931Validator.class.getResource(path);
    if (url == null) {
      throw new IllegalStateException(path + " is missing from the classpath");
    }
    return url;
  }
}
