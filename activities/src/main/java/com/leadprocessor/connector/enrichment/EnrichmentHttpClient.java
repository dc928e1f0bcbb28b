package com.leadprocessor.connector.enrichment;

import com.leadprocessor.workflow.enrichment.Enrichment;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GET requests for enrichment sources: short timeouts, a bounded body, no redirects. Enrichment is
 * best effort, so a slow or chatty server costs a lead a few seconds at most, never the worker's
 * memory. Failures become an {@link EnrichmentUnavailableException} whose message is fit for {@link
 * Enrichment#unavailable()}: it names the host, never the URL (whose query may carry a key) nor the
 * headers.
 */
final class EnrichmentHttpClient {

  /**
   * What the server answered.
   *
   * @param truncated whether the server sent more than the bound, which was not read
   */
  record Answer(int status, String contentType, byte[] body, boolean truncated) {}

  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxBytes;

  EnrichmentHttpClient(Duration connectTimeout, Duration readTimeout, int maxBytes) {
    // Redirects are not followed: a redirect could lead past the host that was checked. HTTP/1.1,
    // because one small request per lead gains nothing from HTTP/2, whose h2c upgrade on plain
    // http costs a round trip, and whose stream reset on a cut-off body fails the whole response.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
  }

  /**
   * Gets the URL with the headers, at most the bound of its body, within the timeouts.
   *
   * @throws EnrichmentUnavailableException when no answer arrived in time or the connection failed
   */
  Answer get(URI uri, Map<String, String> headers) {
    String host = hostOf(uri);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
    headers.forEach(request::header);
    AtomicReference<BoundedBodySubscriber> subscriber = new AtomicReference<>();
    CompletableFuture<HttpResponse<BoundedBody>> response =
        client.sendAsync(
            request.build(),
            info -> {
              subscriber.set(new BoundedBodySubscriber(info, maxBytes));
              return subscriber.get();
            });
    try {
      // The request timeout covers the headers only; this bounds a body that trickles in too.
      HttpResponse<BoundedBody> answer =
          response.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
      return answer.body().toAnswer();
    } catch (TimeoutException e) {
      response.cancel(true);
      throw new EnrichmentUnavailableException(
          host + " did not answer within " + seconds(readTimeout));
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw new EnrichmentUnavailableException("interrupted while asking " + host);
    } catch (ExecutionException e) {
      // Cutting a download short may fail the exchange after the bounded body was complete.
      BoundedBodySubscriber cutShort = subscriber.get();
      if (cutShort != null && cutShort.truncatedBody() != null) {
        return cutShort.truncatedBody().toAnswer();
      }
      throw new EnrichmentUnavailableException(failureReason(host, e.getCause()));
    }
  }

  private String failureReason(String host, Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return host + " did not accept a connection in time";
    }
    if (cause instanceof HttpTimeoutException) {
      return host + " did not answer within " + seconds(readTimeout);
    }
    if (cause instanceof ConnectException) {
      return "could not connect to " + host;
    }
    return "request to " + host + " failed: " + cause.getClass().getSimpleName();
  }

  /** The host and port, which say where a request went without its path or query. */
  static String hostOf(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** {@code 2s}, or {@code 500ms} for durations below a second or between whole seconds. */
  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private record BoundedBody(HttpResponse.ResponseInfo info, byte[] bytes, boolean truncated) {

    Answer toAnswer() {
      return new Answer(
          info.statusCode(),
          info.headers().firstValue("Content-Type").orElse(null),
          bytes,
          truncated);
    }
  }

  /** Keeps the first {@code limit} bytes and cancels the rest of the download. */
  private static final class BoundedBodySubscriber
      implements HttpResponse.BodySubscriber<BoundedBody> {

    private final HttpResponse.ResponseInfo info;
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
    private volatile BoundedBody truncatedBody;
    private Flow.Subscription subscription;

    BoundedBodySubscriber(HttpResponse.ResponseInfo info, int limit) {
      this.info = info;
      this.limit = limit;
    }

    /** The bounded body when the server sent more; null otherwise. */
    BoundedBody truncatedBody() {
      return truncatedBody;
    }

    @Override
    public CompletableFuture<BoundedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        int room = limit - bytes.size();
        int kept = Math.min(room, buffer.remaining());
        byte[] chunk = new byte[kept];
        buffer.get(chunk);
        bytes.write(chunk, 0, kept);
        if (buffer.hasRemaining()) {
          truncatedBody = new BoundedBody(info, bytes.toByteArray(), true);
          result.complete(truncatedBody);
          subscription.cancel();
          return;
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(new BoundedBody(info, bytes.toByteArray(), false));
    }
  }
}
