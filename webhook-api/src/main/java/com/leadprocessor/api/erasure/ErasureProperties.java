package com.leadprocessor.api.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Finding one person's leads for erasure without storing their address.
 *
 * @param emailHashKey the HMAC key of the {@code LeadEmailHash} search attribute ({@code
 *     LEADS_ERASURE_EMAIL_HASH_KEY}), at least 32 characters, for example from {@code openssl rand
 *     -hex 32}. It must stay the same for as long as leads are kept: a lead started under another
 *     key is not found by the email. Checked by {@link EmailHash}, so that it never appears in a
 *     binding error.
 */
@ConfigurationProperties("leads.erasure")
public record ErasureProperties(String emailHashKey) {}
