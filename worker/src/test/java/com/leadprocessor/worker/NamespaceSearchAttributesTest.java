package com.leadprocessor.worker;

import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadprocessor.worker.NamespaceSearchAttributes.Gaps;
import com.leadprocessor.workflow.LeadSearchAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the worker makes of a namespace's search attributes before it polls. The refusal itself,
 * against a real Temporal server, is proven by the end-to-end suite (the SDK's in-memory server
 * cannot list search attributes).
 */
class NamespaceSearchAttributesTest {

  @Test
  void namespaceWithEveryLeadAttributeAsKeywordHasNoGaps() {
    Gaps gaps =
        Gaps.in(
            Map.of(
                "LeadStatus", INDEXED_VALUE_TYPE_KEYWORD,
                "LeadFailedStep", INDEXED_VALUE_TYPE_KEYWORD,
                "LeadRoute", INDEXED_VALUE_TYPE_KEYWORD,
                "LeadEmailHash", INDEXED_VALUE_TYPE_KEYWORD));

    assertThat(gaps.missing()).isEmpty();
    assertThat(gaps.wrongType()).isEmpty();
  }

  @Test
  void missingAndMistypedAttributesAreNamed() {
    Gaps gaps =
        Gaps.in(
            Map.of(
                "LeadStatus",
                INDEXED_VALUE_TYPE_KEYWORD,
                "LeadFailedStep",
                INDEXED_VALUE_TYPE_TEXT));

    assertThat(gaps.missing())
        .containsExactly(LeadSearchAttributes.LEAD_ROUTE, LeadSearchAttributes.LEAD_EMAIL_HASH);
    assertThat(gaps.wrongType()).containsExactly("LeadFailedStep is Text, expected Keyword");
  }

  @Test
  void startUpReportNamesEachMissingAttributeAndTheCommandThatAddsIt() {
    var analysis =
        new UnservableNamespaceFailureAnalyzer()
            .analyze(
                new UnservableNamespaceException(
                    "leads-prod", List.of(LeadSearchAttributes.LEAD_ROUTE), List.of()));

    assertThat(analysis.getDescription())
        .isEqualTo(
            "The worker cannot serve Temporal namespace 'leads-prod': missing search attribute(s)"
                + " LeadRoute (Keyword); the worker does not poll until this is fixed.");
    assertThat(analysis.getAction())
        .contains(
            "temporal operator search-attribute create --namespace leads-prod --name LeadRoute"
                + " --type Keyword")
        .contains("LEADS_REGISTER_SEARCH_ATTRIBUTES=true");
  }

  @Test
  void mistypedAttributeIsReportedAsSomethingOnlyAnOperatorCanFix() {
    var analysis =
        new UnservableNamespaceFailureAnalyzer()
            .analyze(
                new UnservableNamespaceException(
                    "default", List.of(), List.of("LeadFailedStep is Text, expected Keyword")));

    assertThat(analysis.getDescription())
        .contains(
            "search attribute(s) of the wrong type: LeadFailedStep is Text, expected Keyword");
    assertThat(analysis.getAction()).contains("search-attribute remove");
  }
}
