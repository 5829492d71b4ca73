#!/usr/bin/env python3
"""Kills `avance build` at many moments and checks that public/ is always a whole site.

Usage: kill_build.py AVANCE [--entries N] [--kills K] [--seed S]

- generates a site of N actions with bench/gen-corpus.py (N=400: about 740 entries and 2,400
  output files), and a second version of it (every entry's text changed), and builds each once
  into a folder of its own: the two sites public/ may ever hold, file by file (SHA-256);
- builds version A into public/, then K times: switches the content to the other version,
  starts `avance build`, sends SIGKILL after a delay spread over the whole build (0 to 1.2 times
  its length, so that kills land in loading, rendering, writing the staging folder (a new one, or
  the previous site being recycled), the swap and putting the old site aside), and checks that
  public/ is exactly version A or version B;
- then builds once more without a kill: public/ must be the current version, and the staging
  and old folders that killed builds left beside it (.public.staging-<pid>, .public.old-<pid>)
  must be gone (the first is recycled, the others removed; .public.previous may stay).
Prints how many kills left the old site, how many the new one, and how many left a staging
folder behind. Exits 1 when public/ was ever anything else, 2 when the tools are missing.
"""
import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def manifest(folder):
    """Every file under `folder` with the SHA-256 of its bytes; `None` when it does not exist."""
    if not folder.exists():
        return None
    files = {}
    for path in folder.rglob("*"):
        if path.is_symlink() or path.is_file():
            files[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def build(avance, root, output=None):
    command = [avance, "build", "--root", str(root), "--quiet"]
    if output:
        command += ["--output", str(output)]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr)
        sys.exit(f"the build of {root} failed")
    return time.monotonic() - started


def make_version_b(content_a, content_b):
    """The same site with every entry's text changed, so that every page differs."""
    shutil.copytree(content_a, content_b)
    for path in content_b.rglob("*.md"):
        path.write_text(path.read_text(encoding="utf-8") + "\nVersión B.\n", encoding="utf-8")


def leftovers(root):
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".public.staging-", ".public.old-")))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("avance")
    parser.add_argument("--entries", type=int, default=400)
    parser.add_argument("--kills", type=int, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    arguments = parser.parse_args()
    avance = str(Path(arguments.avance).resolve())
    random.seed(arguments.seed)
    with tempfile.TemporaryDirectory(prefix="avance-kill-") as folder:
        work = Path(folder)
        root = work / "site"
        subprocess.run([sys.executable, str(REPOSITORY / "bench/gen-corpus.py"), str(arguments.entries), str(root)],
                       check=True, stdout=subprocess.DEVNULL)
        versions = {"A": work / "content-a", "B": work / "content-b"}
        shutil.move(root / "content", versions["A"])
        make_version_b(versions["A"], versions["B"])
        expected = {}
        durations = []
        for name, content in versions.items():
            shutil.copytree(content, root / "content")
            durations.append(build(avance, root, work / f"expected-{name}"))
            expected[name] = manifest(work / f"expected-{name}")
            shutil.rmtree(root / "content")
        if expected["A"] == expected["B"]:
            sys.exit("the two versions build the same site")
        length = max(durations)
        print(f"{arguments.entries} actions: {len(expected['A'])} files per site, a build takes {length:.2f} s; "
              f"{arguments.kills} kills (seed {arguments.seed})")

        current = held = "A"  # the content now, the site public/ holds
        shutil.copytree(versions[current], root / "content")
        build(avance, root)
        if manifest(root / "public") != expected["A"]:
            sys.exit("the first build did not make version A")
        outcomes = {"old": 0, "new": 0}
        left_behind = 0
        failures = []
        for kill in range(arguments.kills):
            current = "B" if current == "A" else "A"
            shutil.rmtree(root / "content")
            shutil.copytree(versions[current], root / "content")
            delay = (kill + random.random()) / arguments.kills * length * 1.2
            process = subprocess.Popen([avance, "build", "--root", str(root), "--quiet"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            found = manifest(root / "public")
            if found == expected[current]:
                outcomes["new" if current != held else "old"] += 1
                held = current
            elif found == expected[held]:
                outcomes["old"] += 1
            else:
                state = "missing" if found is None else f"{len(found)} files, neither version"
                failures.append(f"kill {kill + 1} after {delay:.3f} s: public/ is {state}")
                # Start again from a whole site, so that one failure does not hide the others.
                build(avance, root)
                held = current
            if leftovers(root):
                left_behind += 1
        build(avance, root)
        final = manifest(root / "public") == expected[current]
        remaining = leftovers(root)
        print(f"after each kill public/ was the previous site {outcomes['old']} times, the new one "
              f"{outcomes['new']} times, anything else {len(failures)} times; "
              f"{left_behind} kills left a staging or old folder behind")
        print(f"the next build: {'the current version' if final else 'NOT the current version'}, "
              f"leftovers {remaining or 'none'}")
        for failure in failures:
            print(f"  {failure}")
        if failures or not final or remaining:
            sys.exit(1)
        print("public/ was always one whole site")


if __name__ == "__main__":
    main()
