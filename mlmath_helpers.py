"""mlmath_helpers: the maths and the data of the mlmath notebooks, in the order the notebooks teach them.

Read it like a whiteboard: each formula beside its derivative, each named after the notebook section that
teaches it. Shapes: ``X`` is (m, n), one row per data point; ``W`` is (n,) for one output unit or (n, k) for
k output units; ``b`` is a scalar or (k,); labels ``y`` are (m,) or (m, k). Bad input raises ``ValueError``
naming the argument, what was given and what was expected.

The figures and the exercise checks are names of this module too (``mh.prediction_explorer``,
``mh.check_sigmoid``): they live in the private package ``_mlmath/`` beside it, and are imported on first use
(see ``_LAZY`` at the end), so importing this module loads numpy alone.
"""
from __future__ import annotations

import csv
import importlib
import os
from dataclasses import dataclass

import numpy as np

__all__ = [  # the maths and the data; the figures and checks of `_LAZY` (at the end) are added to it there
    "sigmoid", "sigmoid_prime", "predict", "decision_boundary", "error_formula", "cross_entropy",
    "cross_entropy_from_logits", "cross_entropy_gradient", "sse", "sse_gradient", "numerical_gradient",
    "gradient_descent", "DescentHistory", "LOSSES", "PROB_EPS", "standardize", "to_original_units",
    "Dataset", "make_data", "one_input", "two_inputs", "loss_surface", "gradient_field", "minimum",
    "RealData", "load_penguins",
]

# Smallest distance from 0 and 1 that `error_formula` lets a probability come: machine epsilon.
PROB_EPS = float(np.finfo(float).eps)


# ==== Notebook 01: the sigmoid unit, ŷ = σ(Wx + b) ==========================================================

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


def decision_boundary(W, b, x1):
    """x₂ on the boundary w₁x₁ + w₂x₂ + b = 0 of a two-input unit, −(w₁x₁ + b)/w₂, the shape of x1 (notebook 01,
    section 9). For w₂ = 0 the boundary is the vertical line x₁ = −b/w₁, which has no x₂: nan for each x₁."""
    W, b, x1 = _array(W, "W", ndim=1), _array(b, "b", ndim=0), _array(x1, "x1")
    if W.shape != (2,):
        raise ValueError(f"W: expected the two weights (w1, w2), got shape {W.shape}")
    return _out(np.full(x1.shape, np.nan) if W[1] == 0 else -(W[0] * x1 + b) / W[1])


# ==== Notebook 02: the error function, the mean cross-entropy E =============================================

def error_formula(y, output):
    """Per-example cross-entropy −y ln(ŷ) − (1 − y) ln(1 − ŷ) (notebook 02, "The error function").

    The article's formula, safe at the ends: ŷ and 1 − ŷ are kept at least ε = machine epsilon (2.2e-16) from 0
    inside each log, so a confidently wrong ŷ costs −ln ε ≈ 36.04 (not inf), a perfect one exactly 0, and 0·ln 0
    never makes nan. A float64 ŷ cannot sit closer to 1 than about 1e-16 anyway; for the exact loss start from the
    logit z with `cross_entropy_from_logits`.
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


# ==== Notebooks 02-04: the two losses of a sigmoid unit, per point, each beside its derivative in the logit ====
# Everything below (E, its gradient, descent, the error surfaces and gradient fields of the figures) is made of
# these two: they broadcast, so z may be (m,), (m, k) or a grid of (W, b) values (..., m).

def _cross_entropy_terms(y, z):
    """ℓ = −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = ln(1 + e^z) − y·z per point, and dℓ/dz = σ(z) − y = ŷ − y.

    ln(1 + e^z) = logaddexp(0, z) never overflows and needs no clipping; for large |z| the difference with y·z
    keeps an absolute accuracy of about 1e-16·|z|.
    """
    return np.logaddexp(0.0, z) - y * z, sigmoid(z) - y


def _sse_terms(y, h):
    """ℓ = ½ (y − σ(h))² per point, and dℓ/dh = −δ, with the error term δ = (y − ŷ) σ'(h) (notebook 04)."""
    y_hat = sigmoid(h)
    return 0.5 * (y - y_hat) ** 2, -(y - y_hat) * sigmoid_prime(h)


# loss name -> (its per-point terms, whether E is their mean (cross-entropy) or their sum (the SSE))
LOSSES = {"cross_entropy": (_cross_entropy_terms, "mean"), "sse": (_sse_terms, "sum")}


def _step(loss, X, y, z):
    """(E, ∂E/∂W, ∂E/∂b) from checked X (m, n), y and logits z = XW + b, (m,) or (m, k): by the chain rule
    ∂E/∂W = Xᵀ ∂E/∂z and ∂E/∂b = Σ over the points of ∂E/∂z. No validation."""
    terms, gather = LOSSES[loss]
    ell, dz = terms(y, z)  # (m,) or (m, k) each
    m = X.shape[0] if gather == "mean" else 1  # E is the mean (cross-entropy) or the sum (SSE) over the points
    dz = dz / m
    return np.sum(ell) / m, X.T @ dz, dz.sum(axis=0)  # float; (n,) or (n, k); () or (k,)


def cross_entropy_from_logits(y, z):
    """The same E computed from the logits z = Wx + b (notebook 02, "Stable from logits"): the mean of
    ℓ = ln(1 + e^z) − y·z (`_cross_entropy_terms`), finite for every finite z."""
    y = _labels(y)
    z = _array(z, "z")
    _same_shape(y, z, "y", "z")
    return _mean_over_points(_cross_entropy_terms(y, z)[0])


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


# ==== Notebook 03: the gradient and gradient descent; notebook 04: the SSE and the delta rule ===============

def cross_entropy_gradient(X, y, W, b):
    """∇E of the mean cross-entropy: (∂E/∂W, ∂E/∂b) (notebook 03, "The gradient").

    ∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ and ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ). Returns dW shaped like W
    and db a float (W of shape (n,)) or (k,) (W of shape (n, k)).
    """
    X, y, z = _xy(X, y, W, b)
    _, dW, db = _step("cross_entropy", X, y, z)
    return dW, _out(db)


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
    _, dW, db = _step("sse", X, y, h)
    return dW, _out(db)


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
    W, b = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    Ws, bs, losses = [W], [b], []
    for _ in range(steps):
        E, dW, db = _step(loss, X, y, X @ W + b)
        losses.append(E)
        W, b = W - learning_rate * dW, b - learning_rate * db
        Ws.append(W)
        bs.append(b)
    losses.append(_step(loss, X, y, X @ W + b)[0])
    return DescentHistory(np.array(Ws), np.array(bs), np.array(losses))


def standardize(X_train, X_test):
    """Both sets scaled by the TRAINING set's per-feature mean x̄ⱼ and standard deviation sⱼ (sⱼ divides by m,
    as np.std does): x̃ᵢⱼ = (xᵢⱼ − x̄ⱼ)/sⱼ (notebook 05, "Standardise the features"). Returns both, as shaped."""
    X_train, X_test = _array(X_train, "X_train", ndim=2), _array(X_test, "X_test", ndim=2)
    if X_test.shape[1] != X_train.shape[1]:
        raise ValueError(f"X_test: expected {X_train.shape[1]} columns like X_train, got shape {X_test.shape}")
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)  # (n,), (n,)
    if np.any(std == 0):
        raise ValueError(f"X_train: expected every feature to vary, got a constant column {int(np.argmin(std))}")
    return (X_train - mean) / std, (X_test - mean) / std


def to_original_units(W, b, mean, std):
    """Weights W̃, b̃ learned on standardised features as (W, b) for the features in their own units (notebook 05,
    "Back to millimetres and grams"): Σⱼ w̃ⱼ (xⱼ − x̄ⱼ)/sⱼ + b̃ = Σⱼ wⱼ xⱼ + b, wⱼ = w̃ⱼ/sⱼ, b = b̃ − Σⱼ wⱼ x̄ⱼ."""
    W, b = _array(W, "W", ndim=1), float(_array(b, "b", ndim=0))
    mean, std = _array(mean, "mean", ndim=1), _array(std, "std", ndim=1)
    if mean.shape != W.shape or std.shape != W.shape or np.any(std <= 0):
        raise ValueError(f"mean, std: expected shape {W.shape} like W, std positive; got {mean.shape}, {std}")
    W_original = W / std  # (n,)
    return W_original, b - float(W_original @ mean)

# ==== The data (notebook 02 onwards), and E over a grid of (W, b) for the figures ===========================

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


def _inputs(data, n):
    if data.X.ndim != 2 or data.X.shape[1] != n or data.y.shape != (data.X.shape[0],):
        raise ValueError(f"data: expected X of shape (m, {n}) and y of shape (m,), got {data.X.shape} and "
                         f"{data.y.shape}")
    return data.X, data.y


def one_input(data):
    """x (m,) and y (m,) of a one-input, one-output `Dataset` (notebooks 02-04); ValueError for anything else."""
    X, y = _inputs(data, 1)
    return X[:, 0], y


def two_inputs(data):
    """X (m, 2) and y (m,) of a two-input, one-output `Dataset` (notebooks 01 and 03); ValueError otherwise."""
    return _inputs(data, 2)


def _on_grid(data, W_grid, b_grid, loss):
    """(E, ∂E/∂W, ∂E/∂b) of a one-input data set at every (W, b) of a grid: the same terms as `_step`,
    with the m points on the last axis."""
    if loss not in LOSSES:
        raise ValueError(f"loss: expected one of {sorted(LOSSES)}, got {loss!r}")
    x, y = one_input(data)
    W_grid, b_grid = _array(W_grid, "W_grid"), _array(b_grid, "b_grid")
    _same_shape(W_grid, b_grid, "W_grid", "b_grid")
    terms, gather = LOSSES[loss]
    ell, dz = terms(y, W_grid[..., None] * x + b_grid[..., None])  # (*grid, m) each
    m = len(y) if gather == "mean" else 1  # E is the mean (cross-entropy) or the sum (SSE) over the points
    return np.sum(ell, axis=-1) / m, np.sum(dz * x, axis=-1) / m, np.sum(dz, axis=-1) / m


def loss_surface(data, W_grid, b_grid, loss="cross_entropy"):
    """E(W, b) for a one-input data set on a grid (notebook 02, "The error surface"; SSE in 04).

    W_grid and b_grid are equal-shape arrays (from np.meshgrid); the result has that shape.
    Cross-entropy is the mean from logits, SSE the ½-sum through the sigmoid, as in `gradient_descent`.
    """
    return _on_grid(data, W_grid, b_grid, loss)[0]


def gradient_field(data, W_grid, b_grid, loss="cross_entropy"):
    """(∂E/∂W, ∂E/∂b) for a one-input data set on a grid (notebook 03, "The gradient field"; SSE in 04),
    each shaped like the grid: the gradients of `cross_entropy_gradient` and `sse_gradient` at every point."""
    return _on_grid(data, W_grid, b_grid, loss)[1:]


def minimum(data, loss="cross_entropy", W=0.0, b=0.0, learning_rate=None, steps=1000):
    """(W*, b*, E*) of a one-input data set, by gradient descent from (W, b) (notebooks 02-04).

    The default η is 1 for the mean cross-entropy and 2/m for the SSE, a sum over the m points.
    """
    x, y = one_input(data)
    if learning_rate is None:
        learning_rate = 1.0 if loss == "cross_entropy" else 2.0 / len(y)
    h = gradient_descent(x[:, None], y, np.array([W]), b, learning_rate, steps, loss=loss)
    return float(h.W[-1, 0]), float(h.b[-1]), float(h.loss[-1])


PENGUINS_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notebooks", "data",
                            "penguins_adelie_chinstrap.csv")  # its README says where it comes from, how it was made


@dataclass(frozen=True)
class RealData:
    """Measured data (notebook 05): X (m, n) in the source's units, y (m,) in {0, 1}, `features` the n column
    names and `classes` the names for y = 0 and y = 1, as the source spells them."""
    X: np.ndarray
    y: np.ndarray
    features: tuple
    classes: tuple


def load_penguins(path=None):
    """Adelie (y = 0) and Chinstrap (y = 1) penguins by bill length (mm) and body mass (g), the 219 of the Palmer
    penguins (Gorman, Williams and Fraser 2014, CC0) with both measured (notebook 05): read from `PENGUINS_CSV`
    beside this file, never from the network, or from `path`, a copy of it. Returns a `RealData`."""
    path = PENGUINS_CSV if path is None else path
    if not (isinstance(path, (str, os.PathLike)) and os.path.isfile(path)):
        raise ValueError(f"path: expected the penguins CSV file (notebooks/data/penguins_adelie_chinstrap.csv), "
                         f"got {path!r:.80}")
    with open(path, newline="", encoding="utf-8") as f:
        header, *rows = list(csv.reader(f)) or [[]]
    columns = ["species", "bill_length_mm", "body_mass_g"]
    classes = tuple(dict.fromkeys(row[0] for row in rows if row))  # in order of appearance: Adelie, Chinstrap
    if header != columns or len(classes) != 2 or any(len(row) != 3 for row in rows):
        raise ValueError(f"path: expected a header {','.join(columns)} and rows of a species and two numbers, for "
                         f"two species; got the header {','.join(header)!r:.60} and the species {classes!r:.60}")
    try:
        X = _array([[float(row[1]), float(row[2])] for row in rows], "path: the numbers")  # (m, 2)
    except ValueError as exc:
        raise ValueError(f"path: expected two finite numbers on every row after the species ({exc})") from None
    y = np.array([classes.index(row[0]) for row in rows], dtype=float)  # (m,)
    return RealData(X, y, tuple(columns[1:]), classes)

# ==== The figures and the checks: imported from _mlmath/ on first use (PEP 562) =============================

# the _mlmath module -> the public names it defines, in notebook order. A new figure or exercise adds its name here.
_LAZY_BY_MODULE = {
    "_mlmath.figures": ("prediction_explorer", "sigmoid_figure", "decision_explorer", "loss_curves_explorer",
                        "error_surface_explorer", "tangent_step_figure", "gradient_field_explorer", "descent_status",
                        "descent_explorer", "training_explorer", "sse_vs_cross_entropy_explorer",
                        "vanishing_gradient_figure", "training_comparison_figure", "penguins_figure",
                        "valley_figure"),
    "_mlmath.explorer": ("Explorer",), "_mlmath.pictures": ("StaticFigure",), "_mlmath.harness": ("CheckResult",),
    "_mlmath.checks_01": ("check_sigmoid", "check_predict", "check_decision_boundary"),
    "_mlmath.checks_02": ("check_cross_entropy", "check_cross_entropy_from_logits"),
    "_mlmath.checks_03": ("check_gradient_step", "check_training_loop", "check_learning_rate",
                          "check_numerical_gradient", "check_buggy_gradient"),
    "_mlmath.checks_04": ("check_delta_rule", "check_sse_gradient"),
    "_mlmath.checks_05": ("check_standardize", "check_original_units"),
}
_LAZY = {name: module for module, names in _LAZY_BY_MODULE.items() for name in names}  # public name -> module
__all__ += list(_LAZY)


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = getattr(importlib.import_module(_LAZY[name]), name)
    return value


def __dir__():
    return sorted(__all__)


# ==== Input checks: bad input raises ValueError naming the argument (used by _mlmath too) ===================

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
