"""The ide mode: an IDE-style run (JUnit's ConsoleLauncher on the test class path, no build tool) of the mixed
suite, where the junit-extension forks the @IsolatedProcess classes.

Each configuration is one ConsoleLauncher JVM, timed as a whole (wall, and the CPU of it and every fork):

- ``annotation-off``: ``isolane.fork.enabled=false``, every class in the launcher's JVM, as without the annotation;
- ``forks=1``: one forked class at a time (how the extension ran them before issue 17);
- ``forks=default``: ``isolane.forks`` unset (as many at once as cores).

The same three on the isolated classes alone (``--include-classname``), the case where a developer waits for
nothing but forks.
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from . import maven, suites
from .maven import Environment
from .report import Results, ratio, seconds, table

SUMMARY = re.compile(r"\[\s*(\d+) tests (successful|failed|aborted|skipped)\s*]")


@dataclass(frozen=True)
class ConsoleConfig:
    name: str
    options: tuple[str, ...]      # JVM options of the launcher (system properties are configuration parameters)
    isolated_only: bool


@dataclass
class ConsoleRun:
    wall: float
    cpu: float
    exit_code: int
    counts: dict[str, int]


CONFIGS = (
    ConsoleConfig("annotation-off", ("-Disolane.fork.enabled=false",), False),
    ConsoleConfig("forks=1", ("-Disolane.forks=1",), False),
    ConsoleConfig("forks=default", (), False),
    ConsoleConfig("isolated only, annotation-off", ("-Disolane.fork.enabled=false",), True),
    ConsoleConfig("isolated only, forks=1", ("-Disolane.forks=1",), True),
    ConsoleConfig("isolated only, forks=default", (), True),
)


def _classpath(env: Environment, project: suites.Project, results: Results) -> str:
    """The test class path as an IDE builds it: test classes, classes, then every test dependency."""
    out = project.directory / "target" / "test.classpath"
    log = env.work / "logs" / project.directory.name / "build-classpath.log"
    run = maven.run(env, project.directory, "classpath",
                    [f"org.apache.maven.plugins:maven-dependency-plugin:{env.versions.dependency_plugin}"
                     ":build-classpath"], log, offline=False,
                    properties=(f"-Dmdep.outputFile={out}", "-Dmdep.includeScope=test"))
    if run.exit_code != 0:
        raise SystemExit(f"benchmark: dependency:build-classpath failed; see {log}")
    results.say(f"Test class path written to {out}")
    return os.pathsep.join([str(project.directory / "target" / "test-classes"),
                            str(project.directory / "target" / "classes"), out.read_text(encoding="utf-8").strip()])


def _run(java: str, classpath: str, project: suites.Project, config: ConsoleConfig, log: Path) -> ConsoleRun:
    command = [java, *config.options, "-cp", classpath, "org.junit.platform.console.ConsoleLauncher", "execute",
               "--disable-banner", "--disable-ansi-colors", "--details=summary",
               "--scan-classpath", str(project.directory / "target" / "test-classes")]
    if config.isolated_only:
        command += ["--include-classname", r".*\.Isolated\d+Test"]
    log.parent.mkdir(parents=True, exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with log.open("w", encoding="utf-8") as out:
        out.write("$ " + " ".join(command) + "\n")
        out.flush()
        start = time.monotonic()
        code = subprocess.run(command, cwd=project.directory, stdout=out, stderr=subprocess.STDOUT).returncode
        wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    counts = {kind: int(n) for n, kind in SUMMARY.findall(log.read_text(encoding="utf-8", errors="replace"))}
    return ConsoleRun(wall, cpu, code, counts)


def run(env: Environment, project: suites.Project, java: str, rounds: int, results: Results) -> None:
    classpath = _classpath(env, project, results)
    logs = env.work / "logs" / project.directory.name / "ide"
    results.say("Warm-up (untimed): " + ", ".join(c.name for c in CONFIGS))
    for config in CONFIGS:
        warm = _run(java, classpath, project, config, logs / f"warmup-{_file(config)}.log")
        results.say(f"  {config.name:32s} exit {warm.exit_code}, {seconds(warm.wall)} s, {warm.counts}")
    runs: dict[str, list[ConsoleRun]] = {c.name: [] for c in CONFIGS}
    for number in range(1, rounds + 1):
        shift = (number - 1) % len(CONFIGS)
        order = CONFIGS[shift:] + CONFIGS[:shift]
        results.say(f"Round {number}/{rounds} (load average {os.getloadavg()[0]:.2f})")
        for config in order:
            runs[config.name].append(_run(java, classpath, project, config,
                                          logs / f"{_file(config)}-r{number}.log"))
    rows = [["configuration", "runs", "median s", "min s", "max s", "CPU s", "tests (successful/failed)",
             "this / forks=1"]]
    medians = {name: statistics.median(r.wall for r in done) for name, done in runs.items()}
    for config in CONFIGS:
        done = runs[config.name]
        walls = [r.wall for r in done]
        counts = {f"{r.counts.get('successful', 0)}/{r.counts.get('failed', 0)}" for r in done}
        one = "isolated only, forks=1" if config.isolated_only else "forks=1"
        rows.append([config.name, str(len(done)), seconds(medians[config.name]), seconds(min(walls)),
                     seconds(max(walls)), seconds(statistics.median(r.cpu for r in done)), ",".join(sorted(counts)),
                     ratio(medians[config.name], medians[one])])
    results.say("")
    results.say(table(rows))
    results.say("")
    for label, default, one in (("mixed suite", "forks=default", "forks=1"),
                                ("isolated classes alone", "isolated only, forks=default",
                                 "isolated only, forks=1")):
        results.say(f"  {label}: forks=default / forks=1 = {ratio(medians[default], medians[one])} "
                    "(target of issue 17 for the isolated classes: <= 0.6x)")
    results.record("ide", {name: [r.__dict__ for r in done] for name, done in runs.items()})


def _file(config: ConsoleConfig) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", config.name).strip("-")
