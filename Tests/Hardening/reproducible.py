#!/usr/bin/env python3
"""Checks that two builds of the same content are byte-identical, whatever the machine does.

Usage: reproducible.py AVANCE [--entries N]

- generates a site of N actions (bench/gen-corpus.py) and a copy of it whose files are created
  in the reverse order, with shuffled modification times, under another path;
- builds the first on one core (`taskset -c 0`) in the C locale and UTC, the copy on every core
  in a Turkish locale when one is installed (where `I` lowercases to a dotless `ı`; else
  C.UTF-8) and a time zone of UTC+14, and the first again on every core;
- every file of the three outputs must be the same, byte for byte.
Exits 1 when a file differs (and lists the first ten), 2 when the tools are missing.
"""
import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def manifest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file()}


def copy_in_reverse(source, target):
    """The same tree, each folder's entries created in reverse order, with shuffled times."""
    target.mkdir(parents=True)
    for entry in sorted(source.iterdir(), reverse=True):
        if entry.is_dir():
            copy_in_reverse(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())
            moment = random.randint(0, 2_000_000_000)
            os.utime(target / entry.name, (moment, moment))


def turkish_locale():
    """tr_TR.UTF-8 when installed (`I` lowercases to a dotless `ı` there), else C.UTF-8."""
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().split()
    return "tr_TR.UTF-8" if "tr_tr.utf8" in installed else "C.UTF-8"


def build(avance, root, output, environment, cores=None):
    command = ([shutil.which("taskset"), "-c", cores] if cores else []) + [
        avance, "build", "--root", str(root), "--output", str(output), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, **environment))
    if result.returncode != 0:
        print(result.stdout + result.stderr)
        sys.exit(f"the build of {root} failed")
    return manifest(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("avance")
    parser.add_argument("--entries", type=int, default=200)
    arguments = parser.parse_args()
    avance = str(Path(arguments.avance).resolve())
    if not shutil.which("taskset"):
        sys.exit("taskset is missing (util-linux)")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="avance-reproducible-") as folder:
        work = Path(folder)
        subprocess.run([sys.executable, str(REPOSITORY / "bench/gen-corpus.py"), str(arguments.entries),
                        str(work / "a")], check=True, stdout=subprocess.DEVNULL)
        copy_in_reverse(work / "a", work / "elsewhere" / "b")
        one_core = build(avance, work / "a", work / "out-1", {"LC_ALL": "C", "TZ": "UTC"}, cores="0")
        locale = turkish_locale()
        every_core = build(avance, work / "elsewhere" / "b", work / "out-2",
                           {"LC_ALL": locale, "LANG": locale, "TZ": "Pacific/Kiritimati"})
        again = build(avance, work / "a", work / "out-3", {})
        print(f"{arguments.entries} actions, {len(one_core)} files: built on 1 core (C locale, UTC), on {cores} "
              f"cores from a copy made in reverse order under another path ({locale} locale, UTC+14), and again")
        differences = sorted(path for path in set(one_core) | set(every_core) | set(again)
                             if not one_core.get(path) == every_core.get(path) == again.get(path))
        if differences:
            print(f"{len(differences)} files differ:")
            for path in differences[:10]:
                print(f"  {path}")
            sys.exit(1)
        print("the three builds are byte-identical")


if __name__ == "__main__":
    main()
