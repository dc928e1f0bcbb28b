package com.leadprocessor.connector.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;

/**
 * The fields of Slack's {@code chat.postMessage} answer that the alert step reads, parsed by the
 * Slack SDK as it parses its own {@code ChatPostMessageResponse}. The SDK builds a new Gson for
 * every answer, so each parse also builds the reflective adapters of the answer's class: for {@code
 * ChatPostMessageResponse}, whose {@code message} holds the whole posted message (Block Kit blocks,
 * attachments, files), that was a tenth of the worker's CPU in the benchmark's profile
 * (docs/benchmark.md); for these few fields it is next to nothing.
 */
final class PostMessageAnswer implements SlackApiTextResponse {

  /**
   * Sends {@code chat.postMessage} as {@code slack.chatPostMessage(request)} does, with a form
   * built beforehand ({@code RequestFormBuilder.toForm(request)}), and parses the answer into this
   * class.
   */
  static PostMessageAnswer post(MethodsClient slack, String botToken, FormBody.Builder form)
      throws IOException, SlackApiException {
    return slack.postFormWithTokenAndParseResponse(
        empty -> form, "chat.postMessage", botToken, PostMessageAnswer.class);
  }

  private boolean ok;
  private String warning;
  private String error;
  private String needed;
  private String provided;
  private String channel;
  private String ts;
  private transient Map<String, List<String>> httpResponseHeaders;

  @Override
  public boolean isOk() {
    return ok;
  }

  @Override
  public void setOk(boolean ok) {
    this.ok = ok;
  }

  @Override
  public String getWarning() {
    return warning;
  }

  @Override
  public void setWarning(String warning) {
    this.warning = warning;
  }

  @Override
  public String getError() {
    return error;
  }

  @Override
  public void setError(String error) {
    this.error = error;
  }

  @Override
  public String getNeeded() {
    return needed;
  }

  @Override
  public void setNeeded(String needed) {
    this.needed = needed;
  }

  @Override
  public String getProvided() {
    return provided;
  }

  @Override
  public void setProvided(String provided) {
    this.provided = provided;
  }

  /** The channel's id, as Slack answers it (the request may have named the channel). */
  String getChannel() {
    return channel;
  }

  /** The posted message's timestamp, its id within the channel. */
  String getTs() {
    return ts;
  }

  @Override
  public Map<String, List<String>> getHttpResponseHeaders() {
    return httpResponseHeaders;
  }

  @Override
  public void setHttpResponseHeaders(Map<String, List<String>> headers) {
    this.httpResponseHeaders = headers;
  }
}
