"""mlmath_helpers: the one helper module behind the mlmath notebooks.

Four layers, in this order:

1. Maths            pure numpy, no plotting: the functions the notebooks teach.
2. Data             small deterministic data sets made from a seed, with known true parameters.
3. Figures/widgets  one builder per interactive figure; each returns the widget to display.
4. Exercise checks  ``check_*`` functions that test a learner's code and answer in one line.

Shapes used throughout: ``X`` is (m, n), one row per data point; ``W`` is (n,) for one output
unit or (n, k) for k output units; ``b`` is a scalar or (k,). Labels ``y`` are (m,) or (m, k).
Bad input raises ``ValueError`` naming the argument, what was given and what was expected.
"""
from __future__ import annotations

import gc
import struct
import zlib
from dataclasses import dataclass

import numpy as np

# =====================================================================================
# 1. Maths
# =====================================================================================

# Smallest distance from 0 and 1 that `error_formula` lets a probability come: machine epsilon.
PROB_EPS = float(np.finfo(float).eps)


def _array(value, name, *, ndim=None):
    """Return `value` as a float array; ValueError if it is not numeric, finite and of `ndim`."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected numbers, got {type(value).__name__} {value!r:.60}") from None
    if ndim is not None and arr.ndim not in np.atleast_1d(ndim):
        raise ValueError(f"{name}: expected {ndim}-dimensional input, got shape {arr.shape}")
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

    The article's formula, made safe at the ends: `output` is clipped to [ε, 1 − ε] with
    ε = machine epsilon (2.2e-16), so ŷ exactly 0 or 1 gives the large finite loss
    −ln ε ≈ 36.04 instead of inf, and 0·ln 0 never makes nan. Why that is fair: a float64
    probability can sit no closer to 1 than about 1e-16, so a loss above ~36 cannot be told
    apart from a probability anyway. For the exact loss start from the logit z with
    `cross_entropy_from_logits`.
    """
    return _out(_bce(y, output, "output"))


def _bce(y, p, name):
    """Checked, clipped per-example cross-entropy; `name` is the caller's name for p."""
    y = _labels(y)
    p = _probabilities(p, name)
    _same_shape(y, p, "y", name)
    p = np.clip(p, PROB_EPS, 1.0 - PROB_EPS)
    return -y * np.log(p) - (1.0 - y) * np.log1p(-p)


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
    """An interactive figure: `widget` to display, `sliders` by description, `fig`, `readout`.

    `update()` moves the data of the `moving` artists and returns the readout text (HTML). The
    explorer then redraws by blitting: the rest of the figure is kept as a pixel background after
    each full draw (rotating a 3-D view or resizing makes one), and a slider change restores it only
    in the boxes the moving artists covered, draws them, and sends ipympl the changed pixels of those
    boxes (four times the pixels at a device pixel ratio of 2), before the readout text, so the
    figure answers first. A change before any full draw draws in full at once and sends the
    image, rather than asking the browser for a draw it may drop while it waits for an earlier one.
    Frames are encoded by `_frame_png`, faster than matplotlib's own encoder (see `_png`).
    A notebook shows `explorer.widget`; tests and benchmarks drive `sliders` and time `on_change`.
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
        self.widget = widgets.VBox([widgets.HBox([*sliders, *extra]), fig.canvas, self.readout])
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
        self._background = None

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

    return Explorer(fig, sliders, update, moving=[curve, point, cross])


def sigmoid_figure():
    """Notebook 01, "The sigmoid": σ(z) and σ'(z) over z ∈ [−8, 8], with σ(0) = ½ and σ'(0) = ¼ marked."""
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
    return fig.canvas


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

    return Explorer(fig, sliders, update, moving)


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

    return Explorer(fig, sliders, update, moving)


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

    return Explorer(fig, sliders, update, moving)


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

    return Explorer(fig, sliders, update, moving)


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

    return Explorer(fig, [eta, w0, b0_, n_steps, step], update, moving, extra=[play])


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

    explorer = Explorer(fig, [step], update, [image, *points, boundary, marks], extra=[play])
    explorer.history, explorer.accuracy = h, accuracy
    return explorer


def sse_vs_cross_entropy_explorer(data, W=-4.0, b=3.0, extent=8.0):
    """Notebook 04, "SSE against cross-entropy": both error surfaces of one sigmoid unit over (W, b), as
    contours and rotatable 3-D surfaces, computed once; sliders W and b mark all four with both readouts.
    """
    fig = _figure("04 sse vs cross-entropy", figsize=(8.8, 6.6))[0]
    fig.clear()
    specs = fig.add_gridspec(2, 2)
    moving, marks = [], []
    for row, loss, title in [(0, "sse", "SSE"), (1, "cross_entropy", "cross-entropy")]:
        mark_c, mark_s, _ = _surface_axes(fig, specs[row, 0], specs[row, 1], data, extent, loss, title)
        moving += [mark_c, mark_s]
        marks.append((loss, mark_c, mark_s))
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

    return Explorer(fig, sliders, update, moving)


def vanishing_gradient_figure(data, b=None, extent=10.0):
    """Notebook 04, "Vanishing gradients": along the line W ∈ [−extent, extent] at fixed b, the mean
    f'(h) = σ'(h) over the points and |∇E| of both losses (log scale)."""
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
    return fig.canvas


def training_comparison_figure(data, W0=-6.0, b0=4.0, learning_rate=0.5, steps=300):
    """Notebook 04, "Training with both losses": the same unit from the same start, trained on the mean
    cross-entropy (η) and on the SSE (η/m, as the SSE sums over the m points); loss relative to its
    start, and accuracy, per step. Returns (canvas, {loss: DescentHistory})."""
    x, y = one_input(data)
    X, m = x[:, None], len(y)
    runs = {"cross_entropy": gradient_descent(X, y, np.array([W0]), b0, learning_rate, steps),
            "sse": gradient_descent(X, y, np.array([W0]), b0, learning_rate / m, steps, loss="sse")}
    fig, (ax1, ax2) = _figure("04 training comparison", ncols=2, figsize=(9.0, 3.4))
    for (loss, h), color, ls in zip(runs.items(), (OKABE_ITO["blue"], OKABE_ITO["vermillion"]), ("--", "-")):
        name = "cross-entropy" if loss == "cross_entropy" else "SSE"
        accuracy = np.mean(((h.W[:, 0, None] * x + h.b[:, None]) > 0) == (y == 1), axis=1)  # (steps + 1,)
        ax1.plot(h.loss / h.loss[0], color=color, ls=ls, lw=2, label=name)
        ax2.plot(accuracy, color=color, ls=ls, lw=2, label=name)
    ax1.set(xlabel="step", ylabel="E / E at the start", title="loss, relative to its start", ylim=(0, 1.05))
    ax2.set(xlabel="step", ylabel="accuracy", title="accuracy", ylim=(0, 1.02))
    ax1.legend(fontsize=8)
    ax2.legend(fontsize=8, loc="lower right")
    return fig.canvas, runs


# =====================================================================================
# 4. Exercise checks
# =====================================================================================
# Each check runs the learner's function on a few telling inputs and answers in one line: the first
# thing wrong and its likely cause, or what passed. It never raises, whatever the function does.

@dataclass(frozen=True)
class CheckResult:
    """The answer of a check_* function; a notebook shows `message`, tests read `passed`."""
    passed: bool
    message: str

    def __repr__(self):
        return self.message


def _fail(message):
    return CheckResult(False, "✗ " + message)


def _call(fn, *args):
    """fn(*args) with floating-point trouble raised: (result, None) or (None, short description)."""
    import warnings
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"), warnings.catch_warnings():
            warnings.simplefilter("error")
            return fn(*args), None
    except (FloatingPointError, OverflowError, RuntimeWarning) as exc:
        return None, f"overflow or invalid value ({exc})"
    except Exception as exc:  # the learner's code may raise anything: report it, never re-raise
        return None, f"{type(exc).__name__}: {exc}"


def _not_implemented(name):
    return CheckResult(False, f"Not implemented yet: {name} returned None. Fill in the cell above, run it, "
                              f"then run this check again.")


def check_sigmoid(fn):
    """Notebook 01, exercise: is `fn` a correct, vectorised, overflow-free sigmoid?"""
    out, err = _call(fn, 0.5)
    if err is None and out is None:
        return _not_implemented("sigmoid")
    if err:
        return _fail(f"sigmoid(0.5) raised {err}.")
    want = sigmoid(0.5)
    if np.isclose(out, 1 - want):
        return _fail(f"sigmoid(0.5) gave {float(out):.4f}, which is σ(−0.5): the sign is flipped, use exp(−z).")
    if not np.isclose(out, want, rtol=1e-12):
        return _fail(f"sigmoid(0.5) gave {out!r}, expected {want:.6f}: check 1 / (1 + exp(−z)).")
    zs = np.array([-3.0, 0.0, 2.5])
    out, err = _call(fn, zs)
    if err or np.shape(out) != zs.shape:
        return _fail(f"sigmoid of an array failed ({err or f'shape {np.shape(out)}'}): it is not vectorised; "
                     f"use np.exp, not math.exp, and no if on z.")
    if not np.allclose(out, sigmoid(zs), rtol=1e-12):
        return _fail(f"sigmoid({zs.tolist()}) gave {np.round(out, 4).tolist()}: wrong values for arrays.")
    for z in (-1000.0, 1000.0):
        out, err = _call(fn, np.array([z]))
        if err or not np.allclose(out, sigmoid(z), atol=0, rtol=0):
            return _fail(f"sigmoid({z:g}) gave {err or out}: exp overflowed; use exp(−|z|) and the two-case form.")
    return CheckResult(True, "✓ sigmoid passes: right values, works on arrays, symmetric, no overflow at ±1000.")


def check_predict(fn):
    """Notebook 01, exercise: does `fn(W, x, b)` compute σ(Wx + b) for scalars and for a vector W?"""
    out, err = _call(fn, 1, 0.38, 0.1)
    if err is None and out is None:
        return _not_implemented("predict")
    if err:
        return _fail(f"predict(1, 0.38, 0.1) raised {err}; for one input, W * x + b must work on plain numbers.")
    want = predict(1, 0.38, 0.1)
    if np.isclose(out, sigmoid(0.38)):
        return _fail(f"predict(1, 0.38, 0.1) gave {float(out):.6f} = σ(Wx): the bias b is missing.")
    if np.isclose(out, 1 - want):
        return _fail(f"predict(1, 0.38, 0.1) gave {float(out):.6f} = σ(−(Wx + b)): the sign is flipped.")
    if not np.isclose(out, want, rtol=1e-12):
        return _fail(f"predict(1, 0.38, 0.1) gave {out!r}, expected {want:.16f}.")
    W, X, b = np.array([0.5, -1.0, 2.0]), np.arange(12.0).reshape(4, 3) / 4, 0.3
    out, err = _call(fn, W, X, b)
    if err or np.shape(out) != (4,):
        return _fail(f"predict(W of shape (3,), x of shape (4, 3), b) gave {err or f'shape {np.shape(out)}'}, "
                     f"expected shape (4,): it is scalar-only; W * x multiplies elementwise, use np.dot(x, W).")
    if not np.allclose(out, predict(W, X, b), rtol=1e-12):
        return _fail("predict(W, x, b) with a weight vector gave wrong values: z = np.dot(x, W) + b.")
    out, err = _call(fn, 1.0, -1000.0, 0.0)
    if err:
        return _fail(f"predict(1, −1000, 0) failed with {err}: use a stable sigmoid.")
    return CheckResult(True, "✓ predict passes: the article's value, a weight vector over 4 points, and z = −1000.")


def check_cross_entropy(fn):
    """Notebook 02, exercise: does `fn(y, y_hat)` compute the mean binary cross-entropy E?"""
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0])
    p = np.array([0.9, 0.2, 0.6, 0.4, 0.3])
    out, err = _call(fn, y, p)
    if err is None and out is None:
        return _not_implemented("cross_entropy")
    if err:
        return _fail(f"cross_entropy(y, y_hat) raised {err}.")
    per_point = -(y * np.log(p) + (1 - y) * np.log(1 - p))  # (5,)
    want = per_point.mean()
    wrong = {  # value a mistake gives -> the likely cause
        -want: "the minus sign is missing: ln of a probability is negative, E must be positive",
        per_point.sum(): "it is the sum, not the mean: divide by m, the number of points (np.mean)",
        -np.mean(y * np.log(p)) + np.mean((1 - y) * np.log(1 - p)):
            "the minus covers only the first term: put the whole bracket y ln ŷ + (1 − y) ln(1 − ŷ) under it",
        -np.mean(y * np.log(p)): "the (1 − y) ln(1 − ŷ) term for the label-0 points is missing",
        -np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)): "ŷ and 1 − ŷ are swapped: y = 1 pairs with ln ŷ",
    }
    if not np.ndim(out) == 0:
        return _fail(f"cross_entropy returned shape {np.shape(out)}: E is one number, the mean over the points.")
    for value, cause in wrong.items():
        if np.isclose(out, value, rtol=1e-9):
            return _fail(f"cross_entropy gave {float(out):.4f} instead of {want:.4f}: {cause}.")
    if not np.isclose(out, want, rtol=1e-9):
        return _fail(f"cross_entropy gave {out!r}, expected {want:.6f} for y = {y.tolist()}, ŷ = {p.tolist()}.")
    out, err = _call(fn, np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    if err or not np.isfinite(out):
        return _fail(f"for perfect predictions ŷ = 1 and ŷ = 0 it gave {err or out}: log(0) appears "
                     f"(0·ln 0 is nan); clip ŷ into [ε, 1 − ε] first, e.g. np.clip(y_hat, 1e-15, 1 - 1e-15).")
    return CheckResult(True, "✓ cross_entropy passes: the mean, the sign, both terms, and finite at ŷ = 0 or 1.")


def check_gradient_step(fn):
    """Notebook 03, exercise: does `fn(X, y, W, b, learning_rate)` return one gradient-descent step
    (W − η ∂E/∂W, b − η ∂E/∂b) for the mean cross-entropy?
    """
    rng = np.random.default_rng(0)
    X, W, b, eta = rng.normal(size=(6, 2)), np.array([0.5, -0.3]), 0.2, 0.1  # (6, 2), (2,)
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
    out, err = _call(fn, X, y, W.copy(), b, eta)
    if err is None and out is None:
        return _not_implemented("gradient_step")
    if err:
        return _fail(f"gradient_step raised {err}.")
    try:
        if not (isinstance(out, (tuple, list)) and len(out) == 2):
            raise TypeError
        W_new, b_new = np.asarray(out[0], dtype=float), float(np.squeeze(out[1]))
    except (TypeError, ValueError):
        return _fail(f"gradient_step returned {type(out).__name__}; return the pair (new W, new b).")
    if W_new.shape != W.shape:
        return _fail(f"the new W has shape {W_new.shape}, expected {W.shape}: ∂E/∂W is X.T @ (ŷ − y) / m.")
    r = predict(W, X, b) - y  # (6,) ŷ − y
    dW, db = X.T @ r / len(y), r.mean()
    want = (W - eta * dW, b - eta * db)
    wrong_W = {
        tuple(W + eta * dW): "the sign is flipped: step against the gradient, W − η ∂E/∂W",
        tuple(W - eta * dW * len(y)): "it uses the sum, not the mean: divide the gradient by m",
        tuple(W - dW): "the learning rate η is missing",
    }
    for value, cause in wrong_W.items():
        if np.allclose(W_new, value, rtol=1e-9):
            return _fail(f"the new W is {np.round(W_new, 5).tolist()}: {cause}.")
    if not np.allclose(W_new, want[0], rtol=1e-9):
        return _fail(f"the new W is {np.round(W_new, 5).tolist()}, expected {np.round(want[0], 5).tolist()}: "
                     f"∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ.")
    if np.isclose(b_new, b):
        return _fail("b did not change: update the bias too, b − η ∂E/∂b with ∂E/∂b = mean(ŷ − y).")
    if not np.isclose(b_new, want[1], rtol=1e-9):
        return _fail(f"the new W is right but the new b is {b_new:.5f}, expected {want[1]:.5f}: the bias "
                     f"gradient is ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ), no x in it.")
    return CheckResult(True, "✓ gradient_step passes: the mean gradient, the right sign, η, and the bias step.")


def check_delta_rule(fn):
    """Notebook 04, exercise: does `fn(X, y, W, b, learning_rate)` return one delta-rule step
    (W + η Xᵀδ, b + η Σ_μ δ) with δ = (y − ŷ) f'(h) for sigmoid units, W of shape (n, k)?
    """
    rng = np.random.default_rng(1)
    X, W, b, eta = rng.normal(size=(5, 2)), rng.normal(size=(2, 2)), np.array([0.1, -0.2]), 0.3  # n = k = 2
    y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0], [1.0, 0.0]])  # (5, 2)
    out, err = _call(fn, X, y, W.copy(), b.copy(), eta)
    if err is None and out is None:
        return _not_implemented("delta_rule_step")
    if err:
        return _fail(f"delta_rule_step raised {err}; with W of shape (n, k), h = X @ W + b is (m, k).")
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        return _fail(f"delta_rule_step returned {type(out).__name__}; return the pair (new W, new b).")
    W_new, b_new = (np.asarray(v, dtype=float) for v in out)
    h = X @ W + b  # (5, 2)
    error = y - sigmoid(h)  # (5, 2)
    delta = error * sigmoid_prime(h)
    want_W, want_b = W + eta * X.T @ delta, b + eta * delta.sum(axis=0)
    if W_new.shape != W.shape:
        return _fail(f"the new W has shape {W_new.shape}, expected {W.shape}: for several outputs "
                     f"ΔW = η Xᵀδ, (n, m) times (m, k).")
    delta_x = error * sigmoid_prime(X)  # the classic slip: f' of the input, not of h
    wrong = {
        "f' is taken at the input x; take it at h = Σᵢ wᵢⱼ xᵢ + bⱼ, the unit's input": W + eta * X.T @ delta_x,
        "the sign is flipped: with δ = (y − ŷ) f'(h) the step is W + η Xᵀδ": W - eta * X.T @ delta,
        "the learning rate η is missing": W + X.T @ delta,
        "ΔW is transposed: Xᵀδ is (n, m) times (m, k), not δᵀX": W + eta * delta.T @ X,
        "f'(h) is missing from δ: δ = (y − ŷ) f'(h)": W + eta * X.T @ error,
    }
    for cause, value in wrong.items():
        if np.allclose(W_new, value, rtol=1e-9):
            return _fail(f"the new W is wrong: {cause}.")
    if not np.allclose(W_new, want_W, rtol=1e-9):
        return _fail(f"the new W is {np.round(W_new, 4).tolist()}, expected {np.round(want_W, 4).tolist()}.")
    if b_new.shape != b.shape or not np.allclose(b_new, want_b, rtol=1e-9):
        return _fail(f"the new W is right but the new b is {np.round(b_new, 4).tolist()}, expected "
                     f"{np.round(want_b, 4).tolist()}: Δb = η Σ_μ δ (sum over the points, axis 0).")
    return CheckResult(True, "✓ delta_rule_step passes: f'(h) at h, the sign, η, and shapes (n, k) and (k,).")
