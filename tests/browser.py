"""JupyterLab in a real browser, for the browser tests and the latency benchmark.

`lab_server()` starts JupyterLab as `tasks.py lab` does (127.0.0.1, its pre-save hook), on a free port with a
random token, on a copy of the notebooks, so nothing the browser runs is saved over the committed files; `open_notebook()` opens one in a fresh
workspace, runs all cells and waits for the kernel; the page counts canvas repaints per element.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import tasks  # noqa: E402  (JupyterLab's options, as `tasks.py lab` starts it)
CHROMIUM = "/usr/bin/chromium"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the visible notebook; restored tabs stay in the page hidden

# Every drawImage on a canvas counts a repaint on that canvas and stamps when it happened.
REPAINT_HOOK = """
(() => {
  const draw = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const c = this.canvas;
    c.__repaints = (c.__repaints || 0) + 1;
    c.__lastRepaint = performance.now();
    return draw.apply(this, args);
  };
})();
"""

SETTINGS = {  # JupyterLab's default windowing, as learners get it (every cell stays in the page), and no news
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "contentVisibility"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}


def browser_available():
    return Path(CHROMIUM).exists()


def require_browser(tests):
    """Skip the calling test module with a one-line reason when Chromium is missing; under CI=true, fail instead."""
    if browser_available():
        return
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"CI=true but {CHROMIUM} is missing: .ci/run installs it with apt-get")
    import pytest
    pytest.skip(f"{tests} need Debian's chromium (apt-get install chromium)", allow_module_level=True)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lab_server():
    """Yield (base_url, token, notebooks_dir); the server and its kernels are stopped at exit."""
    tmp = Path(tempfile.mkdtemp(prefix="mlmath-lab-"))
    work = tmp / "work"
    shutil.copytree(ROOT / "notebooks", work / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "mlmath_helpers.py", work)
    shutil.copytree(ROOT / "_mlmath", work / "_mlmath", ignore=shutil.ignore_patterns("__pycache__"))
    for name, value in SETTINGS.items():
        path = tmp / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    port, token = _free_port(), secrets.token_hex(24)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", *tasks.SERVER_OPTIONS,
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={work / 'notebooks'}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
           "--LabApp.expose_app_in_browser=True"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    # A private data dir too: the notary's signatures (which notebooks JupyterLab trusts) stay in it and go with it.
    env = dict(tasks.lab_env(), JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_DATA_DIR=str(tmp / "data"))
    log = open(tmp / "lab.log", "wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + (tmp / "lab.log").read_text()[-3000:])
                time.sleep(0.25)
        yield base, token, work / "notebooks"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the server and the kernels it started
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def chromium():
    """A headless Debian Chromium driven by Playwright; closed at exit."""
    from playwright.sync_api import sync_playwright
    args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        try:
            yield browser
        finally:
            browser.close()


def open_notebook(browser, base, token, name, timeout_s=240, device_scale_factor=1):
    """A new page with `name` opened in a fresh workspace, all cells run, the kernel idle.

    `device_scale_factor` is the screen's device pixel ratio (2 on most laptops); ipympl draws at it."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, device_scale_factor=device_scale_factor)
    page.add_init_script(REPAINT_HOOK)
    workspace = Path(name).stem.replace("_", "-")
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{name}?reset&token={token}")
    ready = """(name) => {
      const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
      const k = w && w.context && w.context.path === name && w.sessionContext.session
                && w.sessionContext.session.kernel;
      return !!k && k.status === 'idle';
    }"""
    page.wait_for_function(ready, arg=name, timeout=timeout_s * 1000)
    # Clear the stored outputs, then run everything; the command's promise settles when the last cell has run.
    page.evaluate("""async () => {
      await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');
      await window.jupyterapp.commands.execute('notebook:run-all-cells');
    }""")
    done = """() => {
      const w = window.jupyterapp.shell.currentWidget;
      const cells = w.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.source.trim());
      return w.sessionContext.session.kernel.status === 'idle' && cells.every(c => c.model.executionCount !== null);
    }"""
    page.wait_for_function(done, timeout=timeout_s * 1000, polling=250)
    return page


def press_arrow_key(page, handle, what):
    """Focus a slider's handle and press ArrowRight (ArrowLeft at the slider's maximum) until its value moves, at
    most three times: while JupyterLab settles after a run the focus can move away from the handle before the key
    arrives; the slider must still answer the key, so three presses that all leave the value as it was fail."""
    for _ in range(3):
        before = handle.get_attribute("aria-valuetext")  # the readout's text: aria-valuenow keeps one decimal
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.focus()
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        try:
            page.wait_for_function("([h, v]) => h.getAttribute('aria-valuetext') !== v",
                                   arg=[handle.element_handle(), before], timeout=2000)
            return
        except Exception:
            continue
    raise AssertionError(f"the arrow keys did not move {what}; the focus was on "
                         + page.evaluate("document.activeElement && document.activeElement.className"))


# How many times the canvases inside an element have been painted, as a JavaScript function of the element.
REPAINTS = "e => [...e.querySelectorAll('canvas')].reduce((n, c) => n + (c.__repaints || 0), 0)"


def repaints(element):
    """How many times the canvases inside `element` have been painted."""
    return element.evaluate(REPAINTS)
