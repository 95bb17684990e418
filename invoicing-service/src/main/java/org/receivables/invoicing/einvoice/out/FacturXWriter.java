package org.receivables.invoicing.einvoice.out;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Builds a Factur-X invoice: a readable PDF/A page drawn with PDFBox (font and ICC profile from the
 * Mustang jar, so nothing depends on the host's fonts), then Mustang's exporter turns it into
 * PDF/A-3 with the CII attached as {@code factur-x.xml} and the Factur-X XMP metadata. The font
 * (700 KB) is parsed once per concurrent renderer and reused, not for every PDF: parsing it cost
 * more than drawing and writing the whole invoice.
 */
public final class FacturXWriter {

  private static final String FONT = "/FreeSans.ttf";
  private static final String ICC = "/AdobeCompat-v2.icc";
  private static final float MARGIN = 50;
  private static final float LEADING = 14;

  /** The font file, read once; each parsed copy is used by one renderer at a time. */
  private static final byte[] FONT_FILE = bytes(FONT);

  /** The ICC profile, read once (a resource read per PDF re-opened the Mustang jar). */
  private static final byte[] ICC_PROFILE = bytes(ICC);

  private static final ConcurrentLinkedDeque<TrueTypeFont> FONTS = new ConcurrentLinkedDeque<>();

  static {
    XmlProviders.pin();
  }

  private FacturXWriter() {}

  /** The PDF for {@code lines} of text, with {@code cii} attached. */
  public static byte[] pdf(String title, List<String> lines, byte[] cii) {
    try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
      exporter
          .setProducer("receivables-suite")
          .setCreator("receivables-suite")
          .setProfile(CiiWriter.EN16931)
          .load(page(title, lines));
      exporter.setXML(cii);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      exporter.export(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Factur-X could not be written", e);
    }
  }

  /** A PDF/A page (embedded font, sRGB output intent, XMP identification) with the text. */
  static byte[] page(String title, List<String> lines) throws IOException {
    TrueTypeFont ttf = FONTS.poll();
    if (ttf == null) {
      ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILE));
      // FreeSans's substitution table lists Bengali first, so PDFBox shaped every line of our
      // Latin text with its Bengali worker, compiling regular expressions per line: most of the
      // time of a whole invoice's PDF. The text is drawn glyph by glyph, unshaped.
      ttf.setEnableGsub(false);
    }
    try (PDDocument doc = new PDDocument()) {
      // subset on save from the shared parse; PDFBox leaves a font it did not open itself open
      PDFont font = PDType0Font.load(doc, ttf, true);
      List<String> remaining = new ArrayList<>(lines);
      do {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
          text.beginText();
          text.setLeading(LEADING);
          text.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
          text.setFont(font, 16);
          text.showText(printable(font, title));
          text.newLine();
          text.newLine();
          text.setFont(font, 10);
          float y = PDRectangle.A4.getHeight() - MARGIN - 2 * LEADING;
          while (!remaining.isEmpty() && y > MARGIN) {
            text.showText(printable(font, remaining.remove(0)));
            text.newLine();
            y -= LEADING;
          }
          text.endText();
        }
      } while (!remaining.isEmpty());
      identify(doc, title);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } finally {
      FONTS.push(ttf);
    }
  }

  private static byte[] bytes(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " could not be read from the Mustang jar", e);
    }
  }

  /** A text the font can draw: controls become spaces, a glyph the font lacks a '?'. */
  static String printable(PDFont font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              String ch = Character.isISOControl(c) ? " " : new String(Character.toChars(c));
              try {
                font.encode(ch);
                out.append(ch);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.toString();
  }

  private static void identify(PDDocument doc, String title) throws IOException {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setCreationDate(Calendar.getInstance());
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    pdfa.setPart(3);
    try {
      pdfa.setConformance("B");
    } catch (org.apache.xmpbox.type.BadFieldValueException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, xml, true);
    } catch (javax.xml.transform.TransformerException e) {
      throw new IOException(e);
    }
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xml.toByteArray());
    doc.getDocumentCatalog().setMetadata(metadata);
    try (InputStream icc = new ByteArrayInputStream(ICC_PROFILE)) {
      PDOutputIntent intent = new PDOutputIntent(doc, icc);
      intent.setInfo("sRGB");
      intent.setOutputCondition("sRGB");
      intent.setOutputConditionIdentifier("sRGB");
      intent.setRegistryName("http://www.color.org");
      doc.getDocumentCatalog().addOutputIntent(intent);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ZUGFeRDExporterFromA3.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the Mustang jar");
    }
    return in;
  }
}
