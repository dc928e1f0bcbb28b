package com.leadprocessor.connector.verification;

import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Local parts that name a role or a group ({@code info}, {@code sales}), not a person. */
@Component
public class RoleLocalParts {

  private final Set<String> localParts;

  public RoleLocalParts(ResourceLoader resourceLoader, VerificationProperties properties) {
    this.localParts =
        ReferenceListFile.load(
            resourceLoader,
            properties.roleLocalPartsFile(),
            "leads.verification.role-local-parts-file",
            entry -> entry.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the local part is a role's.
   *
   * @param localPart lower case, without a {@code +tag}
   */
  public boolean contains(String localPart) {
    return localParts.contains(localPart);
  }

  public int size() {
    return localParts.size();
  }
}
