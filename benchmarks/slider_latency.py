"""Slider latency in a real browser: ours (ipympl, figures built once, blitted) against the usual pattern.

For every slider of every notebook: the time from a key press on the slider's handle to the first repaint of
its figure in headless Chromium (p50 and p90 over PRESSES presses), and the kernel-side time of its callback
(median over a sweep of its range, measured in the notebook's own kernel). In the same run, the same key-press
measurement of the usual pattern: `interact` with the inline backend, re-creating an equivalent figure (the
sigmoid curve of notebook 01's first explorer) on every event, and of the floor: a slider echoing its value
into a label. Then each slider's handle is dragged with the mouse from one end to the other over one second:
frames painted per second during the drag, and the time from the release to the figure's last frame (and
how many frames came after the release: a backlog would keep drawing).

The page's device pixel ratio is --device-scale-factor (1, or 2 as on most laptops, four times the pixels);
--both measures 1 and 2 in one run. --time-to-interactive adds, per notebook, the time from opening it in
JupyterLab and Run All until every figure has painted its first frame, against the floor of opening a
notebook of its first cell alone (a kernel start plus the imports).

    .venv/bin/python benchmarks/slider_latency.py [--presses 12] [--device-scale-factor 2 | --both]
                                                  [--time-to-interactive]

Timings on a shared machine are noisy: compare the rows of one run, not runs of different days.
"""
import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import PANEL, REPAINTS, chromium, lab_server, open_notebook  # noqa: E402

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
    if isinstance(_obj, _mh.Explorer) and not _name.startswith("_"):  # not IPython's Out names (_6, _, __)
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
    from playwright.sync_api import TimeoutError as NoPaint
    handle.focus()
    out = []
    for i in range(presses):
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        try:
            page.wait_for_function("() => window.__firstPaint !== null", timeout=20000, polling="raf")
        except NoPaint:  # the key went elsewhere (the focus moved while the page settled): focus again, go on
            handle.focus()
            continue
        out.append(page.evaluate("() => window.__firstPaint - window.__keyAt"))
        page.wait_for_timeout(120)  # let that event's remaining traffic settle before the next press
    return out or [float("nan")]


def drag(page, slider, box):
    """Drag `slider`'s handle with the mouse to the left end, then over one second to the right end.

    Returns (frames per second painted on `box`'s canvases during the one-second drag, ms from the release to
    the last frame painted, frames painted after the release)."""
    handle, track = slider.locator(".noUi-handle"), slider.locator(".noUi-target")
    h, t = handle.bounding_box(), track.bounding_box()
    y = h["y"] + h["height"] / 2
    page.mouse.move(h["x"] + h["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(t["x"], y, steps=5)
    page.mouse.up()
    page.wait_for_timeout(800)  # the move to the left end settles
    page.mouse.move(t["x"] + 1, y)
    page.mouse.down()
    before, start = box.evaluate(REPAINTS), time.perf_counter()
    for i in range(1, 31):  # 30 mouse moves, about 33 ms apart, across the whole track
        page.mouse.move(t["x"] + t["width"] * i / 30, y)
        page.wait_for_timeout(max(0.0, start + i / 30 - time.perf_counter()) * 1000)
    during = box.evaluate(REPAINTS) - before
    seconds = time.perf_counter() - start
    released = page.evaluate("() => performance.now()")
    page.mouse.up()
    page.wait_for_timeout(1500)  # anything still queued would paint now
    last = box.evaluate("e => Math.max(0, ...[...e.querySelectorAll('canvas')].map(c => c.__lastRepaint || 0))")
    after = box.evaluate(REPAINTS) - before - during
    return during / seconds, max(0.0, last - released), after


FIGURE_CELL = re.compile(r"mh\.\w+_(explorer|figure)\(")  # a cell that builds a figure, as in tests/test_rerun.py
ALL_PAINTED = """(n) => {
  const figures = [...document.querySelectorAll('%s .jupyter-matplotlib-figure')];
  return figures.length >= n && figures.every(f => [...f.querySelectorAll('canvas')].some(c => c.__repaints));
}""" % PANEL


def time_to_interactive(browser, base, token, nb_dir, name, device_scale_factor):
    """(seconds from opening `name` and Run All until each figure painted a frame, seconds for the floor)."""
    nb = nbformat.read(nb_dir / name, as_version=4)
    figures = sum(bool(FIGURE_CELL.search(c.source)) for c in nb.cells if c.cell_type == "code")
    floor_nb = nbformat.v4.new_notebook(metadata=nb.metadata,
                                        cells=[next(c for c in nb.cells if c.cell_type == "code")])
    floor_name = f"zz_floor_{name}"
    nbformat.write(floor_nb, nb_dir / floor_name)
    out = []
    for notebook, wait in ((name, figures), (floor_name, 0)):
        start = time.perf_counter()
        page = open_notebook(browser, base, token, notebook, device_scale_factor=device_scale_factor)
        page.wait_for_function(ALL_PAINTED, arg=wait, timeout=120000, polling="raf")
        out.append(time.perf_counter() - start)
        page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        page.close()
    return out


def measure(presses, device_scale_factor=1, tti=False):
    rows, baseline, floor, ttis = [], {}, None, {}
    with lab_server() as (base, token, nb_dir), chromium() as browser:
        nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                               "language": "python"}})
        nb.cells = [nbformat.v4.new_code_cell(src) for src in BASELINE]
        nbformat.write(nb, nb_dir / "zz_usual_pattern.ipynb")
        notebooks = sorted(p.name for p in nb_dir.glob("0*.ipynb"))
        warm = browser.new_page(device_scale_factor=device_scale_factor)  # warm-up: the first load of JupyterLab's page is the slowest
        warm.goto(f"{base}/lab?token={token}")
        warm.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=120000)
        warm.wait_for_timeout(3000)
        warm.close()
        for name in notebooks + ["zz_usual_pattern.ipynb"]:
            page = open_notebook(browser, base, token, name, device_scale_factor=device_scale_factor)
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
                    if not name.startswith("zz"):
                        row["fps"], row["release"], row["after"] = drag(page, slider, boxes.nth(i))
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
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
            page.close()
        if tti:
            for name in notebooks:
                ttis[name] = time_to_interactive(browser, base, token, nb_dir, name, device_scale_factor)
    return rows, baseline, floor, ttis


def report(rows, baseline, floor, ttis, ratio):
    """Print one ratio's table and how it stands against the targets."""
    print(f"\n== device pixel ratio {ratio} ==")
    print(f"{'notebook':<26} {'figure':<14} {'slider':<6} {'p50 ms':>7} {'p90 ms':>7} {'kernel ms':>9} "
          f"{'drag fps':>8} {'release ms':>10} {'after':>5}")
    for r in rows:
        print(f"{r['notebook']:<26} {r['figure']:<14} {r['slider']:<6} {r['p50']:7.1f} {r['p90']:7.1f} "
              f"{r['kernel']:9.1f} {r['fps']:8.1f} {r['release']:10.0f} {r['after']:5d}")
    for r in baseline.values():
        print(f"{'usual pattern (interact)':<26} {'inline':<14} {r['slider']:<6} {r['p50']:7.1f} {r['p90']:7.1f} "
              f"{r['kernel']:9.1f} {r.get('fps', float('nan')):8.1f} {r.get('release', float('nan')):10.0f}")
    print(f"{'floor: slider -> label echo':<26} {'no figure':<14} {'echo':<6} {floor['p50']:7.1f} {floor['p90']:7.1f}")
    ours = float(np.median([r["p50"] for r in rows]))
    theirs = float(np.median([r["p50"] for r in baseline.values()]))
    worst = max(rows, key=lambda r: r["p50"])
    slowest = max(rows, key=lambda r: r["kernel"])
    print(f"median slider p50 {ours:.1f} ms = {ours / floor['p50']:.2f}x the echo floor {floor['p50']:.1f} ms; "
          f"usual pattern {theirs:.1f} ms = {theirs / ours:.1f}x ours")
    print(f"slowest slider p50 {worst['p50']:.1f} ms = {worst['p50'] / floor['p50']:.2f}x the floor "
          f"({worst['figure']} {worst['slider']}); slowest kernel median {slowest['kernel']:.1f} ms "
          f"({slowest['figure']} {slowest['slider']})")
    print(f"drag: frames per second min {min(r['fps'] for r in rows):.1f}, median "
          f"{np.median([r['fps'] for r in rows]):.1f}; release to last frame max "
          f"{max(r['release'] for r in rows):.0f} ms; frames after the release max {max(r['after'] for r in rows)}")
    for name, (seconds, floor_s) in ttis.items():
        print(f"time to interactive {name:<26} {seconds:6.1f} s; floor (kernel start + imports) {floor_s:5.1f} s; "
              f"{seconds / floor_s:4.2f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=12, help="key presses per slider (default 12)")
    parser.add_argument("--device-scale-factor", type=float, default=1.0, help="device pixel ratio (default 1)")
    parser.add_argument("--both", action="store_true", help="measure device pixel ratios 1 and 2 in one run")
    parser.add_argument("--time-to-interactive", action="store_true", help="also time opening each notebook")
    args = parser.parse_args()
    ratios = [1, 2] if args.both else [args.device_scale_factor]
    results = {ratio: measure(args.presses, ratio, args.time_to_interactive) for ratio in ratios}
    for ratio, result in results.items():
        report(*result, ratio)


if __name__ == "__main__":
    main()
