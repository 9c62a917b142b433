"""Run time and memory of each notebook, against the floor of a bare kernel start plus the imports.

For every notebook: the wall time of executing it top to bottom in a fresh kernel (nbclient, as nbval does),
the same for a notebook holding only its first cell (the imports and `%matplotlib widget`: the floor), and
the kernel's peak resident memory after Run All. Targets: the whole suite within 1.5x the summed floors, and
every kernel under 200 MB, so a 20 GB hub serves 100 learners.

    .venv/bin/python benchmarks/run_time.py [--repeat 3]
"""
import argparse
import statistics
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PEAK_RSS = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"  # kB on Linux


def run(nb, path):
    """(seconds, peak kernel RSS in MB) for executing `nb` in a fresh kernel started in `path`."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_RSS))
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path)}}).execute()
    seconds = time.perf_counter() - start
    return seconds, int(nb.cells[-1].outputs[0]["text"]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook; the median is reported")
    args = parser.parse_args()
    total = floor_total = 0.0
    print(f"{'notebook':<28} {'run s':>7} {'floor s':>8} {'ratio':>6} {'peak MB':>8}")
    worst_mb = 0.0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        first = nbformat.v4.new_notebook(cells=[next(c for c in nb.cells if c.cell_type == "code")],
                                         metadata=nb.metadata)
        full = [run(nb, NOTEBOOKS) for _ in range(args.repeat)]
        bare = [run(first, NOTEBOOKS) for _ in range(args.repeat)]
        seconds = statistics.median(s for s, _ in full)
        floor = statistics.median(s for s, _ in bare)
        mb = max(m for _, m in full)
        worst_mb = max(worst_mb, mb)
        total, floor_total = total + seconds, floor_total + floor
        print(f"{path.name:<28} {seconds:7.2f} {floor:8.2f} {seconds / floor:6.2f} {mb:8.1f}")
    print(f"{'all notebooks':<28} {total:7.2f} {floor_total:8.2f} {total / floor_total:6.2f} {worst_mb:8.1f}")
    print(f"\ntargets: suite ratio <= 1.5 ({'met' if total / floor_total <= 1.5 else 'MISSED'}), "
          f"peak kernel memory <= 200 MB ({'met' if worst_mb <= 200 else 'MISSED'})")


if __name__ == "__main__":
    main()
