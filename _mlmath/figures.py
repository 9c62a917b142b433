"""The figures of the notebooks, one builder per figure, in notebook order; each returns an `Explorer` (sliders)
or a `StaticFigure` (drawn once) that a notebook cell ends with.

The fast pattern: each figure is built once (ipympl, `figure()` inside plt.ioff()); the slider callback `update`
computes the figure's state once, moves the data of the kept artists, keeps the state in `now` and returns the
readout; `describe` formats the same state as one sentence. Surfaces and fields are computed once per figure from
the maths of mlmath_helpers, never in a callback. Line widths, font sizes and the palette are in style.mplstyle.
A contributor adds a figure here: a builder, in its notebook's place, and its name in mlmath_helpers' `_LAZY_BY_MODULE`.
"""
import functools
from pathlib import Path

import numpy as np

from _mlmath.explorer import Explorer, figure, player, slider
from _mlmath.pictures import StaticFigure, num
from mlmath_helpers import (_array, cross_entropy_from_logits, cross_entropy_gradient, error_formula, gradient_descent, gradient_field,
                            loss_surface, minimum, one_input, sigmoid, sigmoid_prime, sse_gradient,
                            two_inputs)
from mlmath_helpers import _cross_entropy_terms

STYLE = Path(__file__).with_name("style.mplstyle")


def _palette():
    """The Okabe-Ito palette of style.mplstyle's colour cycle, by name: colour-blind safe, for lines and classes."""
    import matplotlib
    colors = matplotlib.rc_params_from_file(STYLE, use_default_template=False)["axes.prop_cycle"].by_key()["color"]
    return dict(zip(("blue", "vermillion", "orange", "green", "purple", "sky", "yellow", "black"), colors))


OKABE_ITO = _palette()
CLASS_STYLE = {0: dict(marker="o", color=OKABE_ITO["vermillion"], label="class 0 (y = 0)"),
               1: dict(marker="^", color=OKABE_ITO["blue"], label="class 1 (y = 1)")}
MARKER = dict(marker="o", ls="none", ms=9, color=OKABE_ITO["vermillion"], markeredgecolor="white", zorder=6)
# Legends beside the axes: moving artists never pass under them, so they stay out of the per-event redraw.
LEGEND_BESIDE = dict(loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)


def _styled(builder):
    """Build the figure under style.mplstyle (the artists take their line widths, font sizes and colours then)."""
    @functools.wraps(builder)
    def build(*args, **kwargs):
        import matplotlib.pyplot as plt
        with plt.style.context(STYLE):
            return builder(*args, **kwargs)
    return build


@_styled
def prediction_explorer(W=2.0, x=1.0, b=-1.0):
    """Interactive 1 of notebook 01: sliders W, x, b move the point (x, ŷ) on the curve σ(Wx + b),
    with the 0.5 threshold and the x where the curve crosses it (x = −b/W; none when W = 0).
    """
    fig, ax = figure("01 prediction", figsize=(6.4, 3.6))
    xs = np.linspace(-6, 6, 241)  # (241,) the x axis
    curve, = ax.plot(xs, xs * 0, color=OKABE_ITO["blue"], label="ŷ = σ(Wx + b)")
    ax.axhline(0.5, color="0.5", ls=":", lw=1, label="ŷ = 0.5")
    cross = ax.axvline(0.0, color=OKABE_ITO["orange"], ls="--", lw=1.2, label="crossing x = −b/W")
    point, = ax.plot([], [], **{**MARKER, "label": "(x, ŷ)"})
    ax.set(xlim=(-6, 6), ylim=(-0.05, 1.05), xlabel="input x", ylabel="prediction ŷ")
    ax.legend(**LEGEND_BESIDE)
    sliders = [slider("W", W, -10, 10, 0.1), slider("x", x, -5, 5, 0.05), slider("b", b, -10, 10, 0.1)]

    now = {}  # the state at the sliders' values: computed once in `update`, formatted by it and by `describe`

    def update():
        W, x, b = (s.value for s in sliders)
        z = W * x + b
        now.update(W=W, x=x, b=b, z=z, y_hat=sigmoid(z), crossing=-b / W if W != 0 else None)
        curve.set_ydata(sigmoid(W * xs + b))
        point.set_data([x], [now["y_hat"]])
        crossing = now["crossing"]
        cross.set_visible(crossing is not None and abs(crossing) <= 6)
        if crossing is not None:
            cross.set_xdata([crossing, crossing])
        where = "none: with W = 0, ŷ = σ(b) for every x" if crossing is None else f"x = {crossing:.3f}"
        return (f"z = W·x + b = {W:.2f}·{x:.2f} + {b:.2f} = <b>{z:.3f}</b>, "
                f"ŷ = σ(z) = <b>{now['y_hat']:.4f}</b>; crosses 0.5 at {where}")

    def describe():
        W, x, b, crossing = now["W"], now["x"], now["b"], now["crossing"]
        where = (f"flat at ŷ = σ(b) = {num(now['y_hat'], 4)} since W = 0" if crossing is None else
                 f"crossing ŷ = 0.5 at x = {num(crossing)}" if abs(crossing) <= 6 else
                 "not crossing ŷ = 0.5 on the axes")
        return (f"Curve of the prediction ŷ = σ(Wx + b) over the input x from −6 to 6 at W = {num(W)}, "
                f"b = {num(b)}, {where}, with the point x = {num(x)}, ŷ = {num(now['y_hat'], 4)} marked.")

    return Explorer(fig, sliders, update, moving=[curve, point, cross]).described(describe)


@_styled
def sigmoid_figure():
    """Notebook 01, "The sigmoid": σ(z) and σ'(z) over z ∈ [−8, 8], with σ(0) = ½ and σ'(0) = ¼ marked;
    a `StaticFigure`."""
    fig, ax = figure("01 sigmoid", figsize=(6.4, 3.2))
    z = np.linspace(-8, 8, 321)  # (321,)
    ax.plot(z, sigmoid(z), color=OKABE_ITO["blue"], label="σ(z)")
    ax.plot(z, sigmoid_prime(z), color=OKABE_ITO["orange"], ls="--", label="σ'(z) = σ(z)(1 − σ(z))")
    ax.plot([0, 0], [0.5, 0.25], "o", color=OKABE_ITO["black"], ms=5)
    ax.annotate("σ(0) = ½", (0, 0.5), xytext=(0.6, 0.42))
    ax.annotate("σ'(0) = ¼", (0, 0.25), xytext=(0.6, 0.17))
    for level in (0, 1):
        ax.axhline(level, color="0.6", lw=0.8, ls=":")
    ax.set(xlabel="z", ylim=(-0.05, 1.05), xlim=(-8, 8))
    ax.legend(loc="center left")
    s, ds = sigmoid(z), sigmoid_prime(z)
    return StaticFigure(fig, f"Line chart over z from −8 to 8 of the sigmoid σ(z), an S-curve rising from "
                             f"{num(s[0], 4)} to {num(s[-1], 4)} through σ(0) = {num(sigmoid(0.0), 1)}, and "
                             f"of its derivative σ'(z), a bump (dashed) peaking at σ'({num(z[ds.argmax()], 0)}) = "
                             f"{num(ds.max(), 2)} and falling to {num(ds[0], 4)} at both ends.")


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
    boundary, = ax.plot([], [], color=OKABE_ITO["black"], label="w1·x1 + w2·x2 + b = 0")
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), xlabel="x1", ylabel="x2", aspect="equal")
    return image, points, boundary, grid, G1, G2


def _show_map(image, p):
    """Show the probabilities p (n, n) in [0, 1] on a `_probability_map` image, as its colour map's bytes."""
    image.set_data(image.cmap(p, bytes=True))  # (n, n, 4) uint8: scaled to the screen as bytes, not floats


@_styled
def decision_explorer(data, w1=1.0, w2=1.0, b=0.0):
    """Interactive 2 of notebook 01: two inputs, sliders w1, w2, b; the probability map
    σ(w1·x1 + w2·x2 + b), the boundary w1·x1 + w2·x2 + b = 0, and how many points fall on their side.
    """
    X, y = two_inputs(data)  # (m, 2), (m,)
    fig, ax = figure("01 decision", figsize=(5.6, 4.4))
    image, points, boundary, grid, G1, G2 = _probability_map(ax, X, y, 101)
    fig.colorbar(image, ax=ax, label="ŷ = P(y = 1)")
    wrong = ax.scatter([], [], s=150, facecolors="none", edgecolors=OKABE_ITO["black"], linewidths=1.5,
                       zorder=4, label="misclassified")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=7)  # below the map
    sliders = [slider("w1", w1, -5, 5, 0.1), slider("w2", w2, -5, 5, 0.1), slider("b", b, -5, 5, 0.1)]
    moving = [image, *points, wrong, boundary]  # the points drawn again over the moving map

    now = {}  # the state at the sliders' values: computed once in `update`, formatted by it and by `describe`

    def update():
        w1, w2, b = (s.value for s in sliders)
        _show_map(image, sigmoid(w1 * G1 + w2 * G2 + b))
        boundary.set_data(*_boundary(w1, w2, b, grid))
        predicted = (w1 * X[:, 0] + w2 * X[:, 1] + b) > 0  # (m,) ŷ > 0.5
        wrong_mask = predicted != (y == 1)
        wrong.set_offsets(X[wrong_mask].reshape(-1, 2))
        now.update(w1=w1, w2=w2, b=b, wrong=int(wrong_mask.sum()))
        return (f"boundary {w1:.2f}·x1 + {w2:.2f}·x2 + {b:.2f} = 0; correctly classified: "
                f"<b>{len(y) - now['wrong']} of {len(y)}</b> (ŷ > 0.5 predicts class 1)")

    def describe():
        w1, w2, b, wrong = now["w1"], now["w2"], now["b"], now["wrong"]
        line = ("no boundary, as w1 = w2 = 0" if w1 == 0 and w2 == 0 else
                f"the boundary {num(w1)}·x1 + {num(w2)}·x2 + {num(b)} = 0 as a black line")
        return (f"Map of the probability ŷ = σ(w1·x1 + w2·x2 + b) over x1 and x2 from {num(grid[0], 0)} to "
                f"{num(grid[-1], 0)}, dark blue near 0 and yellow near 1, with {int(np.sum(y == 0))} class-0 points "
                f"as circles, {int(np.sum(y == 1))} class-1 points as triangles, {line}, and the {wrong} "
                f"misclassified points ringed.")

    return Explorer(fig, sliders, update, moving).described(describe)


@_styled
def loss_curves_explorer(y_hat=0.7):
    """Notebook 02, "One example's loss": −ln ŷ (label 1) and −ln(1 − ŷ) (label 0) over ŷ, with a
    slider ŷ marking both curves and reading out both losses.
    """
    fig, ax = figure("02 loss curves", figsize=(6.0, 3.4))
    p = np.linspace(0.001, 0.999, 400)  # (400,) probabilities
    ax.plot(p, -np.log(p), color=OKABE_ITO["blue"], label="y = 1: −ln ŷ")
    ax.plot(p, -np.log1p(-p), color=OKABE_ITO["vermillion"], ls="--", label="y = 0: −ln(1 − ŷ)")
    dot1, = ax.plot([], [], "^", ms=10, color=OKABE_ITO["blue"])
    dot0, = ax.plot([], [], "o", ms=9, color=OKABE_ITO["vermillion"])
    guide = ax.axvline(0.5, color="0.5", lw=1, ls=":")
    ax.set(xlim=(0, 1), ylim=(0, 5), xlabel="prediction ŷ", ylabel="loss of one example")
    ax.legend(**LEGEND_BESIDE)
    sliders = [slider("ŷ", y_hat, 0.01, 0.99, 0.01, css="yhat")]
    moving = [dot1, dot0, guide]

    now = {}  # the state at the slider's value: computed once in `update`, formatted by it and by `describe`

    def update():
        p = sliders[0].value
        loss1, loss0 = error_formula(1, p), error_formula(0, p)
        now.update(p=p, loss1=loss1, loss0=loss0)
        dot1.set_data([p], [loss1])
        dot0.set_data([p], [loss0])
        guide.set_xdata([p, p])
        return (f"ŷ = {p:.2f}: if the label is y = 1 the loss is −ln ŷ = <b>{loss1:.3f}</b>; "
                f"if y = 0 it is −ln(1 − ŷ) = <b>{loss0:.3f}</b>")

    def describe():
        return (f"Two curves of one example's loss over the prediction ŷ from 0 to 1: −ln ŷ for the label y = 1, "
                f"falling to 0 at ŷ = 1, and −ln(1 − ŷ) for y = 0 (dashed), rising without bound towards ŷ = 1; "
                f"both marked at ŷ = {num(now['p'])}, where they are {num(now['loss1'], 3)} and "
                f"{num(now['loss0'], 3)}.")

    return Explorer(fig, sliders, update, moving).described(describe)


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
    filled = ax_c.contourf(Wg, Bg, E, levels=20)
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


@_styled
def error_surface_explorer(data, W=-2.0, b=2.0, extent=6.0):
    """Notebook 02, "The error surface": E(W, b) as contours and a rotatable 3-D surface, computed once;
    sliders W and b move a marker on both and redraw σ(Wx + b) over the data, each point's own
    contribution drawn as the gap from its label to the curve, thicker the larger its loss; the
    minimum marked with a star.
    """
    x, y = one_input(data)
    fig = figure("02 error surface", figsize=(9.6, 3.5))[0]
    fig.clear()
    specs = fig.add_gridspec(1, 3, width_ratios=[1.1, 1.1, 1])
    mark_c, mark_s, (W_min, b_min, E_min) = _surface_axes(fig, specs[0], specs[1], data, extent, "cross_entropy",
                                                          "E(W, b)")
    ax_m = fig.add_subplot(specs[2])
    xs = np.linspace(x.min() - 1, x.max() + 1, 200)  # (200,)
    curve, = ax_m.plot(xs, xs * 0, color=OKABE_ITO["blue"])
    bars = ax_m.vlines(x, y, y, colors=OKABE_ITO["purple"])  # gap |y − ŷ|, width grows with the loss
    for label, style in CLASS_STYLE.items():
        ax_m.scatter(x[y == label], y[y == label], s=30, zorder=3, edgecolors="white", **style)
    ax_m.set(xlabel="x", ylabel="label y (markers), ŷ (curve)", ylim=(-0.08, 1.08), title="σ(Wx + b) over the data")
    sliders = [slider("W", W, -extent, extent, 0.1), slider("b", b, -extent, extent, 0.1)]
    moving = [mark_c, mark_s, curve, bars]

    now = {}  # the state at the sliders' values: computed once in `update`, formatted by it and by `describe`

    def update():
        W, b = (s.value for s in sliders)
        z = W * x + b  # (m,)
        losses = _cross_entropy_terms(y, z)[0]  # (m,) each point's −ln P(its label)
        E_now = float(losses.mean())
        now.update(W=W, b=b, E=E_now)
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
        return (f"Contour map and rotatable 3-D surface of the error E over W and b from {num(-extent, 0)} to "
                f"{num(extent, 0)}, minimum E = {num(E_min, 4)} at W = {num(W_min)}, b = {num(b_min)} (star), "
                f"marker at W = {num(now['W'])}, b = {num(now['b'])} where E = {num(now['E'], 4)}; beside them the curve "
                f"σ(Wx + b) over the {len(y)} data points, a bar from each label to the curve, thicker the larger "
                f"that point's loss.")

    return Explorer(fig, sliders, update, moving).described(describe)


@_styled
def tangent_step_figure(data, b=-0.5, W0=-2.0, learning_rate=1.0, extent=4.0):
    """Notebook 03, "One parameter first": E(W) at fixed b over W ∈ [−extent, extent], the tangent at W0
    and one gradient-descent step W1 = W0 − η dE/dW drawn as an arrow; a `StaticFigure`."""
    x, y = one_input(data)
    Ws = np.linspace(-extent, extent, 401)                                     # (401,)
    E = np.array([cross_entropy_from_logits(y, W * x + b) for W in Ws])    # (401,)
    E0 = cross_entropy_from_logits(y, W0 * x + b)
    slope = float(cross_entropy_gradient(x[:, None], y, np.array([W0]), b)[0][0])  # dE/dW at W0
    W1 = W0 - learning_rate * slope
    E1 = cross_entropy_from_logits(y, W1 * x + b)
    fig, ax = figure("03 tangent", figsize=(6.4, 3.4))
    ax.plot(Ws, E, color=OKABE_ITO["blue"], label=f"E(W) at b = {b:g}")
    span = np.linspace(W0 - 1.5, W0 + 1.5, 2)
    ax.plot(span, E0 + slope * (span - W0), color=OKABE_ITO["orange"], lw=1.5, ls="--",
            label=f"tangent at W = {W0:g}, slope dE/dW = {slope:.2f}")
    ax.plot([W0], [E0], **MARKER)
    ax.plot([W1], [E1], "o", ms=8, color=OKABE_ITO["green"], label=f"after one step, η = {learning_rate:g}")
    ax.annotate("", xy=(W1, E0), xytext=(W0, E0),
                arrowprops=dict(arrowstyle="->", color=OKABE_ITO["black"], lw=1.5))
    ax.text((W0 + W1) / 2, E0 + 0.12, "−η dE/dW", ha="center", fontsize=9)
    ax.plot([W1, W1], [E1, E0], color="0.5", lw=0.8, ls=":")
    ax.set(xlabel="W", ylabel="E", xlim=(-extent, extent), ylim=(0, max(E.max(), E0) * 1.05),
           title="one step downhill along the tangent")
    ax.legend(**LEGEND_BESIDE)
    return StaticFigure(fig, f"Line chart of the error E against W from {num(-extent, 0)} to {num(extent, 0)} "
                             f"with b fixed at {num(b, 1)}, a valley; at W = {num(W0)} (E = {num(E0, 4)}) the tangent "
                             f"has slope dE/dW = {num(slope, 4)}, and an arrow shows one step with "
                             f"η = {num(learning_rate, 1)} to W = {num(W1, 4)}, where E = {num(E1, 4)}.")


@_styled
def gradient_field_explorer(data, W=-3.0, b=3.0, extent=6.0):
    """Notebook 03, "The gradient field": arrows of −∇E over the contours of E(W, b), computed once;
    sliders W and b place a point and show −∇E there with its components.
    """
    x, y = one_input(data)
    Wg, Bg, E = _loss_grid(data, extent)
    coarse = np.linspace(-extent, extent, 13)  # (13,) where the field arrows stand
    Wc, Bc = np.meshgrid(coarse, coarse)
    dW, db = gradient_field(data, Wc, Bc)  # (13, 13) each
    fig, ax = figure("03 gradient field", figsize=(6.0, 4.6))
    filled = ax.contourf(Wg, Bg, E, levels=20)
    fig.colorbar(filled, ax=ax, label="E(W, b)")
    norm = np.hypot(dW, db) + 1e-12
    ax.quiver(Wc, Bc, -dW / norm, -db / norm, color="white", alpha=0.7, angles="xy", scale=30,
              width=0.004)  # directions, in the map's own units
    ax.set_aspect("equal")  # one unit of W as long as one of b: −∇E meets the contour lines at right angles
    W_min, b_min, _ = minimum(data)
    _star(ax, W_min, b_min)
    point, = ax.plot([], [], **MARKER)
    arrow = ax.quiver([W], [b], [0.0], [0.0], color=OKABE_ITO["orange"], angles="xy", scale_units="xy", scale=1,
                      width=0.008, zorder=5, label="−∇E (scaled ×2)")
    ax.set(xlim=(-extent, extent), ylim=(-extent, extent), xlabel="W", ylabel="b",
           title="white: direction of −∇E; orange: −∇E at the point")
    sliders = [slider("W", W, -extent, extent, 0.1), slider("b", b, -extent, extent, 0.1)]
    moving = [point, arrow]

    now = {}  # the state at the sliders' values: computed once in `update`, formatted by it and by `describe`

    def update():
        W, b = (s.value for s in sliders)
        (gW,), gb = cross_entropy_gradient(x[:, None], y, np.array([W]), b)
        now.update(W=W, b=b, gW=gW, gb=gb)
        point.set_data([W], [b])
        arrow.set_offsets([[W, b]])
        arrow.set_UVC([-2 * gW], [-2 * gb])
        return (f"at W = {W:.2f}, b = {b:.2f}: ∂E/∂W = <b>{gW:+.4f}</b>, ∂E/∂b = <b>{gb:+.4f}</b>, "
                f"|∇E| = {np.hypot(gW, gb):.4f}; a step of η moves (W, b) by −η∇E")

    def describe():
        return (f"Contour map of the error E over W and b from {num(-extent, 0)} to {num(extent, 0)} with white "
                f"arrows of −∇E, pointing downhill towards the minimum at W = {num(W_min)}, b = {num(b_min)} "
                f"(star); at the marker W = {num(now['W'])}, b = {num(now['b'])} the gradient is "
                f"∂E/∂W = {num(now['gW'], 4)}, ∂E/∂b = {num(now['gb'], 4)}, and an orange arrow shows −∇E there.")

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


@_styled
def descent_explorer(data, W0=-4.0, b0=4.0, learning_rate=0.5, steps=40, extent=6.0):
    """Notebook 03, "Gradient descent": the path of gradient descent on the contours of E and its loss
    curve; sliders for η (log scale), the start W0, b0 and the number of steps; `Play` animates the
    step slider. Changing η, W0, b0 or steps reruns the (cheap) descent; a step only moves markers.
    """
    x, y = one_input(data)
    Wg, Bg, E = _loss_grid(data, extent)
    W_min, b_min, E_min = minimum(data)
    fig, (ax, ax_loss) = figure("03 descent", ncols=2, figsize=(9.4, 3.9), width_ratios=[1.15, 1])
    ax.contourf(Wg, Bg, E, levels=20)
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
    step, play = player(steps, interval=150)
    eta, w0, b0_, n_steps = (slider("η", learning_rate, -2, 1.5, 0.05, css="eta", kind="log"),
                             slider("W0", W0, -extent, extent, 0.1), slider("b0", b0, -extent, extent, 0.1),
                             slider("steps", steps, 1, max_steps, 1, kind="int"))
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
                f"η = {eta.value:.3g} from W = {num(run['W'][0])}, b = {num(run['b'][0])} to "
                f"W = {num(run['W'][-1])}, b = {num(run['b'][-1])}, where E = {num(run['loss'][-1], 4)} "
                f"(minimum {num(E_min, 4)} at the star), the marker at step {k}, and beside it the loss at each "
                f"step on a log scale: {run['status']}.")

    return Explorer(fig, [eta, w0, b0_, n_steps, step], update, moving, extra=[play]).described(describe)


@_styled
def training_explorer(data, learning_rate=0.5, steps=150):
    """Notebook 03, "Training on two inputs": the descent is run once; `Play` and the step slider move
    the decision boundary, the probability map and the loss marker through its steps.
    """
    X, y = two_inputs(data)  # (m, 2), (m,)
    h = gradient_descent(X, y, np.zeros(2), 0.0, learning_rate, steps)  # computed once
    accuracy = np.mean(((X @ h.W.T + h.b) > 0) == (y[:, None] == 1), axis=0)  # (steps + 1,)
    fig, (ax, ax_loss) = figure("03 training", ncols=2, figsize=(9.4, 4.0), width_ratios=[1, 1.1])
    image, points, boundary, grid, G1, G2 = _probability_map(ax, X, y, 81)
    ax.set_title("ŷ and the boundary at step k")
    ax_loss.plot(h.loss, color=OKABE_ITO["blue"], lw=1.5, label="E")
    ax_loss.plot(accuracy, color=OKABE_ITO["green"], lw=1.5, ls="--", label="accuracy")
    marks, = ax_loss.plot([], [], "o", ms=7, color=OKABE_ITO["vermillion"], ls="none")
    ax_loss.set(xlabel="step k", ylim=(0, 1.05), title="loss and accuracy")
    ax_loss.legend(**LEGEND_BESIDE)
    step, play = player(steps, interval=60)

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
                f"triangles) and the decision boundary at step {k} of {steps} of gradient descent (w1 = {num(w1, 3)}, "
                f"w2 = {num(w2, 3)}, b = {num(b, 3)}), beside the loss E, falling from {num(h.loss[0], 4)} to "
                f"{num(h.loss[-1], 4)}, and the accuracy, {accuracy[0]:.0%} at the start and {accuracy[-1]:.0%} "
                f"at the end.")

    explorer = Explorer(fig, [step], update, [image, *points, boundary, marks], extra=[play]).described(describe)
    explorer.history, explorer.accuracy = h, accuracy
    return explorer


@_styled
def sse_vs_cross_entropy_explorer(data, W=-4.0, b=3.0, extent=8.0):
    """Notebook 04, "SSE against cross-entropy": both error surfaces of one sigmoid unit over (W, b), as
    contours and rotatable 3-D surfaces, computed once; sliders W and b mark all four with both readouts.
    """
    fig = figure("04 sse vs cross-entropy", figsize=(8.8, 6.6))[0]
    fig.clear()
    specs = fig.add_gridspec(2, 2)
    moving, marks, minima = [], [], {}
    for row, loss, title in [(0, "sse", "SSE"), (1, "cross_entropy", "cross-entropy")]:
        mark_c, mark_s, best = _surface_axes(fig, specs[row, 0], specs[row, 1], data, extent, loss, title)
        moving += [mark_c, mark_s]
        marks.append((loss, mark_c, mark_s))
        minima[loss] = best
    x, y = one_input(data)
    sliders = [slider("W", W, -extent, extent, 0.1), slider("b", b, -extent, extent, 0.1)]

    now = {}  # the state at the sliders' values: computed once in `update`, formatted by it and by `describe`

    def update():
        W, b = (s.value for s in sliders)
        values = {}
        for loss, mark_c, mark_s in marks:
            E_now = float(loss_surface(data, np.array(W), np.array(b), loss))
            mark_c.set_data([W], [b])
            mark_s.set_data_3d([W], [b], [E_now])
            values[loss] = E_now
        now.update(W=W, b=b, at=values)
        (sW,), sb = sse_gradient(x[:, None], y, np.array([W]), b)
        (cW,), cb = cross_entropy_gradient(x[:, None], y, np.array([W]), b)
        slope = np.hypot(sW, sb)  # the SSE is a sum over the m points: its slope per point is slope / m
        return (f"W = {W:.2f}, b = {b:.2f}: SSE = <b>{values['sse']:.4f}</b> (|∇| = {slope:.2e}, per point "
                f"{slope / len(y):.2e}), cross-entropy = <b>{values['cross_entropy']:.4f}</b> (|∇| = "
                f"{np.hypot(cW, cb):.2e}, a mean: per point)")

    def describe():
        W, b, at = now["W"], now["b"], now["at"]
        (sW, sb, sE), (cW, cb, cE) = minima["sse"], minima["cross_entropy"]
        return (f"Contour maps and rotatable 3-D surfaces over W and b from {num(-extent, 0)} to {num(extent, 0)} "
                f"of the SSE (top; minimum {num(sE, 4)} at W = {num(sW)}, b = {num(sb)}) and of the cross-entropy "
                f"(bottom; minimum {num(cE, 4)} at W = {num(cW)}, b = {num(cb)}), each marked at W = {num(W)}, "
                f"b = {num(b)}, where the SSE is {num(at['sse'], 4)} and the cross-entropy "
                f"{num(at['cross_entropy'], 4)}.")

    return Explorer(fig, sliders, update, moving).described(describe)


@_styled
def vanishing_gradient_figure(data, b=None, extent=10.0):
    """Notebook 04, "Where the gradient vanishes": along the line W ∈ [−extent, extent] at fixed b, the mean
    f'(h) = σ'(h) over the points and |∇E| per point of both losses (the summed SSE divided by m; log scale);
    a `StaticFigure`."""
    x, y = one_input(data)
    m = len(y)
    if b is None:
        b = minimum(data)[1]
    Ws = np.linspace(-extent, extent, 401)  # (401,)
    bs = np.full_like(Ws, b)
    fprime = sigmoid_prime(Ws[:, None] * x + b).mean(axis=1)  # (401,) mean over the points
    sse_norm = np.hypot(*gradient_field(data, Ws, bs, "sse")) / m  # (401,) per point: the SSE is a sum
    ce_norm = np.hypot(*gradient_field(data, Ws, bs))  # (401,) the cross-entropy is a mean: per point already
    at_zero = int(np.argmin(np.abs(Ws)))
    fig, (ax1, ax2) = figure("04 vanishing gradient", nrows=2, sharex=True, figsize=(6.4, 4.8))
    ax1.plot(Ws, fprime, color=OKABE_ITO["orange"])
    ax1.set(ylabel="mean f'(h) = σ'(h)", title=f"along W at b = {b:.2f}")
    ax2.semilogy(Ws, sse_norm, color=OKABE_ITO["vermillion"], label=f"|∇E| / m, SSE (m = {m})")
    ax2.semilogy(Ws, ce_norm, color=OKABE_ITO["blue"], ls="--", label="|∇E|, cross-entropy (a mean)")
    ax2.set(xlabel="W", ylabel="|∇E| per point (log scale)")
    ax2.legend(loc="upper right")
    return StaticFigure(fig, f"Two line charts along W from {num(-extent, 0)} to {num(extent, 0)} at "
                             f"b = {num(b)}: the mean f'(h) = σ'(h) over the points, peaking at "
                             f"{num(fprime.max(), 4)} at W = {num(Ws[fprime.argmax()])} and near 0 at both ends, and "
                             f"|∇E| per point of both losses on a log scale (the SSE divided by m = {m}): at "
                             f"W = {num(Ws[0], 0)} it is {num(sse_norm[0], 4)} for the SSE against "
                             f"{num(ce_norm[0], 4)} for the cross-entropy (dashed), and at W = {num(Ws[at_zero], 0)} "
                             f"{num(sse_norm[at_zero], 4)} against {num(ce_norm[at_zero], 4)}.")


@_styled
def training_comparison_figure(data, W0=-6.0, b0=4.0, learning_rate=0.5, steps=300):
    """Notebook 04, "Training with both": the same unit from the same start trained on the mean cross-entropy
    with η and on the SSE with η/m (that is, the SSE per point with η); per step, each loss per point, the
    distance of (W, b) from that loss's own minimum, and the accuracy. The η slider (log scale, as in notebook
    03) reruns both descents, a few ms, and keeps every run it made; a callback only moves the six lines.
    """
    x, y = one_input(data)
    X, m = x[:, None], len(y)
    per_point = {"cross_entropy": 1, "sse": m}  # the SSE is a sum over the m points, the cross-entropy a mean
    best = {loss: minimum(data, loss=loss) for loss in per_point}  # (W*, b*, E*)
    fig, axes = figure("04 training comparison", ncols=3, figsize=(10.2, 3.4))
    ax_loss, ax_gap, ax_acc = axes
    lines = {}
    for loss, name, color, ls in (("cross_entropy", "cross-entropy", OKABE_ITO["blue"], "--"),
                                  ("sse", "SSE / m", OKABE_ITO["vermillion"], "-")):
        ax_loss.axhline(best[loss][2] / per_point[loss], color=color, ls=":", lw=1)
        lines[loss] = [ax.plot([], [], color=color, ls=ls, label=name)[0] for ax in axes]
    ax_loss.set(xlabel="step", ylabel="E per point (log scale)", yscale="log", xlim=(0, steps), ylim=(0.05, 50),
                title="loss per point (dotted: minima)")
    ax_gap.set(xlabel="step", ylabel="distance", xlim=(0, steps), ylim=(0, 25), title="distance from its minimum")
    ax_acc.set(xlabel="step", ylabel="accuracy", xlim=(0, steps), ylim=(0, 1.02), title="accuracy")
    ax_acc.legend(**LEGEND_BESIDE)  # beside the axes: no moving line passes under it
    eta = slider("η", learning_rate, -2, 2, 0.05, css="eta", kind="log")
    runs = {}  # η -> {loss: per step, E per point, distance from the minimum, accuracy}
    now = {}  # the run at the slider's η: set once in `update`, formatted by it and by `describe`

    def run(rate):
        if rate not in runs:
            runs[rate] = {}
            for loss, per in per_point.items():
                h = gradient_descent(X, y, np.array([W0]), b0, rate / per, steps, loss=loss)
                W, b = h.W[:, 0], h.b  # (steps + 1,)
                runs[rate][loss] = dict(E=h.loss / per, gap=np.hypot(W - best[loss][0], b - best[loss][1]),
                                        accuracy=np.mean(((W[:, None] * x + b[:, None]) > 0) == (y == 1), axis=1))
        return runs[rate]

    def update():
        now.update(eta=eta.value, **run(eta.value))
        k = np.arange(steps + 1)
        for loss, (l_loss, l_gap, l_acc) in lines.items():
            l_loss.set_data(k, now[loss]["E"])
            l_gap.set_data(k, now[loss]["gap"])
            l_acc.set_data(k, now[loss]["accuracy"])
        ce, sse = now["cross_entropy"], now["sse"]
        return (f"η = {now['eta']:.3g}, after {steps} steps: cross-entropy E = <b>{ce['E'][-1]:.4f}</b> per point "
                f"(minimum {best['cross_entropy'][2]:.4f}), {ce['gap'][-1]:.2f} from its minimum, "
                f"{ce['accuracy'][-1]:.0%} right; SSE E = <b>{sse['E'][-1]:.4f}</b> per point (minimum "
                f"{best['sse'][2] / m:.4f}), <b>{sse['gap'][-1]:.2f}</b> from its minimum (start "
                f"{sse['gap'][0]:.2f}), {sse['accuracy'][-1]:.0%} right")

    def describe():
        ce, sse = now["cross_entropy"], now["sse"]
        return (f"Three line charts over {steps} steps of the same unit trained from W = {num(W0)}, b = {num(b0)} "
                f"with η = {now['eta']:.3g} (the SSE per point, with η/m on its sum): the loss per point, which "
                f"ends at {num(ce['E'][-1], 4)} with the cross-entropy (dashed; minimum "
                f"{num(best['cross_entropy'][2], 4)}) and at {num(sse['E'][-1], 4)} with the SSE (minimum "
                f"{num(best['sse'][2] / m, 4)}); the distance from each loss's own minimum, from {num(ce['gap'][0])} "
                f"to {num(ce['gap'][-1])} for the cross-entropy and from {num(sse['gap'][0])} to "
                f"{num(sse['gap'][-1])} for the SSE; and the accuracy, which ends at {ce['accuracy'][-1]:.0%} and "
                f"{sse['accuracy'][-1]:.0%}.")

    moving = [line for trio in lines.values() for line in trio]
    return Explorer(fig, [eta], update, moving).described(describe)


# =====================================================================================================================
# Notebook 05: the Palmer penguins, raw and standardised
# =====================================================================================================================

from mlmath_helpers import DescentHistory, _labels  # noqa: E402 (notebook 05's figures only)


def _sci(value, digits=2):
    """A number in a fixed scientific format with a true minus sign: 6.1e−07."""
    return f"{value:.{digits}e}".replace("-", "−")


def _valley_panel(ax, X, y, path, b, title):
    """Contours of E over (w1, w2) at the bias b around `path` (k, 2), the path over them; returns the w1, w2 grids."""
    lo, hi = path.min(axis=0), path.max(axis=0)
    pad = 0.15 * np.maximum(hi - lo, 1e-12)
    w1 = np.linspace(lo[0] - pad[0], hi[0] + pad[0], 161)
    w2 = np.linspace(lo[1] - 2 * pad[1], hi[1] + 2 * pad[1], 161)
    G1, G2 = np.meshgrid(w1, w2)  # (161, 161) each
    Z = X[:, 0, None, None] * G1 + X[:, 1, None, None] * G2 + b  # (m, 161, 161) logits
    E = _cross_entropy_terms(y[:, None, None], Z)[0].mean(axis=0)  # (161, 161) the mean cross-entropy
    contours = ax.contour(G1, G2, E, levels=np.unique(np.quantile(E, np.linspace(0.0, 1.0, 16) ** 2)),
                          cmap="viridis", linewidths=1)
    ax.clabel(contours, fontsize=7, fmt="%.3f")
    ax.plot(path[:, 0], path[:, 1], color=OKABE_ITO["vermillion"], lw=1, marker="o", ms=2.5, label="descent")
    ax.plot(*path[0], "s", color=OKABE_ITO["black"], ms=7, label="start")
    ax.plot(*path[-1], "*", color=OKABE_ITO["orange"], ms=13, markeredgecolor="black", label="last step shown")
    ax.set(xlabel="w1 (bill length)", ylabel="w2 (body mass)", title=title)
    return w1, w2


def _direction_changes(values):
    """How often the step of `values` (k,) changes sign: the zig-zag, counted."""
    return int(np.sum(np.diff(np.sign(np.diff(values))) != 0))


def _times(count):
    """A count in words: "1 time", "29 times"."""
    return f"{count} time" if count == 1 else f"{count} times"


@_styled
def valley_figure(X, y, history, name, zoom=None):
    """Notebook 05, sections 3 and 6: the contours of E over (w1, w2) at the bias the descent ended with, around
    the path of `history` (a `DescentHistory` of a descent on X, y), the path step by step; with `zoom` (a number of
    steps) a second panel shows the first `zoom` steps close up. A `StaticFigure`; `name` ("raw" or
    "standardised") names the figure."""
    if not isinstance(history, DescentHistory) or history.W.ndim != 2 or history.W.shape[1] != 2:
        raise ValueError(f"history: expected the DescentHistory of a descent with two weights, got {history!r:.60}")
    if name not in ("raw", "standardised"):
        raise ValueError(f"name: expected 'raw' or 'standardised', got {name!r}")
    steps = len(history.W) - 1
    if zoom is not None and not (isinstance(zoom, (int, np.integer)) and 2 <= zoom <= steps):
        raise ValueError(f"zoom: expected None or a number of steps from 2 to {steps}, got {zoom!r}")
    X, y = _array(X, "X", ndim=2), _labels(y)
    path, b = history.W, float(history.b[-1])  # (steps + 1, 2), the bias at the end
    fig, axes = figure(f"05 valley {name}", ncols=1 if zoom is None else 2,
                       figsize=(6.4, 4.4) if zoom is None else (10.0, 4.2))
    axes = np.atleast_1d(axes)
    w1, w2 = _valley_panel(axes[0], X, y, path, b, f"{steps} steps, E at b = {b:.4g}")
    axes[0].legend(fontsize=8, loc="best")
    stretch = (w1[-1] - w1[0]) / (w2[-1] - w2[0])
    description = (f"Contour map of the mean cross-entropy E over the weights w1 (bill length) from {_sci(w1[0])} to "
                   f"{_sci(w1[-1])} and w2 (body mass) from {_sci(w2[0])} to {_sci(w2[-1])} at the bias "
                   f"b = {_sci(b)}, the w2 axis stretched about {stretch:.2g} times, with the path of {steps} "
                   f"gradient-descent steps from w = ({num(path[0, 0])}, {num(path[0, 1])}) to "
                   f"w = ({_sci(path[-1, 0])}, {_sci(path[-1, 1])}); w2's step changes direction "
                   f"{_times(_direction_changes(path[:, 1]))}")
    if zoom is not None:
        first = path[:zoom + 1]
        _valley_panel(axes[1], X, y, first, b, f"the first {zoom} steps, close up")
        description += (f". A second map shows the first {zoom} steps close up: w2 jumps from {_sci(first[1, 1])} to "
                        f"{_sci(first[2, 1])} and back, changing direction {_times(_direction_changes(first[:, 1]))}, "
                        f"while w1 moves from {num(first[0, 0])} to {_sci(first[-1, 0])}")
    return StaticFigure(fig, description + ".")


@_styled
def penguins_figure(data, test, W=None, b=None):
    """Notebook 05: the penguins in their own units (bill length across, body mass up), Adelie as circles and
    Chinstrap as triangles, the held-out ones (`test`, their indices) hollow; with W, b (in those units) the
    decision boundary w1·x1 + w2·x2 + b = 0 and the held-out penguins on its wrong side ringed. A `StaticFigure`."""
    X, y = two_inputs(data)  # (m, 2), (m,)
    test = np.asarray(test)
    if test.ndim != 1 or test.dtype.kind not in "iu" or not np.all((test >= 0) & (test < len(y))):
        raise ValueError(f"test: expected the indices of the held-out points, integers from 0 to {len(y) - 1}, "
                         f"got {test!r:.60}")
    held = np.zeros(len(y), dtype=bool)
    held[test] = True
    fig, ax = figure("05 boundary" if W is not None else "05 penguins", figsize=(6.4, 4.4))
    for label, style in CLASS_STYLE.items():
        kw = dict(marker=style["marker"], s=30, zorder=3)
        train_pts = (y == label) & ~held
        ax.scatter(X[train_pts, 0], X[train_pts, 1], color=style["color"], edgecolors="white", linewidths=0.6,
                   label=f"{data.classes[label]} (y = {label}), training", **kw)
        ax.scatter(X[(y == label) & held, 0], X[(y == label) & held, 1], facecolors="none",
                   edgecolors=style["color"], linewidths=1.3, label=f"{data.classes[label]}, held out", **kw)
    ax.set(xlabel=f"x1 = {data.features[0]}", ylabel=f"x2 = {data.features[1]}")
    counts = [int(np.sum((y == c) & ~held)) for c in (0, 1)], [int(np.sum((y == c) & held)) for c in (0, 1)]
    description = (f"Scatter plot of {len(y)} penguins by {data.features[0]} (across, "
                   f"{num(X[:, 0].min(), 1)} to {num(X[:, 0].max(), 1)}) and {data.features[1]} (up, "
                   f"{num(X[:, 1].min(), 0)} to {num(X[:, 1].max(), 0)}): {data.classes[0]} as circles "
                   f"({counts[0][0]} training, {counts[1][0]} held out, hollow) and {data.classes[1]} as triangles "
                   f"({counts[0][1]} training, {counts[1][1]} held out)")
    if W is not None:
        W = _array(W, "W", ndim=1)
        b = float(_array(b, "b", ndim=0))
        x1 = np.linspace(X[:, 0].min(), X[:, 0].max(), 2)
        ax.plot(x1, -(W[0] * x1 + b) / W[1], color=OKABE_ITO["black"], lw=2, label="w1·x1 + w2·x2 + b = 0")
        wrong = held & (((X @ W + b) > 0) != (y == 1))
        ax.scatter(X[wrong, 0], X[wrong, 1], s=160, facecolors="none", edgecolors=OKABE_ITO["black"],
                   linewidths=1.2, zorder=4, label="held out, misclassified")
        ax.set_ylim(X[:, 1].min() - 150, X[:, 1].max() + 150)
        sign = lambda v: "−" if v < 0 else "+"  # noqa: E731
        line = f"{num(W[0], 4)}·x1 {sign(W[1])} {num(abs(W[1]), 4)}·x2 {sign(b)} {num(abs(b), 2)} = 0"
        wrong_count = int(wrong.sum())
        description += (f", with the decision boundary {line} as a black line and the {wrong_count} held-out "
                        f"penguin{'' if wrong_count == 1 else 's'} on its wrong side ringed")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)
    return StaticFigure(fig, description + ".")
