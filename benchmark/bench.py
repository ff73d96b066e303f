"""Isolane's benchmark against Surefire. Run it as benchmark/run.sh MODE [options]; see benchmark/README.md."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from isolane_bench import maven, modes, suites
from isolane_bench.report import Results

DEFAULT_ROUNDS = {"mixed": 3, "isolation": 3, "flags": 3, "scale": 1, "real": 1, "realsuites": 3, "profile": 1,
                  "ide": 3}
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

examples:
  benchmark/run.sh realsuites                         # every real-* suite, 3 rounds
  benchmark/run.sh realsuites --rounds 1 --suites csv --surefire-versions 3.6.1
  benchmark/run.sh realsuites --suites codec --profile
  benchmark/run.sh isolation --jvm /usr/lib/jvm/temurin-25-jdk-amd64   # the workers on Java 25
  benchmark/run.sh ide --isolated 8"""


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    sizes = suites.MixedSizes()
    parser = argparse.ArgumentParser(prog="benchmark/run.sh", description=__doc__, epilog=MODES_HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=[*modes.MODES, "all"],
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
    group = parser.add_argument_group("published suites (realsuites)")
    group.add_argument("--suites", default="",
                       help="comma-separated: which projects (csv, commons-csv or real-commons-csv); default all")
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
            modes.MODES[mode](env, options, results)
        finally:
            results.write()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
