package com.leadprocessor.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code temporal} CLI: it carries the dev server and its Web UI, and the suite also uses it
 * the way an engineer would, to list leads by query and to signal them.
 */
public final class TemporalCli {

  /** An environment variable naming another {@code temporal} executable to use instead. */
  public static final String OVERRIDE = "TEMPORAL_CLI";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path located;

  private final Path executable;
  private final String address;

  private TemporalCli(Path executable, String address) {
    this.executable = executable;
    this.address = address;
  }

  /**
   * The pinned CLI that {@code scripts/install-temporal-cli.sh} installs (the one the suite is
   * tested with), installing it on first use; or the executable {@value #OVERRIDE} names. A {@code
   * temporal} on the PATH is not used. Fails in CI and skips elsewhere when none can be had.
   */
  public static synchronized Path locate() {
    if (located == null) {
      located = find();
    }
    return located;
  }

  /** This CLI talking to the server at {@code address} (host:port). */
  public static TemporalCli forServer(Path executable, String address) {
    return new TemporalCli(executable, address);
  }

  public Path executable() {
    return executable;
  }

  /**
   * {@code temporal workflow list --query QUERY -o json}: the workflow ids of the executions the
   * query finds, as an engineer would list them.
   */
  public List<String> listWorkflowIds(String query) {
    JsonNode executions = json("workflow", "list", "--query", query, "--limit", "1000");
    List<String> ids = new ArrayList<>();
    for (JsonNode execution : executions) {
      ids.add(execution.path("execution").path("workflowId").asText());
    }
    return ids;
  }

  /** {@code temporal workflow signal --workflow-id ID --name NAME --input JSON}. */
  public String signal(String workflowId, String name, String inputJson) {
    return run(
        "workflow", "signal", "--workflow-id", workflowId, "--name", name, "--input", inputJson);
  }

  /**
   * {@code temporal workflow signal --query QUERY --name NAME --input JSON --reason REASON --yes}:
   * one batch job that signals every execution the query finds; waits until the job is done.
   */
  public String batchSignal(String query, String name, String inputJson, String reason) {
    return run(
        "workflow",
        "signal",
        "--query",
        query,
        "--name",
        name,
        "--input",
        inputJson,
        "--reason",
        reason,
        "--yes");
  }

  /**
   * The workflow's pending activities of type {@code activityType}, from {@code temporal workflow
   * describe --workflow-id ID -o json} ({@code pendingActivities}: {@code activityId}, {@code
   * attempt}, {@code paused}...).
   */
  public List<JsonNode> pendingActivities(String workflowId, String activityType) {
    List<JsonNode> pending = new ArrayList<>();
    for (JsonNode activity :
        json("workflow", "describe", "--workflow-id", workflowId).path("pendingActivities")) {
      if (activityType.equals(activity.path("activityType").path("name").asText())) {
        pending.add(activity);
      }
    }
    return pending;
  }

  /** {@code temporal activity pause --workflow-id ID --activity-id AID --reason REASON}. */
  public String pauseActivity(String workflowId, String activityId, String reason) {
    return run(
        "activity",
        "pause",
        "--workflow-id",
        workflowId,
        "--activity-id",
        activityId,
        "--reason",
        reason);
  }

  /** {@code temporal activity unpause --workflow-id ID --activity-id AID}. */
  public String unpauseActivity(String workflowId, String activityId) {
    return run("activity", "unpause", "--workflow-id", workflowId, "--activity-id", activityId);
  }

  /** Runs the CLI against this server with JSON output and parses what it printed. */
  public JsonNode json(String... args) {
    List<String> withOutput = new ArrayList<>(Arrays.asList(args));
    withOutput.addAll(List.of("-o", "json"));
    String out = run(withOutput.toArray(String[]::new));
    try {
      return out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
    } catch (IOException e) {
      throw new IllegalStateException("temporal " + String.join(" ", args) + " printed: " + out, e);
    }
  }

  /** Runs the CLI against this server and returns what it printed; fails on a non-zero exit. */
  public String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(Arrays.asList(args));
    command.addAll(List.of("--address", address, "--namespace", "default"));
    return exec(command);
  }

  static String exec(List<String> command) {
    try {
      Path output = Files.createTempFile("temporal-cli", ".out");
      Path errors = Files.createTempFile("temporal-cli", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("Timed out: " + String.join(" ", command));
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " exited "
                  + process.exitValue()
                  + ":\n"
                  + out
                  + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return out;
      } finally {
        Files.deleteIfExists(output);
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
    }
  }

  private static Path find() {
    String override = System.getenv(OVERRIDE);
    if (override != null && !override.isBlank()) {
      Path candidate = Paths.get(override);
      if (!Files.isExecutable(candidate)) {
        throw new IllegalStateException(OVERRIDE + "=" + override + " is not an executable file");
      }
      return candidate;
    }
    Path script = E2eEnvironment.repository().resolve("scripts/install-temporal-cli.sh");
    String problem;
    try {
      String out = exec(List.of("bash", script.toString())).trim();
      Path candidate = Paths.get(out.substring(out.lastIndexOf('\n') + 1).trim());
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
      problem = "it printed no executable: " + out;
    } catch (IllegalStateException e) {
      problem = e.getMessage();
    }
    E2eEnvironment.requireTool(
        false, "The Temporal CLI could not be installed with " + script + ": " + problem);
    throw new IllegalStateException("unreachable");
  }
}
