"""DRAFT (phase 1) of notebook 05's additions to mlmath_helpers and _mlmath: moved into the package in phase 2.

Sections: maths (standardize, to_original_units), data (load_penguins), figures (penguin builders), checks.
"""
import csv
import os
from dataclasses import dataclass

import numpy as np

from mlmath_helpers import _array, _labels, _out, sigmoid, cross_entropy_from_logits

# --- maths: scaling the features (notebook 05) --------------------------------------------------------------------


def _two_sets(X_train, X_test):
    X_train = _array(X_train, "X_train", ndim=2)
    X_test = _array(X_test, "X_test", ndim=2)
    if X_test.shape[1] != X_train.shape[1]:
        raise ValueError(f"X_test: expected {X_train.shape[1]} columns to match X_train {X_train.shape}, "
                         f"got shape {X_test.shape}")
    return X_train, X_test


def feature_scale(X_train):
    """(x̄, s): each feature's mean x̄ⱼ and standard deviation sⱼ over the training points, shapes (n,)
    (notebook 05, "Standardising"). sⱼ divides by m, as np.std does by default."""
    X_train = _array(X_train, "X_train", ndim=2)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)  # (n,), (n,)
    if np.any(std == 0):
        raise ValueError(f"X_train: expected every feature to vary, got a constant column {int(np.argmin(std))}")
    return mean, std


def standardize(X_train, X_test):
    """Both sets scaled by the TRAINING set's x̄ⱼ and sⱼ: x̃ᵢⱼ = (xᵢⱼ − x̄ⱼ)/sⱼ (notebook 05, "Standardising").
    Returns (X_train scaled, X_test scaled), shaped as they came."""
    X_train, X_test = _two_sets(X_train, X_test)
    mean, std = feature_scale(X_train)
    return (X_train - mean) / std, (X_test - mean) / std


def to_original_units(W, b, mean, std):
    """Weights W̃, b̃ for standardised features as weights for the features in their own units (notebook 05):
    z = Σⱼ w̃ⱼ (xⱼ − x̄ⱼ)/sⱼ + b̃ = Σⱼ (w̃ⱼ/sⱼ) xⱼ + (b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ). Returns (W (n,), b a float)."""
    W = _array(W, "W", ndim=1)
    mean, std = _array(mean, "mean", ndim=1), _array(std, "std", ndim=1)
    b = _array(b, "b", ndim=0)
    for name, v in (("mean", mean), ("std", std)):
        if v.shape != W.shape:
            raise ValueError(f"{name}: expected shape {W.shape} to match W, got {v.shape}")
    if np.any(std <= 0):
        raise ValueError(f"std: expected positive standard deviations, got {std}")
    return W / std, float(b - np.sum(W * mean / std))


# --- data: the Palmer penguins (notebook 05) -----------------------------------------------------------------------

PENGUINS_CSV = os.path.join("/tmp/nb05/run", "notebooks", "data",
                            "penguins_adelie_chinstrap.csv")  # in the helper: beside mlmath_helpers.py
PENGUIN_COLUMNS = ("species", "bill_length_mm", "body_mass_g")


@dataclass(frozen=True)
class RealData:
    """A measured data set (notebook 05): X (m, n) in the source's units, y (m,) in {0, 1},
    `features` the n column names, `classes` the names for y = 0 and y = 1, as the source spells them."""
    X: np.ndarray
    y: np.ndarray
    features: tuple
    classes: tuple


def load_penguins(path=None):
    """Adelie (y = 0) and Chinstrap (y = 1) penguins by bill length (mm) and body mass (g) (notebook 05):
    219 birds of the Palmer penguins (Gorman, Williams and Fraser 2014, CC0), read from
    notebooks/data/penguins_adelie_chinstrap.csv beside this file, never from the network (its README says how
    it was made). `path` reads another copy of that file. Returns a `RealData`."""
    if path is None:
        path = PENGUINS_CSV
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(f"path: expected the path of the penguins CSV file, got {type(path).__name__} {path!r:.40}")
    if not os.path.isfile(path):
        raise ValueError(f"path: expected the penguins CSV file (notebooks/data/penguins_adelie_chinstrap.csv), "
                         f"got {os.fspath(path)!r}, which is not a file")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or tuple(rows[0]) != PENGUIN_COLUMNS:
        raise ValueError(f"path: expected a CSV file whose header is {','.join(PENGUIN_COLUMNS)}, got "
                         f"{','.join(rows[0]) if rows else 'an empty file'!r:.80}")
    classes = tuple(dict.fromkeys(row[0] for row in rows[1:]))  # in order of first appearance: Adelie, Chinstrap
    if len(classes) != 2 or any(len(row) != 3 for row in rows[1:]):
        raise ValueError(f"path: expected rows of species and two numbers, for two species, got species "
                         f"{classes!r:.80}")
    try:
        X = np.array([[float(row[1]), float(row[2])] for row in rows[1:]])  # (m, 2)
    except ValueError as exc:
        raise ValueError(f"path: expected two numbers on every row after the species, got {exc}") from None
    if not np.all(np.isfinite(X)):
        raise ValueError("path: expected finite numbers on every row, got NaN or inf")
    y = np.array([classes.index(row[0]) for row in rows[1:]], dtype=float)  # (m,)
    return RealData(X, y, PENGUIN_COLUMNS[1:], classes)


# --- figures (notebook 05) ---------------------------------------------------------------------------------------

from mlmath_helpers import _figure, _num, StaticFigure, OKABE_ITO, CLASS_STYLE, DescentHistory  # noqa: E402


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
    E = np.mean(np.logaddexp(0.0, Z) - y[:, None, None] * Z, axis=0)  # (161, 161) the mean cross-entropy
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
    fig, axes = _figure(f"05 valley {name}", ncols=1 if zoom is None else 2,
                        figsize=(6.4, 4.4) if zoom is None else (10.0, 4.2))
    axes = np.atleast_1d(axes)
    w1, w2 = _valley_panel(axes[0], X, y, path, b, f"{steps} steps, E at b = {b:.4g}")
    axes[0].legend(fontsize=8, loc="best")
    stretch = (w1[-1] - w1[0]) / (w2[-1] - w2[0])
    description = (f"Contour map of the mean cross-entropy E over the weights w1 (bill length) from {_sci(w1[0])} to "
                   f"{_sci(w1[-1])} and w2 (body mass) from {_sci(w2[0])} to {_sci(w2[-1])} at the bias "
                   f"b = {_sci(b)}, the w2 axis stretched about {stretch:.2g} times, with the path of {steps} "
                   f"gradient-descent steps from w = ({_num(path[0, 0])}, {_num(path[0, 1])}) to "
                   f"w = ({_sci(path[-1, 0])}, {_sci(path[-1, 1])}); w2's step changes direction "
                   f"{_direction_changes(path[:, 1])} times")
    if zoom is not None:
        first = path[:zoom + 1]
        _valley_panel(axes[1], X, y, first, b, f"the first {zoom} steps, close up")
        description += (f". A second map shows the first {zoom} steps close up: w2 jumps from {_sci(first[1, 1])} to "
                        f"{_sci(first[2, 1])} and back, changing direction {_direction_changes(first[:, 1])} times, "
                        f"while w1 moves from {_num(first[0, 0])} to {_sci(first[-1, 0])}")
    return StaticFigure(fig, description + ".")


def penguins_figure(data, test, W=None, b=None):
    """Notebook 05: the penguins in their own units (bill length across, body mass up), Adelie as circles and
    Chinstrap as triangles, the held-out ones (`test`, their indices) hollow; with W, b (in those units) the
    decision boundary w1·x1 + w2·x2 + b = 0 and the held-out penguins on its wrong side ringed. A `StaticFigure`."""
    X, y = data.X, data.y
    test = np.asarray(test, dtype=int)
    held = np.zeros(len(y), dtype=bool)
    held[test] = True
    fig, ax = _figure("05 boundary" if W is not None else "05 penguins", figsize=(6.4, 4.4))
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
                   f"{_num(X[:, 0].min(), 1)} to {_num(X[:, 0].max(), 1)}) and {data.features[1]} (up, "
                   f"{_num(X[:, 1].min(), 0)} to {_num(X[:, 1].max(), 0)}): {data.classes[0]} as circles "
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
        line = f"{_num(W[0], 4)}·x1 {'−' if W[1] < 0 else '+'} {_num(abs(W[1]), 4)}·x2 {'−' if b < 0 else '+'} {_num(abs(b), 2)}"
        description += (f", with the decision boundary {line} = 0 "
                        f"as a black line and the {int(wrong.sum())} held-out penguin{'' if wrong.sum() == 1 else 's'} on its wrong side "
                        f"ringed")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)
    return StaticFigure(fig, description + ".")


# --- checks (notebook 05) ---------------------------------------------------------------------------------------

from mlmath_helpers import _run_check, _stop, _close, _a, _ANSWERED_BY  # noqa: E402

_ANSWERED_BY.update({"standardize": ("standardize", "feature_scale"), "original_units": ("to_original_units",)})

DDOF1_NOTE = ("Note: your sⱼ divides by m − 1 (np.std(…, ddof=1)); the notebook's divides by m (np.std's default). "
              "Both standardise the features.")


def _pair_of(out, what, first, second):
    """The two items of a pair the exercise returns; a verdict naming what came back otherwise."""
    if isinstance(out, (tuple, list)) and len(out) == 2:
        return out
    if isinstance(out, (tuple, list)):
        _stop(f"{what} returned {len(out)} items: return the pair ({first}, {second}).")
    _stop(f"{what} returned {_a(type(out).__name__)}: return the pair ({first}, {second}), "
          f"`return {first.replace(' ', '_')}, {second.replace(' ', '_')}`.")


# --- notebook 05: standardising the features --------------------------------------------------------------------

def _scaled(X, mean, std):
    return (X - mean) / std


def _standardize_mistakes(X_train, X_test):
    """(mistakes in the scaled X_train, mistakes in the scaled X_test): value -> what to change (notebook 05, §5)."""
    mean, std, var = X_train.mean(axis=0), X_train.std(axis=0), X_train.var(axis=0)
    both = np.vstack([X_train, X_test])
    row_mean, row_std = X_train.mean(axis=1, keepdims=True), X_train.std(axis=1, keepdims=True)
    per_row = ("it takes the mean and standard deviation along each row (a point's features): take them down each "
               "column, over the points, axis=0")
    train = [
        (X_train, "X_train came back unscaled: subtract each feature's mean x̄ⱼ and divide by its sⱼ"),
        (_scaled(X_train, row_mean, row_std), per_row),
        (_scaled(X_train, X_train.mean(), X_train.std()),
         "one mean and one standard deviation for all features together: take one per feature j, axis=0"),
        (_scaled(X_train, mean, var), "it divides by the variance sⱼ²: divide by the standard deviation sⱼ = √(sⱼ²)"),
        (_scaled(X_train, mean, X_train.var(axis=0, ddof=1)),
         "it divides by the variance sⱼ²: divide by the standard deviation sⱼ = √(sⱼ²)"),
        (X_train - mean, "it only subtracts the mean x̄ⱼ: divide by the standard deviation sⱼ too"),
        (X_train / std, "it divides by sⱼ but does not subtract the mean x̄ⱼ first"),
        (X_train / std - mean, "subtract the mean before dividing: (xᵢⱼ − x̄ⱼ)/sⱼ, not xᵢⱼ/sⱼ − x̄ⱼ"),
        (X_train - mean / std, "the brackets: (xᵢⱼ − x̄ⱼ)/sⱼ divides the difference, not just x̄ⱼ"),
        (_scaled(X_train, X_train.min(axis=0), X_train.max(axis=0) - X_train.min(axis=0)),
         "that is min-max scaling to [0, 1]: standardising subtracts the mean x̄ⱼ and divides by sⱼ"),
        (_scaled(X_train, both.mean(axis=0), both.std(axis=0)),
         "x̄ⱼ and sⱼ come from the training and held-out points together: take them over the training points only"),
        (_scaled(X_train, mean, np.sqrt(np.sum((X_train - mean) ** 2, axis=0))),
         "sⱼ is missing its 1/m: sⱼ = √((1/m) Σᵢ (xᵢⱼ − x̄ⱼ)²), np.std"),
    ]
    t_mean, t_std = X_test.mean(axis=0), X_test.std(axis=0)
    test = [
        (_scaled(X_test, t_mean, t_std), "X_test is scaled by its own mean and standard deviation: use the "
                                         "training set's x̄ⱼ and sⱼ for both sets"),
        (_scaled(X_test, t_mean, X_test.std(axis=0, ddof=1)),
         "X_test is scaled by its own mean and standard deviation: use the training set's x̄ⱼ and sⱼ for both sets"),
        (_scaled(X_test, t_mean, std), "X_test has its own mean subtracted: use the training set's x̄ⱼ for both sets"),
        (_scaled(X_test, mean, t_std), "X_test is divided by its own standard deviation: use the training set's sⱼ"),
        (X_test, "X_test came back unscaled: scale it with the training set's x̄ⱼ and sⱼ too"),
        (_scaled(X_test, X_test.mean(axis=1, keepdims=True), X_test.std(axis=1, keepdims=True)),
         "X_test is scaled along each row: use the training set's x̄ⱼ and sⱼ, one per feature"),
        (X_test - mean, "X_test only has x̄ⱼ subtracted: divide by sⱼ too"),
        (_scaled(X_test, mean, var), "X_test is divided by the variance sⱼ²: divide by the standard deviation sⱼ"),
        (_scaled(X_test, both.mean(axis=0), both.std(axis=0)),
         "x̄ⱼ and sⱼ come from the training and held-out points together: take them over the training points only"),
    ]
    return train, test


_STANDARDIZE_EXCEPTIONS = [
    (TypeError, "Cannot cast ufunc", "an integer array cannot hold the scaled values: compute a new array, "
                                     "(X − x̄)/s, instead of changing X in place"),
    (ValueError, "could not be broadcast", "x̄ and s have one entry per feature, shape (n,): take them with axis=0, "
                                           "and (m, n) − (n,) works column by column"),
]


def check_standardize(fn):
    """Notebook 05, exercise (section 5): does `fn(X_train, X_test)` return the pair of both sets scaled by the
    TRAINING set's per-feature mean x̄ⱼ and standard deviation sⱼ, (X − x̄)/s? sⱼ may divide by m (expected) or by
    m − 1 (accepted, with a note). X_train and X_test have different sizes, means and spreads; one probe is integers.
    """
    return _run_check(fn, "standardize", "my_standardize(X_train, X_test)", _standardize_probes,
                      _STANDARDIZE_EXCEPTIONS)


def _standardize_probes(run):
    rng = np.random.default_rng(5)
    scale, centre = np.array([5.0, 400.0, 0.5]), np.array([43.0, 3700.0, -2.0])
    probes = [(rng.normal(centre, scale, size=(7, 3)), rng.normal(centre + scale, 2 * scale, size=(4, 3))),
              (np.array([[39, 3750], [46, 3500], [50, 3900], [41, 3200], [52, 4050]]),
               np.array([[45, 3650], [38, 3300]]))]  # integers, as the body masses are
    for X_train, X_test in probes:
        (m, n), m_test = X_train.shape, X_test.shape[0]
        what = (f"standardize for X_train ({m}, {n}) and X_test ({m_test}, {n})"
                + (", integers" if X_train.dtype.kind == "i" else ""))
        out, _ = run.call(what, X_train=X_train, X_test=X_test)
        A_out, B_out = _pair_of(out, what, "X_train scaled", "X_test scaled")
        A = run.numbers(A_out, f"{what}: the scaled X_train", "the scaled X_train")
        B = run.numbers(B_out, f"{what}: the scaled X_test", "the scaled X_test")
        if A.shape == (m_test, n) and B.shape == (m, n):
            _stop(f"{what}: the pair came back as (X_test, X_train): return (X_train scaled, X_test scaled).")
        run.shape(A, (m, n), f"{what}: the scaled X_train", [((n, m), "it is transposed: keep one row per point"),
                                                              ((m * n,), "it is flattened: keep the shape (m, n)")])
        run.shape(B, (m_test, n), f"{what}: the scaled X_test", [((n, m_test), "it is transposed: keep one row per "
                                                                               "point")])
        X_train, X_test = X_train.astype(float), X_test.astype(float)
        mean, std, std1 = X_train.mean(axis=0), X_train.std(axis=0), X_train.std(axis=0, ddof=1)
        rtol = run.precision(A, f"{what}: the scaled X_train")
        if _close(A, _scaled(X_train, mean, std1), rtol) and _close(B, _scaled(X_test, mean, std1), rtol):
            run.notes.append(DDOF1_NOTE)
            continue
        train_mistakes, test_mistakes = _standardize_mistakes(X_train, X_test)
        run.values(A, _scaled(X_train, mean, std), f"{what}: the scaled X_train", train_mistakes,
                   "x̃ᵢⱼ = (xᵢⱼ − x̄ⱼ)/sⱼ with x̄ⱼ, sⱼ over the training points")
        run.values(B, _scaled(X_test, mean, std), f"{what}: X_train is right, but the scaled X_test", test_mistakes,
                   "scale X_test with the training set's x̄ⱼ and sⱼ")
    return "✓ standardize passes: x̄ⱼ and sⱼ per feature over the training points, applied to both sets."


# --- notebook 05: weights back in the original units -------------------------------------------------------------

def _original_units_mistakes(W, b, mean, std):
    """(mistakes in W, mistakes in b): value -> what to change (notebook 05, section 7)."""
    W_right = W / std
    W_mistakes = [
        (W * std, "it multiplies by sⱼ: wⱼ = w̃ⱼ/sⱼ (a feature with a larger spread gets a smaller weight)"),
        (W, "W came back unchanged: each weight is divided by its feature's standard deviation, wⱼ = w̃ⱼ/sⱼ"),
        (W / std ** 2, "it divides by the variance sⱼ²: wⱼ = w̃ⱼ/sⱼ"),
        ((W - mean) / std, "the weights do not subtract the means: wⱼ = w̃ⱼ/sⱼ, the means move only the bias"),
        (W / std - mean, "the weights do not subtract the means: wⱼ = w̃ⱼ/sⱼ, the means move only the bias"),
        (W * mean / std, "the weights do not take the means: wⱼ = w̃ⱼ/sⱼ, the means move only the bias"),
    ]
    b_mistakes = [
        (b, "b came back unchanged: it absorbs the means, b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b + np.sum(W_right * mean), "the sign of the shift: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b - np.sum(W * mean), "the shift forgets to divide by sⱼ: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b - np.sum(W * mean * std), "it multiplies by sⱼ: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b - np.sum(W * mean / std ** 2), "it divides by sⱼ twice: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ, or b̃ − Σⱼ wⱼ x̄ⱼ with the "
                                          "new wⱼ"),
        (b - np.mean(W_right * mean), "the shift is a sum over the features, not a mean: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b / np.prod(std) - np.sum(W_right * mean), "b̃ itself is not divided: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (-np.sum(W_right * mean), "b̃ is missing: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
    ]
    return W_mistakes, b_mistakes


_ORIGINAL_UNITS_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "W, x̄ and s all have shape (n,): wⱼ = w̃ⱼ/sⱼ entry by entry"),
    (ValueError, "matmul", "W, x̄ and s all have shape (n,): Σⱼ wⱼ x̄ⱼ is np.sum(W * mean) or W @ mean"),
]


def check_original_units(fn):
    """Notebook 05, exercise (section 7): does `fn(W, b, mean, std)` turn weights W̃, b̃ learned on standardised
    features into (W, b) for the original units, wⱼ = w̃ⱼ/sⱼ and b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ? n = 3 with means far from 0
    and spreads far from 1, and n = 2 with integers.
    """
    return _run_check(fn, "original_units", "my_original_units(W, b, mean, std)", _original_units_probes,
                      _ORIGINAL_UNITS_EXCEPTIONS)


def _original_units_probes(run):
    probes = [(np.array([1.2, -0.7, 0.3]), 0.4, np.array([43.0, 3700.0, -2.0]), np.array([5.0, 400.0, 0.5])),
              (np.array([3, -2]), -1, np.array([40, 4000]), np.array([4, 500]))]  # integers
    for W, b, mean, std in probes:
        n = len(W)
        what = f"original_units for n = {n}" + (", integers" if W.dtype.kind == "i" else "")
        out, _ = run.call(what, W=W, b=b, mean=mean, std=std)
        W_out, b_out = _pair_of(out, what, "W", "b")
        W_new = run.numbers(W_out, f"{what}: the W", "W")
        b_new = run.numbers(b_out, f"{what}: the b", "b")
        if W_new.shape == () and b_new.shape == (n,):
            _stop(f"{what}: the pair came back as (b, W): return (W, b).")
        run.shape(W_new, (n,), f"{what}: the W", [((), "one number: W has one weight per feature, shape (n,)")])
        run.shape(b_new, (), f"{what}: the b", [
            ((n,), "one entry per feature: b is one number, the shift summed over the features j"),
            ((1,), "b is a plain number: return a float, e.g. float(b)")])
        W, mean, std = W.astype(float), mean.astype(float), std.astype(float)
        W_mistakes, b_mistakes = _original_units_mistakes(W, float(b), mean, std)
        run.values(W_new, W / std, f"{what}: the W", W_mistakes, "wⱼ = w̃ⱼ/sⱼ")
        run.values(b_new, b - np.sum(W * mean / std), f"{what}: W is right, but b", b_mistakes,
                   "b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ")
    return "✓ original_units passes: wⱼ = w̃ⱼ/sⱼ and b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ."
