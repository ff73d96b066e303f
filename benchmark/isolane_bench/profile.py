"""Profile one Isolane run: JFR on the Maven JVM and on every worker, and a class-loading log of every worker.

Two runs of the mixed suite's ``isolane`` configuration: one with JFR everywhere (execution samples, JIT
compilations, GC), one with ``-Xlog:class+load`` only (JFR itself loads classes and would skew the counts). A third
run repeats the class-loading log with the CDS archive of the flags mode, when it exists, to show what it serves.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

from . import maven, suites
from .maven import Environment
from .report import Results, table

ARGLINE_EXTRA = "benchmark.argLine"  # what suites.extend_arglines appends to a project's own argLine

MIXED_CODE = ("bench.", "sun.security.provider.")  # the generated suites' tests and the hashing they do


def _categories(code: tuple[str, ...]) -> tuple:
    """(label, predicate on one frame's "class.method"). A sample counts for the category of the frame nearest the
    top of its stack that matches any; where one frame matches several, the first listed wins. ``code``: the
    package prefixes of the tests and the code they test."""
    return (
        ("class loading/linking", lambda f: re.search(r"ClassLoader\.(loadClass|defineClass|findClass)|"
                                                      r"jdk\.internal\.loader\.|java\.lang\.Class\.forName|"
                                                      r"java\.util\.zip\.|java\.util\.jar\.", f)),
        # Linking lambdas and method handles, not running them (VarHandle accessors, Holder and LambdaForm$ frames).
        ("lambda/method-handle linkage", lambda f: f.startswith("java.lang.invoke.")
         and not re.search(r"VarHandle|\$Holder|LambdaForm\$", f)),
        ("test code", lambda f: f.startswith(code)),
        ("JUnit discovery", lambda f: f.startswith("org.junit") and "discover" in f.lower()),
        ("JUnit execution", lambda f: f.startswith("org.junit")),
        ("Isolane channel/JSON", lambda f: f.startswith(("dev.isolane.core.protocol", "dev.isolane.shaded.gson"))),
        ("Isolane reports", lambda f: f.startswith("dev.isolane.core.report")),
        ("Isolane detection", lambda f: f.startswith(("dev.isolane.core.agent", "dev.isolane.core.detect",
                                                      "dev.isolane.core.violation", "dev.isolane.shaded.asm"))),
        ("Isolane, other", lambda f: f.startswith("dev.isolane")),
        ("Surefire", lambda f: f.startswith("org.apache.maven.surefire")),
        ("Maven/Plexus/Guice/Aether", lambda f: re.match(r"org\.(apache\.maven|codehaus|eclipse\.(aether|sisu))|"
                                                         r"com\.google\.inject", f)),
        ("reflection", lambda f: f.startswith(("jdk.internal.reflect.", "java.lang.reflect."))),
    )


def _category(names: list[str], categories: tuple) -> str:
    for name in names:
        for label, test in categories:
            if test(name):
                return label
    return "other"


def jfr_events(file: Path, events: str) -> list[dict]:
    # jfr print shows 5 frames of a stack unless told otherwise; JFR records 64.
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", events, str(file)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return []
    return json.loads(out.stdout)["recording"]["events"]


def _duration(value) -> float:
    """JFR prints durations as ISO-8601 (PT0.0123S, PT1M2S) or as plain numbers of nanoseconds."""
    if isinstance(value, (int, float)):
        return value / 1e9
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", str(value))
    if not match:
        return 0.0
    hours, minutes, secs = match.groups()
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(secs or 0)


def _frame(frame: dict) -> str:
    method = frame.get("method", {})
    return f"{method.get('type', {}).get('name', '?')}.{method.get('name', '?')}".replace("/", ".")


class Samples:
    """Execution samples of one or more recordings: top frames, categories, interpreted share, threads."""

    def __init__(self, code: tuple[str, ...] = MIXED_CODE):
        self.categories_of = _categories(code)
        self.total = 0
        self.top = Counter()
        self.categories = Counter()
        self.interpreted = 0
        self.threads = Counter()
        self.isolane = 0  # samples with an Isolane frame anywhere in the stack

    def add(self, events: list[dict]) -> None:
        for event in events:
            frames = event["values"].get("stackTrace", {}).get("frames", [])
            if not frames:
                continue
            self.total += 1
            self.top[_frame(frames[0])] += 1
            self.interpreted += frames[0].get("type") == "Interpreted"
            names = [_frame(f) for f in frames]
            self.isolane += any(n.startswith("dev.isolane.") for n in names)
            self.categories[_category(names, self.categories_of)] += 1
            thread = event["values"].get("sampledThread", {})
            self.threads[re.sub(r"\d+", "N", thread.get("javaName") or thread.get("osName") or "?")] += 1

    def describe(self, results: Results, title: str, top: int = 12) -> None:
        if not self.total:
            results.say(f"{title}: no execution samples")
            return
        share = lambda n: f"{n / self.total:.0%}"  # noqa: E731
        results.say(f"{title}: {self.total} samples, top frame interpreted in {share(self.interpreted)} "
                    "(JIT not yet warm)")
        results.say("  by the nearest recognizable frame to the top of the stack: "
                    + ", ".join(f"{label} {share(n)}" for label, n in self.categories.most_common()))
        results.say("  by thread: " + ", ".join(f"{name} {share(n)}" for name, n in self.threads.most_common(6)))
        results.say("  hottest top frames: " + "; ".join(f"{name} {share(n)}" for name, n in self.top.most_common(top)))


def _jvm_side(file: Path) -> dict:
    """JIT compilations, GC pauses and the recording's span, from one JFR file."""
    compilations = jfr_events(file, "jdk.Compilation")
    collections = jfr_events(file, "jdk.GarbageCollection")
    return {
        "compilations": len(compilations),
        "compile_s": sum(_duration(e["values"].get("duration", 0)) for e in compilations),
        "gcs": len(collections),
        "gc_s": sum(_duration(e["values"].get("sumOfPauses", 0)) for e in collections),
    }


def _lanes(report: dict | None) -> dict[int, str]:
    lanes = {}
    for entry in (report or {}).get("classes", []):
        lanes[int(entry["pid"])] = entry["lane"]
    return lanes


def _pid(name: str) -> int | None:
    match = re.search(r"pid-(\d+)|classload-(\d+)", name)
    return int(match.group(1) or match.group(2)) if match else None


MILESTONES = (
    # (column, prefix of the first class loaded at that point of a worker's life)
    ("main s", "dev.isolane.core.worker.WorkerMain"),
    ("launcher s", "org.junit.platform.launcher"),
    ("engine s", "org.junit.jupiter.engine"),
    ("test class s", "bench."),
)


def _class_load_summary(directory: Path, lanes: dict[int, str], results: Results, title: str) -> None:
    """Per lane: classes loaded, the share a CDS archive served, and when (JVM uptime) each milestone's first class
    was loaded: the worker's main, the JUnit launcher, the Jupiter engine, the test class; then the last class."""
    line = re.compile(r"^\[([\d.]+)s\].*?\s(\S+) source: (.*)$")
    per_lane: dict[str, list[list[float]]] = defaultdict(list)
    for log in directory.glob("classload-*.log"):
        lane = lanes.get(_pid(log.name), "discovery-only or unknown")
        loaded = shared = 0
        seen: dict[str, float] = {}
        last = 0.0
        for text in log.read_text(encoding="utf-8", errors="replace").splitlines():
            match = line.match(text)
            if not match:
                continue
            loaded += 1
            shared += "shared objects file" in match.group(3)
            last = float(match.group(1))
            for column, prefix in MILESTONES:
                if column not in seen and match.group(2).startswith(prefix):
                    seen[column] = last
        per_lane[lane].append([loaded, shared, *(seen.get(c, float("nan")) for c, _ in MILESTONES), last])
    rows = [["JVM", "count", "classes loaded", "from CDS", *(c for c, _ in MILESTONES), "last class s"]]
    for lane, entries in sorted(per_lane.items()):
        med = lambda i: statistics.median(e[i] for e in entries)  # noqa: E731
        rows.append([lane, str(len(entries)), f"{med(0):.0f}", f"{med(1) / max(med(0), 1):.0%}",
                     *(f"{med(2 + i):.2f}" for i in range(len(MILESTONES))), f"{med(2 + len(MILESTONES)):.2f}"])
    results.say(title + " medians per JVM; times are JVM uptime when the first such class was loaded")
    results.say(table(rows))


def record(env: Environment, project: suites.Project, config: suites.Config, out: Path, results: Results,
           code: tuple[str, ...] = MIXED_CODE, offline: bool = True) -> None:
    """One run of ``config`` with JFR on the Maven JVM (MAVEN_OPTS) and on every JVM it starts (argLine); prints
    per JVM kind what the sampled stacks were doing, the JIT compilations and GC pauses. Recordings stay in ``out``.
    """
    if out.exists():
        shutil.rmtree(out)
    workers = out / "workers"
    workers.mkdir(parents=True)
    reports = project.directory / config.reports
    if reports.exists():
        shutil.rmtree(reports)
    maven_jfr = out / "maven.jfr"
    jfr = "dumponexit=true,settings=profile"
    workers_jfr = f"-XX:StartFlightRecording=filename={workers}/,{jfr}"
    run = maven.run(env, project.directory, f"{config.name}+jfr", config.goals,
                    env.work / "logs" / "profile" / project.directory.name / f"{config.name}-jfr.log",
                    offline=offline, maven_opts=f"-XX:StartFlightRecording=filename={maven_jfr},{jfr}",
                    properties=config.properties + (f"-DargLine={workers_jfr}", f"-D{ARGLINE_EXTRA}={workers_jfr}"))
    lanes = _lanes(_report(reports))
    other = "Surefire fork" if config.tool == "surefire" else "discovery-only or unknown"
    results.say(f"{config.name} with JFR: exit {run.exit_code}, {run.wall:.2f} s wall (JFR adds its own start-up), "
                f"recordings in {out}")

    samples = Samples(code)
    samples.add(jfr_events(maven_jfr, "jdk.ExecutionSample"))
    samples.describe(results, "Maven JVM (Maven + " + ("the coordinator)" if config.tool == "isolane"
                                                       else "the fork driver)"))
    by_lane: dict[str, Samples] = defaultdict(lambda: Samples(code))
    jvm: dict[str, list[dict]] = defaultdict(list)
    for file in sorted(workers.glob("*.jfr")):
        lane = lanes.get(_pid(file.name), other)
        by_lane[lane].add(jfr_events(file, "jdk.ExecutionSample"))
        jvm[lane].append(_jvm_side(file))
    if not jvm:
        results.say(f"  no worker recordings in {workers}: does the project set its own argLine?")
    for lane, lane_samples in sorted(by_lane.items()):
        lane_samples.describe(results, f"{lane} worker JVMs ({len(jvm[lane])} recordings)")
        sides = jvm[lane]
        results.say(f"  per JVM, median: {statistics.median(s['compilations'] for s in sides):.0f} JIT compilations "
                    "longer than 100 ms (JFR's profile threshold) "
                    f"taking {statistics.median(s['compile_s'] for s in sides):.2f} s of compiler-thread time; "
                    f"{statistics.median(s['gcs'] for s in sides):.0f} GCs, "
                    f"{statistics.median(s['gc_s'] for s in sides) * 1000:.0f} ms of pauses")


def _report(reports: Path) -> dict | None:
    path = reports / "isolane-report.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def run(env: Environment, project: suites.Project, results: Results, dump_archive) -> None:
    out = env.work / "profile"
    if out.exists():
        shutil.rmtree(out)
    config = project.config("isolane")
    reports = project.directory / config.reports
    logs = env.work / "logs" / "profile"
    record(env, project, config, out / "jfr", results, offline=False)

    results.say("")
    run = maven.run(env, project.directory, "isolane+classload", config.goals, logs / "classload.log",
                    properties=(f"-DargLine=-Xlog:class+load=info:file={out}/classload-%p.log:uptime",))
    _class_load_summary(out, _lanes(_report(reports)), results,
                        f"Class loading per worker JVM (-Xlog:class+load; run exit {run.exit_code}, {run.wall:.2f} s):")

    archive = env.work / "cds" / "mixed.jsa"
    dump_archive(env, project, config, "Io001Test", archive, results)
    if archive.exists():
        cds = out / "with-cds"
        cds.mkdir()
        run = maven.run(env, project.directory, "isolane+classload+cds", config.goals, logs / "classload-cds.log",
                        properties=(f"-DargLine=-XX:SharedArchiveFile={archive} "
                                    f"-Xlog:class+load=info:file={cds}/classload-%p.log:uptime",))
        _class_load_summary(cds, _lanes(_report(reports)), results,
                            f"Same, with a CDS archive of the JDK classes a worker loads "
                            f"(-XX:SharedArchiveFile; exit {run.exit_code}):")
