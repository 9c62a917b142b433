"""What learners do to explorers in JupyterLab (headless Chromium): a second explorer in a cell of its own, a re-run
cell, keys typed on a focused figure. JupyterLab sends each cell's id with its execution request: re-running a cell
closes what that cell built, and nothing another cell built; no key closes, rescales or pans a figure.

One small notebook (the explorer of notebook 01, and a second one below it, as a learner adds to compare) is opened
and run once for both tests. The kernel's side is read with code run beside the cells (`kernel_print`).
"""
import json

import nbformat
import pytest

from browser import PANEL, REPAINTS, chromium, lab_server, open_notebook, press_arrow_key, repaints, require_browser

require_browser("browser robustness tests")

CELLS = ['%matplotlib widget\nimport sys, json\nsys.path.insert(0, "..")\nimport mlmath_helpers as mh\n'
         "import matplotlib.pyplot as plt",
         "prediction = mh.prediction_explorer(W=2.0, x=1.0, b=-1.0)\nprediction",
         "compare = mh.prediction_explorer(W=5.0, x=0.0, b=0.0)\ncompare"]
STATE = ("json.dumps([{0}.fig is not None and plt.fignum_exists({0}.fig.number), {0}.fig and {0}.fig.canvas.toolbar.mode,"
         " {0}.fig and [[ax.get_xscale(), ax.get_yscale(), list(ax.get_xlim()), list(ax.get_ylim()),"
         " any(g.get_visible() for g in ax.get_xgridlines() + ax.get_ygridlines())] for ax in {0}.fig.axes]])")


@pytest.fixture(scope="module")
def page():
    with lab_server() as (base, token, notebooks), chromium() as browser:
        metadata = nbformat.read(notebooks / "01_prediction.ipynb", as_version=4).metadata  # its kernel, no dialog
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS], metadata=metadata)
        nbformat.write(nb, notebooks / "robust.ipynb")
        page = open_notebook(browser, base, token, "robust.ipynb")
        explorers = page.locator(PANEL).locator(".mlmath-explorer")
        explorers.last.locator("canvas").first.wait_for(timeout=30000)
        page.wait_for_function(f"es => es.every(e => ({REPAINTS})(e) > 0)", arg=explorers.element_handles(),
                               timeout=30000)
        yield page
        page.close()


def kernel_print(page, code):
    """What `code` prints, run in the notebook's kernel beside its cells (an execution request of no cell)."""
    return page.evaluate("""async (code) => {
      const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
      const future = kernel.requestExecute({code, store_history: false});
      let out = "";
      future.onIOPub = (msg) => {
        if (msg.header.msg_type === "stream") out += msg.content.text;
        if (msg.header.msg_type === "error") out += msg.content.ename + ": " + msg.content.evalue;
      };
      await future.done;
      return out.trim();
    }""", code)


def run_cell(page, index):
    """Run one cell as the learner does (Shift+Enter's command, without moving on); JupyterLab sends its id."""
    page.evaluate("""async (index) => {
      const panel = window.jupyterapp.shell.currentWidget;
      panel.content.activeCellIndex = index;
      await window.jupyterapp.commands.execute('notebook:run-cell');
    }""", index)
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                           timeout=30000)


def answers(page, explorer, what):
    """An arrow key on the explorer's first slider repaints its figure."""
    element = explorer.element_handle()
    before = repaints(element)
    handle = explorer.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    press_arrow_key(page, handle, what)
    page.wait_for_function(f"([e, n]) => ({REPAINTS})(e) > n", arg=[element, before], timeout=15000)


def test_a_second_explorer_and_a_rerun_close_only_what_the_rerun_cell_built(page):
    explorers = page.locator(PANEL).locator(".mlmath-explorer")
    assert kernel_print(page, "print(prediction.fig is not None, compare.fig is not None)") == "True True", \
        "building the second explorer left the first alive"
    assert explorers.count() == 2, "both are shown"
    answers(page, explorers.nth(0), "the first explorer, after the second was built")
    answers(page, explorers.nth(1), "the second explorer")

    kernel_print(page, "old = prediction")
    run_cell(page, 1)
    page.wait_for_function(f"es => es.length === 2 && es.every(e => ({REPAINTS})(e) > 0)",
                           arg=page.locator(PANEL).locator(".mlmath-explorer").element_handles(), timeout=30000)
    assert kernel_print(page, "print(old.fig is None, prediction is not old, prediction.fig is not None, "
                              "compare.fig is not None)") == "True True True True", \
        "the re-run closed its own old explorer and nothing else"
    explorers = page.locator(PANEL).locator(".mlmath-explorer")
    answers(page, explorers.nth(1), "the second explorer, after the first cell ran again")
    answers(page, explorers.nth(0), "the first cell's new explorer")


def test_no_key_on_a_focused_figure_closes_rescales_or_pans_it_and_tab_leaves_it(page):
    explorer = page.locator(PANEL).locator(".mlmath-explorer").last  # the second explorer, `compare`
    canvas = explorer.locator(".jupyter-matplotlib-canvas-div")
    canvas.scroll_into_view_if_needed()
    before = kernel_print(page, f"print({STATE.format('compare')})")
    assert json.loads(before)[:2] == [True, ""], before
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.5)  # inside the axes
    for key in ["l", "k", "g", "p", "o", "f", "s", "h", "q"]:
        page.keyboard.press(key)
    answers(page, explorer, "the figure after the keys")  # the kernel has handled the keys, sent before the slider's
    assert kernel_print(page, f"print({STATE.format('compare')})") == before, "the figure is as it was"
    assert downloads == [], "no key saved the figure"

    canvas.focus()
    page.keyboard.press("Tab")
    assert not canvas.evaluate("c => c === document.activeElement || c.contains(document.activeElement)"), \
        "Tab leaves the figure"
