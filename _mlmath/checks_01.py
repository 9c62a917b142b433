"""Notebook 01's exercises: my_sigmoid(z) (section 7) and my_predict(W, x, b) (section 8).

Each exercise is one block: its mistakes (the value a known mistake gives -> what to change), its own
exception causes, its `check_*` (which names the helper functions that answer it) and its probes.
"""
import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import FLOOR_DIVISION, Verdict, close, disagreement, fmt, run_check, stop
from mlmath_helpers import predict, sigmoid, sigmoid_prime


# --- sigmoid ------------------------------------------------------------------------------------------------

def _limits(got, warned, what, z, fix):
    """σ at z = ±1000 must be exactly its limit 0 or 1 (to 1e-15), finite, with no overflow on the way."""
    limit = np.where(np.asarray(z) > 0, 1.0, 0.0)
    if not np.all(np.isfinite(got)):
        stop(f"{what} gave {fmt(got)}: exp(1000) is inf, and inf/inf is nan; {fix}.")
    if np.any(np.abs(got - limit) > 1e-15):
        if np.all((got > 0) & (got < 1)):
            stop(f"{what} gave {disagreement(got, limit)}: z is clipped too tightly (σ(−30) is already 9.4e-14); "
                  f"clip at ±500 at least, or {fix}.")
        stop(f"{what} gave {disagreement(got, limit)}; {fix}.")
    if warned:
        stop(f"{what} gave the right value, but exp overflowed on the way ({warned[0]}); {fix}.")


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
    return run_check(fn, "sigmoid", "my_sigmoid(z)", _sigmoid_probes, answered_by=(mh.sigmoid, mh.predict))


def _sigmoid_probes(run):
    probes = [  # (z, shape hints); the 1-D array first: its values of both signs tell the mistakes apart best
        (np.array([-3.0, -0.5, 0.0, 2.5]), [((), "one number for an array: σ works elementwise, no sum or mean")]),
        (0.5, [((1,), "for a plain number return a number (a list, np.array([z]) or np.atleast_1d adds an axis)")]),
        (np.array([[-2.0, 0.5, 4.0], [1.0, -6.0, 0.0]]),
         [((6,), "it flattened z: return the shape of z (np operations keep it; no flatten or ravel)")]),
        (np.array([-1, 0, 2]), []),
    ]
    for z, hints in probes:
        what = "sigmoid(0.5)" if np.ndim(z) == 0 else f"sigmoid(z) for z = {fmt(z)}"
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
        stop(f"sigmoid(±1000) gave the right values, but exp overflowed on the way ({warned[-1000.0][0]}): "
              f"np.where computes both branches for every z, so neither may take exp of a large positive number; "
              f"{_STABLE}.")
    for z, w in warned.items():
        if w:
            stop(f"sigmoid({z:g}) gave the right value, but exp overflowed on the way ({w[0]}): e^(−z) for "
                  f"z = {z:g} is beyond float64; {_STABLE}.")
    try:  # a list is not promised by the exercise: a note, not a failure
        got = run.numbers(run.call("sigmoid([-1.0, 0.0, 1.0])", z=[-1.0, 0.0, 1.0])[0], "", "")
        ok = close(got, sigmoid([-1.0, 0.0, 1.0]), 1e-4)
    except Verdict:
        ok = False
    if not ok:
        run.notes.append("Note: it does not take a Python list; z = np.asarray(z, dtype=float) first would make it.")
    return "✓ sigmoid passes: right values, works on arrays, symmetric, no overflow at ±1000."


# --- predict ---------------------------------------------------------------------------------

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
    return run_check(fn, "predict", "my_predict(W, x, b)", _predict_probes, _PREDICT_EXCEPTIONS,
                     answered_by=(mh.predict,))


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
        if got.shape == (4, 3) and close(got, elementwise, 1e-4):
            stop(f"{what} gave shape (4, 3): W * x multiplies elementwise, one value per input; "
                  f"z = Σⱼ wⱼxⱼ + b is np.dot(x, W) (or x @ W), shape (4,).")
        if got.shape == () and close(got, sigmoid(np.sum(W * X) + b), 1e-4):
            stop(f"{what} gave one number for 4 points: np.sum(W * x) also adds over the points; "
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


# --- decision boundary --------------------------------------------------------------------------------------

_SOLVE = "from w₁x₁ + w₂x₂ + b = 0, x₂ = −(w₁x₁ + b)/w₂"
_VERTICAL = ("for w₂ = 0 the boundary is the vertical line x₁ = −b/w₁, with no x₂: test w₂ == 0 first and return "
             "nan for each x₁, np.full(np.shape(x1), np.nan)")


def _decision_boundary_mistakes(W, b, x1):
    """The value a known mistake gives for (w, b, x1) -> what to change (notebook 01, section 9)."""
    w1, w2 = W
    x2 = -(w1 * x1 + b) / w2
    with np.errstate(all="ignore"):
        return [
            (-(w1 * x1 - b) / w2, "the sign of b is flipped: " + _SOLVE),
            ((w1 * x1 + b) / w2, "the minus sign is missing: " + _SOLVE),
            (-(w1 * x1) / w2 - b, "b is not divided by w₂: " + _SOLVE),
            (-(w1 * x1) / w2 + b, "b is not divided by w₂, and its sign is flipped: " + _SOLVE),
            (-(w1 * x1) / w2, "the bias b is missing: " + _SOLVE),
            (-(w2 * x1 + b) / w1, "w₁ and w₂ are swapped: x₁ goes with w₁, and x₂ = −(w₁x₁ + b)/w₂ divides by w₂"),
            (-(w1 * x1 + b) / w1, "it divides by w₁: solve for x₂, which goes with w₂, x₂ = −(w₁x₁ + b)/w₂"),
            (-(w2 * x1 + b) / w2, "x₁ is multiplied by w₂: it goes with w₁, x₂ = −(w₁x₁ + b)/w₂"),
            (-(w1 * x1 + b) * w2, "it multiplies by w₂: divide, x₂ = −(w₁x₁ + b)/w₂"),
            (-(w1 * x1 + b), "w₂ is missing: " + _SOLVE),
            (-w1 * x1 + b / w2, "the sign of b is flipped and w₁x₁ is not divided by w₂: " + _SOLVE),
            (w1 * x1 + b, "that is w₁x₁ + b, the logit with x₂ = 0: solve w₁x₁ + w₂x₂ + b = 0 for x₂ instead"),
            (sigmoid(w1 * x1 + b), "that is ŷ = σ(w₁x₁ + b): the boundary is where z = 0; solve w₁x₁ + w₂x₂ + b = 0 "
                                   "for x₂"),
            (np.zeros_like(x2), "that is 0, the value of w₁x₁ + w₂x₂ + b on the line: return x₂ itself, " + _SOLVE),
            (np.full_like(x2, -b / w2), "that is −b/w₂, the line's x₂ at x₁ = 0 only: x₂ = −(w₁x₁ + b)/w₂"),
            ((w2 / w1) * x1 - b / w2, "the slope w₂/w₁ is that of the vector (w₁, w₂), across the line: the line's "
                                      "slope is −w₁/w₂, " + _SOLVE),
            (np.floor(x2), FLOOR_DIVISION),
            *[(np.round(x2, k), "it is rounded: return x₂ at full precision (round only to print)") for k in range(7)],
        ]


_BOUNDARY_EXCEPTIONS = [
    (IndexError, "out of", "w has two entries, w[0] = w₁ and w[1] = w₂ (Python counts from 0)"),
    (TypeError, "only length-1 arrays", "float(…) and the math module take one number, and x1 may be an array: use "
                                        "numpy operations on the whole x1"),
    (TypeError, "only 0-dimensional arrays", "float(…) and the math module take one number, and x1 may be an array: "
                                             "use numpy operations on the whole x1"),
    (TypeError, "can't multiply sequence", "w is a pair, and a tuple or list times a number repeats it: take its "
                                           "entries, w[0] and w[1], or np.asarray(w)"),
    (TypeError, "unsupported operand", "w is a pair, and a tuple or list does no arithmetic: take its entries, "
                                       "w[0] and w[1], or np.asarray(w)"),
    (ValueError, "could not be broadcast", "w is the pair (w₁, w₂) and x1 holds the x₁ values: multiply x1 by the one "
                                           "weight w[0] = w₁, not by all of w"),
]
_VERTICAL_EXCEPTIONS = [(ZeroDivisionError, "", _VERTICAL)]  # tried first once w₂ = 0


def check_decision_boundary(fn):
    """Notebook 01, exercise (section 9): does `fn(w, b, x1)` return x₂ on the line w₁x₁ + w₂x₂ + b = 0?

    Tried on a 1-D x1 and a plain number, w as an array, a tuple and a list, integers, and w₂ = 0 (a vertical
    line: nan for every x₁, without a warning).
    """
    return run_check(fn, "decision_boundary", "my_decision_boundary(w, b, x1)", _decision_boundary_probes,
                     _BOUNDARY_EXCEPTIONS, answered_by=(mh.decision_boundary,))


def _decision_boundary_probes(run):
    probes = [  # w₁ ≠ ±w₂, neither ±1, b ≠ 0, x₁ of both signs: every catalogued mistake gives another value
        (np.array([1.5, -2.5]), 0.8, np.array([-2.0, -0.5, 0.0, 1.0, 3.0])),
        ((-0.5, 2.0), -1.0, 1.2),  # a tuple and a plain number
        ([3.0, 4.0], 2.5, np.array([-1.5, 0.25, 2.0])),  # a list
        (np.array([2, 3]), -1, np.array([-2, 0, 1, 4])),  # integers: x₂ is not
    ]
    for w, b, x1 in probes:
        kind = {tuple: "a tuple", list: "a list"}.get(type(w), "an array")
        what = (f"decision_boundary(w, b, x1) for w = ({w[0]:g}, {w[1]:g}) ({kind}), b = {b:g}, "
                + (f"x1 = {x1:g}" if np.ndim(x1) == 0 else f"x1 = {fmt(x1, 3)}"))
        out = run.call(what, w=w, b=b, x1=x1)[0]
        if isinstance(out, list):
            stop(f"{what} returned a list: return a numpy array, the same shape as x1 (compute with numpy on the "
                 f"whole x1, or np.asarray(…)).")
        got = run.numbers(out, what, "x₂")
        run.shape(got, np.shape(x1), what, [
            ((1,), "for a plain number x1 return a number (a list or np.array([…]) adds an axis)"),
            ((), "one number for an array x1: x₂ is computed for every x₁, entry by entry, no sum or mean"),
            ((2,), "one value per weight: x₂ = −(w₁x₁ + b)/w₂ is one value per x₁"),
            ((np.size(x1), 2), "a pair per x₁: return x₂ alone, not (x₁, x₂)"),
            ((2, np.size(x1)), "both coordinates: return x₂ alone, not (x₁, x₂)"),
            ((np.size(x1), 1), "a column: return x₂ with the shape of x1")])
        W = np.asarray(w, dtype=float)
        run.values(got, mh.decision_boundary(W, b, x1), what,
                   _decision_boundary_mistakes(W, float(b), np.asarray(x1, dtype=float)), _SOLVE)
    run.exceptions = _VERTICAL_EXCEPTIONS + list(run.exceptions)
    for x1 in (np.array([-1.0, 0.5, 2.0]), 0.5):  # w₂ = 0, a vertical line: nan for every x₁, without a warning
        what = f"decision_boundary(w, b, x1) for w = (2, 0), b = 1, x1 = {fmt(x1, 3)}"
        out, warned = run.call(what, w=(2.0, 0.0), b=1.0, x1=x1)
        if isinstance(out, list):
            stop(f"{what} returned a list: return a numpy array, the same shape as x1.")
        got = run.numbers(out, what, "x₂")
        run.shape(got, np.shape(x1), what, [((), "one nan for each x₁, np.full(np.shape(x1), np.nan)"),
                                            ((1,), "for a plain number x1 return one nan, np.nan")])
        if not np.all(np.isnan(got)):
            if close(got, np.full(np.shape(x1), -0.5), 1e-9):
                stop(f"{what} gave {fmt(got)}: that is x₁ = −b/w₁, where the vertical line is; x₂ has no value "
                     f"there: return nan for each x₁.")
            stop(f"{what} gave {fmt(got)}: {_VERTICAL}.")
        if warned:
            stop(f"{what} gave nan, but numpy warned ({warned[0]}): {_VERTICAL}.")
    return "✓ decision_boundary passes: x₂ = −(w₁x₁ + b)/w₂ for numbers and arrays, and nan for a vertical line."
