"""Slider latency in a real browser: ours (ipympl, figures built once, blitted) against the usual pattern.

For every slider of every notebook: the time from a key press on the slider's handle to the first repaint of
its figure in headless Chromium (p50 and p90 over PRESSES presses), and the kernel-side time of its callback
(median over a sweep of its range, measured in the notebook's own kernel). In the same run, the same key-press
measurement of the usual pattern: `interact` with the inline backend, re-creating an equivalent figure (the
sigmoid curve of notebook 01's first explorer) on every event. Prints a table and the ratio.

    .venv/bin/python benchmarks/slider_latency.py [--presses 12]

Timings on a shared machine are noisy: compare the rows of one run, not runs of different days.
"""
import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import PANEL, chromium, lab_server, open_notebook  # noqa: E402

import nbformat  # noqa: E402
import numpy as np  # noqa: E402

# The first frame after a key press: a canvas drawImage (ipympl) or a new <img> that finished loading (inline).
FIRST_PAINT_HOOK = """
(() => {
  window.__keyAt = null; window.__firstPaint = null;
  document.addEventListener('keydown', () => { window.__keyAt = performance.now(); window.__firstPaint = null; },
                            true);
  const mark = () => { if (window.__keyAt !== null && window.__firstPaint === null) window.__firstPaint = performance.now(); };
  const draw = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) { mark(); return draw.apply(this, args); };
  new MutationObserver(records => {
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (t && t.closest && t.closest('.mlmath-floor .widget-label')) mark();  // the echo of the floor
    }
    for (const r of records) for (const n of r.addedNodes) {
      const imgs = n.tagName === 'IMG' ? [n] : (n.querySelectorAll ? [...n.querySelectorAll('img')] : []);
      for (const img of imgs) img.decode().then(mark, mark);
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""

# Runs in a notebook's kernel: the median time of each explorer slider's callback (update + blit + sending the
# changed pixels), in ms, one value every 0.1 s so the browser is idle between them.
KERNEL_TIMING = r"""
import json as _json, time as _time, statistics as _st
import ipywidgets as _w, numpy as _np, mlmath_helpers as _mh
_res = {}
for _name, _obj in list(globals().items()):
    if isinstance(_obj, _mh.Explorer):
        for _label, _s in _obj.sliders.items():
            _vals = _np.linspace(_s.min, _s.max, 15)
            if isinstance(_s, _w.FloatLogSlider):
                _vals = _s.base ** _vals
            elif isinstance(_s, _w.IntSlider):
                _vals = _np.round(_vals).astype(int)
            _ts = []
            for _v in _vals:
                _t = _time.perf_counter(); _s.value = _v.item(); _ts.append(_time.perf_counter() - _t)
                _time.sleep(0.1)  # let the browser take this frame before the next: time the callback, not the queue
            _res[f"{_name}.{_label}"] = 1000 * _st.median(_ts)
print(_json.dumps(_res))
"""

# The usual pattern, on a figure equivalent to notebook 01's first explorer.
BASELINE = [r"""
%matplotlib inline
import time
import numpy as np
import matplotlib.pyplot as plt
from ipywidgets import interact, FloatSlider
times = []

def plot(W, x, b):
    start = time.perf_counter()
    xs = np.linspace(-6, 6, 241)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
    ax.plot(xs, 1 / (1 + np.exp(-(W * xs + b))), lw=2, label="ŷ = σ(Wx + b)")
    ax.axhline(0.5, color="0.5", ls=":", lw=1, label="ŷ = 0.5")
    if W != 0:
        ax.axvline(-b / W, ls="--", lw=1.2, label="crossing x = −b/W")
    ax.plot([x], [1 / (1 + np.exp(-(W * x + b)))], "o", ms=9, label="(x, ŷ)")
    ax.set(xlim=(-6, 6), ylim=(-0.05, 1.05), xlabel="input x", ylabel="prediction ŷ")
    ax.legend(loc="upper left", fontsize=8)
    plt.show()
    times.append(time.perf_counter() - start)
""", r"""
ui = interact(plot, W=FloatSlider(value=2.0, min=-10, max=10, step=0.1, description="W"),
              x=FloatSlider(value=1.0, min=-5, max=5, step=0.05, description="x"),
              b=FloatSlider(value=-1.0, min=-10, max=10, step=0.1, description="b"))
""", r"""
# The floor: a slider whose callback only echoes its value into a label, no figure at all.
from ipywidgets import HBox, Label
echo_slider, echo = FloatSlider(value=0.0, min=-5, max=5, step=0.1, description="echo"), Label("0.00")
echo_slider.observe(lambda change: setattr(echo, "value", f"{change['new']:.2f}"), "value")
HBox([echo_slider, echo]).add_class("mlmath-floor")
"""]


def kernel_run(page, code):
    """Execute `code` in the open notebook's kernel and return what it printed."""
    return page.evaluate("""async (code) => {
      const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
      let out = '';
      const f = k.requestExecute({code, store_history: false});
      f.onIOPub = msg => {
        if (msg.header.msg_type === 'stream') out += msg.content.text;
        if (msg.header.msg_type === 'error') out += msg.content.ename + ': ' + msg.content.evalue;
      };
      await f.done;
      return out;
    }""", code)


def press_latencies(page, handle, presses):
    """ms from key press to first paint, for `presses` presses alternating right and left."""
    handle.focus()
    out = []
    for i in range(presses):
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        page.wait_for_function("() => window.__firstPaint !== null", timeout=20000, polling="raf")
        out.append(page.evaluate("() => window.__firstPaint - window.__keyAt"))
        page.wait_for_timeout(120)  # let that event's remaining traffic settle before the next press
    return out


def measure(presses):
    rows, baseline, floor = [], {}, None
    with lab_server() as (base, token, nb_dir), chromium() as browser:
        nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                               "language": "python"}})
        nb.cells = [nbformat.v4.new_code_cell(src) for src in BASELINE]
        nbformat.write(nb, nb_dir / "zz_usual_pattern.ipynb")
        notebooks = sorted(p.name for p in nb_dir.glob("0*.ipynb"))
        warm = browser.new_page()  # warm-up: the first load of JupyterLab's page is the slowest
        warm.goto(f"{base}/lab?token={token}")
        warm.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=120000)
        warm.wait_for_timeout(3000)
        warm.close()
        for name in notebooks + ["zz_usual_pattern.ipynb"]:
            page = open_notebook(browser, base, token, name)
            page.add_init_script(FIRST_PAINT_HOOK)
            page.evaluate(FIRST_PAINT_HOOK)
            panel = page.locator(PANEL)
            boxes = panel.locator(".widget-interact, .mlmath-floor" if name.startswith("zz") else ".mlmath-explorer")
            boxes.first.wait_for(timeout=30000)
            page.wait_for_timeout(3000)  # let the page finish loading before timing anything
            for i in range(boxes.count()):
                sliders = boxes.nth(i).locator(".widget-slider")
                for j in range(sliders.count()):
                    slider = sliders.nth(j)
                    label = slider.locator(".widget-label").first.text_content()
                    handle = slider.locator(".noUi-handle")
                    handle.scroll_into_view_if_needed()
                    lat = press_latencies(page, handle, presses)
                    row = dict(notebook=name, figure=i, slider=label, p50=float(np.percentile(lat, 50)),
                               p90=float(np.percentile(lat, 90)))
                    if label == "echo":
                        floor = row
                    elif name.startswith("zz"):
                        baseline[label] = row
                    else:
                        rows.append(row)
            if name.startswith("zz"):
                times = json.loads(kernel_run(page, "import json; print(json.dumps(times))"))
                for row in baseline.values():
                    row["kernel"] = 1000 * statistics.median(times)
            else:
                kernel = json.loads(kernel_run(page, KERNEL_TIMING))
                names = list(dict.fromkeys(k.split(".")[0] for k in kernel))  # explorers in creation order
                for row in (r for r in rows if r["notebook"] == name):
                    row["kernel"] = kernel.get(f"{names[row['figure']]}.{row['slider']}", float("nan"))
                    row["figure"] = names[row["figure"]]
            page.close()
    return rows, baseline, floor


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=12, help="key presses per slider (default 12)")
    args = parser.parse_args()
    rows, baseline, floor = measure(args.presses)
    print(f"{'notebook':<26} {'figure':<14} {'slider':<6} {'p50 ms':>7} {'p90 ms':>7} {'kernel ms':>9}  target")
    for r in rows:
        ok = "ok" if r["p50"] <= 100 and r["p90"] <= 150 else "MISSED"
        print(f"{r['notebook']:<26} {r['figure']:<14} {r['slider']:<6} {r['p50']:7.1f} {r['p90']:7.1f} "
              f"{r['kernel']:9.1f}  {ok}")
    for r in baseline.values():
        print(f"{'usual pattern (interact)':<26} {'inline':<14} {r['slider']:<6} {r['p50']:7.1f} {r['p90']:7.1f} "
              f"{r['kernel']:9.1f}")
    print(f"{'floor: slider -> label echo':<26} {'no figure':<14} {'echo':<6} {floor['p50']:7.1f} {floor['p90']:7.1f}")
    ours = float(np.median([r["p50"] for r in rows]))
    theirs = float(np.median([r["p50"] for r in baseline.values()]))
    same_fig = float(np.median([r["p50"] for r in rows if r["notebook"].startswith("01") and r["figure"] == "prediction"]))
    print(f"\noverall p50 of slider p50s: {ours:.1f} ms (target <= 60); usual pattern: {theirs:.1f} ms")
    print(f"ratio, usual pattern / ours: {theirs / ours:.1f}x overall, {theirs / same_fig:.1f}x on the same figure "
          f"(target >= 2x)")


if __name__ == "__main__":
    main()
