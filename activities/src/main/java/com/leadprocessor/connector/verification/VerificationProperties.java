package com.leadprocessor.connector.verification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How strictly captured emails are checked.
 *
 * @param allowReservedDomains accept the reserved example domains of RFC 2606 and RFC 6761 ({@code
 *     example.com}, {@code *.test}...); only for local trials, whose sample events use them
 * @param rejectRoleAddresses reject addresses of a role rather than a person ({@code info@}, {@code
 *     sales@}...)
 * @param disposableDomainsFile the list of disposable email domains, one a line, as a Spring
 *     resource location
 * @param freeDomainsFile the list of free email provider domains, one a line
 * @param roleLocalPartsFile the list of role local parts, one a line
 */
@Validated
@ConfigurationProperties("leads.verification")
public record VerificationProperties(
    @DefaultValue("false") boolean allowReservedDomains,
    @DefaultValue("true") boolean rejectRoleAddresses,
    @NotBlank @DefaultValue("classpath:email-domains/disposable.txt") String disposableDomainsFile,
    @NotBlank @DefaultValue("classpath:email-domains/free.txt") String freeDomainsFile,
    @NotBlank @DefaultValue("classpath:email-domains/role-local-parts.txt")
        String roleLocalPartsFile) {

  /** The defaults, as a worker with no configuration has them. */
  public static VerificationProperties defaults() {
    return new VerificationProperties(
        false,
        true,
        "classpath:email-domains/disposable.txt",
        "classpath:email-domains/free.txt",
        "classpath:email-domains/role-local-parts.txt");
  }
}
