package org.receivables.invoicing.einvoice.out;

import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * Writes UN/CEFACT CII D16B in the EN 16931 (Factur-X "EN 16931" / COMFORT) profile with Mustang's
 * pull provider, the same library that builds the Factur-X PDF, so both carry identical XML.
 */
public final class CiiWriter {

  static final Profile EN16931 = Profiles.getByName("EN16931");

  private CiiWriter() {}

  public static byte[] xml(Invoice invoice) {
    ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
    provider.setProfile(EN16931);
    provider.generateXML(invoice);
    return provider.getXML();
  }
}
