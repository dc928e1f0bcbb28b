package com.leadprocessor.e2e.harness;

import com.leadprocessor.emulation.SalesforceEmulation;
import com.leadprocessor.emulation.SlackEmulation;
import com.leadprocessor.workflow.LeadSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole lead processor as separate OS processes on 127.0.0.1: a Temporal dev server, the
 * packaged webhook API and one or more packaged workers. One per test class: starting it takes a
 * few seconds of the two shared cores.
 */
public final class LeadProcessorSystem implements AutoCloseable {

  /** The task queue the suite's apps share; a name of its own, so no other worker joins in. */
  public static final String TASK_QUEUE = "leads-e2e";

  /** The paced task queue of the Slack step. */
  public static final String SLACK_TASK_QUEUE = "leads-e2e-slack";

  private final String name;
  private final String secret = SignedWebhookClient.newSecret();
  private final String codecKeys = "e2e:" + randomBase64(32);
  private final String emailHashKey = randomBase64(32);
  private final TemporalDevServer temporal;
  private final List<AppProcess> workers = new ArrayList<>();
  private final AppProcess api;
  private final LeadWorkflows leads;
  private final SignedWebhookClient webhooks;
  private final Builder builder;

  private LeadProcessorSystem(Builder builder) {
    this.name = builder.name;
    this.builder = builder;
    int apiPort = FreePorts.next();
    List<String> temporalOptions = new ArrayList<>(builder.temporalOptions);
    if (builder.uiCodecEndpoint) {
      temporalOptions.addAll(List.of("--ui-codec-endpoint", codecEndpoint(apiPort)));
    }
    this.temporal =
        builder.externalTemporal
            ? TemporalDevServer.external()
            : TemporalDevServer.start(name, temporalOptions, builder.searchAttributes);
    try {
      for (int i = 1; i <= builder.workers; i++) {
        startWorker();
      }
      Map<String, String> env = new LinkedHashMap<>(commonEnvironment());
      env.put("PORT", String.valueOf(apiPort));
      env.put("LEADS_WEBHOOK_SECRETS", secret);
      env.put("LEADS_ERASURE_EMAIL_HASH_KEY", emailHashKey);
      env.put("LEADS_CODEC_SERVER_UI_ORIGIN", temporal.uiUrl());
      env.putAll(builder.apiEnvironment);
      this.api =
          AppProcess.start(
              name + "-webhook-api", AppJars.webhookApi(), env, apiPort, builder.apiJvmOptions);
      this.webhooks = new SignedWebhookClient(apiPort, secret);
      this.leads = new LeadWorkflows(temporal.address(), builder.payloadCodec ? codecKeys : null);
    } catch (RuntimeException e) {
      workers.forEach(AppProcess::kill);
      temporal.close();
      throw e;
    }
  }

  /**
   * Starts one more worker like the others and waits until it is healthy; throws if it exits or
   * never gets there (its log is {@code target/e2e-logs/NAME-worker-N.log}).
   */
  public AppProcess startWorker() {
    int port = FreePorts.next();
    Map<String, String> env = new LinkedHashMap<>(commonEnvironment());
    env.put("MANAGEMENT_PORT", String.valueOf(port));
    env.put("SPRING_PROFILES_ACTIVE", "local");
    env.put("LEADS_REGISTER_SEARCH_ATTRIBUTES", "false");
    env.put("SLACK_TASK_QUEUE", SLACK_TASK_QUEUE);
    // Short activity timeouts so that work a killed worker held is retried within seconds.
    // The Slack step keeps its own (15s): its HTTP calls may take up to SLACK_TIMEOUT (10s).
    for (String step : List.of("VERIFY", "ROUTE", "ENRICH", "SALESFORCE")) {
      env.put("LEADS_STEPS_" + step + "_STARTTOCLOSETIMEOUT", "5s");
    }
    env.putAll(builder.workerEnvironment);
    AppProcess worker =
        AppProcess.start(
            name + "-worker-" + (workers.size() + 1),
            AppJars.worker(),
            env,
            port,
            builder.jvmOptions);
    workers.add(worker);
    return worker;
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  public TemporalDevServer temporal() {
    return temporal;
  }

  public AppProcess api() {
    return api;
  }

  public List<AppProcess> workers() {
    return List.copyOf(workers);
  }

  public SignedWebhookClient webhooks() {
    return webhooks;
  }

  public LeadWorkflows leads() {
    return leads;
  }

  /** Everything every worker has logged so far. */
  public String workerLogs() {
    StringBuilder all = new StringBuilder();
    workers.forEach(worker -> all.append(worker.logText()));
    return all.toString();
  }

  @Override
  public void close() {
    leads.close();
    api.stop();
    workers.forEach(AppProcess::stop);
    temporal.close();
  }

  /** The webhook API's codec server, as the Web UI calls it. */
  public String codecEndpoint() {
    return codecEndpoint(api.httpPort());
  }

  private static String codecEndpoint(int apiPort) {
    return "http://127.0.0.1:" + apiPort + "/codec";
  }

  private Map<String, String> commonEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TEMPORAL_ADDRESS", temporal.address());
    env.put("TEMPORAL_NAMESPACE", "default");
    env.put("TEMPORAL_UI_URL", temporal.uiUrl());
    env.put("LEADS_TASK_QUEUE", TASK_QUEUE);
    if (builder.payloadCodec) {
      env.put("LEADS_CODEC_KEYS", codecKeys);
    } else {
      env.put("LEADS_CODEC_ENABLED", "false");
    }
    return env;
  }

  private static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  /** How many workers, and the environment of each app beyond the suite's defaults. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> workerEnvironment = new LinkedHashMap<>();
    private final Map<String, String> apiEnvironment = new LinkedHashMap<>();
    private int workers = 1;
    private List<String> temporalOptions = List.of();
    private List<SearchAttributeKey<?>> searchAttributes = List.copyOf(LeadSearchAttributes.ALL);
    private List<String> jvmOptions = AppProcess.SUITE_JVM_OPTIONS;
    private List<String> apiJvmOptions = AppProcess.SUITE_JVM_OPTIONS;
    private boolean payloadCodec = !"false".equals(System.getProperty("e2e.payloadCodec"));
    private boolean uiCodecEndpoint;
    private boolean externalTemporal = TemporalDevServer.externalConfigured();

    private Builder(String name) {
      this.name = name;
    }

    public Builder workers(int count) {
      this.workers = count;
      return this;
    }

    public Builder workerEnv(String key, String value) {
      workerEnvironment.put(key, value);
      return this;
    }

    /**
     * Workers post lead alerts to {@code slack}, the Slack emulation, with a bot token, and give
     * the Slack step a small retry budget (three attempts within seconds) so that an outage reaches
     * review quickly.
     */
    public Builder liveSlack(SlackEmulation slack) {
      workerEnv("SLACK_MODE", "live");
      workerEnv("SLACK_BOT_TOKEN", "xoxb-e2e-emulated-token");
      workerEnv("SLACK_API_URL", slack.baseUrl());
      workerEnv("LEADS_STEPS_SLACK_MAXIMUMATTEMPTS", "3");
      workerEnv("LEADS_STEPS_SLACK_INITIALINTERVAL", "1s");
      workerEnv("LEADS_STEPS_SLACK_MAXIMUMINTERVAL", "2s");
      // Straight to review when the budget runs out, unless a test keeps the step retrying.
      workerEnv("LEADS_REVIEW_KEEPRETRYING_SLACK", "0s");
      return this;
    }

    /**
     * Workers upsert Leads into {@code salesforce}, the Salesforce emulation, with client
     * credentials, and give the Salesforce step a small retry budget (two attempts within a second)
     * so that an outage reaches review quickly.
     */
    public Builder liveSalesforce(SalesforceEmulation salesforce) {
      workerEnv("SALESFORCE_MODE", "live");
      workerEnv("SALESFORCE_LOGIN_URL", salesforce.baseUrl());
      workerEnv("SALESFORCE_CLIENT_ID", SalesforceEmulation.CLIENT_ID);
      workerEnv("SALESFORCE_CLIENT_SECRET", SalesforceEmulation.CLIENT_SECRET);
      workerEnv("LEADS_STEPS_SALESFORCE_MAXIMUMATTEMPTS", "2");
      workerEnv("LEADS_STEPS_SALESFORCE_INITIALINTERVAL", "500ms");
      workerEnv("LEADS_STEPS_SALESFORCE_MAXIMUMINTERVAL", "1s");
      workerEnv("LEADS_REVIEW_KEEPRETRYING_SALESFORCE", "0s");
      return this;
    }

    /**
     * JVM options of the workers and the API instead of the suite's small, fast-starting ones (a
     * benchmark runs them as they run in production).
     */
    public Builder jvmOptions(List<String> workerOptions, List<String> apiOptions) {
      this.jvmOptions = List.copyOf(workerOptions);
      this.apiJvmOptions = List.copyOf(apiOptions);
      return this;
    }

    /** Further {@code temporal server start-dev} options. */
    public Builder temporalOptions(List<String> options) {
      this.temporalOptions = List.copyOf(options);
      return this;
    }

    /**
     * {@code true}: the external Temporal server {@code E2E_TEMPORAL_ADDRESS} names instead of a
     * dev server of its own; {@code false}: a dev server even when it is set. The default is
     * whether it is set.
     */
    public Builder externalTemporal(boolean external) {
      this.externalTemporal = external;
      return this;
    }

    /** Registers only these search attributes on the dev server instead of every lead one. */
    public Builder searchAttributes(List<SearchAttributeKey<?>> keys) {
      this.searchAttributes = List.copyOf(keys);
      return this;
    }

    /**
     * The apps write payloads unsealed ({@code LEADS_CODEC_ENABLED=false}), as before the payload
     * codec existed: to show what the codec prevents. {@code -De2e.payloadCodec=false} does the
     * same for every system, for a benchmark run without the codec.
     */
    public Builder withoutPayloadCodec() {
      this.payloadCodec = false;
      return this;
    }

    /** Starts the dev server with its Web UI decoding through the webhook API's codec server. */
    public Builder uiCodecEndpoint() {
      this.uiCodecEndpoint = true;
      return this;
    }

    public Builder apiEnv(String key, String value) {
      apiEnvironment.put(key, value);
      return this;
    }

    public LeadProcessorSystem start() {
      return new LeadProcessorSystem(this);
    }
  }
}
