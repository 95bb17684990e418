package org.receivables.invoicing.einvoice.read;

import java.util.Set;

/** UNTDID 1001 document type codes (BT-3) that EN 16931 treats as credit notes. */
public final class TypeCodes {

  private static final Set<String> CREDIT =
      Set.of("81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532");

  private TypeCodes() {}

  public static boolean isCredit(String typeCode) {
    return typeCode != null && CREDIT.contains(typeCode.strip());
  }
}
