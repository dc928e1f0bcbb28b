package com.leadprocessor.workflow.verification;

/**
 * The verdict on a lead.
 *
 * @param normalizedEmail the email as it should be stored (trimmed, domain lower-cased, IDN as
 *     ASCII); null when rejected
 * @param emailDomain the domain of the normalised email
 * @param freeEmailProvider whether the domain is a free mail provider, so it names no company
 * @param rejectionReason why the lead was rejected; null when accepted
 */
public record VerificationResult(
    boolean accepted,
    String normalizedEmail,
    String emailDomain,
    boolean freeEmailProvider,
    String rejectionReason) {

  public static VerificationResult accepted(
      String normalizedEmail, String emailDomain, boolean freeEmailProvider) {
    return new VerificationResult(true, normalizedEmail, emailDomain, freeEmailProvider, null);
  }

  public static VerificationResult rejected(String reason) {
    return new VerificationResult(false, null, null, false, reason);
  }
}
