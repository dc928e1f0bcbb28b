package com.leadprocessor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Shell scripts, Compose and YAML cannot read Java constants, so they restate the names of {@link
 * LeadSearchAttributes} and {@link LeadTaskQueues#DEFAULT}; this test checks that they restate them
 * exactly. Each check reads only the part of a file that names them, so the files can otherwise
 * change freely.
 */
class NamesInScriptsTest {

  private static final Path ROOT = repositoryRoot();

  /** {@code --search-attribute LeadStatus=Keyword}, with or without quotes or an {@code =}. */
  private static final Pattern DEV_SERVER_FLAG =
      Pattern.compile("--search-attribute[=\\s]+[\"']?(\\w+)=(\\w+)");

  /** A default of the task-queue variable: {@code ${LEADS_TASK_QUEUE:leads}} or {@code :-leads}. */
  private static final Pattern TASK_QUEUE_DEFAULT =
      Pattern.compile("\\$\\{LEADS_TASK_QUEUE:-?([^}]*)}");

  /** {@code LEADS_TASK_QUEUE=leads} in .env.example, commented out or not. */
  private static final Pattern ENV_EXAMPLE_TASK_QUEUE =
      Pattern.compile("(?m)^\\s*#?\\s*LEADS_TASK_QUEUE=(.*)$");

  @Test
  void runLocalStartsTheDevServerWithEveryLeadSearchAttributeAndItsType() throws IOException {
    Map<String, String> flags = new LinkedHashMap<>();
    Matcher flag = DEV_SERVER_FLAG.matcher(read("scripts/run-local.sh"));
    while (flag.find()) {
      flags.put(flag.group(1), flag.group(2));
    }

    assertThat(flags).isEqualTo(leadSearchAttributes());
  }

  @Test
  void composeSetUpCreatesEveryLeadSearchAttributeWithItsType() throws IOException {
    assertThat(searchAttributesCreatedBy("deploy/temporal/setup.sh"))
        .isEqualTo(leadSearchAttributes());
  }

  @Test
  void thePostgresqlServerScriptCreatesEveryLeadSearchAttributeWithItsType() throws IOException {
    assertThat(searchAttributesCreatedBy("scripts/temporal-postgres.sh"))
        .isEqualTo(leadSearchAttributes());
  }

  private static Map<String, String> searchAttributesCreatedBy(String script) throws IOException {
    Matcher declared = Pattern.compile("SEARCH_ATTRIBUTES=\"([^\"]*)\"").matcher(read(script));
    assertThat(declared.find()).as("SEARCH_ATTRIBUTES=\"...\" in %s", script).isTrue();

    Map<String, String> created =
        Arrays.stream(declared.group(1).trim().split("\\s+"))
            .map(attribute -> attribute.split("=", 2))
            .collect(
                Collectors.toMap(
                    pair -> pair[0],
                    pair -> pair.length == 2 ? pair[1] : "(no type)",
                    (first, second) -> first,
                    LinkedHashMap::new));
    return created;
  }

  @Test
  void endToEndDevServerRegistersTheLeadSearchAttributesFromTheOneSource() throws IOException {
    assertThat(read("e2e-tests/src/test/java/com/leadprocessor/e2e/harness/TemporalDevServer.java"))
        .contains("LeadSearchAttributes.ALL");
  }

  @Test
  void composeEnvExampleAndWorkerDefaultToTheLeadTaskQueue() throws IOException {
    Map<String, List<String>> defaults = new LinkedHashMap<>();
    for (String file : List.of("docker-compose.yml", "scripts/run-local.sh")) {
      defaults.put(file, matches(TASK_QUEUE_DEFAULT, read(file)));
    }
    for (Path yaml : applicationYamls()) {
      defaults.put(
          ROOT.relativize(yaml).toString().replace('\\', '/'),
          matches(TASK_QUEUE_DEFAULT, read(yaml)));
    }
    defaults.put(".env.example", matches(ENV_EXAMPLE_TASK_QUEUE, read(".env.example")));

    assertThat(defaults)
        .as("defaults of LEADS_TASK_QUEUE")
        .hasEntrySatisfying("docker-compose.yml", found -> assertThat(found).isNotEmpty())
        .hasEntrySatisfying(".env.example", found -> assertThat(found).isNotEmpty())
        .hasEntrySatisfying(
            "worker/src/main/resources/application.yml", found -> assertThat(found).isNotEmpty())
        .allSatisfy(
            (file, found) ->
                assertThat(found)
                    .as(file)
                    .allSatisfy(value -> assertThat(value).isEqualTo(LeadTaskQueues.DEFAULT)));
  }

  /** Name to type, as the Temporal CLI spells types ({@code Keyword}, {@code KeywordList}). */
  private static Map<String, String> leadSearchAttributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    LeadSearchAttributes.ALL.forEach(
        key -> attributes.put(key.getName(), LeadSearchAttributes.typeName(key.getValueType())));
    return attributes;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> values = new ArrayList<>();
    Matcher match = pattern.matcher(text);
    while (match.find()) {
      values.add(match.group(1).trim());
    }
    return values;
  }

  private static List<Path> applicationYamls() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      List<Path> yamls = new ArrayList<>();
      for (Path resources :
          modules
              .map(module -> module.resolve("src/main/resources"))
              .filter(Files::isDirectory)
              .toList()) {
        try (Stream<Path> files = Files.list(resources)) {
          files
              .filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml"))
              .forEach(yamls::add);
        }
      }
      return yamls;
    }
  }

  private static String read(String file) throws IOException {
    return read(ROOT.resolve(file));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  /** The folder with {@code mvnw}: the working directory or a parent (Surefire runs per module). */
  private static Path repositoryRoot() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.exists(folder.resolve("mvnw")) && Files.isDirectory(folder.resolve("workflows"))) {
        return folder;
      }
    }
    throw new IllegalStateException("not inside the lead-processor repository");
  }
}
