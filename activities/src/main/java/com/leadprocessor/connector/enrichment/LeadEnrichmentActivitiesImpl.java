package com.leadprocessor.connector.enrichment;

import com.leadprocessor.observability.EmailMasking;
import com.leadprocessor.workflow.enrichment.Company;
import com.leadprocessor.workflow.enrichment.Enrichment;
import com.leadprocessor.workflow.enrichment.EnrichmentInput;
import com.leadprocessor.workflow.enrichment.LeadEnrichmentActivities;
import com.leadprocessor.workflow.enrichment.UserAgentDetails;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Enriches a lead from every {@link EnrichmentSource}, each best effort. The sources run in
 * parallel, so two slow HTTP providers cost the lead the slower of them rather than the sum, and
 * all of them together get {@code leads.enrichment.timeout}: a source still busy then is listed as
 * unavailable and the lead moves on with what the others found.
 */
@Component
@ActivityImpl(taskQueues = "${leads.task-queue}")
public class LeadEnrichmentActivitiesImpl implements LeadEnrichmentActivities, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LeadEnrichmentActivitiesImpl.class);
  private static final int MAX_THREADS = 32;

  private final List<EnrichmentSource> sources;
  private final Duration timeout;
  private final ExecutorService executor;

  /**
   * @param sources every source, in {@code @Order}; the first to name a company wins
   * @param properties {@code timeout} bounds all sources together
   */
  public LeadEnrichmentActivitiesImpl(
      List<EnrichmentSource> sources, EnrichmentProperties properties) {
    this.sources = List.copyOf(sources);
    this.timeout = properties.timeout();
    // Bounded, so a burst of leads cannot start unbounded threads. When every thread is busy the
    // activity's own thread runs the source: slower, still bounded by the source's own timeouts.
    this.executor =
        new ThreadPoolExecutor(
            0,
            MAX_THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            daemonThreads(),
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  @Override
  public Enrichment enrich(EnrichmentInput input) {
    List<CompletableFuture<EnrichmentContribution>> running = new ArrayList<>();
    for (EnrichmentSource source : sources) {
      running.add(CompletableFuture.supplyAsync(() -> contributionOf(source, input), executor));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Company company = null;
    UserAgentDetails userAgent = null;
    String transcriptExcerpt = null;
    List<String> unavailable = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      EnrichmentSource source = sources.get(i);
      EnrichmentContribution contribution = awaitUntil(deadline, running.get(i), source, input);
      if (contribution.unavailableReason() != null) {
        unavailable.add(source.name() + ": " + contribution.unavailableReason());
      }
      company = company != null ? company : contribution.company();
      userAgent = userAgent != null ? userAgent : contribution.userAgent();
      transcriptExcerpt =
          transcriptExcerpt != null ? transcriptExcerpt : contribution.transcriptExcerpt();
    }
    log.info(
        "Lead enriched: conversation={} company={} transcript={} unavailable={}",
        input.event().conversationId(),
        company == null ? null : company.name(),
        transcriptExcerpt == null ? "none" : transcriptExcerpt.length() + " chars",
        unavailable);
    return new Enrichment(company, userAgent, transcriptExcerpt, unavailable);
  }

  private EnrichmentContribution awaitUntil(
      long deadline,
      CompletableFuture<EnrichmentContribution> contribution,
      EnrichmentSource source,
      EnrichmentInput input) {
    try {
      return contribution.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      contribution.cancel(true);
      log.warn(
          "Enrichment source '{}' gave no answer within {} for conversation {}",
          source.name(),
          timeout,
          input.event().conversationId());
      return EnrichmentContribution.unavailable(
          "no answer within " + EnrichmentHttpClient.seconds(timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      contribution.cancel(true);
      return EnrichmentContribution.unavailable("interrupted");
    } catch (ExecutionException e) {
      // contributionOf catches what sources throw; this is only for what it could not.
      return EnrichmentContribution.unavailable("failed: " + e.getCause());
    }
  }

  private static EnrichmentContribution contributionOf(
      EnrichmentSource source, EnrichmentInput input) {
    try {
      EnrichmentContribution contribution = source.enrich(input);
      return contribution == null
          ? EnrichmentContribution.unavailable("returned nothing")
          : contribution;
    } catch (EnrichmentUnavailableException e) {
      // An expected outage of a provider, already phrased for people: no stack trace.
      log.warn(
          "Enrichment source '{}' unavailable for conversation {}: {}",
          source.name(),
          input.event().conversationId(),
          e.getMessage());
      return EnrichmentContribution.unavailable(e.getMessage());
    } catch (RuntimeException e) {
      // Best effort by design: one failing source must not cost the lead the others.
      log.warn(
          "Enrichment source '{}' failed for conversation {}: {}",
          source.name(),
          input.event().conversationId(),
          EmailMasking.mask(e.toString()));
      return EnrichmentContribution.unavailable("failed: " + e.getMessage());
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "lead-enrichment-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
