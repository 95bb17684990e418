package org.receivables.dunning.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays a rendered letter out on A4 pages in a fixed-width font, so the invoice table stays aligned
 * without a layout engine. Characters the standard fonts cannot encode are replaced, never dropped
 * silently into an exception.
 */
public final class LetterPdf {

  private static final float MARGIN = 56;
  private static final float FONT_SIZE = 9.5f;
  private static final float LEADING = 13f;
  private static final int WRAP = 92;

  private LetterPdf() {}

  public static byte[] render(String title, String text) {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setCreator("receivables dunning-service");
      doc.setDocumentInformation(info);
      List<String> lines = wrap(text);
      PDPageContentStream stream = null;
      float y = 0;
      for (String line : lines) {
        if (stream == null || y < MARGIN) {
          if (stream != null) {
            stream.endText();
            stream.close();
          }
          PDPage page = new PDPage(PDRectangle.A4);
          doc.addPage(page);
          stream = new PDPageContentStream(doc, page);
          stream.beginText();
          y = page.getMediaBox().getHeight() - MARGIN;
          stream.newLineAtOffset(MARGIN, y);
        }
        boolean heading =
            !line.isBlank()
                && line.equals(line.toUpperCase(java.util.Locale.ROOT))
                && line.length() > 12
                && line.chars().anyMatch(Character::isLetter)
                && line.chars().noneMatch(Character::isDigit);
        stream.setFont(heading ? bold : font, FONT_SIZE);
        stream.showText(encodable(line, heading ? bold : font));
        stream.newLineAtOffset(0, -LEADING);
        y -= LEADING;
      }
      if (stream != null) {
        stream.endText();
        stream.close();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Letter could not be rendered", e);
    }
  }

  static List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.replace("\r", "").split("\n", -1)) {
      String line = raw.replace('\t', ' ');
      while (line.length() > WRAP) {
        int cut = line.lastIndexOf(' ', WRAP);
        if (cut <= 0) {
          cut = WRAP;
        }
        out.add(line.substring(0, cut));
        line = line.substring(cut).stripLeading();
      }
      out.add(line);
    }
    return out;
  }

  private static String encodable(String line, PDType1Font font) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      String s = String.valueOf(c);
      try {
        font.encode(s);
        sb.append(c);
      } catch (IllegalArgumentException | IOException e) {
        sb.append(c == '\u202f' || c == '\u00a0' ? ' ' : '?');
      }
    }
    return sb.toString();
  }
}
