package com.leadprocessor.connector.routing;

import com.leadprocessor.workflow.routing.TopicMatch;
import java.util.List;

/** Finds the topics of a visitor's question. */
interface TopicMatcher {

  /**
   * The topics of a question, nearest first.
   *
   * @param question the visitor's question; may be null
   * @param transcriptExcerpt an excerpt of the conversation, when enrichment fetched one; may be
   *     null
   */
  List<TopicMatch> match(String question, String transcriptExcerpt);
}
