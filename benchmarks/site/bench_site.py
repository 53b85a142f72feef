"""Measure onboardkit's site step against a plain MkDocs build of the same Markdown.

Generates a project of N guides (default 200) in English and Arabic from the small test
fixture, then times, in the same run:

1. plain   `mkdocs build` of the Markdown that onboardkit generated, without the onboardkit
           plugin (same theme, i18n and extensions): the baseline;
2. cold    onboardkit's site step (validation, rendering of every guide, MkDocs build);
3. rebuild onboardkit's site step again with nothing changed.

Usage: python benchmarks/site/bench_site.py [--guides 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURE = REPOSITORY / "tests" / "fixtures" / "mini"

GUIDE = """kind: workflow
title: Workflow number {n}
summary: Book, label and track parcels for case {n} of the benchmark.
audience: Warehouse staff
time_minutes: 10
order: {n}
steps:
{steps}
related:
  - install
"""
STEP = """  - id: step-{i}
    title: Step {i} of workflow {n}
    text: |
      Open [[menu:mini_connector.menu_mini_shipments]] and check [[field:mini.shipment/api_key]].
      This paragraph explains what happens in step {i} so the page has realistic length,
      with a second sentence about the carrier, labels and tracking numbers.
    result: The shipment shows the state you expect after step {i}.
"""


def make_project(destination: Path, guides: int) -> Path:
    root = destination / "project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("onboarding"))
    onboarding = root / "onboarding"
    onboarding.mkdir()
    for name in ("install", "configure", "problems"):
        shutil.copy(FIXTURE / "onboarding" / f"{name}.yml", onboarding)
    nav = []
    for n in range(guides):
        steps = "".join(STEP.format(i=i, n=n) for i in range(6))
        (onboarding / f"workflow-{n:03d}.yml").write_text(GUIDE.format(n=n, steps=steps))
        nav.append(f"          - onboarding/workflow-{n:03d}.md")
    # Nested navigation keeps MkDocs fast: every page embeds the navigation.
    sections = []
    for start in range(0, guides, 20):
        sections.append(f"      - Workflows {start + 1}-{start + 20}:")
        sections += nav[start : start + 20]
    config = (root / "mkdocs.yml").read_text()
    config = config.replace(
        "      - onboarding/problems.md\n",
        "      - onboarding/problems.md\n  - Workflows:\n" + "\n".join(sections) + "\n",
    )
    (root / "mkdocs.yml").write_text(config)
    return root


def timed(command: list[str], cwd: Path) -> float:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment, check=True, capture_output=True)
    return time.perf_counter() - start


def plain_copy(root: Path, destination: Path) -> Path:
    """A MkDocs project with the generated pages as plain files and no onboardkit plugin."""
    plain = destination / "plain"
    shutil.copytree(root / "docs", plain / "docs")
    shutil.copytree(REPOSITORY / "src" / "onboardkit" / "assets", plain / "docs" / "assets" / "onboardkit")
    config = (root / "mkdocs.yml").read_text().replace("  - onboardkit\n", "")
    config += "extra_css:\n  - assets/onboardkit/onboardkit.css\n"
    (plain / "mkdocs.yml").write_text(config)
    return plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    mkdocs = str(bin_dir / "mkdocs")
    onboardkit = str(bin_dir / "onboardkit")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        root = make_project(work, arguments.guides)
        subprocess.run([onboardkit, "site"], cwd=root, check=True, capture_output=True,
                       env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        plain = plain_copy(root, work)
        results: dict[str, list[float]] = {"plain": [], "cold": [], "rebuild": []}
        for _ in range(arguments.repeat):
            results["plain"].append(timed([mkdocs, "build", "-q", "-d", str(work / "plain-site")], plain))
            shutil.rmtree(root / "docs" / "onboarding")
            results["cold"].append(timed([onboardkit, "-q", "site"], root))
            results["rebuild"].append(timed([onboardkit, "-q", "site"], root))
    pages = (arguments.guides + 3) * 2 + 7 * 2
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"site: {arguments.guides} guides + fixture pages, 2 languages (~{pages} pages)")
    baseline = statistics.median(results["plain"])
    for name, values in results.items():
        median = statistics.median(values)
        print(f"{name:8s} median {median:6.2f} s  ratio {median / baseline:4.2f}  runs {[round(v, 2) for v in values]}")


if __name__ == "__main__":
    main()
