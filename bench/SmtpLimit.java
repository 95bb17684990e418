import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP server's own limit for the sending benchmark: how many messages a second it accepts
 * from a plain Jakarta Mail client (the implementation GreenMail's standalone jar ships) sending
 * the same kind of message as bench/run sending (about 3 kB of HTML, one new recipient each),
 * over CONNECTIONS connections each kept open and reused for every message. Nothing of the suite
 * runs in it: it is the ceiling the dunning service's senders can approach.
 *
 * <p>Usage: {@code java -cp greenmail-standalone.jar bench/SmtpLimit.java HOST PORT MESSAGES
 * CONNECTIONS}; prints {@code RESULT smtp-limit ...}.
 */
public class SmtpLimit {

  private static final String BODY =
      "<p>Madame, Monsieur, sauf erreur de notre part, la facture ci-dessous reste impayée.</p>"
          .repeat(35);

  public static void main(String[] args) throws Exception {
    // Jakarta Mail otherwise looks its stream provider up through the service loader for every
    // message, rescanning GreenMail's 11 MB jar each time (seen in thread dumps of this client)
    System.setProperty(
        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    String host = args[0];
    String port = args[1];
    int messages = Integer.parseInt(args[2]);
    int connections = Integer.parseInt(args[3]);
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", port);
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "20000");
    Session session = Session.getInstance(props);
    String run = Long.toString(System.currentTimeMillis(), 36);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Thread[] threads = new Thread[connections];
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      threads[c] =
          new Thread(
              () -> {
                try (Transport t = session.getTransport("smtp")) {
                  t.connect();
                  for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    MimeMessage m = message(session, run, i);
                    try {
                      t.sendMessage(m, m.getAllRecipients());
                      sent.incrementAndGet();
                    } catch (MessagingException e) {
                      failed.incrementAndGet();
                    }
                  }
                } catch (MessagingException e) {
                  throw new IllegalStateException(e);
                }
              });
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "RESULT smtp-limit messages=%d connections=%d sent=%d failed=%d seconds=%.1f"
            + " per_second=%.0f%n",
        messages, connections, sent.get(), failed.get(), seconds, sent.get() / seconds);
  }

  private static MimeMessage message(Session session, String run, int i)
      throws MessagingException {
    String id = "<limit-" + run + "-" + i + "@receivables.local>";
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
          }
        };
    m.setFrom(new InternetAddress("collections@receivables.local"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("bench-limit-" + i + "@bench.local"));
    m.setSubject("Relance : facture BL-" + i, "UTF-8");
    m.setContent(BODY, "text/html; charset=UTF-8");
    return m;
  }
}
