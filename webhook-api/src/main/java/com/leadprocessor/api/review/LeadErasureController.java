package com.leadprocessor.api.review;

import com.leadprocessor.api.erasure.EmailHash;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /leads?email=...}: erasure on a person's request. Deletes every lead workflow
 * stamped with the email's {@link EmailHash}, and those started before the stamp existed whose
 * start input carries the email (a bounded scan), answers with what was deleted and writes one
 * audit line with the caller, the hash and the workflow ids, never the address. Temporal is not the
 * system of record: the lead in the CRM and the Slack alert are erased there.
 */
@RestController
@Conditional(ReviewApiEnabledCondition.class)
class LeadErasureController {

  private static final Logger audit = LoggerFactory.getLogger("com.leadprocessor.audit");

  private final LeadErasure erasure;
  private final EmailHash emailHash;

  LeadErasureController(LeadErasure erasure, EmailHash emailHash) {
    this.erasure = erasure;
    this.emailHash = emailHash;
  }

  @DeleteMapping(LeadReviewController.LEADS)
  Erased erase(
      @RequestParam(required = false) String email,
      @RequestAttribute(ReviewAuthentication.REVIEWER) String reviewer) {
    if (email == null || email.isBlank() || email.indexOf('@') < 1) {
      throw new InvalidParameterException("email", "must be the email address whose leads go.");
    }
    String hash = emailHash.of(email);
    LeadErasure.Result result = erasure.erase(hash);
    List<ErasedLead> deleted = result.deleted();
    String ids = String.join(",", deleted.stream().map(ErasedLead::workflowId).toList());
    // The fields are for JSON logs; the message says the same for plain ones.
    audit
        .atInfo()
        .setMessage(
            "Erasure: {} deleted {} lead workflow(s) with email hash {}: [{}]; {} lead(s) without"
                + " the hash scanned ({})")
        .addArgument(reviewer)
        .addArgument(deleted.size())
        .addArgument(hash)
        .addArgument(ids)
        .addArgument(result.scannedWithoutHash())
        .addArgument(result.scanComplete() ? "all" : "stopped at the limit, more remain")
        .addKeyValue("audit.action", "lead-erasure")
        .addKeyValue("audit.actor", reviewer)
        .addKeyValue("audit.emailHash", hash)
        .addKeyValue("audit.deletedWorkflowIds", ids)
        .addKeyValue("audit.scannedWithoutHash", result.scannedWithoutHash())
        .addKeyValue("audit.scanComplete", result.scanComplete())
        .log();
    return new Erased(
        hash,
        deleted.size(),
        deleted,
        new WithoutEmailHash(result.scannedWithoutHash(), result.scanComplete()));
  }

  /**
   * What {@code DELETE /leads} answers: the hash searched by, every execution deleted, and how far
   * the scan of leads without the hash went.
   */
  record Erased(
      String emailHash, int count, List<ErasedLead> deleted, WithoutEmailHash withoutEmailHash) {}

  /**
   * @param scanned how many leads without {@code LeadEmailHash} had their start input read
   * @param complete false when the scan stopped at {@code leads.erasure.legacy-scan-limit}
   */
  record WithoutEmailHash(int scanned, boolean complete) {}
}
