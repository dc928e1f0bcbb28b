package com.leadprocessor.api.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Finding one person's leads for erasure without storing their address.
 *
 * @param emailHashKey the HMAC key of the {@code LeadEmailHash} search attribute ({@code
 *     LEADS_ERASURE_EMAIL_HASH_KEY}), at least 32 characters, for example from {@code openssl rand
 *     -hex 32}. It must stay the same for as long as leads are kept: a lead started under another
 *     key is not found by the email. Checked by {@link EmailHash}, so that it never appears in a
 *     binding error.
 * @param legacyScanLimit how many lead workflows without {@code LeadEmailHash} (started before it
 *     existed) one erasure request reads the start input of, at most ({@code
 *     LEADS_ERASURE_LEGACY_SCAN_LIMIT}); the answer says whether the scan reached the end
 */
@ConfigurationProperties("leads.erasure")
public record ErasureProperties(String emailHashKey, @DefaultValue("1000") int legacyScanLimit) {

  public ErasureProperties {
    if (legacyScanLimit < 0) {
      throw new IllegalArgumentException(
          "leads.erasure.legacy-scan-limit must be 0 (no scan) or more, for example 1000");
    }
  }
}
