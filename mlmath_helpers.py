"""mlmath_helpers: the one helper module behind the mlmath notebooks.

Four layers, in this order:

1. Maths            pure numpy, no plotting: the functions the notebooks teach.
2. Data             small deterministic data sets made from a seed, with known true parameters.
3. Figures/widgets  one builder per figure; each returns an Explorer or StaticFigure that displays itself.
4. Exercise checks  ``check_*`` functions that test a learner's code and answer in one line.

Shapes used throughout: ``X`` is (m, n), one row per data point; ``W`` is (n,) for one output
unit or (n, k) for k output units; ``b`` is a scalar or (k,). Labels ``y`` are (m,) or (m, k).
Bad input raises ``ValueError`` naming the argument, what was given and what was expected.
"""
from __future__ import annotations

import ast
import contextlib
import copy
import gc
import io
import inspect
import os
import re
import struct
import sys
import sysconfig
import textwrap
import traceback
import warnings
import zlib
from dataclasses import dataclass

import numpy as np

# =====================================================================================
# 1. Maths
# =====================================================================================

# Smallest distance from 0 and 1 that `error_formula` lets a probability come: machine epsilon.
PROB_EPS = float(np.finfo(float).eps)


def _array(value, name, *, ndim=None):
    """Return `value` as a float array; ValueError if it is not numeric, non-empty, finite and of `ndim`."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected numbers, got {type(value).__name__} {value!r:.60}") from None
    if ndim is not None and arr.ndim not in np.atleast_1d(ndim):
        raise ValueError(f"{name}: expected {ndim}-dimensional input, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name}: expected at least one number, got an empty array of shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name}: expected finite numbers, got NaN or inf")
    return arr


def _out(arr):
    """Give a plain float for a 0-d result, the array otherwise."""
    return float(arr) if np.ndim(arr) == 0 else arr


def _labels(y, name="y"):
    y = _array(y, name)
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"{name}: expected labels in {{0, 1}}, got values {np.unique(y)[:5]}")
    return y


def _probabilities(p, name):
    p = _array(p, name)
    if np.any((p < 0) | (p > 1)):
        raise ValueError(f"{name}: expected probabilities in [0, 1], got min {p.min():.4g}, max {p.max():.4g}")
    return p


def _same_shape(a, b, name_a, name_b):
    if a.shape != b.shape:
        raise ValueError(f"{name_b}: expected the shape of {name_a} {a.shape}, got {b.shape}")


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed stably (notebook 01, "The sigmoid").

    Uses e^(−|z|), which never overflows: σ(z) = 1/(1 + e^(−|z|)) for z ≥ 0 and
    e^(−|z|)/(1 + e^(−|z|)) for z < 0. Exact limits 0 and 1, no warning, for any finite z.
    """
    z = _array(z, "z")
    e = np.exp(-np.abs(z))
    return _out(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def sigmoid_prime(z):
    """σ'(z) = σ(z)(1 − σ(z)) (notebook 01, "The sigmoid"; used by the delta rule in notebook 04).

    Computed as e^(−|z|) / (1 + e^(−|z|))², the same value without the cancellation in 1 − σ(z).
    """
    z = _array(z, "z")
    e = np.exp(-np.abs(z))
    return _out(e / (1.0 + e) ** 2)


def _logits(W, x, b):
    """z = xW + b with the shapes checked; see `predict`."""
    W = _array(W, "W", ndim=(0, 1, 2))
    x = _array(x, "x")
    b = _array(b, "b", ndim=(0, 1))
    if W.ndim == 0:  # the article's one-input neuron: z = W·x + b for each x
        if b.ndim != 0:
            raise ValueError(f"b: expected a scalar when W is a scalar, got shape {b.shape}")
        return W * x + b
    if x.ndim not in (1, 2) or x.shape[-1] != W.shape[0]:
        raise ValueError(f"x: expected shape ({W.shape[0]},) or (m, {W.shape[0]}) to match W {W.shape}, "
                         f"got {x.shape}")
    k = W.shape[1] if W.ndim == 2 else None
    if not (b.ndim == 0 or (k is not None and b.shape == (k,))):
        want = "a scalar" if k is None else f"a scalar or shape ({k},)"
        raise ValueError(f"b: expected {want} to match W {W.shape}, got shape {b.shape}")
    return x @ W + b  # (m,) or (m, k); () or (k,) for a single x


def predict(W, x, b):
    """ŷ = σ(Wx + b), the output of a sigmoid unit (notebook 01, "Prediction").

    Scalar W: the article's one-input neuron, ŷ = σ(W·x + b) elementwise over x (any shape).
    W of shape (n,): x is (n,) or (m, n), b a scalar; ŷ is a float or (m,).
    W of shape (n, k): x is (n,) or (m, n), b a scalar or (k,); ŷ is (k,) or (m, k).
    """
    return sigmoid(_logits(W, x, b))


def error_formula(y, output):
    """Per-example cross-entropy −y ln(ŷ) − (1 − y) ln(1 − ŷ) (notebook 02, "The error function").

    The article's formula, made safe at the ends: inside each log, ŷ and 1 − ŷ are kept at least
    ε = machine epsilon (2.2e-16) from 0, so a confidently wrong ŷ (0 or 1 against the label) gives
    the large finite loss −ln ε ≈ 36.04 instead of inf, a perfect one gives exactly 0, and 0·ln 0
    never makes nan. Why that is fair: a float64
    probability can sit no closer to 1 than about 1e-16, so a loss above ~36 cannot be told
    apart from a probability anyway. For the exact loss start from the logit z with
    `cross_entropy_from_logits`.
    """
    return _out(_bce(y, output, "output"))


def _bce(y, p, name):
    """Checked per-example cross-entropy, each log kept away from 0 (see `error_formula`); `name` is the
    caller's name for p."""
    y = _labels(y)
    p = _probabilities(p, name)
    _same_shape(y, p, "y", name)
    # Each log's argument is kept at least ε from 0; a term whose label weight is 0 is then exactly 0,
    # so a perfect prediction (ŷ = y at 0 or 1) costs exactly 0 and a confidently wrong one −ln ε.
    return -y * np.log(np.maximum(p, PROB_EPS)) - (1.0 - y) * np.log1p(-np.minimum(p, 1.0 - PROB_EPS))


def _mean_over_points(losses):
    """(1/m) Σ over the m points (axis 0) of the per-point losses, summed over output units."""
    losses = np.atleast_1d(losses)
    return float(losses.sum() / losses.shape[0])


def cross_entropy(y, y_hat):
    """E = −(1/m) Σᵢ [yᵢ ln ŷᵢ + (1 − yᵢ) ln(1 − ŷᵢ)], the mean over the m data points
    (notebook 02, "The error function"). With k outputs, the k losses of a point are summed.
    """
    return _mean_over_points(_bce(y, y_hat, "y_hat"))


def cross_entropy_from_logits(y, z):
    """The same E computed from the logits z = Wx + b (notebook 02, "Stable from logits").

    −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = ln(1 + e^z) − y·z, and ln(1 + e^z) = logaddexp(0, z)
    is exact for every finite z: no clipping, no overflow.
    """
    y = _labels(y)
    z = _array(z, "z")
    _same_shape(y, z, "y", "z")
    return _mean_over_points(np.logaddexp(0.0, z) - y * z)


def _xy(X, y, W, b, labels=True):
    """Check the training-set shapes shared by the gradients; return X, y, z."""
    X = _array(X, "X", ndim=2)
    W = _array(W, "W", ndim=(1, 2))
    y = _labels(y) if labels else _array(y, "y")
    if X.shape[1] != W.shape[0]:
        raise ValueError(f"W: expected {X.shape[1]} rows to match X {X.shape}, got shape {W.shape}")
    want = (X.shape[0],) + W.shape[1:]
    if y.shape != want:
        raise ValueError(f"y: expected shape {want} for X {X.shape} and W {W.shape}, got {y.shape}")
    return X, y, _logits(W, X, b)


def cross_entropy_gradient(X, y, W, b):
    """∇E of the mean cross-entropy: (∂E/∂W, ∂E/∂b) (notebook 03, "The gradient").

    ∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ and ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ). Returns dW shaped like W
    and db a float (W of shape (n,)) or (k,) (W of shape (n, k)).
    """
    X, y, z = _xy(X, y, W, b)
    _, dW, db = _cross_entropy_step(X, y, z)
    return dW, _out(db)


def _cross_entropy_step(X, y, z):
    """(E, ∂E/∂W, ∂E/∂b) of the mean cross-entropy from checked X, y and logits z; no validation."""
    m = X.shape[0]
    r = (sigmoid(z) - y) / m  # (m,) or (m, k): error per point, already divided by m
    loss = np.sum(np.logaddexp(0.0, z) - y * z) / m
    return loss, X.T @ r, r.sum(axis=0)  # float; (n,) or (n, k); () or (k,)


def sse(y, y_hat):
    """E = ½ Σ_μ Σ_j (y_j^μ − ŷ_j^μ)², the sum of squared errors (notebook 04)."""
    y = _array(y, "y")
    y_hat = _array(y_hat, "y_hat")
    _same_shape(y, y_hat, "y", "y_hat")
    return float(0.5 * np.sum((y - y_hat) ** 2))


def sse_gradient(X, y, W, b):
    """∇E of the SSE for sigmoid output units ŷ = σ(h), h = XW + b (notebook 04, "The delta rule").

    With the error term δ_j^μ = (y_j^μ − ŷ_j^μ) σ'(h_j^μ): ∂E/∂w_ij = −Σ_μ δ_j^μ x_i^μ and
    ∂E/∂b_j = −Σ_μ δ_j^μ. The derivative is taken at h, not at x. Shapes as `cross_entropy_gradient`.
    """
    X, y, h = _xy(X, y, W, b, labels=False)
    _, dW, db = _sse_step(X, y, h)
    return dW, _out(db)


def _sse_step(X, y, h):
    """(E, ∂E/∂W, ∂E/∂b) of the SSE from checked X, y and unit inputs h; no validation."""
    y_hat = sigmoid(h)
    delta = (y - y_hat) * sigmoid_prime(h)  # (m,) or (m, k): the error terms δ
    return 0.5 * np.sum((y - y_hat) ** 2), -(X.T @ delta), -delta.sum(axis=0)


def numerical_gradient(f, theta, h=1e-6):
    """Central differences (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h for every entry of θ, any shape
    (notebook 03, "Checking the gradient"). Error O(h²); returns an array shaped like θ
    (a float for a scalar θ).
    """
    if not callable(f):
        raise ValueError(f"f: expected a function of theta, got {type(f).__name__}")
    theta = _array(theta, "theta")
    if not (np.isscalar(h) and np.isfinite(h) and h > 0):
        raise ValueError(f"h: expected a positive finite step, got {h!r}")
    grad = np.empty_like(theta)
    t = theta.copy()
    for i in np.ndindex(theta.shape):
        t[i] = theta[i] + h
        up = f(t if t.ndim else float(t))
        t[i] = theta[i] - h
        down = f(t if t.ndim else float(t))
        t[i] = theta[i]
        grad[i] = (up - down) / (2 * h)
    return _out(grad)


@dataclass(frozen=True)
class DescentHistory:
    """Every step of `gradient_descent`: W (steps+1, *W.shape), b (steps+1, *b.shape), loss (steps+1,)."""
    W: np.ndarray
    b: np.ndarray
    loss: np.ndarray


LOSSES = {"cross_entropy": _cross_entropy_step, "sse": _sse_step}  # name -> (E, ∂E/∂W, ∂E/∂b) from logits


def gradient_descent(X, y, W, b, learning_rate, steps, loss="cross_entropy"):
    """Run `steps` updates W ← W − η ∂E/∂W, b ← b − η ∂E/∂b and keep every one
    (notebook 03, "Gradient descent"; notebook 04 with loss="sse").

    Returns a `DescentHistory`; row 0 is the start. The losses are computed from the logits,
    so even a far too large η gives finite numbers (oscillation or growth, never nan).
    The inputs are checked once; the loop itself is plain numpy.
    """
    if loss not in LOSSES:
        raise ValueError(f"loss: expected one of {sorted(LOSSES)}, got {loss!r}")
    X, y, _ = _xy(X, y, W, b, labels=loss == "cross_entropy")
    if not (np.isscalar(learning_rate) and np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate: expected a positive finite number, got {learning_rate!r}")
    if not (isinstance(steps, (int, np.integer)) and steps >= 0):
        raise ValueError(f"steps: expected a non-negative integer, got {steps!r}")
    step = LOSSES[loss]
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    Ws, bs, losses = [W], [b], []
    for _ in range(steps):
        E, dW, db = step(X, y, X @ W + b)
        losses.append(E)
        W, b = W - learning_rate * dW, b - learning_rate * db
        Ws.append(W)
        bs.append(b)
    losses.append(step(X, y, X @ W + b)[0])
    return DescentHistory(np.array(Ws), np.array(bs), np.array(losses))


# =====================================================================================
# 2. Data
# =====================================================================================

@dataclass(frozen=True)
class Dataset:
    """A data set and the parameters that made it: X (m, n), y (m,) or (m, k), W_true, b_true."""
    X: np.ndarray
    y: np.ndarray
    W_true: np.ndarray
    b_true: np.ndarray


def make_data(W_true, b_true, m=40, seed=0, spread=2.0):
    """Points x ~ N(0, spread²) and labels drawn as y ~ Bernoulli(σ(xW_true + b_true))
    (notebook 02 onwards: the data the error surfaces and descents are computed on).

    Deterministic for a given seed (numpy's default_rng). W_true (n,) gives y of shape (m,);
    W_true (n, k) gives y (m, k). Fitting the data should recover roughly W_true, b_true.
    """
    W_true = _array(W_true, "W_true", ndim=(1, 2))
    b_true = _array(b_true, "b_true", ndim=(0, 1))
    if not (isinstance(m, (int, np.integer)) and m >= 1):
        raise ValueError(f"m: expected a positive integer number of points, got {m!r}")
    if not (isinstance(seed, (int, np.integer)) and seed >= 0):
        raise ValueError(f"seed: expected a non-negative integer, got {seed!r}")
    if not (np.isscalar(spread) and np.isfinite(spread) and spread > 0):
        raise ValueError(f"spread: expected a positive number, got {spread!r}")
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, spread, size=(m, W_true.shape[0]))  # (m, n)
    p = predict(W_true, X, b_true)  # (m,) or (m, k)
    y = (rng.random(np.shape(p)) < p).astype(float)
    return Dataset(X, y, W_true, b_true)


# =====================================================================================
# 3. Figures and widgets
# =====================================================================================
# The fast pattern: each figure is built once (inside plt.ioff(), so ipympl shows it once); slider
# callbacks only move data on the kept artists and return the readout text; `Explorer` redraws those
# artists alone over a kept background (blitting). Surfaces are computed once, never in a callback.
# Figures are named, and a re-run cell closes what it built before under that name (the explorer's widgets,
# Play, canvas and figure; or the static figure) before building anew: re-running leaves nothing behind.

# Okabe-Ito, a colour-blind-safe palette for lines and classes; viridis/cividis for maps and surfaces.
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000"}
CLASS_STYLE = {0: dict(marker="o", color=OKABE_ITO["vermillion"], label="class 0 (y = 0)"),
               1: dict(marker="^", color=OKABE_ITO["blue"], label="class 1 (y = 1)")}
MARKER = dict(marker="o", ls="none", ms=9, color=OKABE_ITO["vermillion"], markeredgecolor="white", zorder=6)
# Legends beside the axes: moving artists never pass under them, so they stay out of the per-event redraw.
LEGEND_BESIDE = dict(loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0, fontsize=8)


class Explorer:
    """An interactive figure: `widget` (what it displays), `sliders` by description, `fig`, `readout`.

    `update()` moves the data of the `moving` artists and returns the readout text (HTML). The
    explorer then redraws by blitting: the rest of the figure is kept as a pixel background after
    each full draw (rotating a 3-D view or resizing makes one), and a slider change restores it only
    in the boxes the moving artists covered, draws them, and sends ipympl the changed pixels of those
    boxes (four times the pixels at a device pixel ratio of 2), before the readout text, so the
    figure answers first. A change before any full draw draws in full at once and sends the
    image, rather than asking the browser for a draw it may drop while it waits for an earlier one.
    Frames are encoded by `_frame_png`, faster than matplotlib's own encoder (see `_png`).
    A notebook cell ends with the explorer itself (`_repr_mimebundle_`: the widget, and for readers without a
    kernel a PNG and `describe()`); tests and benchmarks drive `sliders` and time `on_change`.
    Building another explorer on the same figure name (re-running its cell) calls `close` on this one.
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
        if all(hasattr(fig.canvas, a) for a in ("_png_is_old", "_force_full", "_last_buff")):  # webagg as pinned
            fig.canvas.get_diff_image = lambda: _frame_png(fig.canvas)
        for s in sliders:
            s.observe(self.on_change, "value")
        self._names = _accessible_names()
        self.widget = widgets.VBox([widgets.HBox([*sliders, *extra]), fig.canvas, self.readout, self._names])
        self.widget.add_class("mlmath-explorer")
        self.readout.value = update()
        _SHOWN[fig.get_label()] = self.close  # a re-run of the cell closes this explorer (see `_figure`)

    def close(self):
        """Close this explorer for good: stop its Play, close its widgets (sliders, Play, readout, boxes, the
        canvas and its toolbar), close its figure and free its pixels. `_figure` calls it on a re-run."""
        for slider in self.sliders.values():
            slider.unobserve(self.on_change, "value")
        for widget in self.extra:
            if hasattr(widget, "playing"):
                widget.playing = False
        _close_widgets(self.widget)
        self.widget.children = ()  # an output that still holds the box (IPython's Out) holds nothing more
        _close_figure(self.fig)
        # IPython's Out still holds this explorer (a cell ends with it): let go of the figure, its artists and the
        # callbacks that reach them, so that only an empty shell stays behind.
        self.fig = self.update = self.describe = self._background = None
        self.moving, self.sliders, self.extra, self._drawn = [], {}, [], []

    def on_change(self, _change=None):
        """A slider moved: update the artists, redraw them alone inside the regions they cover, then the readout.

        The regions are the boxes each moving artist covered in the last frame and covers now (`_regions`):
        only those pixels are restored from the background, compared with the last frame and sent.
        Slider changes never pile up here: the browser keeps at most one change of a slider on its way
        to the kernel and merges newer ones into it until the kernel is idle again (ipywidgets' sync).
        """
        text = self.update()
        canvas = self.fig.canvas
        pixels = np.asarray(canvas.get_renderer().buffer_rgba())  # (h, w, 4), written in place
        if self._background is None or self._background.shape != pixels.shape:  # none yet, or resized since
            canvas.draw()  # a full draw: keeps the background and draws the moving artists
        else:
            for box in self._drawn:  # outside these boxes the pixels already are the background
                pixels[box] = self._background[box]
            self._draw_moving()
            now = self._regions()  # after drawing: a 3-D line knows where it lands on the screen once drawn
            canvas._mlmath_regions = _outermost(self._drawn + now)  # what `_frame_png` compares and sends
            self._drawn = now
            canvas.blit(self.fig.bbox)
        self.readout.value = text

    def _on_full_draw(self, _event):
        self._background = np.array(self.fig.canvas.get_renderer().buffer_rgba())  # (h, w, 4) copy
        self._draw_moving()
        self._drawn = self._regions()

    def _draw_moving(self):
        for artist in self.moving:
            self.fig.draw_artist(artist)

    def describe(self):
        """One sentence on what the figure shows as it stands; each builder gives its own with `described`."""
        values = ", ".join(f"{name} = {_num(s.value)}" for name, s in self.sliders.items())
        return f"Interactive figure “{self.fig.get_label()}” at {values}."

    def described(self, describe):
        """Give the explorer `describe()`, one sentence saying what the figure shows as it stands; returns it."""
        self.describe = describe
        return self

    def _repr_mimebundle_(self, **kwargs):
        """What a cell ending with the explorer shows (see `_figure_bundle`): the live widget in JupyterLab;
        elsewhere the figure as first drawn, a note that it is interactive, and `describe()` as its text."""
        import ipywidgets as widgets
        if self.fig is None:
            return {"text/plain": "This explorer was closed when its cell ran again: use the newer one."}, {}
        controls = list(self.sliders)
        names = ", ".join(controls[:-1]) + (" and " if len(controls) > 1 else "") + controls[-1]
        play = any(isinstance(w, widgets.Play) for w in self.extra)
        note = f"the slider{'s' if len(controls) > 1 else ''} {names}" + (", and the Play button" if play else "")
        description = self.describe()
        what = re.split(r",|;| at | from | with | where ", description)[0]  # what it is, without values that move
        self._names.figure = f"{what}: an interactive figure; the text below it says what it shows now"
        return _figure_bundle(self.widget, self.fig, description, note=note)


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
# leaving the figure (ipympl keeps every key for matplotlib). This browser-side module adds them to the page.
_NAMES_ESM = """
const PLAY = {"fa-play": "play", "fa-pause": "pause", "fa-stop": "stop and go back to step 0", "fa-retweet": "repeat"};
function set(element, attribute, value) {
  if (element && value && element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
}
function name(root, figure) {
  for (const slider of root.querySelectorAll(".widget-slider")) {
    const label = slider.querySelector(".widget-label")?.textContent.trim();
    const handle = slider.querySelector(".noUi-handle");
    const readout = slider.querySelector(".widget-readout");
    set(handle, "aria-label", label);
    set(handle, "aria-valuetext", readout?.textContent.trim());  // the value as shown, not a log-scale exponent
    set(readout, "aria-label", label && `${label}, type a value`);
  }
  for (const button of root.querySelectorAll(".widget-play button")) {
    set(button, "aria-label", PLAY[Object.keys(PLAY).find((c) => button.querySelector("." + c))]);
  }
  const canvas = root.querySelector(".jupyter-matplotlib-canvas-div");
  set(canvas, "role", "figure");
  set(canvas, "aria-label", figure);
  set(root.querySelector(".mlmath-readout"), "aria-live", "polite");
}
export default {
  render({ model, el }) {
    let observer, frame;
    // ipympl's canvas takes every key for matplotlib, Tab too: let Tab move on, so the figure is no keyboard trap
    const tab = (event) => {
      if (event.key === "Tab" && event.target.classList.contains("jupyter-matplotlib-canvas-div")) event.stopPropagation();
    };
    const start = () => {
      const root = el.closest(".mlmath-explorer");
      if (!root) { frame = requestAnimationFrame(start); return; }
      const update = () => name(root, model.get("figure"));
      update();
      observer = new MutationObserver(update);
      observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true,
                               attributeFilter: ["aria-valuetext"] });
      root.addEventListener("keydown", tab, true);
      el.cleanup = () => root.removeEventListener("keydown", tab, true);
    };
    start();
    return () => { cancelAnimationFrame(frame); observer?.disconnect(); el.cleanup?.(); };
  },
};
"""
_NAMES_WIDGET = {}


def _accessible_names():
    """An empty widget whose browser side makes the explorer it sits in usable by screen reader and keyboard
    (see _NAMES_ESM); its `figure` is the figure's accessible name."""
    if "class" not in _NAMES_WIDGET:
        import anywidget
        import traitlets
        _NAMES_WIDGET["class"] = type("AccessibleNames", (anywidget.AnyWidget,),
                                      {"_esm": _NAMES_ESM, "figure": traitlets.Unicode().tag(sync=True)})
    return _NAMES_WIDGET["class"]()



def _png(rgba):
    """PNG bytes of an (h, w, 4) uint8 RGBA image: rows unfiltered, zlib level 1.

    Three to four times faster to make than Pillow's default (which tries five row filters and
    compresses harder) on the frames a blit sends, mostly zeros, and no slower for the browser to decode.
    """
    h, w, _ = rgba.shape
    rows, pixels = _png_rows(h, w)
    pixels[...] = rgba.view(np.uint32).reshape(h, w)
    return _png_of_rows(rows)


def _png_rows(h, w):
    """A zeroed PNG scanline buffer (h, 1 + 4w) uint8, each row filter type 0 then its pixels, and the (h, w)
    uint32 view of its pixels (RGBA bytes in memory order) to write them into."""
    rows = np.zeros((h, 1 + 4 * w), np.uint8)
    return rows, rows[:, 1:].view(np.uint32)


def _png_of_rows(rows):
    """PNG bytes of a `_png_rows` buffer: 8 bits per channel, RGBA, no interlace, zlib level 1."""
    h, w = rows.shape[0], (rows.shape[1] - 1) // 4

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1))
            + chunk(b"IEND", b""))


def _frame_png(canvas):
    """The next frame for ipympl's browser view: matplotlib's `get_diff_image` (webagg, 3.11), encoded by `_png`.

    Only the pixels that changed since the last frame are sent (others are zero, transparent) unless a
    full frame is due: the first, after a resize, or when the figure has transparent pixels. After a
    blit, `canvas._mlmath_regions` [(rows, cols)] bounds what changed: only those boxes are compared and kept,
    and the frame stops at their bottom-right corner (the browser draws a frame from the top-left, over the
    last one).
    """
    if not canvas._png_is_old:
        return None
    boxes, canvas._mlmath_regions = getattr(canvas, "_mlmath_regions", None), None
    pixels = np.asarray(canvas.get_renderer().buffer_rgba())  # (h, w, 4)
    buff = pixels.view(np.uint32).squeeze(2)  # (h, w): one number per pixel, compared in one call
    full = canvas._force_full or buff.shape != canvas._last_buff.shape
    if full or boxes is None:
        boxes = [(slice(0, buff.shape[0]), slice(0, buff.shape[1]))]
    canvas._force_full, canvas._png_is_old = False, False
    if full or any((pixels[box][:, :, 3] != 255).any() for box in boxes):
        canvas.set_image_mode("full")
        canvas._last_buff = buff.copy()
        return _png(pixels)
    canvas.set_image_mode("diff")
    png_rows, frame = _png_rows(max([r.stop for r, _ in boxes], default=1), max([c.stop for _, c in boxes], default=1))
    for box in boxes:  # zero is transparent: the browser keeps its last frame there
        new, old = buff[box], canvas._last_buff[box]
        np.copyto(frame[box], new, where=new != old)
        old[...] = new
    return _png_of_rows(png_rows)


class StaticFigure:
    """A figure drawn once, with no sliders (notebook 01 "The sigmoid", notebook 04): `fig`, its ipympl
    `canvas`, and `description`, one sentence saying what it shows. A cell ending with it shows the live
    canvas in JupyterLab, and the picture with the description elsewhere (see `_figure_bundle`)."""

    def __init__(self, fig, description):
        self.fig, self.canvas, self.description = fig, fig.canvas, description

    def _repr_mimebundle_(self, **kwargs):
        return _figure_bundle(self.canvas, self.fig, self.description)


def _num(value, digits=2):
    """`value` with a fixed number of decimals and a true minus sign (−), never "−0.00"."""
    text = f"{value:.{digits}f}"
    return text.lstrip("-") if float(text) == 0 else text.replace("-", "−")


def _snapshot_png(canvas):
    """PNG bytes of what `canvas` last drew, (h, w) pixels in 256 colours: about a third of the bytes
    of full colour and no visible difference on these figures, so the stored notebooks stay small."""
    from PIL import Image
    rgb = Image.fromarray(np.asarray(canvas.get_renderer().buffer_rgba())).convert("RGB")  # (h, w, 3)
    buffer = io.BytesIO()
    rgb.quantize(256).save(buffer, format="png")
    return buffer.getvalue()


def _figure_bundle(widget, fig, description, note=None):
    """The outputs of a displayed figure, for every place a notebook is read (the design's "Where learners
    meet the notebooks"): the widget view (JupyterLab), a PNG of the figure as first drawn (image/png, and
    text/html as an <img> whose alt is the description, which nbconvert's HTML and nbviewer show), and the
    description as text/plain (screen readers, plain-text front-ends, nbval). `note` names the controls of
    an explorer: the HTML then says the figure is interactive in JupyterLab. Draws the figure once, in full.
    Returns (data, metadata) as IPython's `_repr_mimebundle_` does.
    """
    import base64
    import html
    import ipywidgets as widgets
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    # The first full draw, on the canvas's own renderer (an explorer keeps its background from it), sending the
    # browser nothing: before its view is up, ipympl 0.10 would send raw pixels where the browser expects a PNG,
    # and the canvas stayed blank in JupyterLab.
    FigureCanvasAgg.draw(fig.canvas)
    png = base64.b64encode(_snapshot_png(fig.canvas)).decode("ascii")
    ratio = getattr(fig.canvas, "device_pixel_ratio", 1) or 1
    width, height = (round(v * fig.dpi / ratio) for v in fig.get_size_inches())  # CSS pixels
    data = widgets.Widget._repr_mimebundle_(widget)  # the widget view alone, without ipympl's own snapshot
    lead = "" if note is None else (
        f'<p class="mlmath-static-note"><em>Interactive when run in JupyterLab:</em> run the notebook to move '
        f"{html.escape(note)}. Shown here: the figure as first drawn.</p>\n")
    data.update({
        "text/plain": description,
        "image/png": png,
        "text/html": f'<div class="mlmath-static">\n{lead}<img src="data:image/png;base64,{png}" '
                     f'alt="{html.escape(description)}" width="{width}" height="{height}">\n</div>',
    })
    fig._mlmath_picture = png  # so that a re-run can take it out of IPython's output history (`_close_figure`)
    return data, {"image/png": {"alt": description, "width": width, "height": height}}


def _slider(description, value, lo, hi, step, css=None, kind="float"):
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


# Figure name -> how to close what a cell last built under that name (an explorer, or a static figure).
_SHOWN = {}


def _close_widgets(*roots):
    """Close widgets and every widget they hold (children, layout, style, a canvas's toolbar), and the links
    (`jslink`) between them: closed widgets leave ipywidgets' registry and their browser views."""
    import ipywidgets as widgets
    from ipywidgets.widgets.widget import _instances
    from ipywidgets.widgets.widget_link import Link
    todo, seen = list(roots), {}
    while todo:
        widget = todo.pop()
        if isinstance(widget, widgets.Widget) and id(widget) not in seen:
            seen[id(widget)] = widget
            for key in widget.keys:
                value = getattr(widget, key, None)
                todo += value if isinstance(value, (list, tuple)) else [value]
    for link in [w for w in _instances.values() if isinstance(w, Link)]:
        if id(link.source[0]) in seen or id(link.target[0]) in seen:
            seen[id(link)] = link
    for widget in seen.values():
        widget.close()


def _close_figure(fig):
    """Close a figure, its canvas widgets, and free its pixels and artists even if an output still holds it."""
    import matplotlib.pyplot as plt
    _close_widgets(fig.canvas)
    plt.close(fig)
    fig.clear()
    canvas = fig.canvas
    canvas._last_buff = np.empty((0, 0))
    canvas._data_url = None  # ipympl's PNG snapshot, as text
    canvas.__dict__.pop("renderer", None)  # FigureCanvasAgg's cached renderer: the pixel buffer
    canvas._lastKey = None
    _forget_picture(getattr(fig, "_mlmath_picture", None))
    fig._mlmath_picture = None


def _forget_picture(png):
    """Take a closed figure's picture (image/png and the text/html holding it) out of the output bundles that
    IPython 9 keeps for every execution (history_manager.outputs), so a re-run does not keep the old one."""
    try:
        from IPython import get_ipython
        history = get_ipython().history_manager.outputs
    except Exception:  # not in IPython, or an IPython that keeps no outputs
        return
    for outputs in history.values():
        for output in outputs:
            bundle = getattr(output, "bundle", None)
            if isinstance(bundle, dict) and bundle.get("image/png") is png:
                bundle.pop("image/png")
                bundle.pop("text/html", None)


def _figure(name, **subplots_kw):
    """A fresh named ipympl figure with a quiet canvas; what an earlier run built under that name (an
    explorer or a static figure) is closed first, so re-running a cell leaves nothing of the old one alive."""
    import matplotlib.pyplot as plt
    close_previous = _SHOWN.pop(name, None)
    if close_previous is not None:
        close_previous()
        gc.collect()  # a figure is a web of reference cycles: free the old one now, before building the new
    plt.close(name)
    with plt.ioff():
        fig, axes = plt.subplots(num=name, layout="constrained", **subplots_kw)
    fig.canvas.header_visible = False
    fig.canvas.toolbar_position = "right"
    fig.canvas.resizable = False
    _SHOWN[name] = lambda: _close_figure(fig)  # an explorer built on it replaces this with its own close
    return fig, axes


def prediction_explorer(W=2.0, x=1.0, b=-1.0):
    """Interactive 1 of notebook 01: sliders W, x, b move the point (x, ŷ) on the curve σ(Wx + b),
    with the 0.5 threshold and the x where the curve crosses it (x = −b/W; none when W = 0).
    """
    fig, ax = _figure("01 prediction", figsize=(6.4, 3.6))
    xs = np.linspace(-6, 6, 241)  # (241,) the x axis
    curve, = ax.plot(xs, xs * 0, color=OKABE_ITO["blue"], lw=2, label="ŷ = σ(Wx + b)")
    ax.axhline(0.5, color="0.5", ls=":", lw=1, label="ŷ = 0.5")
    cross = ax.axvline(0.0, color=OKABE_ITO["orange"], ls="--", lw=1.2, label="crossing x = −b/W")
    point, = ax.plot([], [], **{**MARKER, "label": "(x, ŷ)"})
    ax.set(xlim=(-6, 6), ylim=(-0.05, 1.05), xlabel="input x", ylabel="prediction ŷ")
    ax.legend(**LEGEND_BESIDE)
    sliders = [_slider("W", W, -10, 10, 0.1), _slider("x", x, -5, 5, 0.05), _slider("b", b, -10, 10, 0.1)]

    def update():
        W, x, b = (s.value for s in sliders)
        z = W * x + b
        y_hat = sigmoid(z)
        curve.set_ydata(sigmoid(W * xs + b))
        point.set_data([x], [y_hat])
        crossing = -b / W if W != 0 else None
        cross.set_visible(crossing is not None and abs(crossing) <= 6)
        if crossing is not None:
            cross.set_xdata([crossing, crossing])
        where = "none: with W = 0, ŷ = σ(b) for every x" if crossing is None else f"x = {crossing:.3f}"
        return (f"z = W·x + b = {W:.2f}·{x:.2f} + {b:.2f} = <b>{z:.3f}</b>, "
                f"ŷ = σ(z) = <b>{y_hat:.4f}</b>; crosses 0.5 at {where}")

    def describe():
        W, x, b = (s.value for s in sliders)
        where = (f"flat at ŷ = σ(b) = {_num(sigmoid(b), 4)} since W = 0" if W == 0 else
                 f"crossing ŷ = 0.5 at x = {_num(-b / W)}" if abs(b / W) <= 6 else "not crossing ŷ = 0.5 on the axes")
        return (f"Curve of the prediction ŷ = σ(Wx + b) over the input x from −6 to 6 at W = {_num(W)}, "
                f"b = {_num(b)}, {where}, with the point x = {_num(x)}, ŷ = {_num(sigmoid(W * x + b), 4)} marked.")

    return Explorer(fig, sliders, update, moving=[curve, point, cross]).described(describe)


def sigmoid_figure():
    """Notebook 01, "The sigmoid": σ(z) and σ'(z) over z ∈ [−8, 8], with σ(0) = ½ and σ'(0) = ¼ marked;
    a `StaticFigure`."""
    fig, ax = _figure("01 sigmoid", figsize=(6.4, 3.2))
    z = np.linspace(-8, 8, 321)  # (321,)
    ax.plot(z, sigmoid(z), color=OKABE_ITO["blue"], lw=2, label="σ(z)")
    ax.plot(z, sigmoid_prime(z), color=OKABE_ITO["orange"], lw=2, ls="--", label="σ'(z) = σ(z)(1 − σ(z))")
    ax.plot([0, 0], [0.5, 0.25], "o", color=OKABE_ITO["black"], ms=5)
    ax.annotate("σ(0) = ½", (0, 0.5), xytext=(0.6, 0.42))
    ax.annotate("σ'(0) = ¼", (0, 0.25), xytext=(0.6, 0.17))
    for level in (0, 1):
        ax.axhline(level, color="0.6", lw=0.8, ls=":")
    ax.set(xlabel="z", ylim=(-0.05, 1.05), xlim=(-8, 8))
    ax.legend(loc="center left", fontsize=8)
    s, ds = sigmoid(z), sigmoid_prime(z)
    return StaticFigure(fig, f"Line chart over z from −8 to 8 of the sigmoid σ(z), an S-curve rising from "
                             f"{_num(s[0], 4)} to {_num(s[-1], 4)} through σ(0) = {_num(sigmoid(0.0), 1)}, and "
                             f"of its derivative σ'(z), a bump (dashed) peaking at σ'({_num(z[ds.argmax()], 0)}) = "
                             f"{_num(ds.max(), 2)} and falling to {_num(ds[0], 4)} at both ends.")


def two_inputs(data):
    """X (m, 2) and y (m,) of a two-input, one-output `Dataset` (notebooks 01 and 03);
    ValueError for anything else."""
    if data.X.ndim != 2 or data.X.shape[1] != 2 or data.y.shape != (data.X.shape[0],):
        raise ValueError(f"data: expected X of shape (m, 2) and y of shape (m,), got {data.X.shape} "
                         f"and {data.y.shape}")
    return data.X, data.y


def _class_points(ax, X, y):
    """Scatter two-input points, class 0 as circles and class 1 as triangles; returns both collections."""
    return [ax.scatter(X[y == label, 0], X[y == label, 1], s=34, edgecolors="white", linewidths=0.8, zorder=3,
                       **style) for label, style in CLASS_STYLE.items()]


def _boundary(w1, w2, b, grid):
    """Points of the line w1·x1 + w2·x2 + b = 0 across `grid`, solved for the better-conditioned
    coordinate; empty when w1 = w2 = 0 (no boundary: every point gets ŷ = σ(b))."""
    if w1 == 0 and w2 == 0:
        return [], []
    if abs(w2) >= abs(w1):
        return grid, -(w1 * grid + b) / w2
    return -(w2 * grid + b) / w1, grid


def _probability_map(ax, X, y, n):
    """An n × n map of ŷ over the square holding the points, the two classes, and an empty boundary
    line; returns (image, points, boundary, grid, G1, G2) for a callback to move."""
    import matplotlib
    lim = float(np.ceil(np.abs(X).max()))
    grid = np.linspace(-lim, lim, n)  # (n,)
    G1, G2 = np.meshgrid(grid, grid)  # (n, n) each: x1 across, x2 up
    # cividis at 75 % over the white axes, as an opaque map: `_show_map` looks the colours up on the n × n grid
    # and the image scales those bytes to the screen, instead of scaling the values to the screen's pixels and
    # looking up and blending each one there (several times faster at a pixel ratio of 2).
    light = matplotlib.colors.ListedColormap(
        0.75 * matplotlib.colormaps["cividis"](np.linspace(0, 1, 256))[:, :3] + 0.25, name="cividis 75 % over white")
    image = ax.imshow(G1 * 0, extent=(-lim, lim, -lim, lim), origin="lower", cmap=light, vmin=0, vmax=1,
                      interpolation="nearest", interpolation_stage="rgba")
    points = _class_points(ax, X, y)
    boundary, = ax.plot([], [], color=OKABE_ITO["black"], lw=2, label="w1·x1 + w2·x2 + b = 0")
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), xlabel="x1", ylabel="x2", aspect="equal")
    return image, points, boundary, grid, G1, G2


def _show_map(image, p):
    """Show the probabilities p (n, n) in [0, 1] on a `_probability_map` image, as its colour map's bytes."""
    image.set_data(image.cmap(p, bytes=True))  # (n, n, 4) uint8: scaled to the screen as bytes, not floats


def decision_explorer(data, w1=1.0, w2=1.0, b=0.0):
    """Interactive 2 of notebook 01: two inputs, sliders w1, w2, b; the probability map
    σ(w1·x1 + w2·x2 + b), the boundary w1·x1 + w2·x2 + b = 0, and how many points fall on their side.
    """
    X, y = two_inputs(data)  # (m, 2), (m,)
    fig, ax = _figure("01 decision", figsize=(5.6, 4.4))
    image, points, boundary, grid, G1, G2 = _probability_map(ax, X, y, 101)
    fig.colorbar(image, ax=ax, label="ŷ = P(y = 1)")
    wrong = ax.scatter([], [], s=150, facecolors="none", edgecolors=OKABE_ITO["black"], linewidths=1.5,
                       zorder=4, label="misclassified")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=7)  # below the map
    sliders = [_slider("w1", w1, -5, 5, 0.1), _slider("w2", w2, -5, 5, 0.1), _slider("b", b, -5, 5, 0.1)]
    moving = [image, *points, wrong, boundary]  # the points drawn again over the moving map

    def update():
        w1, w2, b = (s.value for s in sliders)
        _show_map(image, sigmoid(w1 * G1 + w2 * G2 + b))
        boundary.set_data(*_boundary(w1, w2, b, grid))
        predicted = (w1 * X[:, 0] + w2 * X[:, 1] + b) > 0  # (m,) ŷ > 0.5
        wrong_mask = predicted != (y == 1)
        wrong.set_offsets(X[wrong_mask].reshape(-1, 2))
        return (f"boundary {w1:.2f}·x1 + {w2:.2f}·x2 + {b:.2f} = 0; correctly classified: "
                f"<b>{len(y) - wrong_mask.sum()} of {len(y)}</b> (ŷ > 0.5 predicts class 1)")

    def describe():
        w1, w2, b = (s.value for s in sliders)
        wrong = int(np.sum(((w1 * X[:, 0] + w2 * X[:, 1] + b) > 0) != (y == 1)))
        line = ("no boundary, as w1 = w2 = 0" if w1 == 0 and w2 == 0 else
                f"the boundary {_num(w1)}·x1 + {_num(w2)}·x2 + {_num(b)} = 0 as a black line")
        return (f"Map of the probability ŷ = σ(w1·x1 + w2·x2 + b) over x1 and x2 from {_num(grid[0], 0)} to "
                f"{_num(grid[-1], 0)}, dark blue near 0 and yellow near 1, with {int(np.sum(y == 0))} class-0 points "
                f"as circles, {int(np.sum(y == 1))} class-1 points as triangles, {line}, and the {wrong} "
                f"misclassified points ringed.")

    return Explorer(fig, sliders, update, moving).described(describe)


def loss_curves_explorer(y_hat=0.7):
    """Notebook 02, "One example's loss": −ln ŷ (label 1) and −ln(1 − ŷ) (label 0) over ŷ, with a
    slider ŷ marking both curves and reading out both losses.
    """
    fig, ax = _figure("02 loss curves", figsize=(6.0, 3.4))
    p = np.linspace(0.001, 0.999, 400)  # (400,) probabilities
    ax.plot(p, -np.log(p), color=OKABE_ITO["blue"], lw=2, label="y = 1: −ln ŷ")
    ax.plot(p, -np.log1p(-p), color=OKABE_ITO["vermillion"], lw=2, ls="--", label="y = 0: −ln(1 − ŷ)")
    dot1, = ax.plot([], [], "^", ms=10, color=OKABE_ITO["blue"])
    dot0, = ax.plot([], [], "o", ms=9, color=OKABE_ITO["vermillion"])
    guide = ax.axvline(0.5, color="0.5", lw=1, ls=":")
    ax.set(xlim=(0, 1), ylim=(0, 5), xlabel="prediction ŷ", ylabel="loss of one example")
    ax.legend(**LEGEND_BESIDE)
    sliders = [_slider("ŷ", y_hat, 0.01, 0.99, 0.01, css="yhat")]
    moving = [dot1, dot0, guide]

    def update():
        p = sliders[0].value
        loss1, loss0 = error_formula(1, p), error_formula(0, p)
        dot1.set_data([p], [loss1])
        dot0.set_data([p], [loss0])
        guide.set_xdata([p, p])
        return (f"ŷ = {p:.2f}: if the label is y = 1 the loss is −ln ŷ = <b>{loss1:.3f}</b>; "
                f"if y = 0 it is −ln(1 − ŷ) = <b>{loss0:.3f}</b>")

    def describe():
        p = sliders[0].value
        return (f"Two curves of one example's loss over the prediction ŷ from 0 to 1: −ln ŷ for the label y = 1, "
                f"falling to 0 at ŷ = 1, and −ln(1 − ŷ) for y = 0 (dashed), rising without bound towards ŷ = 1; "
                f"both marked at ŷ = {_num(p)}, where they are {_num(error_formula(1, p), 3)} and "
                f"{_num(error_formula(0, p), 3)}.")

    return Explorer(fig, sliders, update, moving).described(describe)


def one_input(data):
    """x (m,) and y (m,) of a one-input, one-output `Dataset` (the data of notebooks 02-04);
    ValueError for anything else."""
    if data.X.ndim != 2 or data.X.shape[1] != 1 or data.y.shape != (data.X.shape[0],):
        raise ValueError(f"data: expected X of shape (m, 1) and y of shape (m,), got {data.X.shape} "
                         f"and {data.y.shape}")
    return data.X[:, 0], data.y


def loss_surface(data, W_grid, b_grid, loss="cross_entropy"):
    """E(W, b) for a one-input data set on a grid (notebook 02, "The error surface"; SSE in 04).

    W_grid and b_grid are equal-shape arrays (from np.meshgrid); the result has that shape.
    Cross-entropy is the mean from logits, SSE the ½-sum through the sigmoid, as in the maths layer.
    """
    if loss not in LOSSES:
        raise ValueError(f"loss: expected one of {sorted(LOSSES)}, got {loss!r}")
    x, y = one_input(data)
    W_grid, b_grid = _array(W_grid, "W_grid"), _array(b_grid, "b_grid")
    _same_shape(W_grid, b_grid, "W_grid", "b_grid")
    z = W_grid[..., None] * x + b_grid[..., None]  # (*grid, m)
    if loss == "cross_entropy":
        return np.mean(np.logaddexp(0.0, z) - y * z, axis=-1)
    return 0.5 * np.sum((y - sigmoid(z)) ** 2, axis=-1)


def minimum(data, loss="cross_entropy", W=0.0, b=0.0, learning_rate=None, steps=1000):
    """(W*, b*, E*) of a one-input data set, by gradient descent from (W, b) (notebooks 02-04).

    The default η is 1 for the mean cross-entropy and 2/m for the SSE, a sum over the m points.
    """
    x, y = one_input(data)
    if learning_rate is None:
        learning_rate = 1.0 if loss == "cross_entropy" else 2.0 / len(y)
    h = gradient_descent(x[:, None], y, np.array([W]), b, learning_rate, steps, loss=loss)
    return float(h.W[-1, 0]), float(h.b[-1]), float(h.loss[-1])


def _loss_grid(data, extent, loss="cross_entropy"):
    """The (W, b) grid over [−extent, extent]², 61 × 61, and E on it: computed once per figure."""
    grid = np.linspace(-extent, extent, 61)  # (61,)
    Wg, Bg = np.meshgrid(grid, grid)  # (61, 61) each
    return Wg, Bg, loss_surface(data, Wg, Bg, loss)


def _surface_axes(fig, spec_contour, spec_surface, data, extent, loss, title):
    """A filled contour map and a rotatable 3-D surface of E over (W, b), the minimum starred on both,
    and an empty marker on each for a callback to move; returns (mark_c, mark_s, (W*, b*, E*))."""
    Wg, Bg, E = _loss_grid(data, extent, loss)
    best = minimum(data, loss=loss, W=1.0)
    ax_c = fig.add_subplot(spec_contour)
    filled = ax_c.contourf(Wg, Bg, E, levels=20, cmap="viridis")
    ax_c.contour(Wg, Bg, E, levels=20, colors="white", linewidths=0.3, alpha=0.5)
    fig.colorbar(filled, ax=ax_c, shrink=0.85, label=title)
    ax_c.set(xlabel="W", ylabel="b", title=f"{title}: contours")
    ax_s = fig.add_subplot(spec_surface, projection="3d", computed_zorder=False)
    ax_s.plot_surface(Wg, Bg, E, cmap="viridis", rcount=30, ccount=30, linewidth=0, alpha=0.85, zorder=1)
    ax_s.set(xlabel="W", ylabel="b", title=f"{title}: drag to rotate")
    ax_s.view_init(elev=30, azim=-60)
    _star(ax_c, *best[:2])
    _star(ax_s, *best)
    mark_c, = ax_c.plot([], [], **MARKER)
    mark_s, = ax_s.plot([], [], [], **{**MARKER, "ms": 8})
    return mark_c, mark_s, best


def _star(ax, W, b, E=None):
    """Mark the minimum (W*, b*) with a star on a contour (E None) or 3-D axis."""
    style = dict(marker="*", ms=14, color=OKABE_ITO["orange"], markeredgecolor="black", ls="none", zorder=5,
                 label="minimum")
    return ax.plot([W], [b], **style) if E is None else ax.plot([W], [b], [E], **style)


def error_surface_explorer(data, W=-2.0, b=2.0, extent=6.0):
    """Notebook 02, "The error surface": E(W, b) as contours and a rotatable 3-D surface, computed once;
    sliders W and b move a marker on both and redraw σ(Wx + b) over the data, each point's own
    contribution drawn as the gap from its label to the curve, thicker the larger its loss; the
    minimum marked with a star.
    """
    x, y = one_input(data)
    fig = _figure("02 error surface", figsize=(9.6, 3.5))[0]
    fig.clear()
    specs = fig.add_gridspec(1, 3, width_ratios=[1.1, 1.1, 1])
    mark_c, mark_s, (W_min, b_min, E_min) = _surface_axes(fig, specs[0], specs[1], data, extent, "cross_entropy",
                                                          "E(W, b)")
    ax_m = fig.add_subplot(specs[2])
    xs = np.linspace(x.min() - 1, x.max() + 1, 200)  # (200,)
    curve, = ax_m.plot(xs, xs * 0, color=OKABE_ITO["blue"], lw=2)
    bars = ax_m.vlines(x, y, y, colors=OKABE_ITO["purple"], lw=2)  # gap |y − ŷ|, width grows with the loss
    for label, style in CLASS_STYLE.items():
        ax_m.scatter(x[y == label], y[y == label], s=30, zorder=3, edgecolors="white", **style)
    ax_m.set(xlabel="x", ylabel="label y (markers), ŷ (curve)", ylim=(-0.08, 1.08), title="σ(Wx + b) over the data")
    sliders = [_slider("W", W, -extent, extent, 0.1), _slider("b", b, -extent, extent, 0.1)]
    moving = [mark_c, mark_s, curve, bars]

    def update():
        W, b = (s.value for s in sliders)
        z = W * x + b  # (m,)
        losses = np.logaddexp(0.0, z) - y * z  # (m,) each point's −ln P(its label)
        E_now = float(losses.mean())
        mark_c.set_data([W], [b])
        mark_s.set_data_3d([W], [b], [E_now])
        curve.set_ydata(sigmoid(W * xs + b))
        # from each label to the curve: the gap |y − ŷ|, drawn thicker the larger its loss −ln(1 − gap)
        bars.set_segments(np.stack([np.c_[x, y], np.c_[x, sigmoid(z)]], axis=1))  # (m, 2, 2)
        bars.set_linewidths(1 + 0.6 * np.minimum(losses, 5))
        return (f"W = {W:.2f}, b = {b:.2f}: E(W, b) = <b>{E_now:.4f}</b> "
                f"(minimum E = {E_min:.4f} at W = {W_min:.2f}, b = {b_min:.2f}); worst point: "
                f"x = {x[losses.argmax()]:.2f} with −ln P = {losses.max():.2f}")

    def describe():
        W, b = (s.value for s in sliders)
        E_now = float(np.mean(np.logaddexp(0.0, W * x + b) - y * (W * x + b)))
        return (f"Contour map and rotatable 3-D surface of the error E over W and b from {_num(-extent, 0)} to "
                f"{_num(extent, 0)}, minimum E = {_num(E_min, 4)} at W = {_num(W_min)}, b = {_num(b_min)} (star), "
                f"marker at W = {_num(W)}, b = {_num(b)} where E = {_num(E_now, 4)}; beside them the curve "
                f"σ(Wx + b) over the {len(y)} data points, a bar from each label to the curve, thicker the larger "
                f"that point's loss.")

    return Explorer(fig, sliders, update, moving).described(describe)


def _gradient_grid(x, y, W_grid, b_grid, loss="cross_entropy"):
    """∂E/∂W and ∂E/∂b on a (W, b) grid for one-input data: the mean cross-entropy (notebook 03) or
    the SSE (notebook 04); the same formulas as `cross_entropy_gradient` and `sse_gradient`."""
    h = W_grid[..., None] * x + b_grid[..., None]  # (*grid, m)
    if loss == "sse":
        delta = (y - sigmoid(h)) * sigmoid_prime(h)  # (*grid, m): the error term δ per point
        return -np.sum(delta * x, axis=-1), -np.sum(delta, axis=-1)
    r = sigmoid(h) - y  # (*grid, m): ŷ − y per point
    return np.mean(r * x, axis=-1), np.mean(r, axis=-1)


def gradient_field_explorer(data, W=-3.0, b=3.0, extent=6.0):
    """Notebook 03, "The gradient field": arrows of −∇E over the contours of E(W, b), computed once;
    sliders W and b place a point and show −∇E there with its components.
    """
    x, y = one_input(data)
    Wg, Bg, E = _loss_grid(data, extent)
    coarse = np.linspace(-extent, extent, 13)  # (13,) where the field arrows stand
    Wc, Bc = np.meshgrid(coarse, coarse)
    dW, db = _gradient_grid(x, y, Wc, Bc)  # (13, 13) each
    fig, ax = _figure("03 gradient field", figsize=(6.0, 4.6))
    filled = ax.contourf(Wg, Bg, E, levels=20, cmap="viridis")
    fig.colorbar(filled, ax=ax, label="E(W, b)")
    norm = np.hypot(dW, db) + 1e-12
    ax.quiver(Wc, Bc, -dW / norm, -db / norm, color="white", alpha=0.7, scale=30, width=0.004)  # directions
    W_min, b_min, _ = minimum(data)
    _star(ax, W_min, b_min)
    point, = ax.plot([], [], **MARKER)
    arrow = ax.quiver([W], [b], [0.0], [0.0], color=OKABE_ITO["orange"], angles="xy", scale_units="xy", scale=1,
                      width=0.008, zorder=5, label="−∇E (scaled ×2)")
    ax.set(xlim=(-extent, extent), ylim=(-extent, extent), xlabel="W", ylabel="b",
           title="white: direction of −∇E; orange: −∇E at the point")
    sliders = [_slider("W", W, -extent, extent, 0.1), _slider("b", b, -extent, extent, 0.1)]
    moving = [point, arrow]

    def update():
        W, b = (s.value for s in sliders)
        (gW,), gb = cross_entropy_gradient(x[:, None], y, np.array([W]), b)
        point.set_data([W], [b])
        arrow.set_offsets([[W, b]])
        arrow.set_UVC([-2 * gW], [-2 * gb])
        return (f"at W = {W:.2f}, b = {b:.2f}: ∂E/∂W = <b>{gW:+.4f}</b>, ∂E/∂b = <b>{gb:+.4f}</b>, "
                f"|∇E| = {np.hypot(gW, gb):.4f}; a step of η moves (W, b) by −η∇E")

    def describe():
        W, b = (s.value for s in sliders)
        (gW,), gb = cross_entropy_gradient(x[:, None], y, np.array([W]), b)
        return (f"Contour map of the error E over W and b from {_num(-extent, 0)} to {_num(extent, 0)} with white "
                f"arrows of −∇E, pointing downhill towards the minimum at W = {_num(W_min)}, b = {_num(b_min)} "
                f"(star); at the marker W = {_num(W)}, b = {_num(b)} the gradient is ∂E/∂W = {_num(gW, 4)}, "
                f"∂E/∂b = {_num(gb, 4)}, and an orange arrow shows −∇E there.")

    return Explorer(fig, sliders, update, moving).described(describe)


def descent_status(losses):
    """One plain sentence on how a run of gradient descent went (notebook 03, "Learning rate")."""
    losses = _array(losses, "losses", ndim=1)
    if losses.size < 3:
        return "too few steps to judge: add steps"
    rises = int(np.sum(np.diff(losses) > 1e-9 * losses[:-1]))  # steps on which E went up
    if losses[-1] > losses[0]:
        return "diverging: E ends higher than it started, η is far too large"
    if rises:
        return f"overshooting: E went up on {rises} of {losses.size - 1} steps, η is too large for this valley"
    if abs(losses[-1] - losses[-2]) < 1e-6:
        return "converged: E has stopped changing"
    return "descending: E is still falling, add steps or raise η"


def descent_explorer(data, W0=-4.0, b0=4.0, learning_rate=0.5, steps=40, extent=6.0):
    """Notebook 03, "Gradient descent": the path of gradient descent on the contours of E and its loss
    curve; sliders for η (log scale), the start W0, b0 and the number of steps; `Play` animates the
    step slider. Changing η, W0, b0 or steps reruns the (cheap) descent; a step only moves markers.
    """
    x, y = one_input(data)
    Wg, Bg, E = _loss_grid(data, extent)
    W_min, b_min, E_min = minimum(data)
    fig, (ax, ax_loss) = _figure("03 descent", ncols=2, figsize=(9.4, 3.9), width_ratios=[1.15, 1])
    ax.contourf(Wg, Bg, E, levels=20, cmap="viridis")
    _star(ax, W_min, b_min)
    path, = ax.plot([], [], "-o", ms=3, lw=1.2, color="white", label="path")
    now, = ax.plot([], [], **MARKER)
    ax.set(xlim=(-extent, extent), ylim=(-extent, extent), xlabel="W", ylabel="b", title="E(W, b) and the path")
    max_steps = 100
    loss_line, = ax_loss.plot([], [], color=OKABE_ITO["blue"], lw=1.5)
    loss_now, = ax_loss.plot([], [], "o", ms=8, color=OKABE_ITO["vermillion"])
    ax_loss.axhline(E_min, color=OKABE_ITO["orange"], ls="--", lw=1, label=f"minimum E = {E_min:.3f}")
    ax_loss.set(yscale="log", xlim=(0, max_steps), ylim=(0.9 * E_min, 30), xlabel="step k", ylabel="E",
                title="the loss at each step")
    ax_loss.legend(**LEGEND_BESIDE)
    step, play = _player(steps, interval=150)
    eta, w0, b0_, n_steps = (_slider("η", learning_rate, -2, 1.5, 0.05, css="eta", kind="log"),
                             _slider("W0", W0, -extent, extent, 0.1), _slider("b0", b0, -extent, extent, 0.1),
                             _slider("steps", steps, 1, max_steps, 1, kind="int"))
    moving = [path, now, loss_line, loss_now]
    run = {}

    def update():
        key = (eta.value, w0.value, b0_.value, n_steps.value)
        if run.get("key") != key:  # the parameters changed: rerun the descent, a few ms
            h = gradient_descent(x[:, None], y, np.array([w0.value]), b0_.value, eta.value, n_steps.value)
            run.update(key=key, W=h.W[:, 0], b=h.b, loss=h.loss, status=descent_status(h.loss))
            path.set_data(run["W"], run["b"])
            loss_line.set_data(np.arange(len(h.loss)), h.loss)
            step.max = play.max = n_steps.value
        k = min(step.value, n_steps.value)
        now.set_data([run["W"][k]], [run["b"][k]])
        loss_now.set_data([k], [run["loss"][k]])
        return (f"step {k} of {n_steps.value} with η = {eta.value:.3g}: W = {run['W'][k]:.3f}, "
                f"b = {run['b'][k]:.3f}, E = <b>{run['loss'][k]:.4f}</b> (minimum {E_min:.4f}). "
                f"After {n_steps.value} steps: <b>{run['status']}</b>.")

    def describe():
        k, n = min(step.value, n_steps.value), n_steps.value
        return (f"Contour map of the error E over W and b with the path of {n} steps of gradient descent at "
                f"η = {eta.value:.3g} from W = {_num(run['W'][0])}, b = {_num(run['b'][0])} to "
                f"W = {_num(run['W'][-1])}, b = {_num(run['b'][-1])}, where E = {_num(run['loss'][-1], 4)} "
                f"(minimum {_num(E_min, 4)} at the star), the marker at step {k}, and beside it the loss at each "
                f"step on a log scale: {run['status']}.")

    return Explorer(fig, [eta, w0, b0_, n_steps, step], update, moving, extra=[play]).described(describe)


def _player(steps, interval):
    """An IntSlider "step" over 0..steps and a Play button linked to it in the browser."""
    import ipywidgets as widgets
    step = _slider("step", 0, 0, steps, 1, kind="int")
    play = widgets.Play(value=0, min=0, max=steps, step=1, interval=interval, description="play the steps")
    widgets.jslink((play, "value"), (step, "value"))
    return step, play


def training_explorer(data, learning_rate=0.5, steps=150):
    """Notebook 03, "Training on two inputs": the descent is run once; `Play` and the step slider move
    the decision boundary, the probability map and the loss marker through its steps.
    """
    X, y = two_inputs(data)  # (m, 2), (m,)
    h = gradient_descent(X, y, np.zeros(2), 0.0, learning_rate, steps)  # computed once
    accuracy = np.mean(((X @ h.W.T + h.b) > 0) == (y[:, None] == 1), axis=0)  # (steps + 1,)
    fig, (ax, ax_loss) = _figure("03 training", ncols=2, figsize=(9.4, 4.0), width_ratios=[1, 1.1])
    image, points, boundary, grid, G1, G2 = _probability_map(ax, X, y, 81)
    ax.set_title("ŷ and the boundary at step k")
    ax_loss.plot(h.loss, color=OKABE_ITO["blue"], lw=1.5, label="E")
    ax_loss.plot(accuracy, color=OKABE_ITO["green"], lw=1.5, ls="--", label="accuracy")
    marks, = ax_loss.plot([], [], "o", ms=7, color=OKABE_ITO["vermillion"], ls="none")
    ax_loss.set(xlabel="step k", ylim=(0, 1.05), title="loss and accuracy")
    ax_loss.legend(**LEGEND_BESIDE)
    step, play = _player(steps, interval=60)

    def update():
        k = step.value
        (w1, w2), b = h.W[k], h.b[k]
        _show_map(image, sigmoid(w1 * G1 + w2 * G2 + b))
        boundary.set_data(*_boundary(w1, w2, b, grid))
        marks.set_data([k, k], [h.loss[k], accuracy[k]])
        return (f"step {k}: w1 = {w1:.3f}, w2 = {w2:.3f}, b = {b:.3f}; E = <b>{h.loss[k]:.4f}</b>, "
                f"accuracy <b>{accuracy[k]:.0%}</b>")

    def describe():
        k = step.value
        (w1, w2), b = h.W[k], h.b[k]
        return (f"Map of the probability ŷ over x1 and x2 with the {len(y)} points (class 0 circles, class 1 "
                f"triangles) and the decision boundary at step {k} of {steps} of gradient descent (w1 = {_num(w1, 3)}, "
                f"w2 = {_num(w2, 3)}, b = {_num(b, 3)}), beside the loss E, falling from {_num(h.loss[0], 4)} to "
                f"{_num(h.loss[-1], 4)}, and the accuracy, {accuracy[0]:.0%} at the start and {accuracy[-1]:.0%} "
                f"at the end.")

    explorer = Explorer(fig, [step], update, [image, *points, boundary, marks], extra=[play]).described(describe)
    explorer.history, explorer.accuracy = h, accuracy
    return explorer


def sse_vs_cross_entropy_explorer(data, W=-4.0, b=3.0, extent=8.0):
    """Notebook 04, "SSE against cross-entropy": both error surfaces of one sigmoid unit over (W, b), as
    contours and rotatable 3-D surfaces, computed once; sliders W and b mark all four with both readouts.
    """
    fig = _figure("04 sse vs cross-entropy", figsize=(8.8, 6.6))[0]
    fig.clear()
    specs = fig.add_gridspec(2, 2)
    moving, marks, minima = [], [], {}
    for row, loss, title in [(0, "sse", "SSE"), (1, "cross_entropy", "cross-entropy")]:
        mark_c, mark_s, best = _surface_axes(fig, specs[row, 0], specs[row, 1], data, extent, loss, title)
        moving += [mark_c, mark_s]
        marks.append((loss, mark_c, mark_s))
        minima[loss] = best
    x, y = one_input(data)
    sliders = [_slider("W", W, -extent, extent, 0.1), _slider("b", b, -extent, extent, 0.1)]

    def update():
        W, b = (s.value for s in sliders)
        values = {}
        for loss, mark_c, mark_s in marks:
            E_now = float(loss_surface(data, np.array(W), np.array(b), loss))
            mark_c.set_data([W], [b])
            mark_s.set_data_3d([W], [b], [E_now])
            values[loss] = E_now
        (sW,), sb = sse_gradient(x[:, None], y, np.array([W]), b)
        (cW,), cb = cross_entropy_gradient(x[:, None], y, np.array([W]), b)
        return (f"W = {W:.2f}, b = {b:.2f}: SSE = <b>{values['sse']:.4f}</b> (|∇| = {np.hypot(sW, sb):.2e}), "
                f"cross-entropy = <b>{values['cross_entropy']:.4f}</b> (|∇| = {np.hypot(cW, cb):.2e})")

    def describe():
        W, b = (s.value for s in sliders)
        at = {loss: float(loss_surface(data, np.array(W), np.array(b), loss)) for loss in minima}
        (sW, sb, sE), (cW, cb, cE) = minima["sse"], minima["cross_entropy"]
        return (f"Contour maps and rotatable 3-D surfaces over W and b from {_num(-extent, 0)} to {_num(extent, 0)} "
                f"of the SSE (top; minimum {_num(sE, 4)} at W = {_num(sW)}, b = {_num(sb)}) and of the cross-entropy "
                f"(bottom; minimum {_num(cE, 4)} at W = {_num(cW)}, b = {_num(cb)}), each marked at W = {_num(W)}, "
                f"b = {_num(b)}, where the SSE is {_num(at['sse'], 4)} and the cross-entropy "
                f"{_num(at['cross_entropy'], 4)}.")

    return Explorer(fig, sliders, update, moving).described(describe)


def vanishing_gradient_figure(data, b=None, extent=10.0):
    """Notebook 04, "Vanishing gradients": along the line W ∈ [−extent, extent] at fixed b, the mean
    f'(h) = σ'(h) over the points and |∇E| of both losses (log scale); a `StaticFigure`."""
    x, y = one_input(data)
    if b is None:
        b = minimum(data)[1]
    Ws = np.linspace(-extent, extent, 401)  # (401,)
    bs = np.full_like(Ws, b)
    fprime = sigmoid_prime(Ws[:, None] * x + b).mean(axis=1)  # (401,) mean over the points
    sse_norm = np.hypot(*_gradient_grid(x, y, Ws, bs, "sse"))  # (401,)
    ce_norm = np.hypot(*_gradient_grid(x, y, Ws, bs))
    fig, (ax1, ax2) = _figure("04 vanishing gradient", nrows=2, sharex=True, figsize=(6.4, 4.8))
    ax1.plot(Ws, fprime, color=OKABE_ITO["orange"], lw=2)
    ax1.set(ylabel="mean f'(h) = σ'(h)", title=f"along W at b = {b:.2f}")
    ax2.semilogy(Ws, sse_norm, color=OKABE_ITO["vermillion"], lw=2, label="|∇E|, SSE")
    ax2.semilogy(Ws, ce_norm, color=OKABE_ITO["blue"], lw=2, ls="--", label="|∇E|, cross-entropy")
    ax2.set(xlabel="W", ylabel="|∇E| (log scale)")
    ax2.legend(fontsize=8, loc="lower left")
    return StaticFigure(fig, f"Two line charts along W from {_num(-extent, 0)} to {_num(extent, 0)} at "
                             f"b = {_num(b)}: the mean f'(h) = σ'(h) over the points, peaking at "
                             f"{_num(fprime.max(), 4)} at W = {_num(Ws[fprime.argmax()])} and near 0 at both ends, and "
                             f"|∇E| of both losses on a log scale: at W = {_num(Ws[0], 0)} it is {_num(sse_norm[0], 4)} for "
                             f"the SSE against {_num(ce_norm[0], 4)} for the cross-entropy (dashed).")


def training_comparison_figure(data, W0=-6.0, b0=4.0, learning_rate=0.5, steps=300):
    """Notebook 04, "Training with both losses": the same unit from the same start, trained on the mean
    cross-entropy (η) and on the SSE (η/m, as the SSE sums over the m points); loss relative to its
    start, and accuracy, per step. Returns (StaticFigure, {loss: DescentHistory})."""
    x, y = one_input(data)
    X, m = x[:, None], len(y)
    runs = {"cross_entropy": gradient_descent(X, y, np.array([W0]), b0, learning_rate, steps),
            "sse": gradient_descent(X, y, np.array([W0]), b0, learning_rate / m, steps, loss="sse")}
    fig, (ax1, ax2) = _figure("04 training comparison", ncols=2, figsize=(9.0, 3.4))
    final = {}  # loss -> (E at the end / E at the start, accuracy at the end)
    for (loss, h), color, ls in zip(runs.items(), (OKABE_ITO["blue"], OKABE_ITO["vermillion"]), ("--", "-")):
        name = "cross-entropy" if loss == "cross_entropy" else "SSE"
        accuracy = np.mean(((h.W[:, 0, None] * x + h.b[:, None]) > 0) == (y == 1), axis=1)  # (steps + 1,)
        final[loss] = (h.loss[-1] / h.loss[0], accuracy[-1])
        ax1.plot(h.loss / h.loss[0], color=color, ls=ls, lw=2, label=name)
        ax2.plot(accuracy, color=color, ls=ls, lw=2, label=name)
    ax1.set(xlabel="step", ylabel="E / E at the start", title="loss, relative to its start", ylim=(0, 1.05))
    ax2.set(xlabel="step", ylabel="accuracy", title="accuracy", ylim=(0, 1.02))
    ax1.legend(fontsize=8)
    ax2.legend(fontsize=8, loc="lower right")
    (ce_loss, ce_acc), (sse_loss, sse_acc) = final["cross_entropy"], final["sse"]
    description = (f"Two line charts over {steps} steps of the same unit trained from W = {_num(W0)}, b = {_num(b0)}: "
                   f"the loss relative to its start, which falls to {ce_loss:.1%} with the cross-entropy (dashed) "
                   f"and to {sse_loss:.1%} with the SSE, and the accuracy, which ends at {ce_acc:.0%} with the "
                   f"cross-entropy and {sse_acc:.0%} with the SSE.")
    return StaticFigure(fig, description), runs


# =====================================================================================
# 4. Exercise checks
# =====================================================================================
# One harness runs every check. It calls the learner's function on copies of telling inputs (plain numbers,
# 1-D, 2-D and integer arrays, z = ±1000, confidently wrong predictions, m ≠ n ≠ k, h away from 0) and
# looks at what happened in this order: an exception (named, with the learner's line), changed inputs,
# None (not implemented / no return / print instead of return), the type, the shape, then the values at
# the precision of what came back. Each exercise then has a small catalogue, the value a known mistake
# gives -> what to change, in the notebook's notation. A check answers in one line and never raises
# (except KeyboardInterrupt, so a learner can still stop a function that runs forever).

SCAFFOLD_MARK = "# Your code here"  # a committed scaffold: this comment above a bare `return None`
# Relative agreement asked of an answer, by the precision it came back in. 1e-5 for float64 leaves room for
# the common guard log(ŷ + 1e-7); every catalogued mistake is off by far more.
RTOL = {np.dtype(np.float64): 1e-5, np.dtype(np.float32): 1e-4}
FLOAT32_NOTE = ("Note: your answer is float32 (about 7 digits), and agrees to that precision; numpy's "
                "default, float64, keeps about 16.")
# Where library code lives: a traceback frame outside these (and outside this module) is the learner's.
_LIBRARY_DIRS = tuple(os.path.normcase(os.path.realpath(d)) + os.sep for d in
                      {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
                       sysconfig.get_paths()["platlib"], os.path.dirname(np.__file__)})


@dataclass(frozen=True)
class CheckResult:
    """The answer of a check_* function; a notebook shows `message`, tests read `passed`."""
    passed: bool
    message: str

    def __repr__(self):
        return self.message


class _Verdict(Exception):
    """Raised anywhere inside a check to answer at once with `result`."""

    def __init__(self, result):
        super().__init__(result.message)
        self.result = result


def _fail(message):
    return CheckResult(False, "✗ " + message)


def _stop(message):
    raise _Verdict(_fail(message))


def _one_line(text, limit=90):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _a(kind):
    """'an array', 'a dict': a type's name with its article."""
    kind = "array" if kind == "ndarray" else kind
    return ("an " if kind[:1].lower() in "aeiou" else "a ") + kind


def _fmt(values, digits=4):
    """A short one-line display of numbers: a number, or a list (the first 6 entries of a large array)."""
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 0:
        return f"{float(arr):.{digits}g}"
    flat = [f"{v:.{digits}g}" for v in arr.ravel()[:6]]
    return "[" + ", ".join(flat) + (", …]" if arr.size > 6 else "]") + (f" (shape {arr.shape})" if arr.ndim > 1 else "")


def _disagreement(got, want):
    """'X, expected Y' for the worst entry, with just enough digits that X and Y read differently."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    where = ""
    if got.size > 1:
        with np.errstate(invalid="ignore"):
            gap = np.abs(got - want)
        gap[np.isnan(gap)] = np.inf
        index = tuple(int(i) for i in np.unravel_index(int(np.argmax(gap)), got.shape))
        where = f" at index {index[0] if len(index) == 1 else index}"
        got, want = got[index], want[index]
    g, w = float(np.ravel(got)[0]), float(np.ravel(want)[0])
    for digits in range(6, 18):
        a, b = f"{g:.{digits}g}", f"{w:.{digits}g}"
        if a != b:
            break
    return f"{a}{where}, expected {b}"


def _learner_line(tb):
    """' (line N: `source`)' for the deepest traceback frame in the learner's code; '' if there is none.
    Only the line number and its text: in a notebook the file is a kernel temp path, never shown."""
    here = os.path.normcase(os.path.realpath(__file__))
    frames = [f for f in traceback.extract_tb(tb)
              if os.path.normcase(os.path.realpath(f.filename)) != here
              and not os.path.normcase(os.path.realpath(f.filename)).startswith(_LIBRARY_DIRS)]
    if not frames:
        return ""
    frame = frames[-1]
    text = _one_line(frame.line or "", 60)
    return f" (line {frame.lineno}: `{text}`)" if text else f" (line {frame.lineno})"


# Exceptions whose cause is the same in every exercise: (type, words of its message) -> what to change.
_MATH_EXP = "math.exp takes one number: use np.exp, which works elementwise"
_WHOLE = "use numpy operations on the whole input"
_LOOPS = "it loops over its input, which fails for a plain number: " + _WHOLE
_NUMBER = ("a plain number has no array methods, axes or indices: start with np.asarray(…, dtype=float), or use "
           "operations that take numbers and arrays alike (np.dot, np.where)")
_EXCEPTION_CAUSES = [
    (ValueError, "truth value of an array", "an `if` (or and/or) on an array is ambiguous: compute on the whole "
                                            "array, np.where(condition, a, b)"),
    (TypeError, "only 0-dimensional arrays", _MATH_EXP),
    (TypeError, "only length-1 arrays", _MATH_EXP),
    (TypeError, "must be real number", _MATH_EXP),
    (OverflowError, "math range error", "math.exp overflowed: e^z for z near 1000 is beyond float64; "
                                        "use e = exp(−|z|), which is at most 1"),
    (TypeError, "not iterable", _LOOPS),
    (TypeError, "iteration over a 0-d array", _LOOPS),
    (TypeError, "has no len()", "len() fails for a plain number: " + _WHOLE),
    (TypeError, "len() of unsized object", "len() fails for a plain number: " + _WHOLE),
    (AttributeError, "'float' object has no attribute", _NUMBER),
    (AttributeError, "'int' object has no attribute", _NUMBER),
    (TypeError, "object is not subscriptable", _NUMBER),
    (ValueError, "for array of dimension 0", _NUMBER),
    (NameError, "", "define or import that name first (np for numpy, mh.sigmoid for the helper's sigmoid)"),
]


def _advice(exc, causes):
    for kind, words, advice in list(causes) + _EXCEPTION_CAUSES:
        if isinstance(exc, kind) and words in str(exc):
            return advice
    return ""


def _scaffold(fn):
    """True if `fn` is still the committed scaffold: the marker comment and a body that only returns None."""
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        if SCAFFOLD_MARK not in source:
            return False
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, ValueError):
        return False
    funcs = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    if len(funcs) != 1:
        return False
    body = [s for s in funcs[0].body
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and isinstance(s.value.value, str))]
    return (len(body) == 1 and isinstance(body[0], ast.Return)
            and (body[0].value is None or (isinstance(body[0].value, ast.Constant) and body[0].value.value is None)))


def _unchanged(before, after):
    try:
        return (np.shape(before) == np.shape(after)
                and bool(np.array_equal(np.asarray(before), np.asarray(after), equal_nan=True)))
    except Exception:
        return False


class _Run:
    """One check of the learner's function `fn` for the exercise `name`, called as `signature`.

    `exceptions` is the exercise's own (type, words, advice) list, tried before the common ones.
    Notes (float32, lists) are collected and added to the pass message.
    """

    def __init__(self, fn, name, signature, exceptions=()):
        self.fn, self.name, self.signature, self.exceptions = fn, name, signature, exceptions
        self.notes = []

    def call(self, what, **inputs):
        """fn(*copies of inputs) -> (result, RuntimeWarning texts); a verdict for anything else that happened."""
        copies = [copy.deepcopy(v) for v in inputs.values()]
        printed = io.StringIO()
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(printed), \
                np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            warnings.simplefilter("always")
            try:
                out = self.fn(*copies)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # SystemExit too: a learner's exit() is an answer, not an exit
                advice = _advice(exc, self.exceptions)
                if isinstance(exc, TypeError) and "positional argument" in str(exc):
                    advice = f"the check calls {self.signature}"
                _stop(f"{what} raised {type(exc).__name__}: {_one_line(exc)}{_learner_line(exc.__traceback__)}"
                      + (f"; {advice}." if advice else "."))
        for name, before, after in zip(inputs, inputs.values(), copies):
            if not _unchanged(before, after):
                _stop(f"{what} changed its input {name} in place (`out = {name}` shares the array, and "
                      f"`{name} -= …` or `{name}[…] = …` write into it): work on a copy, {name}.copy(), "
                      f"or build a new array.")
        if out is None:
            if _scaffold(self.fn):
                raise _Verdict(CheckResult(False, f"Not implemented yet: {self.name} returned None. Fill in the "
                                                  f"cell above, run it, then run this check again."))
            if printed.getvalue().strip():
                _stop(f"{what} printed {_one_line(printed.getvalue(), 30)!r} and returned None: use return, not "
                      f"print, to give the answer back.")
            _stop(f"{what} returned None: end the function with `return` and the answer.")
        return out, [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]

    def numbers(self, out, what, alone):
        """The learner's result as a numeric array; a verdict naming its type if it is not numbers.
        `alone` says what a single result should be (for a tuple's message)."""
        kind = type(out).__name__
        if isinstance(out, (str, bytes)):
            _stop(f"{what} returned the text {_one_line(repr(out), 30)}: return the number itself, not a "
                  f"formatted string.")
        if isinstance(out, tuple):
            _stop(f"{what} returned a tuple of {len(out)} items: return {alone} alone.")
        if isinstance(out, (dict, set, frozenset)) or inspect.isgenerator(out) or inspect.isfunction(out):
            _stop(f"{what} returned {_a(kind)}: return {alone} as a number or a numpy array.")
        try:
            arr = np.asarray(out)
            if arr.dtype == object:
                arr = arr.astype(float)
        except Exception as exc:
            _stop(f"{what} returned {_a(kind)} that is not numbers ({type(exc).__name__}: {_one_line(exc, 50)}): "
                  f"return {alone} as a number or a numpy array.")
        if arr.dtype.kind not in "iuf":
            values = {"U": "text", "S": "text", "b": "True/False", "c": "complex"}.get(arr.dtype.kind, str(arr.dtype))
            _stop(f"{what} returned {values} values, not real numbers: return {alone} as real numbers.")
        return arr

    def pair(self, out, what):
        """(new W, new b) from a gradient step's result; a verdict unless it is a pair."""
        if isinstance(out, (tuple, list)) and len(out) == 2:
            return out
        if isinstance(out, (tuple, list)):
            _stop(f"{what} returned {len(out)} items: return the pair (new W, new b), `return W_new, b_new`.")
        _stop(f"{what} returned {_a(type(out).__name__)}: return the pair (new W, new b), `return W_new, b_new`.")

    def shape(self, arr, want, what, hints=()):
        """A verdict naming the shape if arr's is not `want`; hints: (shape, message) for known causes."""
        if arr.shape != want:
            hint = dict(hints).get(arr.shape, "")
            _stop(f"{what} has shape {arr.shape}, expected {want}" + (f": {hint}." if hint else "."))

    def precision(self, arr, what):
        """The relative tolerance for what came back; float32 passes with a note, less precise fails."""
        if arr.dtype.kind in "iu" or arr.dtype.itemsize > 8:
            return RTOL[np.dtype(np.float64)]
        if arr.dtype not in RTOL:
            _stop(f"{what} came back as {arr.dtype}, which keeps about 3 digits: compute in float64, "
                  f"numpy's default.")
        return RTOL[arr.dtype]

    def values(self, got, want, what, wrong=(), hint=""):
        """Compare got with want at got's precision; on a mismatch name the first catalogued mistake
        (value or predicate -> message) it matches, else show the disagreement."""
        rtol = self.precision(got, what)
        if _close(got, want, rtol):
            if got.dtype == np.float32:
                self.notes.append(FLOAT32_NOTE)
            return
        f32 = " (your answer is float32)" if got.dtype == np.float32 else ""
        for value, cause in wrong:
            with np.errstate(all="ignore"):
                hit = value(got) if callable(value) else _close(got, value, rtol)
            if hit:
                _stop(f"{what} gave {_fmt(got)}{f32}: {cause}.")
        if got.dtype.kind in "iu":
            _stop(f"{what} gave integers {_fmt(got)}, expected {_fmt(want)}: the result kept an integer type "
                  f"(np.zeros_like or np.empty_like of an integer array, or out = z); make it float, "
                  f"e.g. np.zeros(np.shape(z)) or z = np.asarray(z, dtype=float) first.")
        _stop(f"{what} gave {_disagreement(got, want)}{f32}" + (f": {hint}." if hint else "."))


def _close(got, want, rtol):
    """All entries agree to rtol (and to an absolute rtol·1e-3 of the largest for entries near 0)."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if got.shape != want.shape:
        return False
    finite = np.abs(want[np.isfinite(want)])
    atol = rtol * 1e-3 * max(1.0, float(finite.max()) if finite.size else 1.0)
    with np.errstate(all="ignore"):
        return bool(np.all(np.isclose(got, want, rtol=rtol, atol=atol)))


# The helper's own answer to each exercise: an answer that calls it passes, with a note saying so.
_ANSWERED_BY = {"sigmoid": ("sigmoid", "predict"), "predict": ("predict",),
                "cross_entropy": ("cross_entropy", "error_formula", "cross_entropy_from_logits"),
                "gradient_step": ("cross_entropy_gradient", "gradient_descent"),
                "delta_rule_step": ("sse_gradient", "gradient_descent")}


def _helper_called(fn, name):
    """The name of the helper function that answers exercise `name` if `fn` calls it (as mh.x or imported), else None."""
    codes, names = [getattr(fn, "__code__", None)], set()
    while codes:
        code = codes.pop()
        if code is not None:
            names.update(code.co_names)
            codes += [c for c in code.co_consts if hasattr(c, "co_names")]  # inner functions and lambdas
    namespace = getattr(fn, "__globals__", {})
    via_module = any(namespace.get(n) is sys.modules[__name__] for n in names)
    enclosed = [cell.cell_contents for cell in getattr(fn, "__closure__", None) or ()]
    for helper in _ANSWERED_BY[name]:
        if (helper in names and (via_module or namespace.get(helper) is globals()[helper])) or any(
                value is globals()[helper] for value in enclosed):
            return helper
    return None


def _run_check(fn, name, signature, probes, exceptions=()):
    """The shared harness: run `probes(run)`, which returns the pass message or raises a verdict.
    `name` is the exercise's, `signature` how the learner's function is called, e.g. "my_sigmoid(z)"."""
    if not callable(fn):
        learner = signature.split("(")[0]
        got = "None" if fn is None else _a(type(fn).__name__)
        return _fail(f"the check needs the function {learner} itself, got {got}: pass it without calling it, "
                     f"without (…) after {learner}.")
    run = _Run(fn, name, signature, exceptions)
    try:
        message = probes(run)
    except _Verdict as verdict:
        return verdict.result
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # inspecting a strange result went wrong: still one line, never a traceback
        return _fail(f"the check could not read what {name} returned ({type(exc).__name__}: "
                     f"{_one_line(exc, 60)}): return plain numbers or numpy arrays.")
    try:
        helper = _helper_called(fn, name)
    except Exception:  # a strange callable: no note rather than an error
        helper = None
    if helper:
        run.notes.append(f"Note: it calls the helper's own {helper}, so this checks the helper; the exercise is to "
                         f"write it yourself.")
    return CheckResult(True, " ".join([message, *dict.fromkeys(run.notes)]))


def _limits(got, warned, what, z, fix):
    """σ at z = ±1000 must be exactly its limit 0 or 1 (to 1e-15), finite, with no overflow on the way."""
    limit = np.where(np.asarray(z) > 0, 1.0, 0.0)
    if not np.all(np.isfinite(got)):
        _stop(f"{what} gave {_fmt(got)}: exp(1000) is inf, and inf/inf is nan; {fix}.")
    if np.any(np.abs(got - limit) > 1e-15):
        if np.all((got > 0) & (got < 1)):
            _stop(f"{what} gave {_disagreement(got, limit)}: z is clipped too tightly (σ(−30) is already 9.4e-14); "
                  f"clip at ±500 at least, or {fix}.")
        _stop(f"{what} gave {_disagreement(got, limit)}; {fix}.")
    if warned:
        _stop(f"{what} gave the right value, but exp overflowed on the way ({warned[0]}); {fix}.")


# --- notebook 01: sigmoid ---------------------------------------------------------------------------------

_STABLE = "use e = exp(−|z|) ≤ 1 with 1/(1 + e) for z ≥ 0 and e/(1 + e) for z < 0"


def _sigmoid_mistakes(z):
    """The value a known mistake gives for z -> what to change (notebook 01, section 7)."""
    with np.errstate(all="ignore"):
        return [
            (sigmoid(-z), "the sign is flipped, that is σ(−z): σ(z) = 1 / (1 + e^(−z)); with e = exp(−|z|), "
                          "1/(1 + e) is the z ≥ 0 case and e/(1 + e) the z < 0 case"),
            (sigmoid(np.abs(z)), "for z < 0 it gives σ(|z|): the z < 0 case is e / (1 + e), not 1 / (1 + e)"),
            (sigmoid(-np.abs(z)), "for z ≥ 0 it gives σ(−|z|): the z ≥ 0 case is 1 / (1 + e), not e / (1 + e)"),
            (sigmoid_prime(z), "that is σ'(z) = σ(z)(1 − σ(z)), the derivative: return σ(z) itself"),
            (1 + np.exp(-z), "1 / 1 + exp(−z) divides 1 by 1 first: bracket the denominator, 1 / (1 + np.exp(−z))"),
            (np.tanh(z), "that is tanh(z): σ(z) = (1 + tanh(z/2)) / 2"),
            (sigmoid(2 * z), "that is σ(2z): in the tanh form halve z, σ(z) = (1 + tanh(z/2)) / 2"),
            (sigmoid(z / 2), "that is σ(z/2): σ(z) = 1 / (1 + e^(−z)), or (1 + tanh(z/2)) / 2"),
        ]


def check_sigmoid(fn):
    """Notebook 01, exercise (section 7): is `fn` a correct, vectorised, overflow-free sigmoid?

    Tried on 0.5, a 1-D, a 2-D and an integer array, and z = −1000 and 1000 (exact limits, no overflow).
    """
    return _run_check(fn, "sigmoid", "my_sigmoid(z)", _sigmoid_probes)


def _sigmoid_probes(run):
    probes = [  # (z, shape hints); the 1-D array first: its values of both signs tell the mistakes apart best
        (np.array([-3.0, -0.5, 0.0, 2.5]), [((), "one number for an array: σ works elementwise, no sum or mean")]),
        (0.5, [((1,), "for a plain number return a number (a list, np.array([z]) or np.atleast_1d adds an axis)")]),
        (np.array([[-2.0, 0.5, 4.0], [1.0, -6.0, 0.0]]),
         [((6,), "it flattened z: return the shape of z (np operations keep it; no flatten or ravel)")]),
        (np.array([-1, 0, 2]), []),
    ]
    for z, hints in probes:
        what = "sigmoid(0.5)" if np.ndim(z) == 0 else f"sigmoid(z) for z = {_fmt(z)}"
        got = run.numbers(run.call(what, z=z)[0], what, "σ(z)")
        run.shape(got, np.shape(z), what, hints)
        run.values(got, sigmoid(z), what, _sigmoid_mistakes(np.asarray(z, dtype=float)))
    warned = {}
    for z in (-1000.0, 1000.0):
        what = f"sigmoid(np.array([{z:g}]))"
        out, warned[z] = run.call(what, z=np.array([z]))
        got = run.numbers(out, what, "σ(z)")
        run.shape(got, (1,), what)
        _limits(got, [], what, z, _STABLE)  # the value; the overflow warnings are told apart below
    if warned[-1000.0] and warned[1000.0]:
        _stop(f"sigmoid(±1000) gave the right values, but exp overflowed on the way ({warned[-1000.0][0]}): "
              f"np.where computes both branches for every z, so neither may take exp of a large positive number; "
              f"{_STABLE}.")
    for z, w in warned.items():
        if w:
            _stop(f"sigmoid({z:g}) gave the right value, but exp overflowed on the way ({w[0]}): e^(−z) for "
                  f"z = {z:g} is beyond float64; {_STABLE}.")
    try:  # a list is not promised by the exercise: a note, not a failure
        got = run.numbers(run.call("sigmoid([-1.0, 0.0, 1.0])", z=[-1.0, 0.0, 1.0])[0], "", "")
        ok = _close(got, sigmoid([-1.0, 0.0, 1.0]), 1e-4)
    except _Verdict:
        ok = False
    if not ok:
        run.notes.append("Note: it does not take a Python list; z = np.asarray(z, dtype=float) first would make it.")
    return "✓ sigmoid passes: right values, works on arrays, symmetric, no overflow at ±1000."


# --- notebook 01: predict ---------------------------------------------------------------------------------

def _predict_mistakes(W, x, b):
    """The value a known mistake gives for (W, x, b) -> what to change (notebook 01, section 8)."""
    z = np.dot(x, W) + b
    order = "the arguments are in the wrong order: the check calls my_predict(W, x, b)"
    swapped = [(sigmoid(W * b + x), order), (sigmoid(b * x + W), order)] if np.ndim(W) == 0 else []
    return [
        (sigmoid(np.dot(x, W)), "the bias b is missing: z = Wx + b"),
        (sigmoid(-z), "the sign is flipped, that is σ(−(Wx + b)): ŷ = σ(Wx + b) with σ(z) = 1 / (1 + e^(−z))"),
        (sigmoid(np.dot(x, W)) + b, "b is added after σ: it belongs inside, ŷ = σ(Wx + b)"),
        (z, "it returned z = Wx + b: apply the sigmoid, ŷ = σ(z)"),
        (sigmoid(np.sum(x, axis=-1) + b), "the weights W are missing: z = Wx + b"),
        (sigmoid(np.dot(x, W) * b), "z = Wx + b adds b, it does not multiply by it"),
        (sigmoid(np.dot(x, W + b)), "b is added to the weights, inside the product: add it after, z = Wx + b"),
        (np.round(sigmoid(z)), "ŷ is rounded to a class 0 or 1: return the probability ŷ = σ(Wx + b) itself "
                               "(rounding it is the prediction of a class, a later step)"),
    ] + swapped


_PREDICT_EXCEPTIONS = [
    (ValueError, "does not have enough dimensions", "@ and np.matmul refuse plain numbers: np.dot(x, W) takes both"),
    (TypeError, "for @", "@ refuses plain numbers: np.dot(x, W) works for numbers and arrays"),
    (ValueError, "not aligned", "the order of the product matters: with x of shape (m, n) and W of shape (n,), "
                                "z = np.dot(x, W) + b (or x @ W + b)"),
    (ValueError, "matmul", "the order of the product matters: with x of shape (m, n) and W of shape (n,), "
                           "z = x @ W + b; and @ refuses plain numbers, np.dot(x, W) takes both"),
]


def check_predict(fn):
    """Notebook 01, exercise (section 8): does `fn(W, x, b)` compute ŷ = σ(Wx + b) for plain numbers and for
    W of shape (n,), x of shape (m, n), with m = 4 ≠ n = 3, integer arrays and z = ±1000?
    """
    return _run_check(fn, "predict", "my_predict(W, x, b)", _predict_probes, _PREDICT_EXCEPTIONS)


def _predict_probes(run):
    for W, x, b in ((1, 0.38, 0.1), (-1.5, 0.8, 0.3)):  # the article's value, then W ≠ 1
        what = f"predict({W}, {x}, {b})"
        got = run.numbers(run.call(what, W=W, x=x, b=b)[0], what, "ŷ")
        run.shape(got, (), what, [((1,), "for plain numbers return a number")])
        run.values(got, predict(W, x, b), what, _predict_mistakes(W, x, b))
    W = np.array([0.5, -1.0, 2.0])  # (n,) = (3,)
    X = np.array([[0.2, -1.0, 0.5], [1.5, 0.3, -0.4], [-0.8, 0.9, 1.1], [0.0, 2.0, -1.2]])  # (m, n) = (4, 3)
    for W, X, b in ((W, X, 0.3), (np.array([1, -2, 3]), np.array([[1, 0, 2], [0, 1, 1], [-1, 1, 0], [2, 2, -1]]), 1)):
        what = f"predict(W, x, b) for W of shape (3,), x of shape (4, 3){', integers' if W.dtype.kind == 'i' else ''}"
        got = run.numbers(run.call(what, W=W, x=X, b=b)[0], what, "ŷ")
        with np.errstate(all="ignore"):
            elementwise = sigmoid(W * X + b)
        if got.shape == (4, 3) and _close(got, elementwise, 1e-4):
            _stop(f"{what} gave shape (4, 3): W * x multiplies elementwise, one value per input; "
                  f"z = Σⱼ wⱼxⱼ + b is np.dot(x, W) (or x @ W), shape (4,).")
        if got.shape == () and _close(got, sigmoid(np.sum(W * X) + b), 1e-4):
            _stop(f"{what} gave one number for 4 points: np.sum(W * x) also adds over the points; "
                  f"sum over the inputs only, np.dot(x, W).")
        run.shape(got, (4,), what, [((4, 1), "a column; keep W a vector of shape (n,), not (n, 1), or "
                                              "return ŷ.ravel()"),
                                     ((1, 4), "a row; return a vector of shape (m,), one ŷ per point"),
                                     ((3,), "one value per input, not per point: sum over the inputs (axis 1), "
                                            "np.dot(x, W)"),
                                     ((), "one number for 4 points: one ŷ per point (row of x), np.dot(x, W)")])
        run.values(got, predict(W, X, b), what, _predict_mistakes(W, X, b))
    fix = "use a stable sigmoid (your my_sigmoid, or mh.sigmoid) inside predict"
    for x in (-1000.0, 1000.0):
        what = f"predict(1, {x:g}, 0)"
        out, warned = run.call(what, W=1.0, x=x, b=0.0)
        got = run.numbers(out, what, "ŷ")
        run.shape(got, (), what)
        _limits(got, warned, what, x, fix)
    W, X = np.array([0.5, -1.0, 2.0]), np.array([[-2000.0, 0.0, 0.0], [2000.0, 0.0, 0.0]])
    what = "predict(W, x, 0) where z = [−1000, 1000]"
    out, warned = run.call(what, W=W, x=X, b=0.0)
    got = run.numbers(out, what, "ŷ")
    run.shape(got, (2,), what)
    _limits(got, warned, what, np.array([-1000.0, 1000.0]), fix)
    return "✓ predict passes: the article's value, a weight vector over 4 points, and z = −1000."


# --- notebook 02: cross-entropy ---------------------------------------------------------------------------

_CLIP = ("clip ŷ into [ε, 1 − ε] first, e.g. np.clip(y_hat, 1e-15, 1 - 1e-15) (an ε much below 1e-16 is lost: "
         "1 − ε rounds to 1)")


def _cross_entropy_mistakes(y, p):
    """The value a known mistake gives for (y, ŷ) -> what to change (notebook 02, section 5)."""
    with np.errstate(all="ignore"):
        term1, term0 = y * np.log(p), (1 - y) * np.log(1 - p)
        E = -np.mean(term1 + term0)
        return [
            (lambda got: not np.all(np.isfinite(got)),
             "not finite though every ŷ is strictly between 0 and 1, so a log is of 0 or below: take ln ŷ and "
             "ln(1 − ŷ), not ln y (the check calls my_cross_entropy(y, y_hat))"),
            (-E, "the minus sign is missing: ln ŷ < 0, so E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)] is positive"),
            (-np.sum(term1 + term0), "it is the sum over the points, not the mean: divide by m, the number of "
                                     "points (np.mean)"),
            (-np.mean(term1) + np.mean(term0), "the second term has the wrong sign: the minus covers the whole "
                                               "bracket, −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
            (-np.mean(term1), "the (1 − y) ln(1 − ŷ) term, for the points with label 0, is missing"),
            (-np.mean(term0), "the y ln ŷ term, for the points with label 1, is missing"),
            (-np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)),
             "ŷ and 1 − ŷ are swapped: y = 1 pairs with ln ŷ, y = 0 with ln(1 − ŷ)"),
            (-np.mean(term1 + (1 - y) * np.log(p)), "(1 − y) pairs with ln(1 − ŷ), not ln ŷ"),
            (-np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)), "that is log base 2: E uses ln, np.log"),
            (-np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)), "that is log base 10: E uses ln, np.log"),
            (np.mean((y - p) ** 2), "that is the mean squared error: E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
            (0.5 * np.sum((y - p) ** 2), "that is the SSE of notebook 04: E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
            (E / len(y), "it divides by m twice: np.mean already divides by m"),
            (lambda got: 6.9 <= got / np.mean(np.abs(y - p)) <= 700,  # = −ln ε of a clip, with y and ŷ swapped
             "that is what ŷ in place of y gives: the check calls my_cross_entropy(y, y_hat), the labels first"),
        ]


def check_cross_entropy(fn):
    """Notebook 02, exercise (section 5): does `fn(y, y_hat)` compute the mean binary cross-entropy E?

    Tried on six points (float and integer labels), perfect predictions (E exactly 0) and confidently
    wrong ones (ŷ = 0 with y = 1 and ŷ = 1 with y = 0: large and finite, so ŷ is clipped, but not far).
    """
    return _run_check(fn, "cross_entropy", "my_cross_entropy(y, y_hat)", _cross_entropy_probes)


def _cross_entropy_probes(run):
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    p = np.array([0.9, 0.2, 0.6, 0.4, 0.3, 0.75])
    for labels in (y, y.astype(int)):
        what = ("cross_entropy(y, y_hat) for 6 points" + (", integer labels" if labels.dtype.kind == "i" else ""))
        got = run.numbers(run.call(what, y=labels, y_hat=p)[0], what, "E")
        run.shape(got, (), what, [((6,), "those are the 6 per-point losses; E is one number, their mean"),
                                  ((1,), "E is one number: return a float, not an array of one")])
        run.values(got, cross_entropy(y, p), what, _cross_entropy_mistakes(y, p))
    what = "cross_entropy for perfect predictions (ŷ = y = 1 and ŷ = y = 0)"
    got = run.numbers(run.call(what, y=np.array([1.0, 0.0]), y_hat=np.array([1.0, 0.0]))[0], what, "E")
    run.shape(got, (), what)
    if not np.isfinite(got):
        _stop(f"{what} gave {_fmt(got)}: 0·ln 0 is nan in numpy (the (1 − y) ln(1 − ŷ) term at ŷ = y = 1); {_CLIP}.")
    if abs(float(got)) > 1e-6:
        _stop(f"{what} gave {_fmt(got)}, expected 0: ŷ is clipped too far from 0 and 1; clip with a tiny ε, "
              f"such as 1e-15.")
    what = "cross_entropy for confidently wrong predictions (ŷ = 0 with y = 1, ŷ = 1 with y = 0)"
    got = run.numbers(run.call(what, y=np.array([1.0, 0.0]), y_hat=np.array([0.0, 1.0]))[0], what, "E")
    run.shape(got, (), what)
    if not np.isfinite(got):
        _stop(f"{what} gave {_fmt(got)}: ln of 0, as −ln ŷ at ŷ = 0 is inf; {_CLIP}.")
    if 0 < got < -np.log(1e-6):
        _stop(f"{what} gave only {_fmt(got)} (−ln {np.exp(-float(got)):.2g}): ŷ is clipped too far from 0 and 1, "
              f"which hides confident mistakes; clip with a tiny ε, such as 1e-15.")
    if got <= 0:
        _stop(f"{what} gave {_fmt(got)}: a confident mistake must cost a lot, −ln ε ≈ 34.5 for ε = 1e-15; {_CLIP}.")
    return "✓ cross_entropy passes: the mean, the sign, both terms, and finite at ŷ = 0 or 1."


# --- notebook 03: one gradient-descent step ---------------------------------------------------------------

def _gradient_step_mistakes(X, y, W, b, eta):
    """(mistakes in the new W, mistakes in the new b): value -> what to change (notebook 03, section 6)."""
    m, n = X.shape
    z = X @ W + b
    r = sigmoid(z) - y  # ŷ − y, (m,)
    dW, db = X.T @ r / m, r.mean()
    W_mistakes = [
        (W + eta * dW, "it steps uphill: gradient descent subtracts, W − η ∂E/∂W with ∂E/∂W = Xᵀ(ŷ − y)/m "
                       "(with the error y − ŷ, add instead)"),
        (W - eta * X.T @ r, "the gradient is summed, not averaged: divide by m, ∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ"),
        (W - eta * X.T @ r / n, f"it divides by n = {n}, the number of inputs: divide by m = {m}, the number of "
                                f"points"),
        (W - dW, "the learning rate η is missing: W − η ∂E/∂W"),
        (W - eta ** 2 * dW, "η is applied twice: W − η ∂E/∂W has one η"),
        (W - eta * X.T @ (r * sigmoid_prime(z)) / m,
         "σ'(z) is kept: for the cross-entropy the σ' of the chain rule cancels, ∂E/∂W = Xᵀ(ŷ − y)/m"),
        (W - eta * np.mean(X * r[:, None]), "∂E/∂W came out one number for every wⱼ: it averages over the points "
                                            "and the inputs together; average over the points only, "
                                            "X.T @ (ŷ − y) / m, shape (n,)"),
        (W - eta * X.T @ (z - y) / m, "the error uses z: ŷ = σ(XW + b), so the error is σ(z) − y, not z − y"),
        (W - eta * X.T @ (sigmoid(X @ W) - y) / m, "the bias b is missing from z = XW + b"),
        (dW, "that is the gradient ∂E/∂W: return the new W = W − η ∂E/∂W"),
        (-eta * dW, "that is the change −η ∂E/∂W: return the new W, W − η ∂E/∂W"),
    ]
    b_mistakes = [
        (b, "b did not change: update the bias too, b − η ∂E/∂b with ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ)"),
        (b + eta * db, "the bias steps uphill: b − η ∂E/∂b"),
        (b - eta * r.sum(), "∂E/∂b is the mean of ŷ − y, not the sum: divide by m"),
        (b - db, "the learning rate η is missing from the bias step: b − η ∂E/∂b"),
        (b - eta ** 2 * db, "η is applied twice in the bias step"),
        (b - eta * dW.mean(), "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) has no x in it"),
        *[(b - eta * dW[j], "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) has no x in it") for j in range(n)],
        (db, "that is the gradient ∂E/∂b: return the new b = b − η ∂E/∂b"),
    ]
    return W_mistakes, b_mistakes


_STEP_EXCEPTIONS = [
    (ValueError, "matmul", "X is (m, n) and the error ŷ − y is (m,): ∂E/∂W = X.T @ (ŷ − y) / m, shape (n,)"),
    (ValueError, "not aligned", "X is (m, n) and the error ŷ − y is (m,): ∂E/∂W = np.dot(X.T, ŷ − y) / m, shape (n,)"),
    (ValueError, "could not be broadcast", "X is (m, n), W (n,), y and ŷ − y (m,): z = X @ W + b, "
                                           "∂E/∂W = X.T @ (ŷ − y) / m"),
]


def check_gradient_step(fn):
    """Notebook 03, exercise (section 6): does `fn(X, y, W, b, learning_rate)` return one gradient-descent step
    (W − η ∂E/∂W, b − η ∂E/∂b) on the mean cross-entropy? X (m, n) with m ≠ n, z spread away from 0.
    """
    return _run_check(fn, "gradient_step", "my_gradient_step(X, y, W, b, learning_rate)", _gradient_step_probes,
                      _STEP_EXCEPTIONS)


def _gradient_step_probes(run):
    rng = np.random.default_rng(3)
    probes = [(rng.normal(0.0, 1.5, size=(6, 3)), np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0]),
               np.array([0.8, -0.6, 1.2]), 0.2, 0.1),
              (np.array([[1, 2], [0, -1], [3, 1], [-2, 0], [1, -3]]), np.array([1, 0, 1, 0, 0]),
               np.array([0.5, -0.25]), 0, 0.5)]  # integers: X, y and b
    for X, y, W, b, eta in probes:
        m, n = X.shape
        what = f"gradient_step for X of shape ({m}, {n}){', integer X, y and b' if X.dtype.kind == 'i' else ''}"
        out, _ = run.call(what, X=X, y=y, W=W, b=b, learning_rate=eta)
        W_out, b_out = run.pair(out, what)
        W_new, b_new = run.numbers(W_out, f"{what}: the new W", "W"), run.numbers(b_out, f"{what}: the new b", "b")
        run.shape(W_new, (n,), f"{what}: the new W", [
            ((m,), "one value per point: ∂E/∂W sums over the points, X.T @ (ŷ − y) / m has shape (n,)"),
            ((m, n), "one row per point: ∂E/∂W = X.T @ (ŷ − y) / m sums over them (or take .mean(axis=0))"),
            ((1, n), "keep W a vector of shape (n,)"), ((n, 1), "keep W a vector of shape (n,)"),
            ((), "one number: W has one weight per input, shape (n,)")])
        run.shape(b_new, (), f"{what}: the new b", [
            ((m,), "one per point: ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) is one number, np.mean(ŷ − y)"),
            ((1,), "b is a plain number: return a float, e.g. float(b_new)"),
            ((n,), "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) is one number, with no x in it")])
        r = sigmoid(X @ W + b) - y
        want_W, want_b = W - eta * X.T @ r / m, b - eta * r.mean()
        W_mistakes, b_mistakes = _gradient_step_mistakes(X.astype(float), y.astype(float), W, b, eta)
        run.values(W_new, want_W, f"{what}: the new W", W_mistakes, "∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ")
        run.values(b_new, want_b, f"{what}: the new W is right, but the new b", b_mistakes,
                   "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ)")
    return "✓ gradient_step passes: the mean gradient, the right sign, η, and the bias step."


# --- notebook 04: one delta-rule step ---------------------------------------------------------------------

def _delta_rule_mistakes(X, y, W, b, eta):
    """(mistakes in the new W, mistakes in the new b): value -> what to change (notebook 04, section 5)."""
    m, n = X.shape
    h = X @ W + b  # (m, k)
    y_hat = sigmoid(h)
    error = y - y_hat
    delta = error * sigmoid_prime(h)
    step = eta * X.T @ delta
    W_online, b_online = _online(X, y, W, b, eta)
    with np.errstate(all="ignore"):
        W_mistakes = [
            (W - step, "the step goes the wrong way: with δ = (y − ŷ) f'(h), ΔW = +η Xᵀδ (with the error ŷ − y, "
                       "subtract)"),
            (W + X.T @ delta, "the learning rate η is missing: ΔW = η Xᵀδ"),
            (W + eta * step, "η is applied twice: ΔW = η Xᵀδ has one η"),
            (W + step / m, "it divides by m: the SSE is a sum over the points, so ΔW = η Σ_μ δ^μ x^μ with no 1/m "
                           "(notebook 03's mean does not carry over)"),
            (W + eta * X.T @ error, "f'(h) is missing from δ: δ = (y − ŷ) f'(h)"),
            (W + eta * X.T @ (error * h * (1 - h)), "σ'(h) is σ(h)(1 − σ(h)) = ŷ(1 − ŷ), not h(1 − h)"),
            (W + eta * X.T @ (error * sigmoid_prime(y_hat)), "f' is taken at ŷ: f'(h) = σ'(h) = ŷ(1 − ŷ)"),
            (W + eta * X.T @ ((y - h) * sigmoid_prime(h)),
             "the error uses h: ŷ = f(h) = σ(h), so δ = (y − σ(h)) f'(h)"),
            (W + eta * X.T @ ((y - sigmoid(X @ W)) * sigmoid_prime(X @ W)), "the bias b is missing from h = XW + b"),
            (step, "that is the change ΔW = η Xᵀδ: return the new W + ΔW"),
            (W_online, "W changes between the points: compute every δ^μ with the same W and b, "
                                          "then take one step, ΔW = η Σ_μ x^μ δ^μ = η Xᵀδ"),
        ]
        if W.shape[0] == W.shape[1]:  # these run only when n = k; otherwise they raise, with their own message
            W_mistakes += [
                (W + eta * X.T @ (error * sigmoid_prime(X)),
                 "f' is taken at the input x: take it at h = XW + b, the unit's input, δ = (y − ŷ) f'(h)"),
                (W + eta * delta.T @ X, "ΔW is transposed: Xᵀδ is (n, m) times (m, k), δᵀX is (k, n)"),
                (W + eta * X.T @ ((y - sigmoid(X @ W.T + b)) * sigmoid_prime(X @ W.T + b)),
                 "h = X @ W with W of shape (n, k): no transpose"),
            ]
    b_mistakes = [
        (b_online, "b changes between the points: compute every δ^μ with the same W and b, "
                                      "then take one step, Δb = η Σ_μ δ^μ"),
        (b, "b did not change: Δb = η Σ_μ δ^μ, the sum over the points (axis 0)"),
        (b - eta * delta.sum(axis=0), "the bias step goes the wrong way: Δb = +η Σ_μ δ^μ"),
        (b + delta.sum(axis=0), "the learning rate η is missing from the bias step: Δb = η Σ_μ δ^μ"),
        (b + eta * delta.sum(), "np.sum(delta) adds over the units too: Δb_j = η Σ_μ δ^μ_j, one sum per unit j, "
                                "delta.sum(axis=0)"),
        (b + eta * delta.mean(axis=0), "Δb is a sum over the points, not the mean: η Σ_μ δ^μ, delta.sum(axis=0)"),
        (b + eta * error.sum(axis=0), "f'(h) is missing from the bias step: Δb = η Σ_μ δ^μ with δ = (y − ŷ) f'(h)"),
        (eta * delta.sum(axis=0), "that is the change Δb = η Σ_μ δ^μ: return the new b + Δb"),
    ]
    return W_mistakes, b_mistakes


def _online(X, y, W, b, eta):
    """The delta rule applied point by point (a step after each μ): a different algorithm from the one step asked."""
    W, b = W.copy(), b.copy()
    for x, t in zip(X, y):  # x (n,), t (k,)
        h = x @ W + b  # (k,)
        delta = (t - sigmoid(h)) * sigmoid_prime(h)
        W, b = W + eta * np.outer(x, delta), b + eta * delta
    return W, b


_DELTA_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "X is (m, n), W (n, k) and b (k,); h, y and δ are (m, k); ΔW = η X.T @ δ "
                                           "is (n, k) and Δb = η δ.sum(axis=0) is (k,)"),
    (ValueError, "matmul", "X is (m, n), W (n, k), δ (m, k): h = X @ W + b, ΔW = η X.T @ δ"),
    (ValueError, "not aligned", "X is (m, n), W (n, k), δ (m, k): h = np.dot(X, W) + b, ΔW = η np.dot(X.T, δ)"),
]


def check_delta_rule(fn):
    """Notebook 04, exercise (section 5): does `fn(X, y, W, b, learning_rate)` return one delta-rule step
    (W + η Xᵀδ, b + η Σ_μ δ) with δ = (y − ŷ) f'(h) for sigmoid units? Tried with n = k (so that f'(x) and
    transposes run and can be named) and with m, n, k all different; h spread away from 0.
    """
    return _run_check(fn, "delta_rule_step", "my_delta_rule_step(X, y, W, b, learning_rate)", _delta_rule_probes,
                      _DELTA_EXCEPTIONS)


def _delta_rule_probes(run):
    rng = np.random.default_rng(1)
    probes = []
    for m, n, k in ((5, 2, 2), (5, 3, 2)):
        X, W = rng.normal(0.0, 1.5, size=(m, n)), rng.normal(0.0, 1.0, size=(n, k))
        y = (rng.random((m, k)) < 0.5).astype(float)
        probes.append((X, y, W, np.array([0.4, -0.3]), 0.3))
    for X, y, W, b, eta in probes:
        (m, n), k = X.shape, W.shape[1]
        what = f"delta_rule_step for m = {m}, n = {n}, k = {k}"
        out, _ = run.call(what, X=X, y=y, W=W, b=b, learning_rate=eta)
        W_out, b_out = run.pair(out, what)
        W_new, b_new = run.numbers(W_out, f"{what}: the new W", "W"), run.numbers(b_out, f"{what}: the new b", "b")
        run.shape(W_new, (n, k), f"{what}: the new W", [
            ((k, n), "ΔW is transposed: Xᵀδ is (n, m) times (m, k); δᵀX is (k, n)"),
            ((m, k), "one row per point: ΔW = η Xᵀδ sums over the points"),
            ((n,), "W has one column per output unit j: shape (n, k)")])
        run.shape(b_new, (k,), f"{what}: the new b", [
            ((1, k), "keepdims gives (1, k): delta.sum(axis=0) is (k,)"),
            ((), "one bias per unit j: Δb = η Σ_μ δ^μ sums over the points only, delta.sum(axis=0)"),
            ((m,), "that sums over the units: Σ_μ is over the points, axis 0"),
            ((m, k), "one per point: Δb = η Σ_μ δ^μ sums over them, delta.sum(axis=0)")])
        h = X @ W + b
        delta = (y - sigmoid(h)) * sigmoid_prime(h)
        W_mistakes, b_mistakes = _delta_rule_mistakes(X, y, W, b, eta)
        run.values(W_new, W + eta * X.T @ delta, f"{what}: the new W", W_mistakes,
                   "ΔW = η Xᵀδ with δ = (y − ŷ) f'(h)")
        run.values(b_new, b + eta * delta.sum(axis=0), f"{what}: the new W is right, but the new b", b_mistakes,
                   "Δb = η Σ_μ δ^μ")
    return "✓ delta_rule_step passes: f'(h) at h, the sign, η, and shapes (n, k) and (k,)."
