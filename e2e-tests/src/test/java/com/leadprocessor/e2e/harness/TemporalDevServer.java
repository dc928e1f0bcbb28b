package com.leadprocessor.e2e.harness;

import static org.awaitility.Awaitility.await;

import com.leadprocessor.workflow.LeadSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Temporal server, {@code temporal server start-dev}, on free ports of 127.0.0.1 with the
 * project's search attributes registered and its history in a database file, so that it can be
 * stopped and started again without losing a lead.
 *
 * <p>Or, when {@code E2E_TEMPORAL_ADDRESS} is set ({@link #external()}), a server someone else
 * runs, such as the Temporal server on PostgreSQL of {@code scripts/temporal-postgres.sh}: the
 * harness connects to it and neither starts nor stops it.
 */
public final class TemporalDevServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** As scripts/run-local.sh and deploy/temporal/dynamicconfig/development-sql.yaml set it. */
  private static final int TRANSFER_QUEUE_READS_PER_SECOND = 200;

  /** The frontend of an external server, host:port; the harness then starts no dev server. */
  public static final String EXTERNAL_ADDRESS_ENV = "E2E_TEMPORAL_ADDRESS";

  /** The operating system's process id of the external server, for its CPU time. */
  public static final String EXTERNAL_PID_ENV = "E2E_TEMPORAL_PID";

  private final String name;
  private final Path cli;
  private final String externalAddress;
  private final long externalPid;
  private final Path database;
  private final Path log;
  private final List<String> options;
  private final List<SearchAttributeKey<?>> searchAttributes;
  private int port;
  private int uiPort;
  private Process process;

  private TemporalDevServer(
      String name, Path cli, List<String> options, List<SearchAttributeKey<?>> searchAttributes) {
    this(name, cli, options, searchAttributes, null, -1);
  }

  private TemporalDevServer(
      String name,
      Path cli,
      List<String> options,
      List<SearchAttributeKey<?>> searchAttributes,
      String externalAddress,
      long externalPid) {
    this.name = name;
    this.cli = cli;
    this.externalAddress = externalAddress;
    this.externalPid = externalPid;
    this.options = List.copyOf(options);
    this.searchAttributes = List.copyOf(searchAttributes);
    this.database = E2eEnvironment.buildSubdir("e2e").resolve(name + ".db");
    this.log = E2eEnvironment.buildSubdir("e2e-logs").resolve("temporal-" + name + ".log");
    this.port = FreePorts.next();
    this.uiPort = FreePorts.next();
  }

  /** Starts a dev server with a fresh database file {@code target/e2e/NAME.db}. */
  public static TemporalDevServer start(String name) {
    return start(name, List.of());
  }

  /**
   * As {@link #start(String)}, with further {@code temporal server start-dev} options, for example
   * {@code --sqlite-pragma journal_mode=wal}.
   */
  public static TemporalDevServer start(String name, List<String> options) {
    return start(name, options, List.copyOf(LeadSearchAttributes.ALL));
  }

  /**
   * As {@link #start(String, List)}, registering only {@code searchAttributes}, as a namespace set
   * up for an older version of the workflow would have.
   */
  public static TemporalDevServer start(
      String name, List<String> options, List<SearchAttributeKey<?>> searchAttributes) {
    TemporalDevServer server =
        new TemporalDevServer(name, TemporalCli.locate(), options, searchAttributes);
    try {
      Files.deleteIfExists(server.database);
      Files.deleteIfExists(server.log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      server.launch();
    } catch (IllegalStateException portTaken) {
      // Another process took one of the ports between the check and the bind: once more.
      server.port = FreePorts.next();
      server.uiPort = FreePorts.next();
      server.launch();
    }
    return server;
  }

  /** Whether {@code E2E_TEMPORAL_ADDRESS} names an external server for the suite to use. */
  public static boolean externalConfigured() {
    String address = System.getenv(EXTERNAL_ADDRESS_ENV);
    return address != null && !address.isBlank();
  }

  /**
   * The external server {@code E2E_TEMPORAL_ADDRESS} names (its process id in {@code
   * E2E_TEMPORAL_PID}), with the lead search attributes already registered. It has no Web UI, and
   * {@link #stop()}, {@link #kill()}, {@link #restart()} and {@link #databaseFiles()} are not
   * available: whoever runs it restarts it.
   */
  public static TemporalDevServer external() {
    if (!externalConfigured()) {
      throw new IllegalStateException(
          EXTERNAL_ADDRESS_ENV + " is not set; see scripts/temporal-postgres.sh");
    }
    String pid = System.getenv(EXTERNAL_PID_ENV);
    TemporalDevServer server =
        new TemporalDevServer(
            "external",
            TemporalCli.locate(),
            List.of(),
            List.of(),
            System.getenv(EXTERNAL_ADDRESS_ENV).trim(),
            pid == null || pid.isBlank() ? -1 : Long.parseLong(pid.trim()));
    server.awaitServing();
    return server;
  }

  /** Whether this is an external server, not a dev server the harness started. */
  public boolean isExternal() {
    return externalAddress != null;
  }

  /** The frontend's gRPC address, host:port, as the apps' {@code TEMPORAL_ADDRESS}. */
  public String address() {
    return isExternal() ? externalAddress : "127.0.0.1:" + port;
  }

  /** The Web UI, for example {@code http://127.0.0.1:8233}. */
  public String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  /**
   * The files the server keeps its history and visibility in: the SQLite database and, when it runs
   * in WAL mode, its write-ahead log, which holds the latest writes until a checkpoint.
   */
  public List<Path> databaseFiles() {
    requireDevServer("databaseFiles");
    return List.of(database, database.resolveSibling(database.getFileName() + "-wal"));
  }

  /** The {@code temporal} CLI pointed at this server. */
  public TemporalCli cli() {
    return TemporalCli.forServer(cli, address());
  }

  /** The operating system's process id of the running server. */
  public long pid() {
    if (isExternal()) {
      if (externalPid < 0) {
        throw new IllegalStateException(EXTERNAL_PID_ENV + " is not set");
      }
      return externalPid;
    }
    return process.pid();
  }

  public boolean isRunning() {
    return isExternal() || (process != null && process.isAlive());
  }

  /** Stops the server gracefully (SIGTERM), keeping its database file. */
  public void stop() {
    requireDevServer("stop");
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** {@code kill -9}: the server gets no chance to finish anything; its database file stays. */
  public void kill() {
    requireDevServer("kill");
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the server again on the same ports and the same database file. */
  public void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    if (!isExternal()) {
      stop();
    }
  }

  private void requireDevServer(String operation) {
    if (isExternal()) {
      throw new UnsupportedOperationException(
          operation + " of an external Temporal server (" + externalAddress + ")");
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            cli.toString(),
            "server",
            "start-dev",
            "--ip",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--ui-port",
            String.valueOf(uiPort),
            "--db-filename",
            database.toString(),
            // The UI would otherwise fetch a news feed from the internet.
            "--ui-disable-news-fetch",
            // One partition per task queue, as scripts/run-local.sh runs it: the server divides a
            // queue's rate limit among its partitions, and the Slack channel queues' limit is the
            // channel's pace (docs/slack.md, "Pacing").
            "--dynamic-config-value",
            "matching.numTaskqueueReadPartitions=1",
            "--dynamic-config-value",
            "matching.numTaskqueueWritePartitions=1",
            // The history service reads its queue of tasks to hand to matching (a lead's workflow
            // tasks and its alert) at most 20 times a second per shard by default, and the dev
            // server has one shard: each hand-over waited 25-35 ms (docs/benchmark.md).
            "--dynamic-config-value",
            "history.transferProcessorMaxPollRPS=" + TRANSFER_QUEUE_READS_PER_SECOND,
            "--log-level",
            "warn"));
    for (SearchAttributeKey<?> attribute : searchAttributes) {
      command.addAll(
          List.of(
              "--search-attribute",
              attribute.getName() + "=" + LeadSearchAttributes.typeName(attribute.getValueType())));
    }
    command.addAll(options);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
    }
    awaitServing();
  }

  private void awaitServing() {
    AtomicReference<String> lastProblem = new AtomicReference<>("not listening yet");
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(300))
          .until(() -> serves(lastProblem));
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "The Temporal dev server '"
              + name
              + "' did not serve within "
              + START_TIMEOUT
              + ": "
              + lastProblem.get()
              + "; see "
              + log);
    }
  }

  private boolean serves(AtomicReference<String> lastProblem) {
    if (process != null && !process.isAlive()) {
      throw new IllegalStateException(
          "The Temporal dev server '" + name + "' exited " + process.exitValue() + "; see " + log);
    }
    if (!isExternal() && (!FreePorts.isListening(port) || !FreePorts.isListening(uiPort))) {
      return false;
    }
    try {
      cli().run("operator", "namespace", "describe", "--namespace", "default");
      return true;
    } catch (IllegalStateException e) {
      lastProblem.set(e.getMessage());
      return false;
    }
  }
}
