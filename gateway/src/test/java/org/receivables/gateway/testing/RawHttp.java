package org.receivables.gateway.testing;

import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a request exactly as written, for what HTTP client libraries would normalise away. */
public final class RawHttp {

  private RawHttp() {}

  /** Writes the request head (CRLF line ends added) and returns the response's status line. */
  public static String statusLine(String... headLines) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((String.join("\r\n", headLines) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
