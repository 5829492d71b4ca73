#!/usr/bin/env python3
"""Benchmark: a site of many tiny files builds, in bounded time and memory.

Usage: many_files.py AVANCE [--files N]   (make many-files; N = 100000 by default)

Generates a site with one collection and N entries of a title and one sentence each (N tiny
files in one folder), builds it with /usr/bin/time, and prints the build's wall time, pages per
second and peak memory, and the same for a tenth of the files, so that the growth shows (linear
growth: about ten times the time and memory). A benchmark rather than a unit test: at 100,000
files it takes minutes and gigabytes.
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
MODEL = """title: Muchas notas
base_url: https://example.org/
language: es
title_field: titulo
collections:
  notas:
    title: Notas
    fields:
      titulo: {type: string, required: true}
"""


def generate(root, count):
    notes = root / "content" / "notas"
    notes.mkdir(parents=True)
    (root / "content" / "site.yaml").write_text(MODEL)
    shutil.copytree(REPOSITORY / "theme", root / "theme")
    for index in range(count):
        (notes / f"nota-{index}.md").write_text(f"---\ntitulo: Nota {index}\n---\nUna frase de la nota {index}.\n")


def measure(avance, root):
    time_tool = shutil.which("time") or "/usr/bin/time"
    result = subprocess.run([time_tool, "-v", avance, "build", "--root", str(root), "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-2000:] + result.stderr[-2000:])
        sys.exit(f"the build of {root} failed")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = (float(x or 0) for x in wall.groups())
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    files = sum(1 for p in (root / "public").rglob("*") if p.is_file())
    return hours * 3600 + minutes * 60 + seconds, rss / 1024, files


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("avance")
    parser.add_argument("--files", type=int, default=100_000)
    arguments = parser.parse_args()
    avance = str(Path(arguments.avance).resolve())
    if not Path(shutil.which("time") or "/usr/bin/time").exists():
        sys.exit("GNU time is missing: apt-get install time")
    for count in [arguments.files // 10, arguments.files]:
        with tempfile.TemporaryDirectory(prefix="avance-many-") as folder:
            root = Path(folder) / "site"
            generate(root, count)
            seconds, megabytes, files = measure(avance, root)
            print(f"{count:>7} files: {seconds:7.1f} s, {count / seconds:7.0f} entries/s, "
                  f"peak RSS {megabytes:6.0f} MB, {files} output files", flush=True)


if __name__ == "__main__":
    main()
