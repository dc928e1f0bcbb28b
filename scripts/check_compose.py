#!/usr/bin/env python3
"""Checks docker-compose.yml against the applications' real configuration (see check-compose.sh).

Usage: check_compose.py docker-compose.yml RESOLVED.yml
  RESOLVED.yml is the output of `docker compose config` (variables substituted, anchors merged).
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Each app service, the Maven modules whose code and configuration it runs, the variable that sets
# the port serving its actuator, and that variable's property.
APPS = {
    "webhook-api": {
        "modules": ["webhook-api", "workflows", "observability", "payload-codec"],
        "port_env": "PORT",
    },
    "worker": {
        "modules": ["worker", "workflows", "activities", "observability", "payload-codec"],
        "port_env": "MANAGEMENT_PORT",
    },
}
REQUIRED_SERVICES = {"postgresql", "temporal", "temporal-setup", "temporal-ui"} | set(APPS)
# Read by the JVM or by Spring Boot itself rather than by a property of ours.
JVM_AND_BOOT_ENV = {"JAVA_TOOL_OPTIONS", "JAVA_OPTS", "SPRING_PROFILES_ACTIVE"}

problems = []


def fail(message):
    problems.append(message)


def kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def canonical(name):
    """A property or variable name as relaxed binding compares them: LEADS_TASK_QUEUE and
    LEADS_TASKQUEUE both bind leads.task-queue. Without separators, so both sides agree."""
    return re.sub(r"[._\-]", "", name).lower()


def read(path):
    return path.read_text(encoding="utf-8")


def java_sources(modules):
    for module in modules:
        yield from (ROOT / module / "src/main/java").rglob("*.java")


def records(modules):
    """Every record declared in the modules: simple name -> list of (component type, name)."""
    found = {}
    for source in java_sources(modules):
        text = read(source)
        for match in re.finditer(r"\brecord\s+(\w+)\s*\(", text):
            start = match.end()
            depth, i = 1, start
            while depth and i < len(text):
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                i += 1
            params = re.sub(r"@\w+(\([^()]*(\([^()]*\)[^()]*)*\))?", " ", text[start : i - 1])
            components, depth, current = [], 0, ""
            for ch in params + ",":
                if ch == "," and depth == 0:
                    words = current.split()
                    if len(words) >= 2:
                        components.append((" ".join(words[:-1]), words[-1]))
                    current = ""
                    continue
                depth += {"<": 1, ">": -1}.get(ch, 0)
                current += ch
            found[match.group(1)] = components
    return found


def configuration_properties(modules):
    """Property names bound by @ConfigurationProperties records, and prefixes of map properties."""
    known_records = records(modules)
    names, open_prefixes = set(), set()

    def walk(prefix, record_name, seen):
        for type_name, component in known_records.get(record_name, []):
            name = f"{prefix}.{kebab(component)}"
            simple_type = re.sub(r"<.*", "", type_name).split(".")[-1]
            if simple_type == "Map":
                open_prefixes.add(name)
            elif simple_type in known_records and simple_type not in seen:
                walk(name, simple_type, seen | {simple_type})
            else:
                names.add(name)

    for source in java_sources(modules):
        text = read(source)
        for match in re.finditer(
            r'@ConfigurationProperties\(\s*(?:prefix\s*=\s*|value\s*=\s*)?"([^"]+)"\s*\)'
            r"(?:\s*@\w+(?:\([^)]*\))?)*\s*public\s+record\s+(\w+)",
            text,
        ):
            walk(match.group(1), match.group(2), {match.group(2)})
    return names, open_prefixes


def flatten(node, prefix=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from flatten(value, f"{prefix}[{index}]")
    else:
        yield prefix, node


def app_yaml(module):
    """Placeholders ${ENV:default} of the module's YAML resources (application*.yml, and files the
    app resolves against its environment such as routing-rules.yml), and the flattened keys of its
    application*.yml."""
    placeholders, keys = {}, set()
    for path in sorted((ROOT / module / "src/main/resources").glob("*.y*ml")):
        text = read(path)
        for match in re.finditer(r"\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}", text):
            placeholders.setdefault(match.group(1), match.group(2))
        if not path.name.startswith("application"):
            continue
        for document in yaml.safe_load_all(text):
            keys.update(key for key, _ in flatten(document or {}))
    return placeholders, keys


def check_app(service_name, app, service):
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    placeholders, yaml_keys = {}, set()
    for module in app["modules"]:
        module_placeholders, module_keys = app_yaml(module)
        for key, default in module_placeholders.items():
            placeholders.setdefault(key, default)
        yaml_keys |= module_keys
    properties, open_prefixes = configuration_properties(app["modules"])
    bound = {canonical(name) for name in properties | yaml_keys}

    for env_name in environment:
        if env_name in placeholders or env_name in JVM_AND_BOOT_ENV:
            continue
        relaxed = canonical(env_name)
        if relaxed in bound:
            continue
        if any(relaxed.startswith(canonical(prefix)) for prefix in open_prefixes):
            continue
        fail(
            f"{service_name}: environment variable {env_name} is read by nothing in"
            f" {', '.join(app['modules'])}: no ${{{env_name}}} placeholder in application*.yml"
            " and no @ConfigurationProperties property it binds to by relaxed binding"
        )

    port_env = app["port_env"]
    default = placeholders.get(port_env)
    if default is None:
        fail(f"{service_name}: application.yml has no ${{{port_env}:...}} placeholder for its port")
        return
    port = str(environment.get(port_env, default))
    exposed = [str(p) for p in service.get("expose") or []]
    published = [str(p.get("target")) if isinstance(p, dict) else str(p).split(":")[-1]
                 for p in service.get("ports") or []]
    if not exposed and not published:
        fail(f"{service_name}: neither exposes nor publishes its port {port}")
    for container_port in exposed + published:
        if container_port.split("/")[0] != port:
            fail(
                f"{service_name}: port {container_port} is exposed or published, but the app"
                f" listens on {port} ({port_env}, default {default})"
            )
    test = service.get("healthcheck", {}).get("test")
    test_text = " ".join(test) if isinstance(test, list) else str(test or "")
    urls = re.findall(r"https?://[^/\s:]+:(\d+)(/\S*)", test_text)
    if not urls:
        fail(f"{service_name}: no HTTP health check on the actuator")
    for url_port, path in urls:
        if url_port != port:
            fail(f"{service_name}: health check uses port {url_port}, the app listens on {port}")
        if not path.startswith("/actuator/health"):
            fail(f"{service_name}: health check {path} is not an actuator health endpoint")


def slack_queues(worker_env):
    """The Slack task queues the Compose worker polls (PacedChannels): the shared one, and one per
    channel of the shipped routing rules, the default channel and SLACK_PACED_CHANNELS."""
    shared = worker_env.get("SLACK_TASK_QUEUE") or "leads-slack"
    rules = yaml.safe_load(read(ROOT / "activities/src/main/resources/routing-rules.yml"))
    channels = []
    outcomes = [rule.get("then") or {} for rule in rules.get("rules") or []]
    outcomes.append(rules.get("default") or {})
    channels += [outcome["slack-channel"] for outcome in outcomes if outcome.get("slack-channel")]
    channels.append(worker_env.get("SLACK_DEFAULT_CHANNEL") or "#sales-leads")
    channels += [c.strip() for c in (worker_env.get("SLACK_PACED_CHANNELS") or "").split(",")]
    return {shared} | {f"{shared}/{channel}" for channel in channels if channel}


def check_slack_queue_partitions(worker_env):
    """Every Slack queue has one partition in the Compose Temporal's dynamic config: the server
    divides a queue's rate limit among its partitions, and that limit is the channel's pace."""
    config = yaml.safe_load(read(ROOT / "deploy/temporal/dynamicconfig/development-sql.yaml"))
    for key in ("matching.numTaskqueueReadPartitions", "matching.numTaskqueueWritePartitions"):
        single = {
            (entry.get("constraints") or {}).get("taskQueueName")
            for entry in config.get(key) or []
            if entry.get("value") == 1
        }
        for queue in sorted(slack_queues(worker_env) - single):
            fail(f"deploy/temporal/dynamicconfig: {key} does not give {queue} one partition")


def main(raw_path, resolved_path):
    raw_text = read(pathlib.Path(raw_path))
    resolved = yaml.safe_load(read(pathlib.Path(resolved_path)))
    services = resolved.get("services", {})
    print(f"   the parser resolved {len(services)} services: {', '.join(sorted(services))}")

    for missing in sorted(REQUIRED_SERVICES - set(services)):
        fail(f"service {missing} is missing")
    for name, service in services.items():
        for dependency, spec in (service.get("depends_on") or {}).items():
            if dependency not in services:
                fail(f"{name}: depends on unknown service {dependency}")
            elif spec.get("condition") == "service_healthy" and not services[dependency].get(
                "healthcheck"
            ):
                fail(f"{name}: waits for {dependency} to be healthy, but it has no health check")
    for name, app in APPS.items():
        if name in services:
            check_app(name, app, services[name])
            if "build" not in services[name]:
                fail(f"{name}: not built from the repository")

    worker = services.get("worker", {})
    check_slack_queue_partitions(worker.get("environment") or {})
    if "container_name" in worker:
        fail("worker: container_name prevents --scale worker=N")
    if worker.get("ports"):
        fail("worker: a published host port prevents --scale worker=N; use expose")

    used = set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", raw_text))
    example = read(ROOT / ".env.example")
    named = set(re.findall(r"^\s*([A-Za-z_][A-Za-z0-9_]*)=", example, re.MULTILINE))
    for variable in sorted(used - named):
        fail(f".env.example does not name ${{{variable}}}, which docker-compose.yml uses")
    for variable in sorted(named - used):
        fail(f".env.example names {variable}, which docker-compose.yml does not use")

    # The search attributes deploy/temporal/setup.sh creates are checked against
    # LeadSearchAttributes by NamesInScriptsTest (workflows module), in every build.

    if problems:
        for problem in problems:
            print(f"check-compose: FAIL: {problem}", file=sys.stderr)
        sys.exit(1)
    print(
        f"check-compose: OK: {len(services)} services; app variables, ports and health checks"
        f" match the applications; .env.example names all {len(used)} variables; every Slack queue"
        f" has one partition"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
