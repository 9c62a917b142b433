"""Re-running a figure cell is free: the old explorer's widgets, canvas and figure are closed, not kept.

In a real kernel (nbclient, as nbval runs the notebooks): each notebook run top to bottom once, then each of its
figure cells run 20 more times, as a learner re-running cells does. The live widget count stays the same and
the kernel's resident memory stays within 15 MB of what it was after the first run.
"""
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FIGURE_CELL = re.compile(r"mh\.\w+_(explorer|figure)\(")  # a cell that builds a figure
RERUNS = 20
STATE = r"""
import gc, json, psutil, ipywidgets.widgets.widget as _widget
gc.collect()
print(json.dumps({"rss_mb": psutil.Process().memory_info().rss / 2**20, "widgets": len(_widget._instances)}))
"""


def figure_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and FIGURE_CELL.search(c.source)]


def rerun_state(path, reruns):
    """Kernel state ({rss_mb, widgets}) after one run of the notebook, after one more run of each figure
    cell, and after `reruns` more."""
    nb = nbformat.read(path, as_version=4)
    figures = figure_cells(nb)
    probes = []
    for n in (0, 1, reruns - 1):
        nb.cells += [nbformat.v4.new_code_cell(c.source) for _ in range(n) for c in figures]
        probes.append(nbformat.v4.new_code_cell(STATE))
        nb.cells.append(probes[-1])
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return [json.loads(p.outputs[0]["text"]) for p in probes]


@pytest.mark.parametrize("path", [p for p in sorted(NOTEBOOKS.glob("*.ipynb")) if not p.name.startswith("00_")],
                         ids=lambda p: p.stem)  # 00, the notation card, is markdown alone: nothing to re-run
def test_rerunning_every_figure_cell_keeps_widgets_and_memory_flat(path):
    assert figure_cells(nbformat.read(path, as_version=4)), "the notebook has figure cells"
    first, second, last = rerun_state(path, RERUNS)
    print(f"{path.name}: after one run {first}, one re-run {second}, {RERUNS} re-runs {last}")
    assert second["widgets"] == first["widgets"] == last["widgets"], "old widgets are closed"
    assert last["rss_mb"] - first["rss_mb"] <= 15, "memory stays within 15 MB"
