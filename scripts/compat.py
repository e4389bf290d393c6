"""`make compat`: the site built with ProperDocs is the site built with MkDocs.

ProperDocs (the maintained fork of MkDocs 1.x) is the fallback if MkDocs itself stops
working. Both builds run on this project; every file must be byte-identical, except
for the `<meta name="generator">` tag, which names the engine. Exit code 1 otherwise,
with the files that differ.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(command: list[str], site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if "SOURCE_DATE_EPOCH" not in env:  # as the Makefile sets it: the last commit's time
        env["SOURCE_DATE_EPOCH"] = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                                                  capture_output=True, text=True).stdout.strip() or "0"
    result = subprocess.run([*command, "build", "--clean", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{command[0]} build failed:\n{result.stdout}{result.stderr}")


def differences(first: Path, second: Path) -> list[str]:
    """Files present in one site only, or whose bytes differ beyond the generator tag."""
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    found = [f"only in one build: {name}" for name in sorted(names ^ others)]
    for name in sorted(names & others):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if a != b and GENERATOR.sub(b"", a) != GENERATOR.sub(b"", b):
            found.append(f"differs: {name}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--properdocs", default="properdocs", help="the properdocs command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        mkdocs_site, properdocs_site = Path(temp) / "mkdocs", Path(temp) / "properdocs"
        build([sys.executable, "-m", "mkdocs"], mkdocs_site)
        build([args.properdocs], properdocs_site)
        found = differences(mkdocs_site, properdocs_site)
        count = sum(1 for p in mkdocs_site.rglob("*") if p.is_file())
    for line in found:
        print(line)
    if found:
        print(f"\nProperDocs and MkDocs built different sites ({len(found)} of {count} files).")
        return 1
    print(f"ProperDocs and MkDocs built the same site: {count} files, identical but for the generator tag.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
