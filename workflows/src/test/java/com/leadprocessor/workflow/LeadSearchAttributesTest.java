package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.IndexedValueType;
import org.junit.jupiter.api.Test;

class LeadSearchAttributesTest {

  @Test
  void typesAreNamedAsTheTemporalCliNamesThem() {
    assertThat(LeadSearchAttributes.typeName(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD))
        .isEqualTo("Keyword");
    assertThat(LeadSearchAttributes.typeName(IndexedValueType.INDEXED_VALUE_TYPE_DATETIME))
        .isEqualTo("Datetime");
    assertThat(LeadSearchAttributes.typeName(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST))
        .isEqualTo("KeywordList");
  }

  @Test
  void reviewQueueQueryFiltersOnTheReviewStatus() {
    assertThat(LeadSearchAttributes.IN_REVIEW_QUERY).isEqualTo("LeadStatus=\"NEEDS_REVIEW\"");
  }
}
