"""Isolane's benchmark against Surefire. Run it as benchmark/run.sh MODE [options]; see benchmark/README.md."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from isolane_bench import maven, modes, suites
from isolane_bench.report import Results, ratio, seconds, table

DEFAULT_ROUNDS = {"mixed": 3, "isolation": 3, "flags": 3, "scale": 1, "real": 1, "realsuites": 3, "profile": 1,
                  "ide": 3, "shards": 1}
ALL = ("mixed", "isolation", "flags", "real", "profile")


MODES_HELP = """modes:
  mixed       IO, CPU and @IsolatedProcess classes: Isolane's defaults against Surefire's and an expert set-up
  isolation   the marginal cost of isolating one class, Isolane against Surefire reuseForks=false
  flags       the isolation pair under worker JVM flags (C1, serial GC, CDS...)
  scale       5,000 trivial classes with a 256 MB Maven heap
  real        commons-text's published test-jar (unpacked), Isolane against Surefire
  realsuites  every published suite the project runs (maven-plugin/src/it/projects/real-*): Surefire at its
              defaults (--surefire-versions) against Isolane at its defaults, alternating; per suite the wall
              time, the ratio, the sum of class times, the coordinator's CPU share, Isolane's threads, and
              whether the outcomes match test for test; --profile records JFR instead
  profile     one Isolane run of the mixed suite with JFR and class-loading logs
  ide         an IDE-style run: JUnit's ConsoleLauncher on the mixed suite, the isolated classes forked by the
              junit-extension one at a time (isolane.forks=1), as many as cores, or not at all
  shards      a published suite (--suites, default codec) run whole once to write a history file, then split 2, 3
              and 4 ways (isolane.shard), the shards one after another as separate machines would run them, with that
              history and without any: each shard's time and the imbalance (slowest shard over the mean)

examples:
  benchmark/run.sh realsuites                         # every real-* suite, 3 rounds
  benchmark/run.sh realsuites --rounds 1 --suites csv --surefire-versions 3.6.1
  benchmark/run.sh realsuites --suites codec --profile
  benchmark/run.sh isolation --jvm /usr/lib/jvm/temurin-25-jdk-amd64   # the workers on Java 25
  benchmark/run.sh ide --isolated 8
  benchmark/run.sh shards --suites codec,csv --rounds 1"""


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    sizes = suites.MixedSizes()
    parser = argparse.ArgumentParser(prog="benchmark/run.sh", description=__doc__, epilog=MODES_HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=[*MODES, "all"],
                        help="what to measure; 'all' = " + " ".join(ALL)
                        + " (scale and realsuites are separate: they are slow)")
    parser.add_argument("--rounds", type=int, help="timed rounds per configuration (default: "
                        + ", ".join(f"{m} {r}" for m, r in DEFAULT_ROUNDS.items()) + ")")
    parser.add_argument("--work", type=Path, default=here / "target", help="where projects, logs and results go")
    parser.add_argument("--no-build", action="store_true", help="reuse the Isolane jars already built in the tree")
    parser.add_argument("--jvm", default="", help="isolation and ide modes: the JDK (its home, or its java) the "
                        "tests run on: Surefire's and Isolane's jvm parameter, the ConsoleLauncher's java; "
                        "default: Maven's")
    group = parser.add_argument_group("mixed suite (mixed, profile, ide)")
    group.add_argument("--io", type=int, default=sizes.io_classes, help="IO-bound classes (sleeping)")
    group.add_argument("--cpu", type=int, default=sizes.cpu_classes, help="CPU-bound classes (hashing)")
    group.add_argument("--isolated", type=int, default=sizes.isolated_classes, help="@IsolatedProcess classes")
    group.add_argument("--tests", type=int, default=sizes.tests_per_class, help="tests per IO or CPU class")
    group.add_argument("--isolated-tests", type=int, default=sizes.isolated_tests, help="tests per isolated class")
    group.add_argument("--sleep-ms", type=int, default=sizes.sleep_ms, help="sleep of each IO test")
    group.add_argument("--hash-mib", type=int, default=sizes.hash_mib, help="SHA-256 MiB of each CPU test")
    group.add_argument("--expert-parallelism", type=int, default=sizes.expert_parallelism,
                       help="Jupiter fixed parallelism of the expert Surefire set-up")
    group.add_argument("--argline", default="", help="add a configuration: Isolane defaults with this argLine "
                       "({archive} = a CDS archive dumped for the project first)")
    group = parser.add_argument_group("trivial classes (isolation, flags, scale)")
    group.add_argument("--classes", type=int, default=40, help="classes of the isolation and flags modes")
    group.add_argument("--forks", type=int, default=2, help="JVMs (or threads) at once in the isolation pair")
    group.add_argument("--variants", default=",".join(modes.FLAG_VARIANTS),
                       help="flags mode: comma-separated of " + ", ".join(modes.FLAG_VARIANTS))
    group.add_argument("--scale-classes", type=int, default=5000)
    group.add_argument("--scale-tests", type=int, default=10, help="tests per class in the scale mode")
    group = parser.add_argument_group("published suites (realsuites, shards)")
    group.add_argument("--suites", default="",
                       help="comma-separated: which projects (csv, commons-csv or real-commons-csv); default all "
                       "(realsuites) or codec (shards)")
    group.add_argument("--surefire-versions", default="3.6.1,3.5.4",
                       help="comma-separated Surefire versions to time; the first is the reference of the ratios "
                       "and of the outcomes (default 3.6.1,3.5.4)")
    group.add_argument("--profile", action="store_true",
                       help="instead of timed rounds: after a warm-up, one run of Isolane and one of the reference "
                       "Surefire with JFR on the Maven JVM and every test JVM, summarized by category (pick the "
                       "suite with --suites)")
    args = parser.parse_args(argv)

    unknown = [v for v in args.variants.split(",") if v not in modes.FLAG_VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}; use some of {list(modes.FLAG_VARIANTS)}")
    if not any(args.surefire_versions.split(",")):
        parser.error("--surefire-versions needs at least one version")
    if args.profile and args.mode != "realsuites":
        parser.error("--profile belongs to realsuites; the profile mode profiles the mixed suite")
    work = args.work.resolve()
    env = maven.prepare(here.parent, work, build=not args.no_build)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for mode in ALL if args.mode == "all" else (args.mode,):
        options = modes.Options(
            rounds=args.rounds or DEFAULT_ROUNDS[mode],
            sizes=suites.MixedSizes(args.io, args.cpu, args.isolated, args.tests, args.sleep_ms, args.hash_mib,
                                    args.isolated_tests, args.expert_parallelism),
            isolation_classes=args.classes, isolation_forks=args.forks,
            scale_classes=args.scale_classes, scale_tests=args.scale_tests,
            variants=tuple(args.variants.split(",")), argline=args.argline,
            suites=tuple(filter(None, args.suites.split(","))),
            surefire_versions=tuple(filter(None, args.surefire_versions.split(","))), profile=args.profile,
            jvm=args.jvm)
        results = Results(work / "results", mode, stamp)
        try:
            MODES[mode](env, options, results)
        finally:
            results.write()
        print()
    return 0


# ---------------------------------------------------------------------------------------------------------------------
# shards: a published suite split over several machines by the history's durations (issue 15)

SHARD_COUNTS = (2, 3, 4)


def shards(env: maven.Environment, options: modes.Options, results: Results) -> None:
    """Each chosen real-* suite: one whole Isolane run writes a history file; then, per round, the suite split 2, 3
    and 4 ways, each shard run on its own (one after another, as separate CI machines would run them at once), once
    starting from a copy of that history and once from none (a split by class count); and 4 ways again from the
    history the 4 shards wrote, merged. The time of a shard is its
    isolane-report.json durationMillis (discovery, the run and the reports; Maven's own start is the same on every
    shard and is shown apart as the whole invocation)."""
    names = suites.select_real_suites(env.root, options.suites or ("codec",))
    tokens = maven.it_properties(env.root, env.versions.isolane)
    modes._header(env, results, "Shards: a published suite split over machines by the history's durations",
                  f"{', '.join(names)}; Isolane at its defaults, isolane:test with -Disolane.shard=i/n",
                  junit=tokens.get("it.junit5.version", ""))
    summary = []
    for name in names:
        summary += _shard_suite(env, name, tokens, options.rounds, results)
    results.say("")
    results.say(f"Summary, medians of {options.rounds} round(s): the imbalance is the slowest shard over the mean of "
                "the shards (1.00x = even); 'run' = durationMillis, 'invocation' = the whole Maven invocation.")
    header = ["suite", "shards", "history", "slowest run s", "mean run s", "imbalance run",
              "imbalance invocation", "every class once"]
    results.say(table([header, *summary], right={1, 3, 4, 5, 6}))
    results.record("summary", [dict(zip(header, row)) for row in summary])
    results.say("history: 'whole' = the whole run's history file, 'none' = no history (a split by class count: the "
                "shards' counts differ by at most one), 'shards' = the 4 shards' own history files of the same round "
                "merged by isolane:merge-history, as a CI caches it between pipelines.")
    results.say("Target (issue 15): imbalance run <= 1.15x on 4 shards with history; without history, at most the "
                "imbalance of a split by class count.")
    modes._footer(results)


def _shard_suite(env: maven.Environment, name: str, tokens: dict[str, str], rounds: int,
                 results: Results) -> list[list[str]]:
    project = suites.real_suite(env.root, name, env.work / "shards" / name, tokens, ())
    results.say("")
    results.say(f"-- {project.description}")
    modes._compile(env, project, results)
    logs = env.work / "logs" / "shards" / name
    state = env.work / "shards" / f"{name}-state"
    if state.exists():
        shutil.rmtree(state)
    state.mkdir(parents=True)
    history = state / "history-of-the-whole-run.json"
    # Online, so that the plugin's own dependencies land in the private repository; the shards then run offline.
    whole = _isolane_run(env, project, logs / "whole.log", 0, history, (), offline=False)
    results.say(f"Whole suite, one run (writes the history): {whole['classes']} classes, {whole['tests']} tests, "
                f"run {seconds(whole['run'])} s, invocation {seconds(whole['invocation'])} s")
    # (shards, history) -> shard index -> the runs of that shard over the rounds. The history is "whole" (the whole
    # run's), "none", or "shards": the 4 shards' own history files of the round merged by isolane:merge-history, as a
    # CI caches it from one pipeline to the next.
    runs: dict[tuple[int, str], dict[int, list[dict]]] = {}
    for number in range(1, rounds + 1):
        results.say(f"Round {number}/{rounds}")
        for total in SHARD_COUNTS:
            for kind in ("whole", "none", "shards") if total == max(SHARD_COUNTS) else ("whole", "none"):
                source = history
                if kind == "shards":
                    source = state / f"merged-{total}-r{number}.json"
                    merge = maven.run(env, project.directory, "merge-history", ("isolane:merge-history",),
                                      logs / f"merge-{total}-r{number}.log", number, properties=(
                                          f"-Disolane.histories={state}/history-{total}-*-whole-r{number}.json",
                                          f"-Disolane.historyFile={source}"))
                    if merge.exit_code != 0:
                        raise SystemExit(f"benchmark: isolane:merge-history failed; see {merge.log}")
                for index in range(1, total + 1):
                    # Each shard starts from its own copy, as each CI machine restores the cache.
                    start = state / f"history-{total}-{index}-{kind}-r{number}.json"
                    if start.exists():
                        start.unlink()
                    if kind != "none":
                        shutil.copyfile(source, start)
                    run = _isolane_run(env, project, logs / f"{total}-{index}-{kind}-r{number}.log", number, start,
                                       (f"-Disolane.shard={index}/{total}",))
                    runs.setdefault((total, kind), {}).setdefault(index, []).append(run)
    rows = [["shards", "history", "shard", "classes", "tests", "expected s", "run s", "invocation s"]]
    summary = []
    for (total, kind), by_index in runs.items():
        medians = {}
        for index, shard_runs in sorted(by_index.items()):
            last = shard_runs[-1]
            medians[index] = (statistics.median(r["run"] for r in shard_runs),
                              statistics.median(r["invocation"] for r in shard_runs))
            rows.append([str(total), kind, f"{index}/{total}", str(last["classes"]),
                         str(last["tests"]), seconds(last["expected"]) if kind != "none" else "",
                         seconds(medians[index][0]), seconds(medians[index][1])])
        once = _every_class_once(by_index, whole["names"])
        mean_run = statistics.mean(m[0] for m in medians.values())
        mean_invocation = statistics.mean(m[1] for m in medians.values())
        slowest_run = max(m[0] for m in medians.values())
        slowest_invocation = max(m[1] for m in medians.values())
        summary.append([name.removeprefix("real-"), str(total), kind, seconds(slowest_run),
                        seconds(mean_run), ratio(slowest_run, mean_run), ratio(slowest_invocation, mean_invocation),
                        once])
    results.say("")
    results.say(f"{name}: each shard's median over the rounds ('expected' = the split's estimate from the history):")
    results.say(table(rows, right={3, 4, 5, 6, 7}))
    results.record(f"{name}.whole", {k: v for k, v in whole.items() if k != "names"})
    results.record(f"{name}.shards", [{"shards": total, "history": kind, "index": index,
                                       **{k: v for k, v in r.items() if k != "names"}}
                                      for (total, kind), by_index in runs.items()
                                      for index, shard_runs in by_index.items() for r in shard_runs])
    return summary


def _isolane_run(env: maven.Environment, project: suites.Project, log: Path, number: int, history: Path,
                 properties: tuple[str, ...], offline: bool = True) -> dict:
    """One isolane:test invocation; what its isolane-report.json says of it."""
    reports = project.directory / "target" / "isolane-reports"
    if reports.exists():
        shutil.rmtree(reports)
    run = maven.run(env, project.directory, "isolane", ("isolane:test",), log, number, offline=offline,
                    properties=(f"-Disolane.historyFile={history}", "-Dmaven.test.failure.ignore=true",
                                *properties))
    report_file = reports / "isolane-report.json"
    if not report_file.exists():
        raise SystemExit(f"benchmark: no isolane-report.json after {log} (exit {run.exit_code})")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    shard = report.get("shard") or {}
    names = [c["className"] for c in report.get("classes", [])]
    return {"run": report["durationMillis"] / 1000, "invocation": run.wall, "exit": run.exit_code,
            "classes": len(names), "tests": report["totals"]["tests"], "names": names,
            "expected": shard.get("expectedMillis", 0) / 1000, "split_key": shard.get("splitKey", "")}


def _every_class_once(by_index: dict[int, list[dict]], whole: list[str]) -> str:
    """Whether, in every round, the shards together ran each class of the whole run exactly once."""
    rounds = len(next(iter(by_index.values())))
    for number in range(rounds):
        ran = [name for runs in by_index.values() for name in runs[number]["names"]]
        if len(ran) != len(set(ran)):
            return f"NO: round {number + 1} ran {len(ran) - len(set(ran))} class(es) twice"
        if set(ran) != set(whole):
            return f"NO: round {number + 1} missed {len(set(whole) - set(ran))}, added {len(set(ran) - set(whole))}"
    return "yes"


MODES = {**modes.MODES, "shards": shards}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
