"""Staging Isolane for the generated projects, and timing Maven invocations.

Isolane is built in its own reactor (``package``, no tests) and its four artifacts are installed with
``install:install-file`` into a private local repository under the benchmark's work directory, never into
~/.m2. Third-party artifacts reach that repository from ~/.m2/repository, declared in a private settings.xml as a
file:// remote (so they are copied, not downloaded again); what ~/.m2 lacks comes from Maven Central.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .suites import Versions

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Environment:
    root: Path      # the Isolane repository
    work: Path      # everything the benchmark writes
    repo: Path      # private local repository
    settings: Path
    versions: Versions

    def maven(self, *arguments: str, offline: bool) -> list[str]:
        command = ["mvn", "-B", "-ntp", "-s", str(self.settings), f"-Dmaven.repo.local={self.repo}"]
        return command + (["-o"] if offline else []) + list(arguments)


def _property(pom: str, name: str) -> str:
    match = re.search(rf"<{re.escape(name)}>([^<]+)</{re.escape(name)}>", pom)
    if not match:
        raise SystemExit(f"benchmark: property <{name}> not found in the root pom.xml")
    return match.group(1).strip()


def versions_of(root: Path) -> Versions:
    pom = (root / "pom.xml").read_text(encoding="utf-8")
    version = re.search(r"<artifactId>isolane-parent</artifactId>\s*<version>([^<]+)</version>", pom)
    return Versions(
        isolane=version.group(1) if version else "0.1.0-SNAPSHOT",
        junit=_property(pom, "junit6.version"),
        surefire=_property(pom, "surefire.version"),
        compiler_plugin=_property(pom, "compiler-plugin.version"),
        resources_plugin=_property(pom, "resources-plugin.version"),
    )


def _properties(pom: str) -> dict[str, str]:
    block = re.search(r"<properties>(.*?)</properties>", pom, re.DOTALL)
    return dict(re.findall(r"<([\w.-]+)>([^<]*)</\1>", block.group(1))) if block else {}


def it_properties(root: Path, isolane_version: str) -> dict[str, str]:
    """The values MavenBuild fills into an integration-test project's POM as ``@name@`` tokens: the system
    properties maven-plugin/pom.xml gives the integration tests, with their ``${...}`` resolved from the root and
    plugin POMs' properties. Those naming a place of the build (``${maven.home}``...) resolve to nothing here and
    are left out; a project that used one would stop with its name."""
    plugin = (root / "maven-plugin" / "pom.xml").read_text(encoding="utf-8")
    known = {**_properties((root / "pom.xml").read_text(encoding="utf-8")), **_properties(plugin),
             "project.version": isolane_version}
    values = {}
    for block in re.findall(r"<systemPropertyVariables>(.*?)</systemPropertyVariables>", plugin, re.DOTALL):
        for name, value in re.findall(r"<([\w.-]+)>([^<]*)</\1>", block):
            try:
                values[name] = re.sub(r"\$\{([^}]+)\}", lambda m: known[m.group(1)], value.strip())
            except KeyError:
                continue
    return values


def _settings(work: Path) -> Path:
    outer = (Path.home() / ".m2" / "repository").as_uri()
    repository = (f"<id>outer-local</id><url>{outer}</url>"
                  "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>")
    xml = ("<settings><profiles><profile><id>bench</id>"
           f"<repositories><repository>{repository}</repository></repositories>"
           f"<pluginRepositories><pluginRepository>{repository}</pluginRepository></pluginRepositories>"
           "</profile></profiles><activeProfiles><activeProfile>bench</activeProfile></activeProfiles></settings>\n")
    path = work / "settings.xml"
    path.write_text(xml, encoding="utf-8")
    return path


def _check(command: list[str], cwd: Path, log: Path) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode
    if code != 0:
        tail = "".join(log.read_text(encoding="utf-8", errors="replace").splitlines(True)[-40:])
        raise SystemExit(f"benchmark: {' '.join(command)} failed with exit code {code} in {cwd}:\n{tail}\n"
                         f"(whole log: {log})")


def prepare(root: Path, work: Path, build: bool) -> Environment:
    """Build Isolane (unless told not to) and install its artifacts into the private repository."""
    work.mkdir(parents=True, exist_ok=True)
    env = Environment(root, work, work / "repo", _settings(work), versions_of(root))
    logs = work / "logs" / "setup"
    if build:
        print(f"Building Isolane {env.versions.isolane} in {root} (package, no tests) ...", flush=True)
        _check(["mvn", "-B", "-ntp", "-q", "package", "-DskipTests", "-Dinvoker.skip", "-pl", "maven-plugin", "-am"],
               root, logs / "build.log")
    artifacts = [
        (root / "pom.xml", root / "pom.xml"),
        (_jar(root, "runner-core"), _pom_of(root / "runner-core")),
        (_jar(root, "junit-extension"), root / "junit-extension" / "pom.xml"),
        (_jar(root, "maven-plugin"), root / "maven-plugin" / "pom.xml"),
    ]
    for file, pom in artifacts:
        if not file.exists():
            raise SystemExit(f"benchmark: {file} is missing; run without --no-build to build Isolane first")
        install = env.maven("-q", "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
                            f"-Dfile={file}", f"-DpomFile={pom}", offline=False)
        _check(install, work, logs / f"install-{file.parent.parent.name}-{file.name}.log")
    return env


def _jar(root: Path, module: str) -> Path:
    return root / module / "target" / f"isolane-{module}-{versions_of(root).isolane}.jar"


def _pom_of(module: Path) -> Path:
    reduced = module / "dependency-reduced-pom.xml"  # the shaded jar's own POM, without Gson and ASM
    return reduced if reduced.exists() else module / "pom.xml"


# ---------------------------------------------------------------------------------------------------------------------
# Timed runs

@dataclass
class Run:
    """One Maven invocation: wall time, CPU of every process it started, CPU of the Maven JVM alone."""

    name: str
    round: int
    wall: float
    cpu_all: float
    cpu_maven: float
    exit_code: int
    log: Path
    load_before: float
    load_after: float
    pid: int = 0


class _JvmCpu:
    """Polls /proc/<pid>/stat of the Maven JVM for its own user+system time (its children are not included)."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid = pid
        self.interval = interval
        self.seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        stat = Path(f"/proc/{self.pid}/stat")
        while not self._stop.is_set():
            try:
                # A zombie still reports the whole process's final times, until wait() reaps it.
                fields = stat.read_text().rsplit(")", 1)[1].split()
                self.seconds = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
            except (OSError, IndexError, ValueError):
                return
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.seconds


def run(env: Environment, directory: Path, name: str, goals: tuple[str, ...] | list[str], log: Path,
        round_number: int = 0, offline: bool = True, quiet: bool = True, maven_opts: str | None = None,
        properties: tuple[str, ...] = ()) -> Run:
    """Run one Maven invocation in ``directory`` and time it; its output goes to ``log``."""
    command = env.maven(*(["-q"] if quiet else []), *properties, *goals, offline=offline)
    environment = dict(os.environ)
    if maven_opts is not None:
        environment["MAVEN_OPTS"] = maven_opts
    log.parent.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with log.open("w", encoding="utf-8") as out:
        out.write("$ " + " ".join(command) + "\n")
        out.flush()
        start = time.monotonic()
        # The mvn script execs java, so this process is the Maven JVM itself.
        process = subprocess.Popen(command, cwd=directory, stdout=out, stderr=subprocess.STDOUT, env=environment)
        sampler = _JvmCpu(process.pid)
        code = process.wait()
        wall = time.monotonic() - start
    cpu_maven = sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_all = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(name, round_number, wall, cpu_all, cpu_maven, code, log, load_before, os.getloadavg()[0],
               process.pid)
