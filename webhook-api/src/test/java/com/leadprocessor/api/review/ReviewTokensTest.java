package com.leadprocessor.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTokensTest {

  @Test
  void matchNamesThePositionOfTheToken() {
    ReviewTokens tokens = ReviewTokens.of(List.of("first-token-0123456", "second-token-654321"));

    assertThat(tokens.match("first-token-0123456")).isEqualTo(1);
    assertThat(tokens.match("second-token-654321")).isEqualTo(2);
    assertThat(tokens.match("second-token-65432")).isZero();
    assertThat(tokens.match("")).isZero();
  }

  @Test
  void shortTokenStopsStartUpWithoutShowingIt() {
    assertThatThrownBy(() -> ReviewTokens.of(List.of("long-enough-token-123", "short")))
        .isInstanceOf(InvalidReviewTokensException.class)
        .hasMessage("Review API token #2 of leads.review.api-tokens is shorter than 16 characters.")
        .hasMessageNotContaining("short\"");
  }

  @Test
  void propertiesDropBlankEntriesSoAnEmptyVariableDisablesTheApi() {
    ReviewApiProperties properties =
        new ReviewApiProperties(List.of(" ", " token-with-spaces-around "), null);

    assertThat(properties.apiTokens()).containsExactly("token-with-spaces-around");
    assertThat(new ReviewApiProperties(List.of(""), null).apiEnabled()).isFalse();
    assertThat(new ReviewApiProperties(null, null).apiEnabled()).isFalse();
  }
}
