"""The benchmark's modes: each generates its project, runs its configurations and prints its figures."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import ide, maven, profile, suites
from .maven import Environment, Run
from .report import (Figures, IsolaneReport, Outcomes, ReportFigures, Results, outcomes, ratio,
                     report_table, seconds, share, table, timing_table)


@dataclass(frozen=True)
class Options:
    rounds: int
    sizes: suites.MixedSizes
    isolation_classes: int
    isolation_forks: int
    scale_classes: int
    scale_tests: int
    variants: tuple[str, ...]
    argline: str
    suites: tuple[str, ...] = ()                           # realsuites: which real-* projects; all when empty
    surefire_versions: tuple[str, ...] = ("3.6.1", "3.5.4")  # realsuites: the first is the reference
    profile: bool = False                                  # realsuites: JFR profiles instead of timed rounds
    jvm: str = ""                                          # isolation, ide: the worker JDK (home or java); "" = Maven's


NOOP = "no-op (mvn validate)"


# ---------------------------------------------------------------------------------------------------------------------
# Shared steps

def _compile(env: Environment, project: suites.Project, results: Results) -> None:
    """Compile the generated project once (online, so every dependency lands in the private repository)."""
    log = env.work / "logs" / project.directory.name / "compile.log"
    results.say(f"Compiling {project.directory} ...")
    outcome = maven.run(env, project.directory, "compile", ["test-compile"], log, offline=False)
    if outcome.exit_code != 0:
        raise SystemExit(f"benchmark: test-compile failed (exit {outcome.exit_code}); see {log}")
    results.say(f"  compiled in {seconds(outcome.wall)} s")


def _reports(project: suites.Project, config: suites.Config) -> Path:
    return project.directory / config.reports


def _run_config(env: Environment, project: suites.Project, config: suites.Config, log: Path, round_number: int,
                offline: bool = True, maven_opts: str | None = None, properties: tuple[str, ...] = ()) -> Run:
    reports = _reports(project, config)
    if reports.exists():
        shutil.rmtree(reports)
    return maven.run(env, project.directory, config.name, config.goals, log, round_number, offline=offline,
                     maven_opts=maven_opts, properties=config.properties + properties)


@dataclass
class Timed:
    runs: dict[str, list[Run]]
    noop: list[Run]
    outcomes: dict[str, Outcomes]
    verdicts: dict[str, str]
    seen: dict[str, list[Outcomes]]            # every timed run's, in order
    reports: dict[str, list[IsolaneReport]]    # every timed run's isolane-report.json, for Isolane's configurations


def warm_up(env: Environment, project: suites.Project, configs: list[suites.Config], results: Results, logs: Path,
            maven_opts: str | None = None, properties: tuple[str, ...] = ()) -> dict[str, Outcomes]:
    """Run each configuration once, untimed and online (so each plugin's dependencies are resolved)."""
    warm: dict[str, Outcomes] = {}
    results.say(f"Warm-up (untimed, online): {', '.join(c.name for c in configs)}")
    for config in configs:
        run = _run_config(env, project, config, logs / f"warmup-{config.name}.log", 0, offline=False,
                          maven_opts=maven_opts, properties=properties)
        warm[config.name] = outcomes(_reports(project, config))
        results.say(f"  {config.name:28s} exit {run.exit_code}, {seconds(run.wall)} s, "
                    f"{warm[config.name].summary()}")
    return warm


def timed_rounds(env: Environment, project: suites.Project, configs: list[suites.Config], rounds: int,
                 results: Results, reference: str, warmup_properties: tuple[str, ...] = (),
                 maven_opts: str | None = None, properties: tuple[str, ...] = (), label: str = "") -> Timed:
    """Warm up each configuration once (online, untimed), then time ``rounds`` rounds, rotating the order.

    Every timed run's outcomes (from its XML reports) must equal the reference configuration's warm-up outcomes,
    test for test, or that configuration's figure is marked void.
    """
    logs = env.work / "logs" / project.directory.name / (label or "timed")
    warm = warm_up(env, project, configs, results, logs, maven_opts, properties + warmup_properties)
    expected = warm[reference]
    if expected.totals["tests"] == 0:
        raise SystemExit(f"benchmark: {reference} ran no test in the warm-up; see {logs}")
    runs: dict[str, list[Run]] = {c.name: [] for c in configs}
    noop: list[Run] = []
    seen: dict[str, list[Outcomes]] = {c.name: [] for c in configs}
    reports: dict[str, list[IsolaneReport]] = {c.name: [] for c in configs}
    entries: list[suites.Config | None] = [None, *configs]
    for number in range(1, rounds + 1):
        shift = (number - 1) % len(entries)
        order = entries[shift:] + entries[:shift]
        results.say(f"Round {number}/{rounds} (load average {os.getloadavg()[0]:.2f}): "
                    + ", ".join("no-op" if c is None else c.name for c in order))
        for config in order:
            if config is None:
                noop.append(maven.run(env, project.directory, NOOP, ["validate"], logs / f"noop-r{number}.log",
                                      number, maven_opts=maven_opts))
                continue
            run = _run_config(env, project, config, logs / f"{config.name}-r{number}.log", number,
                              maven_opts=maven_opts, properties=properties)
            runs[config.name].append(run)
            seen[config.name].append(outcomes(_reports(project, config)))
            report = IsolaneReport.read(_reports(project, config))
            if report:
                reports[config.name].append(report)
    if warmup_properties and seen[reference]:
        expected = seen[reference][0]  # the warm-up ran a subset; compare with the reference's first timed run
    verdicts = {}
    for config in configs:
        different = [o for o in seen[config.name] if o != expected]
        if different:
            verdicts[config.name] = f"VOID: differ from {reference}"
            results.say(f"Outcomes of {config.name} differ from {reference}'s ({expected.summary()}), "
                        f"{len(different)} of {len(seen[config.name])} runs; the first:")
            for line in different[0].differences(expected):
                results.say(f"    {line}")
        else:
            verdicts[config.name] = "same" if config.name != reference else "reference"
    return Timed(runs, noop, {name: seen[name][-1] if seen[name] else warm[name] for name in seen}, verdicts,
                 seen, reports)


def report_figures(timed: Timed) -> list[ReportFigures]:
    return [ReportFigures.of(name, timed.seen[name], timed.reports[name]) for name, runs in timed.runs.items()
            if runs]


def _notes(project: suites.Project, timed: Timed) -> dict[str, str]:
    """Each configuration's set-up; for Isolane's, what its last run's isolane-report.json says it ran with."""
    notes = {}
    for config in project.configs:
        ran = timed.reports.get(config.name)
        notes[config.name] = config.note + (f" (report: {ran[-1].setup})" if ran else "")
    return notes


def _header(env: Environment, results: Results, title: str, description: str, junit: str = "",
            surefire: str = "") -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=env.root, capture_output=True,
                            text=True).stdout.strip()
    # Changes to Isolane itself, not to the benchmark.
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmark"],
                           cwd=env.root,
                           capture_output=True, text=True).stdout.strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    results.say(f"== {title}")
    results.say(f"Isolane {env.versions.isolane} at {commit}{' (uncommitted changes)' if dirty else ''}; "
                f"Surefire {surefire or env.versions.surefire}; JUnit {junit or env.versions.junit}; {java}")
    results.say(f"Machine: {os.cpu_count()} cores, load average at start {_load()}")
    results.say(f"Suite: {description}")
    results.record("commit", commit)
    results.record("load_at_start", os.getloadavg())


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)"


def _footer(results: Results) -> None:
    results.say(f"Load average at end {_load()}. Wall times are whole Maven invocations; 'net' subtracts the "
                "median no-op invocation (Maven's own start). CPU s all = user+system of every process the "
                "invocation started; Maven JVM net = the Maven JVM's own CPU minus the no-op's.")
    results.record("load_at_end", os.getloadavg())


def _figures(timed: Timed) -> tuple[list[Figures], Figures]:
    return ([Figures.of(name, runs) for name, runs in timed.runs.items() if runs],
            Figures.of(NOOP, timed.noop))


def _tables(project: suites.Project, timed: Timed, results: Results, reference: str, key: str = "",
            isolane: str = "isolane") -> tuple[dict[str, Figures], Figures, dict[str, ReportFigures]]:
    """Print the timing table (the ``isolane`` configuration's time as a ratio of each) and the reports' table
    (class times as a ratio of the reference's, Isolane's coordinator and threads), record both under ``key``;
    return their figures by configuration."""
    figures, noop = _figures(timed)
    from_reports = report_figures(timed)
    results.say("")
    results.say(timing_table(figures, noop, isolane, _notes(project, timed), timed.verdicts))
    results.say("")
    results.say("From the reports, medians over the timed runs: the sum of the TEST-*.xml class times (testsuite "
                "time), and from isolane-report.json the classes' spans, the coordinator's CPU over the wall time "
                "and the threads:")
    results.say(report_table(from_reports, reference))
    prefix = f"{key}." if key else ""
    results.record(prefix + "figures", [f.__dict__ for f in [*figures, noop]])
    results.record(prefix + "from_reports", [f.__dict__ for f in from_reports])
    results.record(prefix + "verdicts", timed.verdicts)
    results.record_runs(prefix + "runs", [r for runs in timed.runs.values() for r in runs] + timed.noop)
    return {f.name: f for f in figures}, noop, {f.name: f for f in from_reports}


def _report_json(reports: Path) -> dict | None:
    path = reports / "isolane-report.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _coordinator_share(reports: list[IsolaneReport]) -> str:
    """The coordinator's own CPU during the run, as Isolane measures it, over the run's wall time."""
    known = [r for r in reports if r.coordinator_share is not None]
    if not known:
        return "coordinator CPU during the run: not in isolane-report.json"
    median = statistics.median(r.coordinator_share for r in known)
    last = known[-1]
    return (f"coordinator CPU during the run (isolane-report.json coordinatorCpuMillis over durationMillis: the "
            f"Maven JVM's CPU from planning to the reports): median {share(median)} of {len(known)} runs; last run "
            f"{last.coordinator_cpu_millis} ms of {last.duration_millis} ms (target <= 5%)")


def _isolated_overhead(report: dict | None) -> str:
    """Per isolated class: its span in the report minus the time its tests took (JVM start, discovery, teardown)."""
    if not report:
        return "no isolane-report.json"
    spans = []
    for entry in report.get("classes", []):
        if entry.get("lane") == "isolated":
            tests = sum(t.get("durationMillis", 0) for t in entry.get("tests", []))
            spans.append((entry["endMillis"] - entry["startMillis"] - tests) / 1000)
    if not spans:
        return "no isolated classes"
    first = min(e["startMillis"] for e in report["classes"]) / 1000
    return (f"{len(spans)} isolated classes: span minus test time median {statistics.median(spans):.2f} s "
            f"(min {min(spans):.2f}, max {max(spans):.2f}); first class of the run started at {first:.2f} s "
            f"after the run began (shared JVM start + discovery)")


# ---------------------------------------------------------------------------------------------------------------------
# Modes

def mixed(env: Environment, options: Options, results: Results) -> None:
    project = suites.mixed(env.work / "mixed", env.versions, options.sizes)
    _header(env, results, "Mixed suite: Isolane against Surefire", project.description)
    _compile(env, project, results)
    if options.argline:
        argline = options.argline
        if "{archive}" in argline:
            archive = env.work / "cds" / "mixed.jsa"
            dump_archive(env, project, project.config("isolane"), "Io001Test", archive, results)
            argline = argline.format(archive=archive)
        project.configs.insert(1, suites.Config("isolane-argline", ("isolane:test@isolane",), "isolane",
                                                f"defaults, argLine={argline}", (f"-DargLine={argline}",),
                                                "isolane"))
    timed = timed_rounds(env, project, project.configs, options.rounds, results, reference="surefire-default")
    by_name, noop, _ = _tables(project, timed, results, "surefire-default")
    iso = by_name["isolane"]
    results.say("")
    results.say("Targets (issues 6 and 13), Isolane's median as a ratio of the peer's, raw / net of Maven's start:")
    for peer, target in (("expert", "0.5x, issue 13"), ("surefire-fork2-noreuse", "0.15x, issue 6"),
                         ("isolane-detect-off", "1.25x, issues 6 and 13")):
        f = by_name[peer]
        results.say(f"  isolane / {peer:24s} {ratio(iso.median, f.median):>7s} / "
                    f"{ratio(iso.median - noop.median, f.median - noop.median):>7s}   (target <= {target})")
    results.say(f"  Maven JVM CPU of isolane net of the no-op: {seconds(iso.cpu_maven - noop.cpu_maven)} s = "
                f"{(iso.cpu_maven - noop.cpu_maven) / iso.median:.1%} of its median wall time (an upper bound "
                "on the coordinator's own work: it includes loading the plugin)")
    results.say("  " + _coordinator_share(timed.reports["isolane"]))
    results.say("  " + _isolated_overhead(_report_json(_reports(project, project.config("isolane")))))
    _footer(results)


def worker_java(jvm: str) -> str:
    """The ``java`` executable ``--jvm`` names (a JDK's home or its java); Maven's own when empty."""
    if not jvm:
        return "java"
    path = Path(jvm)
    java = path / "bin" / "java" if path.is_dir() else path
    if not os.access(java, os.X_OK):
        raise SystemExit(f"benchmark: --jvm {jvm}: no java executable at {java}; name a JDK's home or its bin/java")
    return str(java)


def _java_version(java: str) -> str:
    return subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]


def isolation(env: Environment, options: Options, results: Results) -> None:
    n = options.isolation_classes
    project = suites.isolation(env.work / "isolation", env.versions, n, options.isolation_forks)
    _header(env, results, "Marginal cost of isolation", project.description)
    jvm = (f"-Djvm={worker_java(options.jvm)}",) if options.jvm else ()
    results.say(f"Worker JVMs (Surefire's forks and Isolane's workers, parameter jvm): "
                f"{_java_version(worker_java(options.jvm))}")
    results.record("worker_java", _java_version(worker_java(options.jvm)))
    _compile(env, project, results)
    timed = timed_rounds(env, project, project.configs, options.rounds, results, reference="surefire-shared",
                         properties=jvm)
    by_name, _, _ = _tables(project, timed, results, "surefire-shared", isolane="isolane-shared")
    iso = (by_name["isolane-isolated"].median - by_name["isolane-shared"].median) / n
    sure = (by_name["surefire-isolated"].median - by_name["surefire-shared"].median) / n
    iso_cpu = (by_name["isolane-isolated"].cpu_all - by_name["isolane-shared"].cpu_all) / n
    sure_cpu = (by_name["surefire-isolated"].cpu_all - by_name["surefire-shared"].cpu_all) / n
    results.say("")
    results.say(f"Marginal cost of isolating one class, (isolated - shared) / {n}, medians, "
                f"{options.isolation_forks} at once:")
    results.say(table([
        ["tool", "wall s per class", "CPU s per class"],
        ["isolane", f"{iso:.3f}", f"{iso_cpu:.3f}"],
        ["surefire", f"{sure:.3f}", f"{sure_cpu:.3f}"],
        ["isolane / surefire", ratio(iso, sure), ratio(iso_cpu, sure_cpu)],
    ]))
    results.say("Target (issue 6): isolane / surefire <= 0.25x (wall); issue 13: no worse than before its changes "
                "(run this mode at both commits to compare).")
    results.say(_isolated_overhead(_report_json(_reports(project, project.config("isolane-isolated")))))
    results.record("marginal", {"isolane": iso, "surefire": sure, "isolane_cpu": iso_cpu, "surefire_cpu": sure_cpu})
    _footer(results)


def ide_runs(env: Environment, options: Options, results: Results) -> None:
    """An IDE-style run of the mixed suite: JUnit's ConsoleLauncher, the extension forking the isolated classes."""
    project = suites.mixed(env.work / "ide", env.versions, options.sizes, console=True)
    _header(env, results, "IDE-style runs: the ConsoleLauncher on the mixed suite", project.description)
    java = worker_java(options.jvm)
    results.say(f"Launcher and forked JVMs: {_java_version(java)}")
    _compile(env, project, results)
    ide.run(env, project, java, options.rounds, results)
    _footer(results)


FLAG_VARIANTS = {
    "default": "",
    "c1": "-XX:TieredStopAtLevel=1",
    "serialgc": "-XX:+UseSerialGC",
    "c1-serialgc": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData",
    "jit-later": "-XX:CompileThresholdScaling=3",
    "jit-much-later": "-XX:CompileThresholdScaling=10",
    "noshare": "-Xshare:off",
    "cds": "-XX:SharedArchiveFile={archive}",
    "cds-c1-serialgc": "-XX:SharedArchiveFile={archive} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                       " -XX:-UsePerfData",
}


def flags(env: Environment, options: Options, results: Results) -> None:
    """The isolation pair under JVM flags passed through argLine, and with a class-data-sharing archive."""
    n = options.isolation_classes
    project = suites.isolation(env.work / "isolation", env.versions, n, options.isolation_forks)
    _header(env, results, "Worker JVM flags through argLine (no change to Isolane)", project.description)
    _compile(env, project, results)
    archive = env.work / "cds" / "isolation.jsa"
    variants = {name: FLAG_VARIANTS[name].format(archive=archive) for name in options.variants}
    if any("cds" in name for name in variants):
        dump_archive(env, project, project.config("isolane-shared"), "Trivial001Test", archive, results)
    pair = [project.config("isolane-shared"), project.config("isolane-isolated")]
    logs = env.work / "logs" / "isolation" / "flags"
    samples: dict[tuple[str, str], list[Run]] = {(v, c.name): [] for v in variants for c in pair}
    failed: dict[str, str] = {}
    for number in range(1, options.rounds + 1):
        results.say(f"Round {number}/{options.rounds} (load average {os.getloadavg()[0]:.2f})")
        names = list(variants)
        shift = (number - 1) % len(names)
        for variant in names[shift:] + names[:shift]:
            properties = (f"-DargLine={variants[variant]}",) if variants[variant] else ()
            for config in pair:
                run = _run_config(env, project, config, logs / f"{variant}-{config.name}-r{number}.log", number,
                                  properties=properties)
                samples[(variant, config.name)].append(run)
                got = outcomes(_reports(project, config))
                if run.exit_code != 0 or got.totals["passed"] != n:
                    failed[variant] = f"exit {run.exit_code}, {got.summary()} (log {run.log})"
    rows = [["variant", "shared median s", "isolated median s", "per class s", "vs default", "CPU s per class",
             "argLine"]]
    base = None
    for variant, line in variants.items():
        shared = Figures.of("s", samples[(variant, "isolane-shared")])
        isolated = Figures.of("i", samples[(variant, "isolane-isolated")])
        per_class = (isolated.median - shared.median) / n
        base = per_class if variant == "default" or base is None else base
        rows.append([variant, seconds(shared.median), seconds(isolated.median), f"{per_class:.3f}",
                     ratio(per_class, base), f"{(isolated.cpu_all - shared.cpu_all) / n:.3f}",
                     (line or "(none)") + (f"  FAILED: {failed[variant]}" if variant in failed else "")])
    results.say("")
    results.say(f"Isolane, {n} trivial classes all shared (isolation=none) vs all isolated (isolation=all), "
                f"{options.isolation_forks} at once; per class = (isolated - shared) / {n}:")
    results.say(table(rows, right={1, 2, 3, 4, 5}))
    results.say("argLine reaches every worker JVM, the shared one too: a flag that helps short-lived forks may slow "
                "CPU-heavy classes in the shared JVM (see the mixed mode with --argline to check).")
    results.record_runs("runs", [r for runs in samples.values() for r in runs])
    _footer(results)


def dump_archive(env: Environment, project: suites.Project, config: suites.Config, test_class: str, archive: Path,
                 results: Results) -> None:
    """Make a static CDS archive of the JDK classes a worker of this project loads.

    JDK 17 refuses to dump (or to dump at exit) an archive whose class path holds a non-empty directory, and a
    worker's class path starts with target/test-classes. So: list the classes one shared worker loads while running
    one class (-XX:DumpLoadedClassList), then dump only those the JDK itself can find (no -cp) with -Xshare:dump.
    The archive maps whatever the class path, but serves JDK classes only, not JUnit's or Isolane's.
    """
    archive.parent.mkdir(parents=True, exist_ok=True)
    classlist = archive.with_suffix(".classlist")
    for stale in (archive, classlist):
        if stale.exists():
            stale.unlink()
    logs = env.work / "logs" / project.directory.name
    run = _run_config(env, project, config, logs / "cds-classlist.log", 0,
                      properties=(f"-DargLine=-XX:DumpLoadedClassList={classlist}", f"-Dtest={test_class}"))
    if run.exit_code != 0 or not classlist.exists():
        raise SystemExit(f"benchmark: could not list a worker's classes into {classlist}; see {run.log}")
    with (logs / "cds-dump.log").open("w", encoding="utf-8") as out:
        dump = subprocess.run(["java", "-Xshare:dump", f"-XX:SharedClassListFile={classlist}",
                               f"-XX:SharedArchiveFile={archive}"], stdout=out, stderr=subprocess.STDOUT)
    if dump.returncode != 0 or not archive.exists():
        raise SystemExit(f"benchmark: could not dump the CDS archive {archive}; see {logs / 'cds-dump.log'}")
    listed = sum(1 for _ in classlist.open(encoding="utf-8"))
    results.say(f"CDS archive {archive} ({archive.stat().st_size // 1024} KiB): the JDK classes among the {listed} "
                f"classes one shared worker loaded running {test_class}")


def scale(env: Environment, options: Options, results: Results) -> None:
    project = suites.scale(env.work / "scale", env.versions, options.scale_classes, options.scale_tests)
    _header(env, results, "Scale: the coordinator with a 256 MB heap", project.description)
    _compile(env, project, results)
    gc_log = env.work / "logs" / "scale" / "gc-%p.log"
    gc_log.parent.mkdir(parents=True, exist_ok=True)
    for old in gc_log.parent.glob("gc-*.log"):
        old.unlink()
    opts = f"-Xmx256m -Xlog:gc:file={gc_log}"
    timed = timed_rounds(env, project, project.configs, options.rounds, results, reference="surefire-default",
                         warmup_properties=("-Dtest=Scale00001Test",), maven_opts=opts)
    results.say("")
    results.say(f"MAVEN_OPTS={opts} for every invocation (the warm-up ran one class only).")
    by_name, noop, _ = _tables(project, timed, results, "surefire-default")
    iso, sure = by_name["isolane"], by_name["surefire-default"]
    report = _report_json(_reports(project, project.config("isolane")))
    results.say("")
    results.say(f"Isolane passed: {timed.outcomes['isolane'].summary()} "
                f"(exit codes {[r.exit_code for r in timed.runs['isolane']]})")
    results.say(f"Target (issue 13): isolane / surefire-default {ratio(iso.median, sure.median)} raw, "
                f"{ratio(iso.median - noop.median, sure.median - noop.median)} net of Maven's start "
                "(target <= 0.7x, with the Maven heap <= 256 MB: see the heap below)")
    coordinator = iso.cpu_maven - noop.cpu_maven
    results.say(f"Coordinator share, method: CPU time of the Maven JVM process (/proc/<pid>/stat, its own threads "
                f"only, not the workers) minus the same for a no-op Maven invocation, over the wall time: "
                f"{seconds(coordinator)} s of {seconds(iso.median)} s = {coordinator / iso.median:.1%} "
                f"(an upper bound: it includes Maven loading the plugin and resolving the test classpath).")
    results.say(_coordinator_share(timed.reports["isolane"]))
    if report:
        results.say(f"isolane-report.json durationMillis {report.get('durationMillis')} ms; "
                    f"report totals {report.get('totals')}")
    for config in project.configs:
        pids = {r.pid for r in timed.runs[config.name]}
        results.say(f"Heap of the Maven JVM under {config.name}, from its GC log: "
                    + _heap_summary(gc_log.parent, pids))
    _coordinator_samples(env, project, opts, iso, results)
    _footer(results)


def _coordinator_samples(env: Environment, project: suites.Project, opts: str, iso: Figures,
                         results: Results) -> None:
    """One more Isolane run with JFR on the Maven JVM: the share of its CPU samples with an Isolane frame."""
    recording = env.work / "logs" / "scale" / "maven.jfr"
    run = _run_config(env, project, project.config("isolane"), env.work / "logs" / "scale" / "isolane-jfr.log", 0,
                      maven_opts=f"{opts} -XX:StartFlightRecording=filename={recording},dumponexit=true,"
                                 "settings=profile")
    samples = profile.Samples()
    samples.add(profile.jfr_events(recording, "jdk.ExecutionSample"))
    if not samples.total:
        results.say("Coordinator share from JFR: no samples recorded")
        return
    share = samples.isolane / samples.total
    results.say(f"Coordinator share, second method: one more run with JFR on the Maven JVM ({seconds(run.wall)} s, "
                f"exit {run.exit_code}): {samples.isolane} of its {samples.total} CPU samples have an Isolane frame "
                f"({share:.0%}); {share:.0%} of its {seconds(run.cpu_maven)} s of CPU is "
                f"{seconds(share * run.cpu_maven)} s = {share * run.cpu_maven / run.wall:.1%} of that run's wall "
                f"time ({share * run.cpu_maven / iso.median:.1%} of the timed median).")
    samples.describe(results, "  Maven JVM samples")


def _heap_summary(directory: Path, pids: set[int]) -> str:
    pattern = re.compile(r"(\d+)M->(\d+)M\((\d+)M\)")
    before, after, committed = [], [], []
    for log in (directory / f"gc-{pid}.log" for pid in pids):
        if not log.exists():
            continue
        for match in pattern.finditer(log.read_text(encoding="utf-8", errors="replace")):
            before.append(int(match.group(1)))
            after.append(int(match.group(2)))
            committed.append(int(match.group(3)))
    if not before:
        return "no GC happened"
    return (f"{len(before)} collections over all runs; most used before a GC {max(before)} MB, "
            f"most live after a GC {max(after)} MB, most committed {max(committed)} MB (limit 256 MB)")


def real(env: Environment, options: Options, results: Results) -> None:
    suite = suites.COMMONS_TEXT
    project = suites.published(env.work / "published", env.versions, suite)
    _header(env, results, "A published test suite under Isolane and Surefire", project.description, suite.junit)
    _compile(env, project, results)
    timed = timed_rounds(env, project, project.configs, options.rounds, results, reference="surefire-default")
    _tables(project, timed, results, "surefire-default")
    _failing(timed, results)
    _footer(results)


def _failing(timed: Timed, results: Results, limit: int = 20) -> None:
    for name, got in timed.outcomes.items():
        results.say(f"{name}: {got.summary()}")
        for failure in got.failing[:limit]:
            results.say(f"    {failure}")
        if len(got.failing) > limit:
            results.say(f"    ... and {len(got.failing) - limit} more")


def realsuites(env: Environment, options: Options, results: Results) -> None:
    """Each published suite the project runs (its real-* integration-test projects) under Isolane and Surefire, all
    at their defaults, alternating; or, with ``profile``, one run of each with JFR."""
    names = suites.select_real_suites(env.root, options.suites)
    tokens = maven.it_properties(env.root, env.versions.isolane)
    # A profile runs the reference Surefire only.
    versions = options.surefire_versions[:1] if options.profile else options.surefire_versions
    reference = f"surefire-{versions[0]}"
    what = "JFR profiles" if options.profile else "Isolane against Surefire, alternating"
    _header(env, results, f"Published suites (real-* integration-test projects): {what}",
            f"{', '.join(names)}; Surefire {', '.join(versions)} (reference {versions[0]}) and Isolane, "
            "each at its defaults", junit=tokens.get("it.junit5.version", ""), surefire=", ".join(versions))
    rows = []
    for name in names:
        project = suites.real_suite(env.root, name, env.work / "realsuites" / name, tokens, versions)
        results.say("")
        results.say(f"-- {project.description}")
        _compile(env, project, results)
        if options.profile:
            _profile_real_suite(env, project, reference, results)
            continue
        timed = timed_rounds(env, project, project.configs, options.rounds, results, reference=reference)
        by_name, _, from_reports = _tables(project, timed, results, reference, key=name)
        _differences(timed, reference, results)
        rows.append(_realsuite_row(name, timed, by_name, from_reports, versions))
    if rows:
        results.say("")
        results.say(f"Summary, medians of {options.rounds} alternating rounds (wall = the whole Maven invocation; "
                    "class times = the sum of the TEST-*.xml testsuite times; coordinator = isolane-report.json "
                    "coordinatorCpuMillis / durationMillis):")
        header = ["suite", "tests", *(f"surefire-{v} s" for v in versions), "isolane s",
                  f"isolane/{versions[0]} (<= 0.65x)", f"class s {versions[0]}", "class s isolane",
                  "class ratio (<= 1.2x)", "coordinator (<= 5%)", "threads", "outcomes"]
        results.say(table([header, *rows], right=set(range(1, len(header) - 2))))
        results.record("summary", [dict(zip(header, row)) for row in rows])
        results.say("Targets (issue 13) beside the ratios; outcomes must be identical test for test, and a VOID "
                    "row's figures do not count.")
    _footer(results)


def _realsuite_row(name: str, timed: Timed, by_name: dict[str, Figures], from_reports: dict[str, ReportFigures],
                   versions: tuple[str, ...]) -> list[str]:
    reference = f"surefire-{versions[0]}"
    iso, ref = by_name["isolane"], by_name[reference]
    iso_reports, ref_reports = from_reports["isolane"], from_reports[reference]
    void = [n for n, verdict in timed.verdicts.items() if verdict.startswith("VOID")]
    return [name.removeprefix("real-"), str(timed.outcomes[reference].totals["tests"]),
            *(seconds(by_name[f"surefire-{v}"].median) for v in versions), seconds(iso.median),
            ratio(iso.median, ref.median), seconds(ref_reports.class_seconds), seconds(iso_reports.class_seconds),
            ratio(iso_reports.class_seconds, ref_reports.class_seconds), share(iso_reports.coordinator_share),
            iso_reports.threads.split(";")[0] or "n/a",
            f"VOID: {', '.join(void)} differ" if void else "same test for test"]


def _differences(timed: Timed, reference: str, results: Results) -> None:
    """Each configuration's outcomes, and whether every timed run matched the reference's test for test."""
    for name, got in timed.outcomes.items():
        verdict = timed.verdicts[name]
        results.say(f"{name}: {got.summary()}; " + (
            "the reference" if verdict == "reference" else
            f"{verdict} (differences listed above)" if verdict.startswith("VOID") else
            f"the same as {reference}'s test for test in all {len(timed.seen[name])} timed runs"))


def _profile_real_suite(env: Environment, project: suites.Project, reference: str, results: Results) -> None:
    """Warm both tools up (online), then one run of each, offline, with JFR on the Maven JVM and every test JVM."""
    configs = [project.config("isolane"), project.config(reference)]
    if suites.extend_arglines(project.directory, profile.ARGLINE_EXTRA):
        results.say(f"The project sets its own argLine: ${{{profile.ARGLINE_EXTRA}}} appended to it in the copy, so "
                    "that JFR reaches the test JVMs")
    warm = warm_up(env, project, configs, results, env.work / "logs" / project.directory.name / "profile",
                   properties=(f"-D{profile.ARGLINE_EXTRA}=",))
    classes = {key.split("#", 1)[0].split("$")[0] for key in warm[reference].by_test}
    code = tuple(sorted({".".join(c.split(".")[:-1][:3]) + "." for c in classes if "." in c}))
    results.say(f"'test code' below: frames in {', '.join(code)} (the test classes' packages, three levels)")
    for config in configs:
        results.say("")
        profile.record(env, project, config, env.work / "profile" / project.directory.name / config.name, results,
                       code)


def profiling(env: Environment, options: Options, results: Results) -> None:
    project = suites.mixed(env.work / "mixed", env.versions, options.sizes)
    _header(env, results, "Profile of one Isolane run (JFR on the Maven JVM and every worker)", project.description)
    _compile(env, project, results)
    profile.run(env, project, results, dump_archive)
    _footer(results)


MODES = {
    "mixed": mixed,
    "isolation": isolation,
    "flags": flags,
    "scale": scale,
    "real": real,
    "realsuites": realsuites,
    "profile": profiling,
    "ide": ide_runs,
}
