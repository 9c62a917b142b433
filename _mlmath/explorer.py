"""The Explorer, the live figure of every builder: sliders that only move data, a redraw by blitting, and a re-run
of its cell closing the explorer that cell built before. Also the pieces every builder uses to make one:
`figure` (a fresh named ipympl canvas), `slider`, `player` (a Play button linked to a step slider).

What a re-run closes: JupyterLab, Notebook 7 and VS Code send the cell's id with each execution request (its
metadata's "cellId", which ipykernel's `get_parent()` returns and IPython's `pre_run_cell` event passes on as
`info.cell_id`). A cell that runs again closes every figure it built before (`_on_run_cell`), and nothing that another
cell built: a learner can build a second explorer below the first to compare two settings. A front-end that sends no
id (nbclient, nbval, a script) keeps the behaviour by name: building a figure closes the one built before under the
same name.
"""
import gc
import re
import weakref

import numpy as np

from _mlmath._kernel_private import forget_picture, links_between
from _mlmath._mpl_private import free_canvas, install_frame_encoder, send_only
from _mlmath.a11y import accessible_names
from _mlmath.pictures import figure_bundle, num

class Explorer:
    """An interactive figure: `widget` (what it displays), `sliders` by description, `fig`, `readout`.

    `update()` moves the data of the `moving` artists and returns the readout text (HTML). The
    explorer then redraws by blitting, with matplotlib's documented API: the rest of the figure is kept as a
    pixel background after each full draw (`copy_from_bbox`; rotating a 3-D view or resizing makes one), and a
    slider change restores it (`restore_region`), draws the moving artists and blits; only the changed pixels of the
    boxes those artists covered and cover now are compared and sent to ipympl (four times the pixels at a device
    pixel ratio of 2), before the readout text, so the
    figure answers first. A change before any full draw draws in full at once and sends the
    image, rather than asking the browser for a draw it may drop while it waits for an earlier one.
    Frames are made by `_mpl_private.frame_png`: with ipympl's own diff frames (the whole figure compared,
    Pillow's encoder) a slider change took the kernel 1.6 to 8 times as long at a device pixel ratio of 2
    (1.3 to 4 at 1).
    A notebook cell ends with the explorer itself (`_repr_mimebundle_`: the widget, and for readers without a
    kernel a PNG and `describe()`); tests and benchmarks drive `sliders` and time `on_change`.
    Re-running the cell that built it calls `close` on it (without a cell id: building another explorer on the same
    figure name). Shown a second time, it shows a one-line note instead (see `_repr_mimebundle_`).
    """

    def __init__(self, fig, sliders, update, moving, extra=()):
        import ipywidgets as widgets
        self.fig, self.update = fig, update
        self.extra = list(extra)
        self.moving = list(moving)
        self.sliders = {s.description: s for s in sliders}
        self.readout = widgets.HTML()
        self.readout.add_class("mlmath-readout")
        self._background, self._drawn = None, []
        for artist in self.moving:
            artist.set_animated(True)  # left out of full draws; drawn over the background instead
        fig.canvas.mpl_connect("draw_event", self._on_full_draw)
        install_frame_encoder(fig.canvas)
        for s in sliders:
            s.observe(self.on_change, "value")
        self._names = accessible_names()
        self.widget = widgets.VBox([widgets.HBox([*sliders, *extra]), fig.canvas, self.readout, self._names])
        self.widget.add_class("mlmath-explorer")
        self.readout.value = update()
        self._shown = None  # (cell id, execution id) of the output that shows it, once displayed
        fig._mlmath_close = self.close  # what a re-run of its cell closes (see `figure`): the explorer, not just the figure

    def close(self):
        """Close this explorer for good: stop its Play, close its widgets (sliders, Play, readout, boxes, the
        canvas and its toolbar), close its figure and free its pixels. A re-run of its cell calls it; closing it
        again does nothing."""
        if self.fig is None:
            return
        for slider in self.sliders.values():
            slider.unobserve(self.on_change, "value")
        for widget in self.extra:
            if hasattr(widget, "playing"):
                widget.playing = False
        close_widgets(self.widget)
        self.widget.children = ()  # an output that still holds the box (IPython's Out) holds nothing more
        close_figure(self.fig)
        # IPython's Out still holds this explorer (a cell ends with it): let go of the figure, its artists and the
        # callbacks that reach them, so that only an empty shell stays behind.
        self.fig = self.update = self.describe = self._background = None
        self.moving, self.sliders, self.extra, self._drawn = [], {}, [], []

    def on_change(self, _change=None):
        """A slider moved: update the artists, redraw them alone inside the regions they cover, then the readout.

        The regions are the boxes each moving artist covered in the last frame and covers now (`_regions`):
        outside them the restored background is what the last frame showed, so only they are compared and sent.
        Slider changes never pile up here: the browser keeps at most one change of a slider on its way
        to the kernel and merges newer ones into it until the kernel is idle again (ipywidgets' sync).
        """
        text = self.update()
        canvas = self.fig.canvas
        if self._background is None or self._background[0] != canvas.get_width_height(physical=True):
            canvas.draw()  # none yet, or resized since: a full draw keeps the background and draws the moving artists
        else:
            canvas.restore_region(self._background[1])  # outside the moving artists' boxes this changes nothing
            self._draw_moving()
            now = self._regions()  # after drawing: a 3-D line knows where it lands on the screen once drawn
            send_only(canvas, _outermost(self._drawn + now))  # what the frame encoder compares and sends
            self._drawn = now
            canvas.blit(self.fig.bbox)
        self.readout.value = text

    def _on_full_draw(self, _event):
        canvas = self.fig.canvas
        self._background = canvas.get_width_height(physical=True), canvas.copy_from_bbox(self.fig.bbox)  # size, pixels
        self._draw_moving()
        self._drawn = self._regions()

    def _draw_moving(self):
        for artist in self.moving:
            self.fig.draw_artist(artist)

    def describe(self):
        """One sentence on what the figure shows as it stands; each builder gives its own with `described`."""
        values = ", ".join(f"{name} = {num(s.value)}" for name, s in self.sliders.items())
        return f"Interactive figure “{self.fig.get_label()}” at {values}."

    def described(self, describe):
        """Give the explorer `describe()`, one sentence saying what the figure shows as it stands; returns it."""
        self.describe = describe
        return self

    def _repr_mimebundle_(self, **kwargs):
        """What a cell ending with the explorer shows (see `figure_bundle`): the live widget in JupyterLab;
        elsewhere the figure as first drawn, a note that it is interactive, and `describe()` as its text."""
        import ipywidgets as widgets
        if self.fig is None:
            return {"text/plain": "This explorer was closed when its cell ran again: use the newer one."}, {}
        cell, run = _execution()
        if run is not None:  # in a kernel: one output shows it (ipywidgets' Play stops after one step in a second one)
            rerun = cell is not None and self._shown is not None and self._shown[0] == cell and self._shown[1] != run
            if self._shown is not None and not rerun:  # rerun: the cell that showed it shows it again, in its place
                return {"text/plain": SHOWN_ABOVE}, {}
            self._shown = (cell, run)
            if cell is not None:
                _SHOWN_IN.setdefault(cell, weakref.WeakSet()).add(self)
        controls = list(self.sliders)
        names = ", ".join(controls[:-1]) + (" and " if len(controls) > 1 else "") + controls[-1]
        play = any(isinstance(w, widgets.Play) for w in self.extra)
        note = f"the slider{'s' if len(controls) > 1 else ''} {names}" + (", and the Play button" if play else "")
        description = self.describe()
        what = re.split(r",|;| at | from | with | where ", description)[0]  # what it is, without values that move
        self._names.figure = f"{what}: an interactive figure; the text below it says what it shows now"
        return figure_bundle(self.widget, self.fig, description, note=note)


    def _regions(self):
        """[(rows, cols) slices of the canvas pixels] each moving artist covers as last drawn.

        A line's own extent (padded by its width and markers, cut to its axes), for anything else
        the box it is clipped to (its axes); the whole figure for an artist drawn unclipped.
        """
        from matplotlib.lines import Line2D
        from matplotlib.transforms import Bbox
        fig, boxes = self.fig, []
        renderer = fig.canvas.get_renderer()
        h, w = int(renderer.height), int(renderer.width)
        for artist in self.moving:
            if not artist.get_visible():
                continue
            clip = artist.get_clip_box() if artist.get_clip_on() else None
            box = clip if clip is not None else fig.bbox
            if isinstance(artist, Line2D):  # Line3D too: its data are the projected points of its last draw
                xy = artist.get_xydata()
                if not np.isfinite(xy).all(axis=1).any():
                    continue
                pad = (artist.get_linewidth() + artist.get_markeredgewidth()) * fig.dpi / 72 + 3
                box = Bbox.intersection(artist.get_window_extent(renderer).padded(pad), box)
                if box is None:
                    continue
            (x0, y0), (x1, y1) = box.get_points()
            c0, c1 = max(int(np.floor(x0)) - 1, 0), min(int(np.ceil(x1)) + 1, w)
            r0, r1 = max(int(h - np.ceil(y1)) - 1, 0), min(int(h - np.floor(y0)) + 1, h)
            if r1 > r0 and c1 > c0:
                boxes.append((slice(r0, r1), slice(c0, c1)))
        return _outermost(boxes)


def _outermost(boxes):
    """The (rows, cols) boxes that no other box of the list holds (artists clipped to one axes share its box)."""
    def inside(a, b):
        return (b[0].start <= a[0].start and a[0].stop <= b[0].stop and b[1].start <= a[1].start
                and a[1].stop <= b[1].stop)
    out = []
    for i, a in enumerate(boxes):
        if not any(inside(a, b) and (not inside(b, a) or j < i) for j, b in enumerate(boxes) if j != i):
            out.append(a)
    return out

# What the live view needs for a screen reader and a keyboard, which ipywidgets 8 and ipympl 0.10 leave out: names for
# the slider handles, their typed readouts and the Play buttons; each handle's value as its readout shows it (a log
# slider's own is the exponent); a name for the figure; the readout below it announced when it changes; and Tab


def slider(description, value, lo, hi, step, css=None, kind="float"):
    """A slider whose description is the symbol; CSS class mlmath-slider-<css or description>.

    kind "float" (FloatSlider), "log" (FloatLogSlider: lo and hi are powers of ten) or "int" (IntSlider).
    """
    import ipywidgets as widgets
    common = dict(value=value, min=lo, max=hi, step=step, description=description, continuous_update=True,
                  style={"description_width": "3em"}, layout={"width": "250px"})
    if kind == "int":
        s = widgets.IntSlider(**common)
    elif kind == "log":
        s = widgets.FloatLogSlider(base=10, readout_format=".3g", **common)
    else:
        s = widgets.FloatSlider(readout_format=".2f", **common)
    s.add_class(f"mlmath-slider-{css or description}")
    return s


# What a re-run closes (see the module's docstring). With cell ids: cell id -> (the execution request that built,
# [figures it built]); without: figure name -> the figure last built under it. Each figure's `_mlmath_close` closes it,
# or the explorer built on it.
_BY_CELL = {}
_BY_NAME = {}
# Cell id -> the explorers whose output that cell shows: a re-run of the cell replaces its outputs.
_SHOWN_IN = {}
SHOWN_ABOVE = ("This explorer is already shown above, and an explorer works in one place only: scroll up to it, or "
               "move the cell that shows it here (drag it by the prompt on its left).")


def _execution():
    """(cell id or None, execution request id or None) of the code running now: None, None outside a kernel."""
    try:
        from IPython import get_ipython
        kernel = getattr(get_ipython(), "kernel", None)
        parent = kernel.get_parent() if kernel is not None else None
    except Exception:  # not in IPython, or a kernel without get_parent (ipykernel < 6)
        return None, None
    if not isinstance(parent, dict):
        return None, None
    cell = (parent.get("metadata") or {}).get("cellId")
    return (cell if isinstance(cell, str) and cell else None), (parent.get("header") or {}).get("msg_id")


def _close_all(figures):
    for fig in figures:
        fig._mlmath_close()
    if figures:
        gc.collect()  # a figure is a web of reference cycles: free the old ones now, before building anew


def _on_run_cell(info):
    """IPython's pre_run_cell event: a cell with an id runs; close what its earlier runs built, forget what it showed."""
    try:
        cell = getattr(info, "cell_id", None)
        if cell is None:
            return
        for explorer in _SHOWN_IN.pop(cell, ()):
            explorer._shown = None
        _close_all(_BY_CELL.pop(cell, (None, []))[1])
    except Exception:  # bookkeeping must never put a traceback in a learner's cell
        pass


def _watch_cells():
    try:
        from IPython import get_ipython
        events = get_ipython().events
    except Exception:  # not in IPython
        return
    if _on_run_cell not in events.callbacks.get("pre_run_cell", []):
        events.register("pre_run_cell", _on_run_cell)


_watch_cells()


def _make_room(name):
    """Close what building a figure named `name` now replaces: what an earlier run of the running cell built (should
    the event have missed it), or without a cell id what was built under `name`. Returns where to note the new one."""
    cell, run = _execution()
    if cell is None:
        previous = _BY_NAME.pop(name, None)
        _close_all([previous] if previous is not None else [])
    elif _BY_CELL.get(cell, (run,))[0] != run:
        _close_all(_BY_CELL.pop(cell)[1])
    return cell, run


def _note(name, where, fig):
    """Note that the code running now (`where`, from `_make_room`) built `fig`: what a re-run closes."""
    cell, run = where
    if cell is None:
        _BY_NAME[name] = fig
    else:
        _BY_CELL.setdefault(cell, (run, []))[1].append(fig)


def close_widgets(*roots):
    """Close widgets and every widget they hold (children, layout, style, a canvas's toolbar), and the links
    (`jslink`) between them: closed widgets leave ipywidgets' registry and their browser views."""
    import ipywidgets as widgets
    todo, seen = list(roots), {}
    while todo:
        widget = todo.pop()
        if isinstance(widget, widgets.Widget) and id(widget) not in seen:
            seen[id(widget)] = widget
            for key in widget.keys:
                value = getattr(widget, key, None)
                todo += value if isinstance(value, (list, tuple)) else [value]
    for widget in [*seen.values(), *links_between(seen)]:
        widget.close()


def close_figure(fig):
    """Close a figure, its canvas widgets, and free its pixels and artists even if an output still holds it.
    Closing it again does nothing."""
    import matplotlib.pyplot as plt
    if getattr(fig, "_mlmath_closed", False):
        return
    fig._mlmath_closed = True
    close_widgets(fig.canvas)
    plt.close(fig)
    fig.clear()
    free_canvas(fig.canvas)
    forget_picture(getattr(fig, "_mlmath_picture", None))
    fig._mlmath_picture = None


def figure(name, **subplots_kw):
    """A fresh ipympl figure labelled `name`, with a quiet canvas; what a re-run replaces (what this cell built
    before; without a cell id, what was built under that name) is closed first, so re-running a cell leaves
    nothing of the old one alive, and what other cells built stays. No key closes, rescales or pans it."""
    import matplotlib.pyplot as plt
    where = _make_room(name)
    with plt.ioff():
        fig, axes = plt.subplots(layout="constrained", **subplots_kw)  # a new number: never another cell's figure
    fig.set_label(name)
    fig._mlmath_close = lambda: close_figure(fig)  # an explorer built on it replaces this with its own close
    _note(name, where, fig)
    # matplotlib's default keymap (ipympl passes it every key typed on a focused figure): q and ctrl+w close the
    # figure for good, l, k and L make an axis logarithmic, g and G toggle grids, p and o pan and zoom, s saves
    manager = fig.canvas.manager
    if getattr(manager, "key_press_handler_id", None) is not None:
        fig.canvas.mpl_disconnect(manager.key_press_handler_id)
    fig.canvas.header_visible = False
    # ipympl 0.10 floats its toolbar over the figure; at the bottom it sits in the footer's strip, beside the cursor's
    # coordinates, where it covers no title, label or data (at the top right it hid the last panel's title)
    fig.canvas.toolbar_position = "bottom"
    fig.canvas.resizable = False
    return fig, axes



def player(steps, interval):
    """An IntSlider "step" over 0..steps and a Play button linked to it in the browser."""
    import ipywidgets as widgets
    step = slider("step", 0, 0, steps, 1, kind="int")
    play = widgets.Play(value=0, min=0, max=steps, step=1, interval=interval, description="play the steps")
    widgets.jslink((play, "value"), (step, "value"))
    return step, play
