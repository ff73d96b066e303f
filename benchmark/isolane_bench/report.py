"""Test outcomes from the XML reports, figures from timed runs, and the tables the benchmark prints."""

from __future__ import annotations

import json
import re
import statistics
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .maven import Run

STATUSES = ("passed", "failed", "error", "skipped")


@dataclass(frozen=True)
class Outcomes:
    """The status of every test case, keyed ``classname#name`` (a repeated key gets `` (2)``, `` (3)``...), so two
    runs compare test for test; and the sum of the report's class times, which takes no part in the comparison."""

    by_test: dict[str, str]
    class_seconds: float = field(default=0.0, compare=False)

    @property
    def by_class(self) -> dict[str, tuple[int, int, int, int]]:
        """Per top-level class (nested classes count towards theirs): passed, failed, error, skipped."""
        counts: dict[str, Counter] = defaultdict(Counter)
        for key, status in self.by_test.items():
            counts[key.split("#", 1)[0].split("$")[0]][status] += 1
        return {name: tuple(c[s] for s in STATUSES) for name, c in counts.items()}

    @property
    def failing(self) -> tuple[str, ...]:
        return tuple(f"{key} ({status})" for key, status in self.by_test.items() if status in ("failed", "error"))

    @property
    def totals(self) -> dict[str, int]:
        counts = Counter(self.by_test.values())
        return {"classes": len(self.by_class), "tests": len(self.by_test), **{s: counts[s] for s in STATUSES}}

    def summary(self) -> str:
        t = self.totals
        return (f"{t['classes']} classes, {t['tests']} tests: {t['passed']} passed, {t['failed']} failed, "
                f"{t['error']} errors, {t['skipped']} skipped")

    def differences(self, other: "Outcomes", limit: int = 8) -> list[str]:
        """What differs from ``other``, test for test; empty when the outcomes are the same."""
        lines = []
        for key in sorted(set(self.by_test) | set(other.by_test)):
            mine, theirs = self.by_test.get(key, "absent"), other.by_test.get(key, "absent")
            if mine != theirs:
                lines.append(f"{key}: {mine} here, {theirs} there")
        if len(lines) > limit:
            lines = lines[:limit] + [f"... and {len(lines) - limit} more tests"]
        return lines


def _status(case: ElementTree.Element) -> str:
    for tag, status in (("failure", "failed"), ("error", "error"), ("skipped", "skipped")):
        if case.find(tag) is not None:
            return status
    return "passed"  # a flaky test (passed on a rerun) too: no configuration here reruns


def _seconds_attribute(element: ElementTree.Element) -> float:
    """A report's ``time``: Surefire may group thousands with a comma (``1,234.5``)."""
    try:
        return float((element.get("time") or "0").replace(",", ""))
    except ValueError:
        return 0.0


def outcomes(directory: Path) -> Outcomes:
    """Read every TEST-*.xml under ``directory``: each test case's status, and the sum of the files' class times
    (their ``testsuite time`` attributes)."""
    by_test: dict[str, str] = {}
    class_seconds = 0.0
    for file in sorted(directory.glob("TEST-*.xml")):
        root = ElementTree.parse(file).getroot()
        class_seconds += sum(_seconds_attribute(s) for s in ([root] if root.tag == "testsuite"
                                                            else root.findall("testsuite")))
        for case in root.iter("testcase"):
            key = f"{case.get('classname') or root.get('name') or file.stem[5:]}#{case.get('name')}"
            unique, number = key, 2
            while unique in by_test:
                unique, number = f"{key} ({number})", number + 1
            by_test[unique] = _status(case)
    return Outcomes(by_test, class_seconds)


# ---------------------------------------------------------------------------------------------------------------------
# Figures

@dataclass(frozen=True)
class Figures:
    name: str
    runs: int
    median: float
    minimum: float
    maximum: float
    cpu_all: float      # median
    cpu_maven: float    # median

    @staticmethod
    def of(name: str, runs: list[Run]) -> "Figures":
        walls = [r.wall for r in runs]
        return Figures(name, len(runs), statistics.median(walls), min(walls), max(walls),
                       statistics.median(r.cpu_all for r in runs), statistics.median(r.cpu_maven for r in runs))


@dataclass(frozen=True)
class IsolaneReport:
    """What one run's isolane-report.json says about Isolane itself: its configuration, its own CPU, its threads."""

    duration_millis: int
    coordinator_cpu_millis: int  # -1 where the platform did not say
    class_span_seconds: float    # sum over classes of endMillis - startMillis
    config: dict
    threads: str                 # whatever thread information the report holds, and what its class entries show

    @staticmethod
    def read(directory: Path) -> "IsolaneReport | None":
        path = directory / "isolane-report.json"
        if not path.exists():
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
        classes = document.get("classes", [])
        return IsolaneReport(
            int(document.get("durationMillis", 0)), int(document.get("coordinatorCpuMillis", -1)),
            sum(c.get("endMillis", 0) - c.get("startMillis", 0) for c in classes) / 1000,
            document.get("config", {}), _threads(document))

    @property
    def coordinator_share(self) -> float | None:
        if self.coordinator_cpu_millis < 0 or self.duration_millis <= 0:
            return None
        return self.coordinator_cpu_millis / self.duration_millis

    @property
    def setup(self) -> str:
        return " ".join(f"{key}={_compact(value)}" for key, value in self.config.items())


THREAD_FIELD = re.compile(r"thread|lane", re.IGNORECASE)


def _compact(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))


def _threads(document: dict) -> str:
    """Every field about threads or lanes in ``config`` or at the top level, and what the shared lane's class
    entries show: how many threads ran them and how many ran at once."""
    fields = [f"{key}={_compact(value)}" for key, value in document.get("config", {}).items()
              if THREAD_FIELD.search(key)]
    fields += [f"{key}={_compact(value)}" for key, value in document.items()
               if key not in ("config", "classes") and THREAD_FIELD.search(key)]
    shared = [c for c in document.get("classes", []) if c.get("lane") == "shared"]
    if shared:
        edges = sorted([(c["startMillis"], 1) for c in shared] + [(c["endMillis"], -1) for c in shared])
        running = peak = 0
        for _, step in edges:  # at equal times an end (-1) sorts before a start: touching spans do not overlap
            running += step
            peak = max(peak, running)
        fields.append(f"shared lane ran {len(shared)} classes on {len({c.get('thread') for c in shared})} threads, "
                      f"up to {peak} at once")
    return "; ".join(fields)


@dataclass(frozen=True)
class ReportFigures:
    """Medians over one configuration's timed runs of what its reports say: the sum of its class times, and for
    Isolane the classes' spans, the coordinator's CPU share and the threads (of the last run)."""

    name: str
    class_seconds: float
    span_seconds: float | None
    coordinator_share: float | None
    threads: str
    setup: str

    @staticmethod
    def of(name: str, seen: list[Outcomes], reports: list[IsolaneReport]) -> "ReportFigures":
        shares = [r.coordinator_share for r in reports if r.coordinator_share is not None]
        return ReportFigures(
            name, statistics.median(o.class_seconds for o in seen) if seen else 0.0,
            statistics.median(r.class_span_seconds for r in reports) if reports else None,
            statistics.median(shares) if shares else None,
            reports[-1].threads if reports else "", reports[-1].setup if reports else "")


def share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def report_table(figures: list[ReportFigures], reference: str) -> str:
    """Per configuration: the sum of its class times (TEST-*.xml), as a ratio of the reference's, Isolane's class
    spans and coordinator CPU share (isolane-report.json), and its threads."""
    ref = next(f for f in figures if f.name == reference)
    rows = [["configuration", "sum of class times s", f"this/{reference}", "Isolane class spans s",
             "coordinator CPU/wall", "threads (isolane-report.json)"]]
    for f in figures:
        rows.append([f.name, seconds(f.class_seconds), ratio(f.class_seconds, ref.class_seconds),
                     "" if f.span_seconds is None else seconds(f.span_seconds),
                     "" if f.span_seconds is None else share(f.coordinator_share), f.threads])
    return table(rows, right={1, 2, 3, 4})


def table(rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right if right is not None else set(range(1, len(rows[0])))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def seconds(value: float) -> str:
    return f"{value:.2f}"


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}x" if denominator > 0 else "n/a"


def timing_table(figures: list[Figures], noop: Figures, reference: str, notes: dict[str, str],
                 verdicts: dict[str, str]) -> str:
    """Medians, spread, net of Maven's start, CPU, and the reference configuration's time as a ratio of each."""
    ref = next(f for f in figures if f.name == reference)
    rows = [["configuration", "runs", "median s", "min s", "max s", "net s", f"{reference}/this",
             f"{reference}/this net", "CPU s all", "CPU s Maven JVM", "Maven JVM net", "outcomes", "set-up"]]
    for f in [*figures, noop]:
        is_noop = f is noop
        net = f.median - noop.median
        rows.append([
            f.name, str(f.runs), seconds(f.median), seconds(f.minimum), seconds(f.maximum),
            "" if is_noop else seconds(net),
            "" if is_noop else ratio(ref.median, f.median),
            "" if is_noop else ratio(ref.median - noop.median, net),
            seconds(f.cpu_all), seconds(f.cpu_maven),
            "" if is_noop else seconds(f.cpu_maven - noop.cpu_maven),
            verdicts.get(f.name, ""), notes.get(f.name, ""),
        ])
    return table(rows, right=set(range(1, 11)))


class Results:
    """Collects what a mode prints, and writes it with the raw runs to the results directory at the end."""

    def __init__(self, directory: Path, mode: str, stamp: str):
        directory.mkdir(parents=True, exist_ok=True)
        self.text_file = directory / f"{mode}-{stamp}.txt"
        self.json_file = directory / f"{mode}-{stamp}.json"
        self.lines: list[str] = []
        self.data: dict = {"mode": mode, "stamp": stamp}

    def say(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)

    def record(self, key: str, value) -> None:
        self.data[key] = value

    def record_runs(self, key: str, runs: list[Run]) -> None:
        self.data[key] = [{**asdict(r), "log": str(r.log)} for r in runs]

    def write(self) -> None:
        self.text_file.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        self.json_file.write_text(json.dumps(self.data, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nResults written to {self.text_file} and {self.json_file.name}", flush=True)
