"""A notebook run, saved and reopened the next day (a new kernel) shows every figure as its picture, never "Error
displaying widget: model not found"; after Run All its explorers are live again.

JupyterLab trusts the notebooks it saves, and for a trusted output it prefers the widget view to the picture beside
it, though the widget's model died with the kernel. So JupyterLab saves, of each figure's output, the picture and
its description without the widget view (tasks.py `keep_pictures_on_save`, the server's pre-save hook).
"""
import json
import urllib.request

from browser import PANEL, chromium, lab_server, open_notebook, require_browser

NOTEBOOK = "01_prediction.ipynb"
ERRORS = ["Error displaying widget", "Loading widget", "model not found"]

require_browser("the saved-notebook browser test")


def descriptions(path):
    """The description (text/plain) of every output that carries a picture, in the saved file."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(o["data"]["text/plain"]) for c in cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]


def shut_down_kernels(base, token):
    """What a night does to the kernel: gone, with every widget model it held."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}") as answer:
        sessions = json.load(answer)
    for session in sessions:
        request = urllib.request.Request(f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(request).close()


def test_a_saved_notebook_reopens_with_its_pictures_then_runs_live():
    with lab_server() as (base, token, notebooks), chromium() as browser:
        page = open_notebook(browser, base, token, NOTEBOOK)
        explorers = page.locator(f"{PANEL} .mlmath-explorer").count()
        assert explorers > 0
        page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
        page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=30000)
        page.close()
        shut_down_kernels(base, token)
        expected = descriptions(notebooks / NOTEBOOK)
        assert len(expected) >= explorers, "every figure of the run was saved with its picture"

        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/lab/workspaces/next-day/tree/{NOTEBOOK}?reset&token={token}", wait_until="commit")
        page.wait_for_function("""(name) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
          return w && w.context && w.context.path === name && w.sessionContext.session
                 && w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle'; }""",
                               arg=NOTEBOOK, timeout=120000)
        panel = page.locator(PANEL)
        page.wait_for_timeout(3000)  # the widget manager has restored what it can from the new kernel (nothing)
        text = panel.text_content()
        assert not [e for e in ERRORS if e in text], "no widget error where a picture was saved"
        images = panel.locator(".jp-OutputArea-output img").evaluate_all(
            "es => es.map(e => ({alt: e.getAttribute('alt'), width: e.naturalWidth}))")
        assert [i["alt"] for i in images] == expected, "every figure shows its picture, its description as alt text"
        assert all(i["width"] > 100 for i in images)
        assert panel.locator(".mlmath-static-note").count() == explorers, "each explorer says how to bring it alive"

        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function("""() => { const w = window.jupyterapp.shell.currentWidget;
          const cells = w.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.source.trim());
          return w.sessionContext.session.kernel.status === 'idle' && cells.every(c => c.model.executionCount !== null
                 && !c.promptNode.textContent.includes('*')); }""", timeout=240000, polling=250)
        panel.locator(".mlmath-explorer .jupyter-matplotlib-canvas-div").first.wait_for(timeout=30000)
        assert panel.locator(".mlmath-explorer").count() == explorers, "after Run All the explorers are live again"
        assert panel.locator(".mlmath-explorer canvas").count() >= explorers
        text = panel.text_content()
        assert not [e for e in ERRORS if e in text]
        page.close()
