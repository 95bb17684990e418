package org.receivables.dunning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads what the shared GreenMail server received, through its REST API. */
public final class GreenMail {

  static final String API = System.getProperty("suite.smtp.api", "http://127.0.0.1:8025");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One received message: subject and the decoded raw MIME text. */
  public record Message(String subject, String text) {}

  private GreenMail() {}

  public static List<Message> inbox(String address) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          API
                              + "/api/user/"
                              + URLEncoder.encode(address, StandardCharsets.UTF_8)
                              + "/messages/INBOX"))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      List<Message> out = new ArrayList<>();
      if (r.statusCode() != 200) {
        return out;
      }
      for (JsonNode m : JSON.readTree(r.body())) {
        out.add(new Message(m.path("subject").asText(), decode(m.path("mimeMessage").asText())));
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("GreenMail API unreachable at " + API, e);
    }
  }

  /** Undoes quoted-printable and base64 bodies well enough to search the text. */
  public static String decode(String mime) {
    StringBuilder out = new StringBuilder(mime);
    String qp = mime.replace("=\r\n", "").replace("=\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < qp.length(); i++) {
      char c = qp.charAt(i);
      if (c == '=' && i + 2 < qp.length() && isHex(qp.charAt(i + 1)) && isHex(qp.charAt(i + 2))) {
        bytes.write(Integer.parseInt(qp.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    out.append('\n').append(bytes.toString(StandardCharsets.UTF_8));
    for (String block : mime.split("\r?\n\r?\n")) {
      String compact = block.replaceAll("\\s", "");
      if (compact.length() > 40 && compact.matches("[A-Za-z0-9+/=]+")) {
        try {
          out.append('\n')
              .append(
                  new String(
                      java.util.Base64.getDecoder().decode(compact), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException ignored) {
          // not base64 after all
        }
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
