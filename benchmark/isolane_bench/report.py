"""Test outcomes from the XML reports, figures from timed runs, and the tables the benchmark prints."""

from __future__ import annotations

import json
import statistics
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from .maven import Run

STATUSES = ("passed", "failed", "error", "skipped")


@dataclass(frozen=True)
class Outcomes:
    """Per top-level test class: how many tests passed, failed, errored and were skipped; and the failing tests."""

    by_class: dict[str, tuple[int, int, int, int]]
    failing: tuple[str, ...]

    @property
    def totals(self) -> dict[str, int]:
        sums = [sum(counts[i] for counts in self.by_class.values()) for i in range(4)]
        return {"classes": len(self.by_class), "tests": sum(sums), **dict(zip(STATUSES, sums))}

    def summary(self) -> str:
        t = self.totals
        return (f"{t['classes']} classes, {t['tests']} tests: {t['passed']} passed, {t['failed']} failed, "
                f"{t['error']} errors, {t['skipped']} skipped")

    def differences(self, other: "Outcomes", limit: int = 8) -> list[str]:
        """What differs from ``other``, class by class; empty when the outcomes are the same."""
        lines = []
        for name in sorted(set(self.by_class) | set(other.by_class)):
            mine, theirs = self.by_class.get(name), other.by_class.get(name)
            if mine != theirs:
                lines.append(f"{name}: {_counts(mine)} here, {_counts(theirs)} there")
        if len(lines) > limit:
            lines = lines[:limit] + [f"... and {len(lines) - limit} more classes"]
        return lines


def _counts(counts: tuple[int, int, int, int] | None) -> str:
    if counts is None:
        return "absent"
    return "/".join(str(c) for c in counts) + " (passed/failed/error/skipped)"


def outcomes(directory: Path) -> Outcomes:
    """Read every TEST-*.xml under ``directory``; nested classes count towards their top-level class."""
    counts: dict[str, Counter] = defaultdict(Counter)
    failing = []
    for file in sorted(directory.glob("TEST-*.xml")):
        root = ElementTree.parse(file).getroot()
        for case in root.iter("testcase"):
            owner = (case.get("classname") or root.get("name") or file.stem[5:]).split("$")[0]
            if case.find("failure") is not None:
                status = "failed"
            elif case.find("error") is not None:
                status = "error"
            elif case.find("skipped") is not None:
                status = "skipped"
            else:
                status = "passed"
            counts[owner][status] += 1
            if status in ("failed", "error"):
                failing.append(f"{owner}#{case.get('name')} ({status})")
    return Outcomes({name: tuple(c[s] for s in STATUSES) for name, c in counts.items()}, tuple(failing))


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
