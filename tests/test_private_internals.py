"""The other libraries' private internals the machinery uses, all in _mlmath/_mpl_private.py and
_mlmath/_kernel_private.py: each behaviour they rely on, pinned. A failure here means an upgrade changed one of them:
re-read that module against the new version before moving its pin in the module and in requirements.txt.
"""
import importlib.metadata
import inspect
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_webagg_core import FigureCanvasWebAggCore
from PIL import Image

from _mlmath import _kernel_private, _mpl_private


@pytest.mark.parametrize("module", [_mpl_private, _kernel_private], ids=lambda m: m.__name__)
def test_the_installed_versions_are_the_ones_the_module_was_written_against(module):
    for package, version in module.PINS.items():
        assert importlib.metadata.version(package) == version, f"{package}: re-check {module.__name__}"


def ipympl_figure():
    with plt.ioff():
        fig, ax = plt.subplots(figsize=(2, 1.5))
    line, = ax.plot([0, 1], [0, 1])
    return fig, line


def decode(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def test_webagg_diff_frames_work_on_the_attributes_frame_png_reads_and_writes():
    """matplotlib's own get_diff_image uses exactly the state `frame_png` takes over."""
    source = inspect.getsource(FigureCanvasWebAggCore.get_diff_image)
    for name in ("_png_is_old", "_force_full", "_last_buff", "set_image_mode"):
        assert name in source
    fig, _ = ipympl_figure()
    assert all(hasattr(fig.canvas, name) for name in ("_png_is_old", "_force_full", "_last_buff"))
    plt.close(fig)


def test_frame_png_sends_what_matplotlibs_own_get_diff_image_sends():
    """The same full first frame, then a difference frame that paints the same screen."""
    frames = {}
    for encoder in ("matplotlib", "ours"):
        fig, line = ipympl_figure()
        canvas = fig.canvas
        if encoder == "ours":
            _mpl_private.install_frame_encoder(canvas)
        sent = []
        canvas.send_binary = sent.append
        canvas.syncing_data_url = False
        canvas.draw()
        screen = decode(sent[-1]).copy()
        line.set_ydata([1, 0])
        canvas.draw()
        assert canvas._current_image_mode == "diff"
        frame = decode(sent[-1])
        h, w = frame.shape[:2]
        changed = frame[:, :, 3] > 0
        screen[:h, :w][changed] = frame[changed]
        frames[encoder] = screen
        assert np.array_equal(screen, np.asarray(canvas.get_renderer().buffer_rgba()))
        plt.close(fig)
    assert np.array_equal(frames["matplotlib"], frames["ours"])


def test_agg_draw_past_ipympl_sends_the_browser_nothing():
    fig, _ = ipympl_figure()
    sent = []
    fig.canvas.send_binary = sent.append
    fig.canvas.syncing_data_url = False  # as once a browser view is there
    _mpl_private.draw_without_sending(fig.canvas)
    assert sent == [] and np.asarray(fig.canvas.get_renderer().buffer_rgba()).any()
    fig.canvas.draw()
    assert sent, "ipympl's own draw sends a frame: the reason to draw past it"
    plt.close(fig)


def test_a_freed_canvas_holds_no_pixels():
    fig, _ = ipympl_figure()
    fig.canvas.draw()
    for name in ("_last_buff", "_data_url", "_lastKey"):
        assert hasattr(fig.canvas, name), name  # what free_canvas lets go of is where it looks for it
    assert "renderer" in vars(fig.canvas), "Agg caches its renderer, the pixels, in the instance's __dict__"
    _mpl_private.free_canvas(fig.canvas)
    assert fig.canvas._last_buff.size == 0 and fig.canvas._data_url is None and "renderer" not in vars(fig.canvas)
    plt.close(fig)


def test_ipywidgets_registry_holds_live_widgets_and_their_links():
    a, b = widgets.IntSlider(), widgets.Play()
    link = widgets.jslink((b, "value"), (a, "value"))
    assert _kernel_private.links_between({id(a)}) == [link]
    for widget in (link, a, b):
        widget.close()
    assert _kernel_private.links_between({id(a)}) == [], "a closed link leaves the registry"


def test_ipython_keeps_each_executions_output_bundles_where_forget_picture_looks(monkeypatch):
    import types

    import IPython
    from IPython.core.history import HistoryManager, HistoryOutput
    assert isinstance(HistoryManager.outputs, dict) and "HistoryOutput" in str(HistoryManager.__annotations__["outputs"])
    png = "iVBORw0KGgo="
    kept = HistoryOutput(output_type="execute_result", bundle={"image/png": png, "text/html": "<img>", "text/plain": "a"})
    shell = types.SimpleNamespace(history_manager=types.SimpleNamespace(outputs={3: [kept]}))
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    _kernel_private.forget_picture(png)
    assert kept.bundle == {"text/plain": "a"}
