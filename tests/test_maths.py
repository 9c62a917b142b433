"""The maths layer of mlmath_helpers, as a spec: values, identities, gradients, extremes, bad input."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import mlmath_helpers as mh

ALL_FP_ERRORS = dict(over="raise", divide="raise", invalid="raise")  # underflow to 0 is the exact limit
EXTREMES = np.array([-1e4, -1000.0, -745.0, -37.0, -1e-300, 0.0, 1e-300, 37.0, 745.0, 1000.0, 1e4])
finite_z = st.floats(-1e4, 1e4, allow_nan=False)


# --- the article's values ---------------------------------------------------------------------------

def test_article_values():
    assert mh.sigmoid(2.5) == 0.9241418199787566
    assert f"{mh.predict(16, .38, 10):.12f}" == "0.999999896117"
    assert mh.predict(1, .38, .1) == 0.6177478747692490


def test_scalar_calls_give_plain_floats():
    assert type(mh.sigmoid(0)) is float and mh.sigmoid(0) == 0.5
    assert type(mh.predict(1, 2, 3)) is float


# --- sigmoid and its derivative ---------------------------------------------------------------------

def test_sigmoid_is_finite_with_exact_limits_at_extremes():
    with np.errstate(**ALL_FP_ERRORS):
        s = mh.sigmoid(EXTREMES)
        d = mh.sigmoid_prime(EXTREMES)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(d))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[5] == 0.5
    assert np.all((s >= 0) & (s <= 1)) and np.all(np.diff(s) >= 0)
    assert d[0] == 0.0 and d[-1] == 0.0 and d[5] == 0.25


@settings(max_examples=300)
@given(finite_z)
def test_sigmoid_symmetry(z):
    assert mh.sigmoid(-z) == pytest.approx(1 - mh.sigmoid(z), abs=1e-15)


@settings(max_examples=300)
@given(finite_z)
def test_sigmoid_prime_is_sigma_times_one_minus_sigma(z):
    s = mh.sigmoid(z)
    assert mh.sigmoid_prime(z) == pytest.approx(s * (1 - s), abs=1e-15)  # 1 − σ cancels: absolute
    assert mh.sigmoid_prime(z) == pytest.approx(s * mh.sigmoid(-z), rel=1e-12, abs=1e-300)  # 1 − σ(z) = σ(−z)


@settings(max_examples=200)
@given(st.floats(-30, 30))
def test_sigmoid_prime_matches_central_differences(z):
    assert mh.sigmoid_prime(z) == pytest.approx(mh.numerical_gradient(mh.sigmoid, z), abs=1e-8)


def test_sigmoid_keeps_shape():
    z = np.arange(12.0).reshape(3, 4) - 6
    assert mh.sigmoid(z).shape == (3, 4)
    assert mh.sigmoid_prime(z).shape == (3, 4)


# --- predict: shapes --------------------------------------------------------------------------------

def test_predict_shapes():
    X = np.ones((5, 3))
    assert np.shape(mh.predict(np.ones(3), X, 0.0)) == (5,)
    assert np.shape(mh.predict(np.ones(3), np.ones(3), 0.0)) == ()
    assert np.shape(mh.predict(np.ones((3, 2)), X, np.zeros(2))) == (5, 2)
    assert np.shape(mh.predict(np.ones((3, 2)), X, 0.0)) == (5, 2)
    assert np.shape(mh.predict(2.0, np.linspace(-1, 1, 7), 0.5)) == (7,)


def test_predict_is_sigmoid_of_wx_plus_b():
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    W = np.array([0.3, -0.7])
    np.testing.assert_allclose(mh.predict(W, X, 0.2), 1 / (1 + np.exp(-(X @ W + 0.2))), rtol=1e-15)


# --- the losses -------------------------------------------------------------------------------------

def test_error_formula_values_and_ends():
    assert mh.error_formula(1, 0.5) == pytest.approx(np.log(2))
    assert mh.error_formula(0, 0.25) == pytest.approx(-np.log(0.75))
    with np.errstate(**ALL_FP_ERRORS):
        worst = mh.error_formula(np.array([1.0, 0.0]), np.array([0.0, 1.0]))
        best = mh.error_formula(np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    np.testing.assert_allclose(worst, -np.log(mh.PROB_EPS))  # large but finite, ≈ 36.04
    assert np.all(best == 0.0)  # a perfect prediction costs exactly nothing


def test_a_perfect_prediction_costs_exactly_zero_and_a_confidently_wrong_one_minus_ln_eps():
    with np.errstate(**ALL_FP_ERRORS):
        assert mh.cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
        assert mh.cross_entropy([[1.0, 0.0]], [[1.0, 0.0]]) == 0.0
        assert mh.error_formula(1, 1.0) == 0.0 and mh.error_formula(0, 0.0) == 0.0
        assert mh.cross_entropy([1.0, 0.0], [0.0, 1.0]) == pytest.approx(-np.log(mh.PROB_EPS), rel=1e-12)
    assert str(mh.cross_entropy([1.0], [1.0])) == "0.0"  # not -0.0


def test_cross_entropy_is_the_mean_of_error_formula():
    y = np.array([1.0, 0.0, 1.0, 1.0])
    p = np.array([0.9, 0.2, 0.4, 0.7])
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))  # the minus covers the whole bracket
    assert mh.cross_entropy(y, p) == pytest.approx(expected, rel=1e-14)


def test_cross_entropy_from_logits_matches_and_is_exact_at_extremes():
    y = np.array([1.0, 0.0, 1.0, 0.0])
    z = np.array([0.3, -1.2, 2.0, 0.7])
    assert mh.cross_entropy_from_logits(y, z) == pytest.approx(mh.cross_entropy(y, mh.sigmoid(z)), rel=1e-13)
    with np.errstate(**ALL_FP_ERRORS):
        assert mh.cross_entropy_from_logits([1.0], [-1e4]) == 1e4   # ln(1 + e^z) − z·y, no clipping
        assert mh.cross_entropy_from_logits([0.0], [1e4]) == 1e4
        assert mh.cross_entropy_from_logits([1.0], [1e4]) == 0.0
        assert mh.cross_entropy_from_logits([0.0], [-1e4]) == 0.0


@settings(max_examples=200)
@given(finite_z, st.sampled_from([0.0, 1.0]))
def test_logit_loss_is_finite_nonnegative_and_agrees_where_probabilities_are_representable(z, y):
    with np.errstate(**ALL_FP_ERRORS):
        exact = mh.cross_entropy_from_logits([y], [z])
        clipped = mh.cross_entropy([y], [mh.sigmoid(z)])
    assert np.isfinite(exact) and exact >= 0 and np.isfinite(clipped)
    if abs(z) < 30:
        assert clipped == pytest.approx(exact, rel=1e-6, abs=1e-12)


def test_sse_is_half_the_sum_over_points_and_outputs():
    y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y_hat = np.array([[0.5, 0.0], [0.0, 0.0], [1.0, 0.0]])
    assert mh.sse(y, y_hat) == 0.5 * (0.25 + 1 + 1)


# --- gradients against central differences ----------------------------------------------------------

SHAPES = [(1, None), (2, None), (3, None), (2, 1), (3, 2), (4, 3)]  # (n inputs, k outputs or None)


def _problem(n, k, seed, m=13):
    rng = np.random.default_rng(seed)
    W = rng.normal(size=(n,) if k is None else (n, k))
    b = rng.normal() if k is None else rng.normal(size=k)
    X = rng.normal(size=(m, n))
    y = (rng.random((m,) if k is None else (m, k)) < 0.5).astype(float)
    return X, y, W, b


def _check_gradient(loss, grad, X, y, W, b):
    dW, db = grad(X, y, W, b)
    assert np.shape(dW) == np.shape(W) and np.shape(db) == np.shape(b)
    np.testing.assert_allclose(dW, mh.numerical_gradient(lambda w: loss(X, y, w, b), W), rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(db, mh.numerical_gradient(lambda c: loss(X, y, W, c), b), rtol=1e-5, atol=1e-8)


def ce_loss(X, y, W, b):  # from logits: differencing ln(1 − ŷ) near ŷ = 1 would add rounding noise
    return mh.cross_entropy_from_logits(y, X @ W + b)


def sse_loss(X, y, W, b):
    return mh.sse(y, mh.predict(W, X, b))


@pytest.mark.parametrize("n,k", SHAPES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cross_entropy_gradient_matches_central_differences(n, k, seed):
    _check_gradient(ce_loss, mh.cross_entropy_gradient, *_problem(n, k, seed))


@pytest.mark.parametrize("n,k", SHAPES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sse_gradient_matches_central_differences(n, k, seed):
    _check_gradient(sse_loss, mh.sse_gradient, *_problem(n, k, seed))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SHAPES), st.integers(0, 2**32 - 1))
def test_gradients_match_central_differences_on_random_problems(shape, seed):
    X, y, W, b = _problem(*shape, seed, m=5)
    _check_gradient(ce_loss, mh.cross_entropy_gradient, X, y, W, b)
    _check_gradient(sse_loss, mh.sse_gradient, X, y, W, b)


def test_gradients_are_finite_at_extreme_logits():
    X = np.array([[1e4], [-1e4]])
    with np.errstate(**ALL_FP_ERRORS):
        for grad in (mh.cross_entropy_gradient, mh.sse_gradient):
            dW, db = grad(X, np.array([0.0, 1.0]), np.array([1.0]), 0.0)
            assert np.all(np.isfinite(dW)) and np.isfinite(db)


def test_numerical_gradient_of_a_known_function_any_shape():
    theta = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(mh.numerical_gradient(lambda t: np.sum(t ** 3), theta), 3 * theta ** 2, rtol=1e-6)
    assert mh.numerical_gradient(lambda t: t ** 2, 3.0) == pytest.approx(6.0)


# --- gradient descent -------------------------------------------------------------------------------

def test_gradient_descent_keeps_history_and_lowers_the_loss():
    d = mh.make_data([2.0, -1.0], 0.5, m=200, seed=1)
    h = mh.gradient_descent(d.X, d.y, np.zeros(2), 0.0, learning_rate=1.0, steps=200)
    assert h.W.shape == (201, 2) and h.b.shape == (201,) and h.loss.shape == (201,)
    assert h.loss[0] == pytest.approx(np.log(2))
    assert np.all(np.diff(h.loss) <= 1e-12)
    np.testing.assert_allclose(h.W[-1], d.W_true, atol=0.4)  # the true parameters, roughly recovered
    np.testing.assert_allclose(h.W[1], -1.0 * mh.cross_entropy_gradient(d.X, d.y, np.zeros(2), 0.0)[0])


def test_gradient_descent_with_sse_and_several_outputs():
    d = mh.make_data(np.array([[1.0, -2.0], [0.5, 1.0]]), np.array([0.0, 0.5]), m=50, seed=3)
    h = mh.gradient_descent(d.X, d.y, np.zeros((2, 2)), np.zeros(2), 0.05, 100, loss="sse")
    assert h.W.shape == (101, 2, 2) and h.b.shape == (101, 2)
    assert h.loss[-1] < h.loss[0]


def test_gradient_descent_with_huge_learning_rate_stays_finite():
    d = mh.make_data([2.0], 0.0, m=30, seed=2)
    with np.errstate(**ALL_FP_ERRORS):
        h = mh.gradient_descent(d.X, d.y, np.zeros(1), 0.0, learning_rate=1e4, steps=50)
    assert np.all(np.isfinite(h.loss)) and np.all(np.isfinite(h.W))


# --- data -------------------------------------------------------------------------------------------

def test_make_data_is_deterministic_and_shaped():
    a = mh.make_data([1.0, 2.0], -0.5, m=30, seed=7)
    b = mh.make_data([1.0, 2.0], -0.5, m=30, seed=7)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert a.X.shape == (30, 2) and a.y.shape == (30,) and set(np.unique(a.y)) <= {0.0, 1.0}
    c = mh.make_data(np.ones((3, 4)), np.zeros(4), m=10, seed=0)
    assert c.X.shape == (10, 3) and c.y.shape == (10, 4)
    assert not np.array_equal(mh.make_data([1.0], 0.0, seed=1).X, mh.make_data([1.0], 0.0, seed=2).X)


# --- bad input: a ValueError that names the argument ------------------------------------------------

X3, y3, W3 = np.ones((4, 3)), np.array([0.0, 1.0, 1.0, 0.0]), np.ones(3)
BAD = [
    ("z", lambda: mh.sigmoid(np.nan)),
    ("z", lambda: mh.sigmoid("abc")),
    ("z", lambda: mh.sigmoid_prime([1.0, np.inf])),
    ("x", lambda: mh.predict(np.ones(3), np.ones(2), 0.0)),
    ("x", lambda: mh.predict(np.ones(3), np.ones((2, 2, 3)), 0.0)),
    ("b", lambda: mh.predict(np.ones(3), np.ones(3), np.ones(2))),
    ("b", lambda: mh.predict(np.ones((3, 2)), np.ones(3), np.ones(3))),
    ("b", lambda: mh.predict(2.0, 1.0, [1.0, 2.0])),
    ("W", lambda: mh.predict(np.ones((2, 2, 2)), np.ones(2), 0.0)),
    ("W", lambda: mh.predict(np.nan, 1.0, 0.0)),
    ("y", lambda: mh.error_formula(2, 0.5)),
    ("output", lambda: mh.error_formula(1, 1.5)),
    ("output", lambda: mh.error_formula([1, 0], [0.5])),
    ("y_hat", lambda: mh.cross_entropy([1, 0], [0.5, -0.1])),
    ("y", lambda: mh.cross_entropy([0.5], [0.5])),
    ("z", lambda: mh.cross_entropy_from_logits([1, 0], [0.5])),
    ("y", lambda: mh.cross_entropy_from_logits([3], [0.5])),
    ("y_hat", lambda: mh.sse([1.0, 2.0], [1.0])),
    ("y", lambda: mh.sse([np.nan], [1.0])),
    ("X", lambda: mh.cross_entropy_gradient(np.ones(4), y3, W3, 0.0)),
    ("W", lambda: mh.cross_entropy_gradient(X3, y3, np.ones(2), 0.0)),
    ("y", lambda: mh.cross_entropy_gradient(X3, y3[:3], W3, 0.0)),
    ("y", lambda: mh.cross_entropy_gradient(X3, y3 + 2, W3, 0.0)),
    ("b", lambda: mh.cross_entropy_gradient(X3, y3, W3, np.ones(3))),
    ("y", lambda: mh.sse_gradient(X3, np.ones((4, 2)), W3, 0.0)),
    ("X", lambda: mh.sse_gradient(X3 * np.nan, y3, W3, 0.0)),
    ("f", lambda: mh.numerical_gradient(3.0, 1.0)),
    ("theta", lambda: mh.numerical_gradient(np.sum, [np.inf])),
    ("h", lambda: mh.numerical_gradient(np.sum, 1.0, h=0)),
    ("loss", lambda: mh.gradient_descent(X3, y3, W3, 0.0, 0.1, 5, loss="mae")),
    ("learning_rate", lambda: mh.gradient_descent(X3, y3, W3, 0.0, -0.1, 5)),
    ("steps", lambda: mh.gradient_descent(X3, y3, W3, 0.0, 0.1, 2.5)),
    ("W", lambda: mh.gradient_descent(X3, y3, np.ones(2), 0.0, 0.1, 5)),
    ("W_true", lambda: mh.make_data(np.ones((1, 1, 1)), 0.0)),
    ("m", lambda: mh.make_data([1.0], 0.0, m=0)),
    ("seed", lambda: mh.make_data([1.0], 0.0, seed=-1)),
    ("spread", lambda: mh.make_data([1.0], 0.0, spread=0)),
    # empty input: no data points, no weights, nothing to compute on
    ("z", lambda: mh.sigmoid([])),
    ("z", lambda: mh.sigmoid_prime(np.empty((0, 3)))),
    ("W", lambda: mh.predict([], [], 0.0)),
    ("x", lambda: mh.predict(np.ones(3), np.empty((0, 3)), 0.0)),
    ("b", lambda: mh.predict(np.ones((3, 2)), np.ones(3), [])),
    ("y", lambda: mh.error_formula([], [])),
    ("y", lambda: mh.cross_entropy([], [])),
    ("y_hat", lambda: mh.cross_entropy([1.0], [])),
    ("y", lambda: mh.cross_entropy_from_logits([], [])),
    ("y", lambda: mh.sse([], [])),
    ("X", lambda: mh.cross_entropy_gradient(np.empty((0, 3)), [], W3, 0.0)),
    ("X", lambda: mh.cross_entropy_gradient(np.empty((4, 0)), y3, [], 0.0)),  # no inputs n = 0
    ("X", lambda: mh.sse_gradient(np.empty((0, 3)), [], W3, 0.0)),
    ("theta", lambda: mh.numerical_gradient(np.sum, [])),
    ("X", lambda: mh.gradient_descent(np.empty((0, 3)), [], W3, 0.0, 0.1, 5)),
    ("W_true", lambda: mh.make_data([], 0.0)),
    ("b_true", lambda: mh.make_data(np.ones((2, 2)), [])),
]


@pytest.mark.parametrize("name,call", BAD, ids=[f"{i}-{n}" for i, (n, _) in enumerate(BAD)])
def test_bad_input_raises_value_error_naming_the_argument(name, call):
    with pytest.raises(ValueError, match=rf"^{name}: expected "):
        call()


def test_decision_boundary_is_where_the_logit_is_zero():
    w, b = np.array([2.0, -1.5]), 0.5
    x1 = np.linspace(-3, 3, 7)
    x2 = mh.decision_boundary(w, b, x1)
    assert x2.shape == x1.shape
    np.testing.assert_allclose(w[0] * x1 + w[1] * x2 + b, 0.0, atol=1e-12)
    assert isinstance(mh.decision_boundary(w, b, 1.0), float)
    assert np.isnan(mh.decision_boundary([1.0, 0.0], 0.5, x1)).all()  # a vertical line has no x2
    for bad, name in (([1.0, 2.0, 3.0], "W"), ([[1.0, 2.0]], "W")):
        with pytest.raises(ValueError, match=name):
            mh.decision_boundary(bad, 0.0, x1)
    with pytest.raises(ValueError, match="b"):
        mh.decision_boundary(w, [0.0, 1.0], x1)
