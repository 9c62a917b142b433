"""Every claim a lesson makes that a number can check, checked: a table of (notebook, the sentence, the computation).

Each row is a function decorated with `@claim(notebook, sentence)`. The sentence is quoted from the notebook's
prose (its markdown, whitespace collapsed) and must still be there, so a claim cannot drift from the words it
checks; the function recomputes the claim from the helper's public API and asserts it. Claims that a notebook
computes in a visible cell beside the sentence are checked by nbval instead and are not repeated here.
The rows are grouped by notebook, in the order of the lessons.
"""
import functools
import json
import re
from pathlib import Path

import numpy as np
import pytest

import mlmath_helpers as mh

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CLAIMS = []


def prose(notebook):
    """The markdown of the notebook whose name starts with `notebook` ("01"), whitespace collapsed to single spaces."""
    (path,) = NOTEBOOKS.glob(f"{notebook}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return re.sub(r"\s+", " ", text)


def claim(notebook, sentence):
    """Register the decorated function as the check of `sentence` in `notebook`."""
    def register(check):
        CLAIMS.append(pytest.param(notebook, sentence, check, id=f"{notebook}: {sentence[:60]}"))
        return check
    return register


# =====================================================================================================================
# Notebook 01 · Prediction
# =====================================================================================================================


# =====================================================================================================================
# Notebook 02 · The error function
# =====================================================================================================================


# =====================================================================================================================
# Notebook 03 · Gradient descent
# =====================================================================================================================

@functools.lru_cache(maxsize=None)
def _data03():
    """The one-input data set of notebook 03 (and 02), as the notebook makes it."""
    return mh.make_data(W_true=[1.5], b_true=-0.5, m=24, seed=3, spread=2.0)


def _descent03(learning_rate, steps=20, W0=-4.0, b0=4.0):
    """The notebook's descent: from W = −4, b = 4 on its data, `steps` steps at `learning_rate`."""
    data = _data03()
    return mh.gradient_descent(data.X, data.y, np.array([W0]), b0, learning_rate, steps)


def _rises(loss):
    """The steps k (1-based) on which E went up, E_k > E_(k−1) beyond rounding."""
    return np.flatnonzero(np.diff(loss) > 1e-9 * loss[:-1]) + 1


def _steps_to_1_percent(learning_rate, limit=100):
    E_min = mh.minimum(_data03())[2]
    loss = _descent03(learning_rate, steps=limit).loss
    return int(np.argmax(loss <= 1.01 * E_min)) if np.any(loss <= 1.01 * E_min) else None


@claim("03", r"a wrong sign or a missing $\frac1m$ (a factor $m = 24$ here) would disagree in the first digit.")
def _():
    data = _data03()
    for W, b in [(-3.0, 3.0), (0.0, 0.0), (0.9, -0.5), (4.0, 2.0)]:
        dW, db = mh.cross_entropy_gradient(data.X, data.y, np.array([W]), b)
        right = np.r_[dW, db]
        for wrong in (-right, right * len(data.y)):
            assert np.max(np.abs(wrong - right) / np.abs(right)) > 0.5  # off by far more than a first digit


@claim("03", r"at $h = 10^{-10}$ the central difference is worse than at $h = 10^{-6}$, which is near its best.")
def _():
    data = _data03()
    E = lambda w: mh.cross_entropy_from_logits(data.y, data.X @ w + 3.0)
    exact = mh.cross_entropy_gradient(data.X, data.y, np.array([-3.0]), 3.0)[0][0]
    error = {h: abs(mh.numerical_gradient(E, np.array([-3.0]), h)[0] - exact) / abs(exact)
             for h in [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12]}
    assert error[1e-10] > error[1e-6]
    assert error[1e-6] < 1e-8 and error[1e-6] < 10 * min(error.values())  # within a factor 10 of the best h


@claim("03", r"At $W = -6$, $b = 3$ the slope is steep: $|\nabla E| \approx 1.51$, and the arrow is long.")
def _():
    data = _data03()
    dW, db = mh.cross_entropy_gradient(data.X, data.y, np.array([-6.0]), 3.0)
    assert round(float(np.hypot(dW[0], db)), 2) == 1.51


@claim("03", r"($|\nabla E| < 0.001$ at $W = 0.93$, $b = -0.53$)")
def _():
    data = _data03()
    dW, db = mh.cross_entropy_gradient(data.X, data.y, np.array([0.93]), -0.53)
    assert np.hypot(dW[0], db) < 0.001
    W, b, _ = mh.minimum(data)
    assert round(W, 2) == 0.93 and round(b, 2) == -0.53


@claim("03", "Every arrow crosses the contour lines at right angles, pointing downhill.")
def _():
    data = _data03()
    E = lambda W, b: mh.cross_entropy_from_logits(data.y, data.X @ np.array([W]) + b)
    d = 1e-4
    for W in np.linspace(-6, 6, 7):
        for b in np.linspace(-6, 6, 7):
            dW, db = mh.cross_entropy_gradient(data.X, data.y, np.array([W]), b)
            g = np.array([dW[0], db])
            along = np.array([-g[1], g[0]]) / np.hypot(*g)          # the contour line's direction: ⟂ to ∇E
            assert abs(E(W + d * along[0], b + d * along[1]) - E(W, b)) < 1e-3 * d * np.hypot(*g)
            assert E(W - d * g[0], b - d * g[1]) < E(W, b)           # −∇E goes down


@claim("03", r"Each loss $\ell_i$ is convex in $z_i$ (its second derivative is $\sigma'(z_i) > 0$)")
def _():
    z, h = np.linspace(-8, 8, 33), 1e-4
    for y in (0.0, 1.0):
        loss = lambda t: np.logaddexp(0.0, t) - y * t                 # ℓ(z), as mh.cross_entropy_from_logits
        second = (loss(z + h) - 2 * loss(z) + loss(z - h)) / h ** 2
        assert np.allclose(second, mh.sigmoid_prime(z), atol=1e-6) and np.all(mh.sigmoid_prime(z) > 0)


@claim("03", r"so the mean cross-entropy $E(W, b)$ of a sigmoid unit is convex.")
def _():
    data = _data03()
    E = lambda p: mh.cross_entropy_from_logits(data.y, data.X @ p[:1] + p[1])
    rng = np.random.default_rng(0)
    for _ in range(500):
        p, q, t = rng.normal(0, 5, 2), rng.normal(0, 5, 2), rng.random()
        assert E(t * p + (1 - t) * q) <= t * E(p) + (1 - t) * E(q) + 1e-12


@claim("03", r"$E$ keeps falling towards 0 as $|W|$ grows, and there is **no lowest point**.")
def _():
    data = _data03()
    x = data.X[:, 0]
    y = (x > 0).astype(float)                                          # separable by the threshold 0
    E = [mh.cross_entropy_from_logits(y, c * x) for c in [1, 3, 9, 27, 81]]  # W = c, b = 0 separates them
    assert np.all(np.diff(E) < 0) and E[-1] < 0.01 * E[0]
    run = mh.gradient_descent(data.X, y, np.zeros(1), 0.0, 1.0, 3000)
    assert np.all(np.diff(run.W[:, 0])[100:] > 0)                      # the descent's W keeps growing


@claim("03", r"$\eta = 0.5$: after 20 steps $E = 0.5324$, still about 16% above the minimum 0.4571; it is on its way.")
def _():
    loss, E_min = _descent03(0.5).loss, mh.minimum(_data03())[2]
    assert f"{loss[-1]:.4f}" == "0.5324" and f"{E_min:.4f}" == "0.4571"
    assert round(100 * (loss[-1] / E_min - 1)) == 16 and len(_rises(loss)) == 0 and loss[-1] < loss[-2] - 1e-4


@claim("03", r"$\eta = 2$: within 1% of the minimum after 11 steps, and $E$ falls on every step.")
def _():
    assert _steps_to_1_percent(2.0) == 11 and len(_rises(_descent03(2.0).loss)) == 0


@claim("03", r"$\eta = 10$: $E$ rises on some steps: the path overshoots and zig-zags across the valley, from one side to the other, and after 20 steps it is still about 1% above the minimum.")
def _():
    run, (W_min, _, E_min) = _descent03(10.0), mh.minimum(_data03())
    assert len(_rises(run.loss)) >= 3
    side = np.sign(run.W[10:, 0] - W_min)                              # which side of the minimum W is on
    assert np.all(side[1:] == -side[:-1])                              # it changes side on every step
    assert round(100 * (run.loss[-1] / E_min - 1)) == 1


@claim("03", r"$\eta = 30$: the first step throws the path far out ($W$ beyond 30, off the map), and it is still far off after 20.")
def _():
    run, E_min = _descent03(30.0), mh.minimum(_data03())[2]
    assert run.W[1, 0] > 30 and run.loss[-1] > 4 * E_min


@claim("03", r"$\eta = 0.01$: every step is safe, but after 20 steps $E$ is still 6.90 (it started at 7.33); it needs about 2,000 steps to come within 1%.")
def _():
    loss = _descent03(0.01).loss
    assert len(_rises(loss)) == 0 and f"{loss[-1]:.2f}" == "6.90" and f"{loss[0]:.2f}" == "7.33"
    assert 1900 <= _steps_to_1_percent(0.01, limit=3000) <= 2100


@claim("03", "Moving the start: every start the descent converges from ends at the same star")
def _():
    W_min, b_min, _ = mh.minimum(_data03())
    for W0 in np.linspace(-6, 6, 5):
        for b0 in np.linspace(-6, 6, 5):
            run = _descent03(2.0, steps=500, W0=W0, b0=b0)
            assert abs(run.W[-1, 0] - W_min) < 1e-4 and abs(run.b[-1] - b_min) < 1e-4


@claim("03", r"just above it, the zig-zag never dies out, and the path ends bouncing for ever between two points on either side of the star.")
def _():
    data = _data03()
    W_min, b_min, _ = mh.minimum(data, steps=5000)
    z = W_min * data.X[:, 0] + b_min
    s, x = mh.sigmoid_prime(z), data.X[:, 0]
    limit = 2 / np.linalg.eigvalsh([[np.mean(s * x * x), np.mean(s * x)], [np.mean(s * x), np.mean(s)]])[-1]
    below, above = _descent03(0.98 * limit, steps=3000), _descent03(1.02 * limit, steps=3000)
    assert abs(below.W[-1, 0] - W_min) < 1e-6                          # just below: it settles
    W = above.W[-4:, 0]
    assert abs(W[0] - W[2]) < 1e-9 and abs(W[1] - W[3]) < 1e-9         # just above: a 2-cycle
    assert (W[0] - W_min) * (W[1] - W_min) < 0 and abs(W[0] - W[1]) > 0.01  # on either side of the star


@claim("03", "Here the two curvatures differ by a factor of only about 1.4")
def _():
    data = _data03()
    W_min, b_min, _ = mh.minimum(data)
    x = data.X[:, 0]
    s = mh.sigmoid_prime(W_min * x + b_min)
    lam = np.linalg.eigvalsh([[np.mean(s * x * x), np.mean(s * x)], [np.mean(s * x), np.mean(s)]])
    assert round(lam[1] / lam[0], 1) == 1.4


@claim("03", r"raising $\eta$ from 0.5 to 4 cuts the steps needed to come within 1% of the minimum from 40 to 6.")
def _():
    steps = [_steps_to_1_percent(eta) for eta in np.linspace(0.5, 4.0, 36)]
    assert steps[0] == 40 and steps[-1] == 6 and np.all(np.diff(steps) <= 0)


@claim("03", r"On this convex $E$, a larger $\eta$ is safe up to the point where $E$ starts to rise on some step")
def _():
    etas = np.linspace(0.05, 12.0, 240)
    rising = [len(_rises(_descent03(eta).loss)) > 0 for eta in etas]
    first = etas[rising.index(True)]
    safe = [_descent03(eta).loss[-1] for eta in etas[etas < first]]     # E after 20 steps, for η below that point
    assert 8.5 < first < 10 and np.all(np.diff(safe) <= 1e-4 * mh.minimum(_data03())[2])  # a larger one: never worse


@claim("03", r"above about $\eta = 9$ $E$ rises on some steps as the path zig-zags across the valley")
def _():
    etas = np.linspace(8.0, 10.0, 201)
    first = etas[[len(_rises(_descent03(eta).loss)) > 0 for eta in etas].index(True)]
    assert 9.0 <= first <= 9.2


@claim("03", "Even at the largest $\\eta$ the numbers stay finite")
def _():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for W0, b0 in [(-6.0, 6.0), (6.0, -6.0), (-4.0, 4.0)]:
            run = _descent03(10 ** 1.5, steps=100, W0=W0, b0=b0)             # the η slider's largest value
            assert np.all(np.isfinite(run.loss)) and np.all(np.isfinite(run.W)) and np.all(np.isfinite(run.b))


# =====================================================================================================================
# Notebook 04 · Squared errors and the delta rule
# =====================================================================================================================

ONE_INPUT = mh.make_data(W_true=[1.5], b_true=-0.5, m=24, seed=3, spread=2.0)  # notebook 04's (and 02/03's) data


def _per_point_slopes(data, W, b):
    """|∇E| at (W, b) of the SSE divided by m and of the mean cross-entropy, for one-input data."""
    m = len(data.y)
    sW, sb = mh.sse_gradient(data.X, data.y, np.array([W]), b)
    cW, cb = mh.cross_entropy_gradient(data.X, data.y, np.array([W]), b)
    return float(np.hypot(sW[0], sb)) / m, float(np.hypot(cW[0], cb))


def _end_of_descent(data, loss, eta, steps=300, W0=-6.0, b0=4.0):
    """(W, b, E per point) after `steps` steps from (W0, b0); the SSE descends with η/m, i.e. per point with η."""
    m = len(data.y)
    rate, per = (eta, 1) if loss == "cross_entropy" else (eta / m, m)
    h = mh.gradient_descent(data.X, data.y, np.array([W0]), b0, rate, steps, loss=loss)
    return float(h.W[-1, 0]), float(h.b[-1]), float(h.loss[-1]) / per


def _distance_from_minimum(data, loss, W, b):
    W_best, b_best, _ = mh.minimum(data, loss=loss)
    return float(np.hypot(W - W_best, b - b_best))


@claim("04", "one miss of 1 costs $\\frac12$; two misses of $\\frac12$ cost $\\frac14$ together")
def _():
    assert mh.sse(np.array([1.0]), np.array([0.0])) == 0.5
    assert mh.sse(np.array([1.0, 1.0]), np.array([0.5, 0.5])) == 0.25


@claim("04", "It scales $E$ and its gradient by the same constant, so it moves neither the minimum nor the direction of "
             "descent.")
def _():
    X, y, W, b = ONE_INPUT.X, ONE_INPUT.y, np.array([-2.0]), 1.5
    without_half = lambda w: 2 * mh.sse(y, mh.sigmoid(X @ w + b))  # Σ (y − ŷ)², no ½
    dW, _ = mh.sse_gradient(X, y, W, b)
    assert np.allclose(mh.numerical_gradient(without_half, W), 2 * dW, rtol=1e-6)  # twice the gradient: same direction
    W_half, b_half, _ = mh.minimum(ONE_INPUT, loss="sse")
    grid = np.linspace(-0.2, 0.2, 41)
    Wg, Bg = np.meshgrid(W_half + grid, b_half + grid)
    E2 = 2 * mh.loss_surface(ONE_INPUT, Wg, Bg, loss="sse")
    i = np.unravel_index(np.argmin(E2), E2.shape)
    assert abs(Wg[i] - W_half) < 0.011 and abs(Bg[i] - b_half) < 0.011  # the same minimum


@claim("04", "the same points listed twice give twice the error")
def _():
    y, y_hat = ONE_INPUT.y, mh.sigmoid(ONE_INPUT.X[:, 0] - 0.3)
    twice = mh.sse(np.concatenate([y, y]), np.concatenate([y_hat, y_hat]))
    assert twice == pytest.approx(2 * mh.sse(y, y_hat), rel=1e-12)
    mean_twice = mh.cross_entropy(np.concatenate([y, y]), np.concatenate([y_hat, y_hat]))
    assert mean_twice == pytest.approx(mh.cross_entropy(y, y_hat), rel=1e-12)  # unlike the mean


@claim("04", "For the sigmoid, $f'(h) = \\sigma(h)(1 - \\sigma(h)) = \\hat{y}(1 - \\hat{y})$.")
def _():
    h = np.linspace(-15, 15, 301)  # beyond |h| ≈ 15, 1 − σ(h) computed as written loses digits to cancellation
    assert np.allclose(mh.sigmoid_prime(h), mh.sigmoid(h) * (1 - mh.sigmoid(h)), rtol=1e-8, atol=0)


@claim("04", "the code runs without complaint for any number of inputs; but the step it adds is not the gradient of $E$.")
def _():
    for n in (1, 2, 3, 5):
        data = mh.make_data(W_true=np.linspace(-1.0, 1.0, n), b_true=0.0, m=20, seed=n)
        X, y, w = data.X, data.y, np.full(n, 0.4)
        published = sum((t - mh.sigmoid(x @ w)) * mh.sigmoid_prime(x) * x for x, t in zip(X, y))  # f' at x
        minus_gradient = -mh.numerical_gradient(lambda v: mh.sse(y, mh.sigmoid(X @ v)), w)
        assert np.shape(published) == (n,)
        assert not np.allclose(published, minus_gradient, rtol=1e-3)
        at_h = sum((t - mh.sigmoid(x @ w)) * mh.sigmoid_prime(x @ w) * x for x, t in zip(X, y))  # the delta rule
        assert np.allclose(at_h, minus_gradient, rtol=1e-6)


@claim("04", "The cross-entropy surface is one smooth bowl, steep wherever the model is confidently wrong.")
def _():
    grid = np.linspace(-8, 8, 61)
    Wg, Bg = np.meshgrid(grid, grid)
    E = mh.loss_surface(ONE_INPUT, Wg, Bg)
    tolerance = 1e-9 * np.abs(E).max()
    for second in (E[:, 2:] - 2 * E[:, 1:-1] + E[:, :-2], E[2:, :] - 2 * E[1:-1, :] + E[:-2, :],
                   E[2:, 2:] - 2 * E[1:-1, 1:-1] + E[:-2, :-2], E[2:, :-2] - 2 * E[1:-1, 1:-1] + E[:-2, 2:]):
        assert second.min() > -tolerance  # convex along rows, columns and both diagonals
    _, ce_slope = _per_point_slopes(ONE_INPUT, -4.0, 3.0)
    assert ce_slope > 1.0


@claim("04", "At $W = -4$, $b = 3$ the unit is right about only 25% of the points. The SSE is 8.6618 and its slope "
             "$|\\nabla E|$ is 0.0760, that is 0.0032 per point; the cross-entropy's slope is 1.4835, about 470 times "
             "larger.")
def _():
    x, y = mh.one_input(ONE_INPUT)
    assert np.mean(((-4.0 * x + 3.0) > 0) == (y == 1)) == 0.25
    assert f"{float(mh.loss_surface(ONE_INPUT, np.array(-4.0), np.array(3.0), loss='sse')):.4f}" == "8.6618"
    sse_slope, ce_slope = _per_point_slopes(ONE_INPUT, -4.0, 3.0)
    assert f"{sse_slope * len(y):.4f}" == "0.0760" and f"{sse_slope:.4f}" == "0.0032" and f"{ce_slope:.4f}" == "1.4835"
    assert 465 < ce_slope / sse_slope < 475


@claim("04", "upper-left quarter of the map ($W < 0$, $b > 0$), where it lies above 8 on most of the grid, while the "
             "cross-entropy rises along every straight line that leaves its minimum.")
def _():
    grid = np.linspace(-8, 8, 61)
    Wg, Bg = np.meshgrid(grid, grid)
    quarter = (Wg < 0) & (Bg > 0)
    assert np.mean(mh.loss_surface(ONE_INPUT, Wg, Bg, loss="sse")[quarter] > 8) > 0.5
    dW, db = mh.gradient_field(ONE_INPUT, Wg, Bg, loss="sse")
    assert np.mean(np.hypot(dW, db)[quarter] / len(ONE_INPUT.y) < 0.01) > 0.5  # nearly flat: slope per point
    W_best, b_best, _ = mh.minimum(ONE_INPUT)
    t = np.linspace(0, 12, 241)
    for angle in np.linspace(0, 2 * np.pi, 24, endpoint=False):
        E = mh.loss_surface(ONE_INPUT, W_best + t * np.cos(angle), b_best + t * np.sin(angle))
        assert np.all(np.diff(E) > 0)


@claim("04", "The SSE gradient carries the factor $f'(h) = \\sigma'(h)$, which is at most $\\frac14$ (at $h = 0$) and "
             "tends to 0 as $|h|$ grows")
def _():
    h = np.linspace(-40, 40, 8001)
    slope = mh.sigmoid_prime(h)
    assert slope.max() == 0.25 and h[slope.argmax()] == 0.0
    assert np.all(np.diff(slope[h >= 0]) < 0) and slope[-1] < 1e-17


@claim("04", "For one point with $y = 1$ and $h = -10$: $\\hat{y} - y = -0.99995$, but $\\delta = (y - \\hat{y})\\,"
             "\\sigma'(h) = 0.000045$.")
def _():
    y_hat = mh.sigmoid(-10.0)
    assert f"{y_hat - 1:.5f}" == "-0.99995"
    assert f"{(1 - y_hat) * mh.sigmoid_prime(-10.0):.6f}" == "0.000045"


@claim("04", "at $W = 0$, 0.1496 against 0.6421; at $W = -10$ about 300 times smaller.")
def _():
    b = mh.minimum(ONE_INPUT)[1]
    sse_slope, ce_slope = _per_point_slopes(ONE_INPUT, 0.0, b)
    assert f"{sse_slope:.4f}" == "0.1496" and f"{ce_slope:.4f}" == "0.6421"
    sse_slope, ce_slope = _per_point_slopes(ONE_INPUT, -10.0, b)
    assert 290 < ce_slope / sse_slope < 310
    x, y = mh.one_input(ONE_INPUT)
    assert np.mean(((-10.0 * x + b) > 0) == (y == 1)) == 0.25  # "confidently wrong about most points"


@claim("04", "The cross-entropy, convex here, reaches its minimum from the same start: within 1% of it after 40 steps at "
             "$\\eta = 0.5$, with at least 75% of the points right from step 21 on.")
def _():
    x, y = mh.one_input(ONE_INPUT)
    E_best = mh.minimum(ONE_INPUT)[2]
    h = mh.gradient_descent(ONE_INPUT.X, y, np.array([-6.0]), 4.0, 0.5, 300)
    assert int(np.argmax(h.loss <= 1.01 * E_best)) == 40
    accuracy = np.mean(((h.W[:, 0, None] * x + h.b[:, None]) > 0) == (y == 1), axis=1)
    assert int(np.argmax(accuracy >= 0.75)) == 21 and np.all(accuracy[21:] >= 0.75)


@claim("04", "The cross-entropy ends at its minimum (0.4571 per point) for every $\\eta$ from about 0.11 to 9; at $\\eta = "
             "10$ it overshoots from step to step and ends a little off it (0.4602)")
def _():
    E_best = mh.minimum(ONE_INPUT)[2]
    etas = 10 ** np.arange(-2, 2.0001, 0.05)  # the figure's η slider: log scale, 0.05 a notch
    reached = [eta for eta in etas if _end_of_descent(ONE_INPUT, "cross_entropy", eta)[2] - E_best < 1e-4]
    assert 0.10 < min(reached) < 0.12 and 8.5 < max(reached) < 9.5
    assert len(reached) == sum(0.105 < eta < 9.5 for eta in etas)  # every notch between them
    assert f"{_end_of_descent(ONE_INPUT, 'cross_entropy', 10.0)[2]:.4f}" == "0.4602"
    h = mh.gradient_descent(ONE_INPUT.X, ONE_INPUT.y, np.array([-6.0]), 4.0, 10.0, 300)
    assert np.sum(np.diff(h.loss) > 0) > 100  # overshoots: E rises on a third of the steps or more


@claim("04", "for larger $\\eta$ it ends off it, erratically (0.7496 at 20, 9.6006 at 50.1, 20.3923 at 100): the "
             "too-large rate of notebook 03. Below 0.11, 300 steps are too few.")
def _():
    etas = 10 ** np.arange(-2, 2.0001, 0.05)  # the slider's notches
    E = {f"{eta:.3g}": _end_of_descent(ONE_INPUT, "cross_entropy", eta)[2] for eta in etas}
    assert f"{E['20']:.4f}" == "0.7496" and f"{E['50.1']:.4f}" == "9.6006" and f"{E['100']:.4f}" == "20.3923"
    above = [E[f"{eta:.3g}"] for eta in etas if eta > 10]
    assert min(above) > 0.4571 + 1e-3 and not np.all(np.diff(above) > 0)  # off the minimum, and not steadily
    E_best = mh.minimum(ONE_INPUT)[2]
    assert all(E[f"{eta:.3g}"] - E_best > 1e-4 for eta in etas if eta < 0.105)


@claim("04", "the SSE's distance from its minimum, 8.20 at the start, is smallest at $\\eta$ near 0.5 (8.14) and grows "
           "for every larger $\\eta$: 8.81 at 10, 18.7 at 100. No $\\eta$ brings it down to its minimum.")
def _():
    assert f"{_distance_from_minimum(ONE_INPUT, 'sse', -6.0, 4.0):.2f}" == "8.20"
    etas = 10 ** np.arange(-2, 2.0001, 0.05)
    gaps = np.array([_distance_from_minimum(ONE_INPUT, "sse", *_end_of_descent(ONE_INPUT, "sse", eta)[:2])
                     for eta in etas])
    assert 0.45 < etas[gaps.argmin()] < 0.55 and f"{gaps.min():.2f}" == "8.14"
    assert np.all(np.diff(gaps[etas > 0.5]) > 0)
    assert f"{gaps[np.isclose(etas, 10)][0]:.2f}" == "8.81" and f"{gaps[-1]:.1f}" == "18.7"
    assert gaps.min() > 8


@claim("04", "Every step lowers the SSE, but the steps lead away from the minimum, towards $W \\to -\\infty$ along a valley "
             "where $E$ keeps falling towards 8.5")
def _():
    h = mh.gradient_descent(ONE_INPUT.X, ONE_INPUT.y, np.array([-6.0]), 4.0, 0.5, 20_000, loss="sse")
    assert np.all(np.diff(h.loss) <= 0)
    gaps = [_distance_from_minimum(ONE_INPUT, "sse", h.W[k, 0], h.b[k]) for k in (1000, 5000, 10_000, 20_000)]
    assert np.all(np.diff(gaps) > 0) and h.W[-1, 0] < -30
    W_end, b_end = h.W[-1, 0], h.b[-1]
    far = [float(mh.loss_surface(ONE_INPUT, np.array(s * W_end), np.array(s * b_end), loss="sse")) for s in (1, 2, 4, 8)]
    assert np.all(np.diff(far) < 0) and far[-1] == pytest.approx(8.5, abs=1e-9)


@claim("04", "SSE is a fine error for linear outputs (regression, $f(h) = h$ and $f' = 1$), where $E$ is a bowl in $W$ "
             "and $b$")
def _():
    x, y = mh.one_input(ONE_INPUT)
    grid = np.linspace(-8, 8, 41)
    E = np.array([[mh.sse(y, W * x + b) for W in grid] for b in grid])  # linear output: ŷ = h
    for second in (E[:, 2:] - 2 * E[:, 1:-1] + E[:, :-2], E[2:, :] - 2 * E[1:-1, :] + E[:-2, :],
                   E[2:, 2:] - 2 * E[1:-1, 1:-1] + E[:-2, :-2], E[2:, :-2] - 2 * E[1:-1, 1:-1] + E[:-2, 2:]):
        assert second.min() > 0


@claim("04", "With the summed step, the learning rate that works shrinks as $m$ grows.")
def _():
    X, y, W, b = ONE_INPUT.X, ONE_INPUT.y, np.array([-2.0]), 1.5
    dW, db = mh.sse_gradient(X, y, W, b)
    dW2, db2 = mh.sse_gradient(np.vstack([X, X]), np.concatenate([y, y]), W, b)  # the same points, twice
    assert np.allclose(dW2, 2 * dW) and np.isclose(db2, 2 * db)  # twice the step for the same η: halve η


@claim("04", "both lines say \"< 1e-7 ✓ agrees\": your gradient and the central differences agree to nine digits or more.")
def _():
    layer = mh.make_data(W_true=[[1.0, -2.0], [0.5, 1.5]], b_true=[0.0, 0.5], m=30, seed=4)
    X, Y = layer.X, layer.y
    W, b = np.array([[0.3, -0.4], [0.8, 0.1]]), np.array([0.2, -0.1])
    E = lambda W, b: mh.sse(Y, mh.sigmoid(X @ W + b))
    dW, db = mh.sse_gradient(X, Y, W, b)
    for got, numeric in ((dW, mh.numerical_gradient(lambda w: E(w, b), W)),
                         (db, mh.numerical_gradient(lambda c: E(W, c), b))):
        assert np.max(np.abs(got - numeric) / np.abs(numeric)) < 1e-9


# =====================================================================================================================
# Notebook 05 · Real data: the Palmer penguins
# =====================================================================================================================


# =====================================================================================================================


@pytest.mark.parametrize("notebook, sentence, check", CLAIMS)
def test_claim(notebook, sentence, check):
    assert re.sub(r"\s+", " ", sentence) in prose(notebook), f"notebook {notebook} no longer says: {sentence!r}"
    check()


def test_every_notebook_has_claims():
    counted = {param.values[0] for param in CLAIMS}
    assert counted == {path.name[:2] for path in NOTEBOOKS.glob("0*.ipynb")}
