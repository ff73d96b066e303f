"""Isolane's benchmark against Surefire: generated suites, timed Maven runs, tables. Run it through ../run.sh."""
