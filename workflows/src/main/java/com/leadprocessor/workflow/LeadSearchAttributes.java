package com.leadprocessor.workflow;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The typed search attributes of a lead. Engineers filter on them in the Temporal UI, for example
 * {@code LeadStatus="NEEDS_REVIEW" AND LeadFailedStep="SALESFORCE"}. They must be registered on the
 * namespace as Keyword attributes before a lead starts. None of them holds personal data.
 */
public final class LeadSearchAttributes {

  /** The lead's {@link LeadStatus}. */
  public static final SearchAttributeKey<String> LEAD_STATUS =
      SearchAttributeKey.forKeyword("LeadStatus");

  /** The {@link LeadStep} that sent the lead to review; unset otherwise. */
  public static final SearchAttributeKey<String> LEAD_FAILED_STEP =
      SearchAttributeKey.forKeyword("LeadFailedStep");

  /** The name of the routing rule the lead matched. */
  public static final SearchAttributeKey<String> LEAD_ROUTE =
      SearchAttributeKey.forKeyword("LeadRoute");

  /**
   * The keyed hash (HMAC-SHA256, hex) of the lead's normalised email, set by the API at start: it
   * finds one person's leads for erasure without the address being stored in visibility.
   */
  public static final SearchAttributeKey<String> LEAD_EMAIL_HASH =
      SearchAttributeKey.forKeyword("LeadEmailHash");

  /** Every key, for registering them on a namespace. */
  public static final List<SearchAttributeKey<String>> ALL =
      List.of(LEAD_STATUS, LEAD_FAILED_STEP, LEAD_ROUTE, LEAD_EMAIL_HASH);

  /**
   * The visibility query that lists the review queue, {@code LeadStatus="NEEDS_REVIEW"}: the Web UI
   * link in the start-up banner and in the review alert.
   */
  public static final String IN_REVIEW_QUERY =
      LEAD_STATUS.getName() + "=\"" + LeadStatus.NEEDS_REVIEW.name() + "\"";

  /**
   * The name the Temporal CLI and the Web UI give a search attribute type: {@code Keyword}, {@code
   * Datetime}, {@code KeywordList}; as in {@code --search-attribute LeadStatus=Keyword}.
   */
  public static String typeName(IndexedValueType type) {
    return Arrays.stream(type.name().replace("INDEXED_VALUE_TYPE_", "").split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  private LeadSearchAttributes() {}
}
