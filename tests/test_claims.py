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


# --- shared by the rows of notebooks 01 and 02 ------------------------------------------------------------------------

def two_input_data():
    """Notebook 01's 60 points with two inputs (sections 5 and 6)."""
    return mh.make_data(W_true=[2.0, -1.5], b_true=0.5, m=60, seed=1, spread=1.2)


def misclassified(X, y, w, b):
    """How many points of X (m, 2) fall on the wrong side of w·x + b = 0, for each row of w (k, 2) and b (k,)."""
    z = X @ np.atleast_2d(w).T + np.atleast_1d(b)  # (m, k)
    return np.sum((z > 0) != (y[:, None] == 1), axis=0)  # (k,)


def fewest_mistakes_of_any_line(X, y):
    """The fewest points any line w·x + b = 0 misclassifies, over 3600 directions and every threshold between points."""
    angles = np.linspace(0, 2 * np.pi, 3600, endpoint=False)
    w = np.c_[np.cos(angles), np.sin(angles)]  # (3600, 2) unit normals
    s = np.sort(X @ w.T, axis=0)  # (m, 3600) the points' projections, in order
    cuts = np.r_[s[:1] - 1, (s[1:] + s[:-1]) / 2, s[-1:] + 1]  # (m + 1, 3600) a threshold in every gap
    return min(int(misclassified(X, y, w, -cuts[k]).min()) for k in range(len(cuts)))


# =====================================================================================================================
# Notebook 01 · Prediction
# =====================================================================================================================

@claim("01", r"It is largest, $\frac{1}{4}$, at $z = 0$ and vanishes in both tails")
def _():
    z = np.linspace(-40, 40, 8001)
    slope = mh.sigmoid_prime(z)
    assert z[slope.argmax()] == 0 and slope.max() == 0.25
    assert np.all(np.diff(slope[z >= 0]) < 0) and np.all(np.diff(slope[z <= 0]) > 0)  # falls away on both sides
    assert mh.sigmoid_prime(-40.0) < 1e-17 and mh.sigmoid_prime(40.0) < 1e-17


@claim("01", r"The printed values are the same numbers the article prints (it shows two of them to 17 digits, "
             r"0.92414181997875655 and 0.61774787476924897; here they have 16)")
def _():
    assert float(mh.sigmoid(2.5)) == 0.92414181997875655  # the article's σ(2.5), 17 digits: the same float64
    assert float(mh.sigmoid(1 * 0.38 + 0.1)) == 0.61774787476924897  # its predict(1, .38, .1)
    assert f"{float(mh.sigmoid(2.5)):.16f}" == "0.9241418199787566"
    assert f"{float(mh.sigmoid(0.38 + 0.1)):.16f}" == "0.6177478747692490"


@claim("01", r"At $W = 10$ it climbs from $\hat{y} = 0.0067$ at $x = -0.5$ to $\hat{y} = 0.9933$ at $x = 0.5$")
def _():
    assert f"{mh.predict(10.0, -0.5, 0.0):.4f}" == "0.0067" and f"{mh.predict(10.0, 0.5, 0.0):.4f}" == "0.9933"


@claim("01", r"With $W < 0$ it faces the other way: it falls from 1 to 0, so large inputs now give $\hat{y}$ near 0.")
def _():
    x = np.linspace(-6, 6, 241)
    for W in (-0.5, -2.0, -10.0):
        y_hat = mh.predict(W, x, 0.0)
        assert np.all(np.diff(y_hat) <= 0) and y_hat[0] > 0.95 and y_hat[-1] < 0.05


@claim("01", r"with $W = 2$, raising $b$ from $-1$ to $1$ moves it from $x = 0.5$ to $x = -0.5$ (to the left); with "
             r"$W = -2$ the same change moves it to the right.")
def _():
    for W, before, after in ((2.0, 0.5, -0.5), (-2.0, -0.5, 0.5)):
        assert mh.predict(W, before, -1.0) == 0.5 and mh.predict(W, after, 1.0) == 0.5  # ŷ = ½ there: the crossing


@claim("01", r"The vector $(w_1, w_2)$ points across the line towards class 1, and its length sets how quickly "
             r"$\hat{y}$ changes from 0 to 1.")
def _():
    w, b = np.array([2.0, -1.5]), 0.5
    on_line = np.array([0.0, 1 / 3])  # 2·0 − 1.5·(1/3) + 0.5 = 0
    assert mh.predict(w, on_line, b) == 0.5
    step = w / np.linalg.norm(w)  # a unit step along (w1, w2)
    assert mh.predict(w, on_line + 0.1 * step, b) > 0.5 > mh.predict(w, on_line - 0.1 * step, b)
    # twice the length, same line: ŷ a step away from the line is further from ½
    assert mh.predict(2 * w, on_line + 0.1 * step, 2 * b) > mh.predict(w, on_line + 0.1 * step, b)


@claim("01", r"The start gets 31 of 60 right. The true parameters get 47 right (13 on the wrong side), and you can "
             r"beat them: the best the sliders allow is 49 of 60, for example $w_1 = 4.5$, $w_2 = -3$, $b = -0.7$.")
def _():
    data = two_input_data()
    X, y = data.X, data.y
    assert misclassified(X, y, [1.0, 1.0], 0.0)[0] == 29 and misclassified(X, y, [2.0, -1.5], 0.5)[0] == 13
    assert misclassified(X, y, [4.5, -3.0], -0.7)[0] == 11
    grid = np.round(np.linspace(-5, 5, 101), 1)  # the sliders' values for w1, w2 and b
    W1, W2 = np.meshgrid(grid, grid)
    w = np.c_[W1.ravel(), W2.ravel()]  # (10201, 2)
    assert min(int(misclassified(X, y, w, np.full(len(w), b)).min()) for b in grid) == 11


@claim("01", r"Here, with points on the wrong side of every line, large weights are punished by those points.")
def _():
    data = two_input_data()
    # No line puts every point on its side: E is convex and its lowest value is well above 0, which a separating
    # line would make as small as we like (scaled up, as the next claim shows).
    history = mh.gradient_descent(data.X, data.y, np.zeros(2), 0.0, learning_rate=1.0, steps=5000)
    dW, db = mh.cross_entropy_gradient(data.X, data.y, history.W[-1], history.b[-1])
    assert np.linalg.norm(np.r_[dW, db]) < 1e-8 and history.loss[-1] > 0.4  # the lowest point: E = 0.41, not 0
    assert fewest_mistakes_of_any_line(data.X, data.y) == 10  # (the best line found misclassifies 10 points)
    E = [mh.cross_entropy(data.y, mh.predict(c * data.W_true, data.X, c * data.b_true)) for c in (1, 3, 10)]
    assert E[0] < E[1] < E[2]  # scaled up, the true parameters cost more


@claim("01", r"When a line puts *every* point on its side (the classes are **separable**), scaling up only ever helps, "
             r"so there are no best finite weights")
def _():
    data = two_input_data()
    y_sep = (data.X @ data.W_true + data.b_true > 0).astype(float)  # labels the true line separates
    E = [mh.cross_entropy_from_logits(y_sep, c * (data.X @ data.W_true + data.b_true)) for c in range(1, 60)]
    assert np.all(np.diff(E) < 0) and E[-1] > 0


@claim("01", r"A float64 number (numpy's default) cannot exceed about $1.8 \times 10^{308}$. For $z = -1000$ the formula "
             r"asks for $e^{1000} \approx 2 \times 10^{434}$")
def _():
    assert f"{np.finfo(np.float64).max:.1e}" == "1.8e+308"
    exponent = 1000 / np.log(10)  # e^1000 = 10^434.29…
    assert f"{10 ** (exponent % 1):.0f}e{int(exponent)}" == "2e434"


@claim("01", r"the float64 numbers just above 1 are $2^{-52} \approx 2.2 \times 10^{-16}$ apart (just below 1, half that)")
def _():
    assert np.nextafter(1.0, 2.0) - 1.0 == 2.0 ** -52 and f"{2.0 ** -52:.1e}" == "2.2e-16"
    assert 1.0 - np.nextafter(1.0, 0.0) == 2.0 ** -53


@claim("01", r"The denominator rounds to 1 for every $z$ from $53 \ln 2 \approx 36.7$ on")
def _():
    start = 53 * np.log(2)  # e^(−z) ≤ 2^−53, half the gap above 1, from here on
    assert f"{start:.1f}" == "36.7"
    z = np.linspace(start + 1e-12, 800, 100_000)
    assert np.all(1.0 + np.exp(-z) == 1.0) and np.all(mh.sigmoid(z) == 1.0)
    assert 1.0 + np.exp(-(start - 1e-9)) > 1.0 and mh.sigmoid(start - 1e-9) < 1.0  # just before, not yet


@claim("01", r"it cannot make $\sigma(37)$ differ from 1.0 either, but it keeps the small numbers $\sigma'(z)$ and "
             r"$1 - \sigma(z) = \sigma(-z)$ exact.")
def _():
    assert mh.sigmoid(37.0) == 1.0
    z = np.array([37.0, 50.0, 300.0, 700.0])
    e = np.exp(-z)  # the exact values are e/(1 + e)² and e/(1 + e), that is e to float64 precision here
    assert np.allclose(mh.sigmoid_prime(z), e, rtol=1e-15, atol=0) and np.allclose(mh.sigmoid(-z), e, rtol=1e-15, atol=0)
    assert np.all(mh.sigmoid_prime(z) > 0) and np.all(1 - mh.sigmoid(z) == 0)  # subtracting from 1 would give 0


# =====================================================================================================================
# Notebook 02 · The error function
# =====================================================================================================================

def one_input_data(m=24):
    """Notebook 02's data (section 5): points made with W = 1.5, b = −0.5; 24 of them unless m says otherwise."""
    return mh.make_data(W_true=[1.5], b_true=-0.5, m=m, seed=3, spread=2.0)


def losses(data, W, b, y=None):
    """Each point's loss ℓᵢ = ln(1 + e^z) − y z at (W, b), one per point, (m,)."""
    x, y = data.X[:, 0], data.y if y is None else y
    return np.array([mh.cross_entropy_from_logits([label], [W * xi + b]) for xi, label in zip(x, y)])


@claim("02", r"A product of many numbers below 1 soon falls below the smallest float64 (about $10^{-308}$) and comes out "
             r"as 0")
def _():
    data = one_input_data(m=2400)
    W, b, E = mh.minimum(data, steps=5000)  # the largest likelihood there is for these 2,400 labels
    y_hat = mh.predict(W, data.X[:, 0], b)
    likelihood = np.prod(np.where(data.y == 1, y_hat, 1 - y_hat))
    assert likelihood == 0.0 and 2400 * E > -np.log(np.finfo(float).smallest_subnormal)  # e^(−2400 E) < 5e-324


@claim("02", r"Dividing by the number of points $m$ makes the value comparable between data sets of different size")
def _():
    means, sums = [], []
    for m in (240, 2400):
        data = one_input_data(m)
        z = 1.5 * data.X[:, 0] - 0.5
        means.append(mh.cross_entropy_from_logits(data.y, z))
        sums.append(m * means[-1])
    assert abs(means[0] - means[1]) < 0.01 and sums[1] > 9 * sums[0]


@claim("02", r"At $\hat{y} = 0.5$ either label costs $\ln 2 \approx 0.693$. At $\hat{y} = 0.01$ a point whose label is 1 "
             r"costs $-\ln 0.01 \approx 4.605$, about 6.6 times as much")
def _():
    assert f"{mh.error_formula(1, 0.5):.3f}" == f"{mh.error_formula(0, 0.5):.3f}" == "0.693"
    assert f"{mh.error_formula(1, 0.01):.3f}" == "4.605"
    assert f"{mh.error_formula(1, 0.01) / mh.error_formula(1, 0.5):.1f}" == "6.6"


@claim("02", r"The same $\hat{y} = 0.01$ costs only $-\ln 0.99 \approx 0.010$ for a point whose label is 0.")
def _():
    assert f"{mh.error_formula(0, 0.01):.3f}" == "0.010"


@claim("02", r"With more points the two move together: for 2,400 points made the same way, the minimum is at $W = 1.49$, "
             r"$b = -0.52$.")
def _():
    W, b, _ = mh.minimum(one_input_data(m=2400), steps=5000)
    assert f"{W:.2f}, {b:.2f}" == "1.49, -0.52"
    assert mh.minimum(one_input_data(m=2400), steps=10000)[:2] == pytest.approx((W, b), abs=1e-6)  # converged


@claim("02", r"each point's loss $\ln(1 + e^{z}) - yz$ is a convex function of $z$ (its second derivative is "
             r"$\sigma'(z) > 0$)")
def _():
    z, h = np.linspace(-30, 30, 601), 1e-3
    for y in (0, 1):
        loss = lambda v: np.array([mh.cross_entropy_from_logits([y], [vi]) for vi in np.atleast_1d(v)])
        second = (loss(z + h) - 2 * loss(z) + loss(z - h)) / h ** 2
        assert np.allclose(second, mh.sigmoid_prime(z), atol=1e-6) and np.all(mh.sigmoid_prime(z) > 0)


@claim("02", r"At $W = 6$, $b = -0.5$ the error is $1.1678$. Five points are on the wrong side of the step; the four at "
             r"$x = -1.01$, $-0.91$, $0.96$ and $1.09$ each cost more than 5 and together make 85% of it, and the fifth, "
             r"at $x = -0.46$, costs 3.32.")
def _():
    data = one_input_data()
    loss = losses(data, 6.0, -0.5)
    assert f"{loss.mean():.4f}" == "1.1678"
    wrong = ((6.0 * data.X[:, 0] - 0.5) > 0) != (data.y == 1)  # (m,) on the wrong side of the step
    assert sorted(f"{v:.2f}" for v in data.X[wrong, 0]) == sorted(["-1.01", "-0.91", "-0.46", "0.96", "1.09"])
    worst = np.argsort(loss)[::-1][:4]
    assert sorted(f"{v:.2f}" for v in data.X[worst, 0]) == sorted(["-1.01", "-0.91", "0.96", "1.09"])
    assert np.all(loss[worst] > 5) and np.sort(loss)[::-1][4] < 5
    assert f"{loss[worst].sum() / loss.sum():.2f}" == "0.85"
    (fifth,) = np.flatnonzero(wrong & (loss < 5))
    assert f"{loss[fifth]:.2f}" == "3.32"


@claim("02", r"Along the edges of the map, at $W = -6$ (with $b$ at the star's) the error is $8.87$, "
             r"at $b = \pm 6$ (with $W$ at the star's) at most $3.12$: the walls rise faster along $W$.")
def _():
    data = one_input_data()
    W_star, b_star, _ = mh.minimum(data)
    assert f"{losses(data, -6.0, b_star).mean():.2f}" == "8.87"
    assert f"{max(losses(data, W_star, -6.0).mean(), losses(data, W_star, 6.0).mean()):.2f}" == "3.12"


@claim("02", r"class-1 points at $x = -1.01$ and $x = -0.91$ lie left of class-0 points at $x = 0.96$ and $x = 1.09$), "
             r"so no threshold on $x$ puts every point on its side.")
def _():
    data = one_input_data()
    order = np.argsort(data.X[:, 0])
    x, y = data.X[order, 0], data.y[order]
    shown = {f"{v:.2f}": label for v, label in zip(x, y)}
    assert shown["-1.01"] == shown["-0.91"] == 1 and shown["0.96"] == shown["1.09"] == 0
    # a threshold t with class 1 above it (or below it) makes at least one mistake, wherever t is
    cuts = np.r_[x[0] - 1, (x[1:] + x[:-1]) / 2, x[-1] + 1]
    assert all(np.any((x > t) != (y == 1)) and np.any((x < t) != (y == 1)) for t in cuts)


@claim("02", r"Large weights then make some point confidently wrong, $E$ grows far out in every direction, and the bowl "
             r"has a lowest point: the best fit.")
def _():
    data = one_input_data()
    W_star, b_star, E_star = mh.minimum(data)
    dW, db = mh.cross_entropy_gradient(data.X, data.y, np.array([W_star]), b_star)
    assert abs(dW[0]) < 1e-8 and abs(db) < 1e-8  # a lowest point: the slope is 0 there
    for angle in np.linspace(0, 2 * np.pi, 360, endpoint=False):  # every direction (cos, sin) in the (W, b) plane
        far = [losses(data, c * np.cos(angle), c * np.sin(angle)).mean() for c in (10, 100)]
        assert E_star < far[0] < far[1] and far[1] > 5 * far[0] / 2  # growing, about in proportion to the distance


@claim("02", r"$E$ keeps falling as $W$ grows and never reaches 0, so there is no lowest point: gradient descent never "
             r"settles, and $W$ grows without bound (about 19 after 10,000 steps, and still growing).")
def _():
    data = one_input_data()
    x = data.X[:, 0]
    y_sep = (x > 0).astype(float)
    E = [mh.cross_entropy_from_logits(y_sep, c * x) for c in np.linspace(1, 30, 300)]
    assert np.all(np.diff(E) < 0) and E[-1] > 0
    descent = mh.gradient_descent(x[:, None], y_sep, np.zeros(1), 0.0, learning_rate=1.0, steps=40000)
    assert np.all(np.diff(descent.loss) < 0) and descent.loss[-1] > 0
    assert round(descent.W[10000, 0]) == 19
    assert descent.W[20000, 0] > descent.W[10000, 0] + 2 and descent.W[40000, 0] > descent.W[20000, 0] + 2


@claim("02", r"$\varepsilon \approx 2.2 \times 10^{-16}$, the float64 machine epsilon, so the worst loss is "
             r"$-\ln\varepsilon \approx 36.04$")
def _():
    eps = np.finfo(float).eps
    assert f"{eps:.1e}" == "2.2e-16" and f"{-np.log(eps):.2f}" == "36.04"
    assert mh.error_formula(1, 0.0) == mh.error_formula(0, 1.0) == pytest.approx(-np.log(eps))


@claim("02", r"The clipped version is capped at $-\ln\varepsilon \approx 36.04$ for every $z$ below "
             r"$\ln\varepsilon \approx -36.04$")
def _():
    cap = -np.log(np.finfo(float).eps)
    below = np.linspace(-1000, -36.05, 500)
    assert all(mh.error_formula(1, mh.sigmoid(z)) == pytest.approx(cap, rel=1e-12) for z in below)
    assert mh.error_formula(1, mh.sigmoid(-36.0)) < cap - 0.03


@claim("02", r"the true value, $4.2 \times 10^{-18}$ at $z = 40$, is below what float64 can add to 40")
def _():
    true_value = np.log1p(np.exp(-40.0))  # ln(1 + e^(−40)), the loss at z = 40 for y = 1
    assert f"{true_value:.1e}" == "4.2e-18"
    assert 40.0 + true_value == 40.0 and mh.cross_entropy_from_logits([1], [40.0]) == 0.0


@claim("02", r"never overflows: `logaddexp` computes $\ln(e^a + e^b)$ as the larger of $a, b$ plus "
             r"$\ln(1 + e^{-|a - b|})$. So it is finite for every finite $z$, and as accurate as float64 numbers the "
             r"size of $z$ allow: within about $10^{-16}\,|z|$ of the true loss.")
def _():
    z = np.r_[-1e4, -1000.0, -40.0, np.linspace(-30, 30, 61), 40.0, 1000.0, 1e4]
    for y in (0, 1):
        with np.errstate(over="raise", invalid="raise"):
            got = np.array([mh.cross_entropy_from_logits([y], [v]) for v in z])
        # the true loss ln(1 + e^((1 − 2y) z)), written without overflow or cancellation
        s = (1 - 2 * y) * z
        want = np.maximum(s, 0) + np.log1p(np.exp(-np.abs(s)))
        assert np.all(np.isfinite(got)) and np.all(np.abs(got - want) <= 4e-16 * np.maximum(np.abs(z), 1))


@claim("02", r"a point with label 1 and logit $z = -1000$ should cost 1000, not 34.5.")
def _():
    assert mh.cross_entropy_from_logits([1], [-1000.0]) == 1000.0
    clipped = np.clip(mh.sigmoid(-1000.0), 1e-15, 1 - 1e-15)  # section 8's clipping, ε = 1e-15
    assert f"{-np.log(clipped):.1f}" == "34.5"


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


@claim("03", r"A wrong sign or a missing $\frac1m$ (a factor $m = 24$ here) would disagree in the first digit.")
def _():
    data = _data03()
    for W, b in [(-3.0, 3.0), (0.0, 0.0), (0.9, -0.5), (4.0, 2.0)]:
        dW, db = mh.cross_entropy_gradient(data.X, data.y, np.array([W]), b)
        right = np.r_[dW, db]
        for wrong in (-right, right * len(data.y)):
            assert np.max(np.abs(wrong - right) / np.abs(right)) > 0.5  # off by far more than a first digit


def _digits03(points, together=False):
    """For each (W, b): how many digits the analytic gradient and the central differences (h = 1e-6) share,
    −log10 of their largest relative error over W and b; as section 3 computes them (one parameter at a time),
    or `together`, as the hint of 8.4 does, with θ = (W, b) in one call."""
    data = _data03()
    E = lambda W, b: mh.cross_entropy_from_logits(data.y, data.X @ W + b)
    digits = []
    for W, b in points:
        W = np.array([W])
        dW, db = mh.cross_entropy_gradient(data.X, data.y, W, b)
        if together:
            numeric = mh.numerical_gradient(lambda t: E(t[:1], t[1]), np.r_[W, b])
        else:
            numeric = np.r_[mh.numerical_gradient(lambda w: E(w, b), W), mh.numerical_gradient(lambda c: E(W, c), b)]
        analytic = np.r_[dW, db]
        digits.append(-np.log10(np.max(np.abs(analytic - numeric) / np.maximum(np.abs(analytic), np.abs(numeric)))))
    return np.array(digits)


@claim("03", r"With $h = 10^{-6}$ central differences can confirm a gradient to at least seven digits; here they agree to eight to ten digits (the largest relative error is below $10^{-8}$).")
@claim("03", r"Central differences with $h = 10^{-6}$ check a gradient to at least seven digits (eight to ten in this notebook)")
def _():
    digits = _digits03([(-3.0, 3.0), (0.0, 0.0), (0.9, -0.5), (4.0, 2.0)])  # section 3's four points
    assert np.all(digits > 8) and (np.round(digits).min(), np.round(digits).max()) == (8, 10)  # error < 1e-8


@claim("03", r"The right one agrees to seven digits or more everywhere (nine or ten here)")
def _():
    digits = _digits03([(-3.0, 3.0), (0.0, 0.0), (2.0, -1.0)], together=True)  # the hint's three points
    assert np.all(digits > 7) and set(np.round(digits)) == {9, 10}


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


@claim("03", r"$\eta = 0.5$: after 20 steps $E = 0.5324$, still 16.5% above the minimum 0.4571; it is on its way.")
def _():
    loss, E_min = _descent03(0.5).loss, mh.minimum(_data03())[2]
    assert f"{loss[-1]:.4f}" == "0.5324" and f"{E_min:.4f}" == "0.4571"
    assert f"{100 * (loss[-1] / E_min - 1):.1f}" == "16.5" and len(_rises(loss)) == 0 and loss[-1] < loss[-2] - 1e-4


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


@claim("04", "for larger $\\eta$ it ends off its minimum, erratically: from about 14 to 50, where it ends jumps about from "
             "one notch of the slider to the next and moves if the start changes in its twelfth decimal, so the readout's "
             "digits there mean nothing; from about 56 on it ends steadily farther off (20.3923 at 100). That is the "
             "too-large rate of notebook 03. Below 0.11, 300 steps are too few.")
def _():
    etas = 10 ** np.arange(-2, 2.0001, 0.05)  # the slider's notches
    E = np.array([_end_of_descent(ONE_INPUT, "cross_entropy", eta)[2] for eta in etas])
    E_moved = np.array([_end_of_descent(ONE_INPUT, "cross_entropy", eta, W0=-6.0 + 1e-12)[2] for eta in etas])
    E_best = mh.minimum(ONE_INPUT)[2]
    assert np.all(E[etas > 10] > E_best + 1e-3)  # off the minimum
    chaotic = (etas > 13) & (etas < 51)  # 14.1 … 50.1
    assert np.all(np.abs(E - E_moved)[chaotic] > 1e-2) and not np.all(np.diff(E[chaotic]) > 0)
    steady = etas > 55  # 56.2 … 100
    assert np.allclose(E[steady], E_moved[steady], rtol=0, atol=1e-9) and np.all(np.diff(E[steady]) > 0)
    assert f"{E[-1]:.4f}" == "20.3923"
    assert np.all(E[etas < 0.105] - E_best > 1e-4)


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

def penguins_split():
    """Notebook 05's data and split: the penguins, a quarter held out from the seed 2; the training set raw and
    standardised."""
    data = mh.load_penguins()
    order = np.random.default_rng(2).permutation(len(data.y))
    test, train = order[:len(data.y) // 4], order[len(data.y) // 4:]
    X_train, y_train = data.X[train], data.y[train]
    Z_train, _ = mh.standardize(X_train, data.X[test])
    return data, X_train, y_train, Z_train


def penguins_optimum():
    """All 219 penguins, standardised (Z), and the minimum (W, b) of E on them, from a long descent."""
    data = mh.load_penguins()
    Z, _ = mh.standardize(data.X, data.X)
    run = mh.gradient_descent(Z, data.y, np.zeros(2), 0.0, learning_rate=20.0, steps=5000)
    return data, Z, run.W[-1], run.b[-1]


def penguin_hessian(X, y, W, b):
    """The notebook's H = (1/m) Σᵢ ŷᵢ(1 − ŷᵢ) xᵢ⁺ xᵢ⁺ᵀ, xᵢ⁺ = (xᵢ, 1)."""
    X_plus = np.column_stack([X, np.ones(len(X))])
    y_hat = mh.sigmoid(X @ W + b)
    return X_plus.T @ (X_plus * (y_hat * (1 - y_hat))[:, None]) / len(X)


def largest_never_rising_eta(X, y, low, high, steps=1000):
    """The notebook's bisection: the largest η for which E never rises (beyond 1e-12) in `steps` steps from 0."""
    def never_rises(eta):
        return bool(np.all(np.diff(mh.gradient_descent(X, y, np.zeros(2), 0.0, eta, steps).loss) <= 1e-12))
    assert never_rises(low) and not never_rises(high)
    while high / low > 1.001:
        middle = np.sqrt(low * high)
        low, high = (middle, high) if never_rises(middle) else (low, middle)
    return low


def steps_to_99(run, E_start, E_min):
    """The notebook's count: the first step where E − E_min is at most 1% of E's fall ln 2 − E_min; None if never."""
    there = np.nonzero(run.loss - E_min <= 0.01 * (E_start - E_min))[0]
    return int(there[0]) if there.size else None


@claim("05", "gradient descent on the raw numbers crawls (16% of the way down after 20 000 steps), and on the same "
             "numbers, standardised, it gets 99% of the way down in 17 steps.")
def _():
    _, X_train, y_train, Z_train = penguins_split()
    best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 5000)
    E_start, E_min = best.loss[0], best.loss[-1]
    eta_raw = largest_never_rising_eta(X_train, y_train, 1e-9, 1e-3)
    raw = mh.gradient_descent(X_train, y_train, np.zeros(2), 0.0, eta_raw, 20_000)
    assert f"{(E_start - raw.loss[-1]) / (E_start - E_min):.0%}" == "16%"
    assert steps_to_99(mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 2000), E_start, E_min) == 17


@claim("05", "$\\eta = 10$ is just above $2/\\lambda_\\text{max}$ at the minimum ($\\eta\\lambda_\\text{max}$ a little "
             "over 2), so that descent never settles: it ends bouncing between two points either side of the minimum.")
def _():
    small = mh.make_data(W_true=[1.5], b_true=-0.5, m=24, seed=3, spread=2.0)  # notebook 03's one-input data
    W_min, b_min, _ = mh.minimum(small)
    top = np.linalg.eigvalsh(penguin_hessian(small.X, small.y, np.array([W_min]), b_min))[-1]
    assert 2 < 10 * top < 2.1
    run = mh.gradient_descent(small.X, small.y, np.zeros(1), 0.0, 10.0, 3000)
    w = run.W[-4:, 0]  # the last four weights: two points, visited in turn
    assert np.allclose(w[0], w[2], atol=1e-9) and np.allclose(w[1], w[3], atol=1e-9) and abs(w[0] - w[1]) > 0.1
    assert min(w) < W_min < max(w)  # either side of the minimum
    settles = mh.gradient_descent(small.X, small.y, np.zeros(1), 0.0, 9.0, 3000)  # just below 2/λ_max: it settles
    assert abs(settles.W[-1, 0] - W_min) < 1e-9


@claim("05", "the largest $\\eta$ is not the fastest (117 steps): it overshoots far past the minimum once, then creeps "
             "back.")
def _():
    _, _, y_train, Z_train = penguins_split()
    eta = largest_never_rising_eta(Z_train, y_train, 1e-3, 1e4)
    best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 5000)
    run = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, eta, 2000)
    w1 = run.W[:, 0]
    assert w1[1] > 2 * best.W[-1, 0]  # far past the minimum's w̃1
    assert np.all(np.diff(w1[1:]) <= 0) and w1[-1] > best.W[-1, 0] - 1e-3  # then back down, never past it again
    assert steps_to_99(run, best.loss[0], best.loss[-1]) == 117


@claim("05", "The first step takes $E$ most of the way down (80% of its fall, though only 43% of the distance to the "
             "minimum), and the rest of the path runs along the valley floor towards the bottom without zig-zagging "
             "across it; after 200 steps it is still 18% of the distance short.")
def _():
    _, _, y_train, Z_train = penguins_split()
    best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 5000)
    run = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 200)
    path = np.column_stack([run.W, run.b])  # (201, 3) the points (w1, w2, b)
    distance = np.linalg.norm(path - np.append(best.W[-1], best.b[-1]), axis=1)  # (201,) to the minimum
    assert f"{(run.loss[0] - run.loss[1]) / (run.loss[0] - best.loss[-1]):.0%}" == "80%"
    assert f"{1 - distance[1] / distance[0]:.0%}" == "43%" and f"{distance[200] / distance[0]:.0%}" == "18%"


@claim("05", "An $\\eta$ below $2/\\lambda_\\text{max}$ at the start is always safe, since no curvature anywhere is "
             "larger; the largest $\\eta$ that works can be larger (15 times, for the standardised penguins)")
def _():
    _, _, y_train, Z_train = penguins_split()
    top = np.linalg.eigvalsh(penguin_hessian(Z_train, y_train, np.zeros(2), 0.0))[-1]
    assert round(largest_never_rising_eta(Z_train, y_train, 1e-3, 1e4) / (2 / top)) == 15


@claim("05", "a far rounder bowl (about 2 : 1 at the start and 100 : 1 at the minimum, against 1.5e9 and 1.7e10 raw): "
             "a far larger $\\eta$, and 17 steps to 99% of the way down at $\\eta = 20$")
def _():
    _, X_train, y_train, Z_train = penguins_split()
    best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 5000)
    W_raw, b_raw = mh.to_original_units(best.W[-1], best.b[-1], X_train.mean(axis=0), X_train.std(axis=0))
    ratio = lambda X, W, b: (lambda lam: lam[-1] / lam[0])(np.linalg.eigvalsh(penguin_hessian(X, y_train, W, b)))
    assert round(ratio(Z_train, np.zeros(2), 0.0)) == 2 and 90 < ratio(Z_train, best.W[-1], best.b[-1]) < 120
    assert f"{ratio(X_train, np.zeros(2), 0.0):.1e}" == "1.5e+09" and f"{ratio(X_train, W_raw, b_raw):.1e}" == "1.7e+10"
    assert steps_to_99(mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 2000),
                       best.loss[0], best.loss[-1]) == 17


@claim("05", "They are not linearly separable: $E$ has a minimum at finite weights, where 98.6% of the 219 penguins "
             "are on their side of the boundary")
def _():
    data, Z, W, b = penguins_optimum()
    dW, db = mh.cross_entropy_gradient(Z, data.y, W, b)
    assert np.linalg.norm(np.append(dW, db)) < 1e-8 and np.all(np.abs(W) < 100)  # a minimum, at finite weights
    assert len(data.y) == 219 and f"{np.mean((Z @ W + b > 0) == (data.y == 1)):.1%}" == "98.6%"


@claim("05", "Chinstraps have longer bills than Adelies of the same mass, but the two clouds touch: no straight line "
             "separates them all.")
def _():
    data, Z, W, b = penguins_optimum()
    assert W[0] > 0  # at a fixed mass, a longer bill raises z towards Chinstrap
    assert np.mean((Z @ W + b > 0) == (data.y == 1)) < 1  # the best line still misclassifies (a minimum exists)


@claim("05", "No zig-zag: each step across the valley now falls short of the valley floor instead of jumping past it, "
             "so $w_2$ creeps down to the floor from one side and its step no longer changes direction. It does not "
             "get further: after 20 000 steps $E$ is higher than with the full $\\eta$")
def _():
    _, X_train, y_train, _ = penguins_split()
    eta = largest_never_rising_eta(X_train, y_train, 1e-9, 1e-3)
    full = mh.gradient_descent(X_train, y_train, np.zeros(2), 0.0, eta, 20_000)
    third = mh.gradient_descent(X_train, y_train, np.zeros(2), 0.0, eta / 3, 20_000)
    flips = lambda run: int(np.sum(np.diff(np.sign(np.diff(run.W[:, 1]))) != 0))
    assert flips(full) > 10 and flips(third) == 0
    assert third.loss[-1] > full.loss[-1]


@claim("05", "And since $\\hat{y}(1-\\hat{y}) \\le \\frac14$ everywhere, no curvature anywhere is larger than "
             "the start's, so $\\eta < 2/\\lambda_\\text{max}$ there is safe everywhere.")
def _():
    _, X_train, y_train, Z_train = penguins_split()
    rng = np.random.default_rng(0)
    for X, scale in ((X_train, np.array([1.0, 0.01, 50.0])), (Z_train, np.array([20.0, 20.0, 20.0]))):
        top = np.linalg.eigvalsh(penguin_hessian(X, y_train, np.zeros(2), 0.0))[-1]
        for theta in rng.normal(0.0, scale, size=(50, 3)):
            assert np.linalg.eigvalsh(penguin_hessian(X, y_train, theta[:2], theta[2]))[-1] <= top * (1 + 1e-12)


@claim("05", "dividing by $m - 1$ is accepted too: it changes $s_j$ by about 0.3% here.")
def _():
    _, X_train, _, _ = penguins_split()
    change = X_train.std(axis=0, ddof=1) / X_train.std(axis=0) - 1
    assert np.all(np.round(change * 100, 1) == 0.3)


@claim("05", "Its first steps throw the weights far past the minimum, and it spends many steps coming back along the "
             "bowl's flattest direction")
def _():
    _, _, y_train, Z_train = penguins_split()
    eta = largest_never_rising_eta(Z_train, y_train, 1e-3, 1e4)
    best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 5000)
    run = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, eta, 2000)
    assert np.linalg.norm(run.W[1]) > 2 * np.linalg.norm(best.W[-1])  # far past the minimum
    E_min, E_start = best.loss[-1], best.loss[0]
    steps = lambda h: int(np.nonzero(h.loss - E_min <= 0.01 * (E_start - E_min))[0][0])
    assert steps(run) > 5 * steps(mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 2000))


@claim("05", "a heavier penguin needs a longer bill to be called a Chinstrap.")
def _():
    _, X_train, y_train, Z_train = penguins_split()
    best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, 20.0, 5000)
    W, b = mh.to_original_units(best.W[-1], best.b[-1], X_train.mean(axis=0), X_train.std(axis=0))
    assert W[0] > 0 and W[1] < 0  # on the boundary x1 = −(w2 x2 + b)/w1 grows with the mass x2



# =====================================================================================================================


@pytest.mark.parametrize("notebook, sentence, check", CLAIMS)
def test_claim(notebook, sentence, check):
    assert re.sub(r"\s+", " ", sentence) in prose(notebook), f"notebook {notebook} no longer says: {sentence!r}"
    check()


def test_every_notebook_has_claims():
    counted = {param.values[0] for param in CLAIMS}
    lessons = {path.name[:2] for path in NOTEBOOKS.glob("0*.ipynb")} - {"00"}  # 00 is the notation card: no claims
    assert counted == lessons
