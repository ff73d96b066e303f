#!/usr/bin/env bash
# Isolane's benchmark against Surefire: benchmark/run.sh MODE [options]; benchmark/run.sh --help for the options.
# Needs Java 17+, Maven 3.8+ and Python 3.9+ (standard library only). Writes only under benchmark/target/.
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
