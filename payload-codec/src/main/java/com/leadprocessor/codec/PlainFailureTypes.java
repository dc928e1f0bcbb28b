package com.leadprocessor.codec;

import java.util.Collection;
import java.util.Set;

/**
 * {@code ApplicationFailure} types whose message leaves {@link SealingDataConverter} in plain text
 * while everything else about them stays sealed. A type belongs here only when every message of
 * that type is a text the project writes and that quotes no personal data; a module declares its
 * types as a bean, and the auto-configuration joins every such bean.
 *
 * @param types the failure types, as {@code ApplicationFailure.getType()} names them
 */
public record PlainFailureTypes(Set<String> types) {

  public PlainFailureTypes {
    types = Set.copyOf(types);
  }

  public static PlainFailureTypes of(Collection<String> types) {
    return new PlainFailureTypes(Set.copyOf(types));
  }
}
