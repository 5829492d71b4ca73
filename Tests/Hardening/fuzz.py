#!/usr/bin/env python3
"""Runs avance's libFuzzer targets (see docs/hardening.md) and reports each run.

Usage: fuzz.py SCRATCH SECONDS TARGET...   (make fuzz: SCRATCH=.build-fuzz, SECONDS=$FUZZ_SECONDS)

- the targets must be built already, with -sanitize=fuzzer,address, in SCRATCH/release/;
- seeds: every .md and .yaml file of content/, Tests/Fixtures/ (the hostile site included), one
  file per distinct content, in SCRATCH/seeds/<target>/;
- the corpus grows in SCRATCH/corpus/<target>/ from one run to the next; crashes, timeouts (an
  input that takes more than 10 s) and out-of-memory inputs (over 2 GB) are written to
  SCRATCH/artifacts/<target>/; the full log to SCRATCH/logs/<target>.log;
- all targets run at the same time (libFuzzer uses one core each), for SECONDS seconds;
- prints, per target: executions, executions per second, coverage (edges and features), corpus
  size, peak memory and the artifacts found. Exits 1 when any target found something.
"""
import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
DICTIONARIES = {"FuzzEntry": "entry.dict", "FuzzMarkdown": "markdown.dict"}


def seed(folder):
    """Copies the site files of the repository into `folder`, named by their hash."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for top in ["content", "Tests/Fixtures"]:
        for path in sorted((REPOSITORY / top).rglob("*")):
            if path.is_file() and path.suffix in (".md", ".yaml", ".yml"):
                data = path.read_bytes()
                (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
                count += 1
    return count


def start(scratch, target, seconds):
    binary = scratch / "release" / target
    if not binary.exists():
        sys.exit(f"{binary} is missing: build it with make fuzz")
    seeds, corpus = scratch / "seeds" / target, scratch / "corpus" / target
    artifacts, logs = scratch / "artifacts" / target, scratch / "logs"
    for folder in (corpus, artifacts, logs):
        folder.mkdir(parents=True, exist_ok=True)
    seeded = seed(seeds)
    command = [
        str(binary), f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1",
        f"-artifact_prefix={artifacts}/", f"-dict={Path(__file__).parent / 'fuzz' / DICTIONARIES[target]}",
        str(corpus), str(seeds),
    ]
    # Swift's own crash backtracer would race ASan's report; leaks of the runtime's caches are not bugs.
    environment = dict(os.environ, SWIFT_BACKTRACE="enable=no", ASAN_OPTIONS="detect_leaks=0")
    log = open(logs / f"{target}.log", "w")
    print(f"{target}: {seeded} seed files, corpus {corpus}, {seconds} s, log {logs / f'{target}.log'}", flush=True)
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment), log


def summary(scratch, target, status, elapsed):
    text = (scratch / "logs" / f"{target}.log").read_text(errors="replace")
    stats = dict(re.findall(r"stat::(\w+):\s+(\d+)", text))
    progress = re.findall(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/(\S+)", text)
    artifacts = sorted(p.name for p in (scratch / "artifacts" / target).iterdir())
    new = [line for line in text.splitlines() if "Test unit written to" in line]
    executions = stats.get("number_of_executed_units", progress[-1][0] if progress else "?")
    cov, ft, corp, size = progress[-1][1:] if progress else ("?",) * 4
    print(
        f"{target}: {executions} executions in {elapsed:.0f} s ({stats.get('average_exec_per_sec', '?')}/s), "
        f"coverage {cov} edges / {ft} features, corpus {corp} inputs ({size}), "
        f"peak RSS {stats.get('peak_rss_mb', '?')} MB, exit {status}; "
        f"{len(new)} new artifacts this run, {len(artifacts)} in total"
    )
    for line in new:
        print(f"  {line.strip()}")
    return status == 0 and not new


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    scratch, seconds, targets = Path(sys.argv[1]).resolve(), int(sys.argv[2]), sys.argv[3:]
    began = time.monotonic()
    runs = [(target, *start(scratch, target, seconds)) for target in targets]
    clean = True
    for target, process, log in runs:
        status = process.wait()
        log.close()
        clean = summary(scratch, target, status, time.monotonic() - began) and clean
    sys.exit(0 if clean else 1)


if __name__ == "__main__":
    main()
