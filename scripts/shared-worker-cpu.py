#!/usr/bin/env python3
"""Runs a command (a Maven build that runs Isolane) and prints the CPU seconds its shared worker JVM used.

    scripts/shared-worker-cpu.py mvn -o -q isolane:test -Disolane.detect=statics

The shared worker is found among the command's descendants by its command line (WorkerMain ... shared ...) and its
user+system CPU read from /proc/<pid>/stat every 50 ms until it exits; the last reading is its total, short by at
most the last 50 ms. On a machine shared with other builds the worker's CPU varies far less than wall time does,
which is why the cost of detection is measured this way (Linux only).
"""
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def parent(pid):
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def descends_from(pid, ancestor):
    try:
        while pid > 1:
            if pid == ancestor:
                return True
            pid = parent(pid)
    except OSError:
        pass
    return False


def shared_workers(ancestor):
    """The shared workers this command started (other builds on the machine run theirs too)."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if b"dev.isolane.core.worker.WorkerMain" in args:
            main = args.index(b"dev.isolane.core.worker.WorkerMain")
            if len(args) > main + 3 and args[main + 3] == b"shared" and descends_from(int(pid), ancestor):
                yield int(pid)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def main(command):
    started = time.monotonic()
    process = subprocess.Popen(command)
    seen = {}
    while process.poll() is None:
        for pid in shared_workers(process.pid):
            try:
                seen[pid] = cpu_seconds(pid)
            except OSError:
                pass
        time.sleep(0.05)
    wall = time.monotonic() - started
    total = sum(seen.values())
    print(f"shared worker CPU s: {total:.2f} ({len(seen)} JVM: "
          + ", ".join(f"{pid} {cpu:.2f}" for pid, cpu in sorted(seen.items())) + f")  wall s: {wall:.1f}"
          + f"  exit: {process.returncode}")
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
