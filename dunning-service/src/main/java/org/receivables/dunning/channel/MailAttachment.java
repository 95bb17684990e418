package org.receivables.dunning.channel;

/** A file an e-mail carries (an invoice's PDF), as the mailer attaches it. */
public record MailAttachment(String fileName, String mediaType, byte[] content) {}
