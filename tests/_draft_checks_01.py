"""DRAFT (phase 1, not collected by pytest): notebook 01's new exercise, check_decision_boundary, and its table.

The check's code moves to _mlmath/checks_01.py and the table to tests/test_checks.py once the layout lands.
Run `python tests/_draft_checks_01.py` to try the table against the draft check.
"""
import math

import numpy as np

import mlmath_helpers as mh
from mlmath_helpers import _close, _fmt, _run_check, _stop

PASS = "✓"


# ----------------------------------------------------------------------------------------------------------------------
# The maths (goes to mlmath_helpers.py, beside predict)
# ----------------------------------------------------------------------------------------------------------------------

def decision_boundary(W, b, x1):
    """x₂ on the decision boundary w₁x₁ + w₂x₂ + b = 0 of a two-input unit (notebook 01, "Two inputs"):
    x₂ = −(w₁x₁ + b)/w₂, for x1 a number or an array (the same shape back). For w₂ = 0 the boundary is the
    vertical line x₁ = −b/w₁, which has no x₂: nan for every x1.
    """
    W = mh._array(W, "W", ndim=1)
    if W.shape != (2,):
        raise ValueError(f"W: expected the two weights (w1, w2), got shape {W.shape}")
    b = mh._array(b, "b", ndim=0)
    x1 = mh._array(x1, "x1")
    if W[1] == 0:
        return mh._out(np.full(x1.shape, np.nan))
    return mh._out(-(W[0] * x1 + b) / W[1])


# ----------------------------------------------------------------------------------------------------------------------
# The check (goes to _mlmath/checks_01.py)
# ----------------------------------------------------------------------------------------------------------------------

_SOLVE = "from w₁x₁ + w₂x₂ + b = 0, x₂ = −(w₁x₁ + b)/w₂"
_VERTICAL = "for w₂ = 0 the boundary is the vertical line x₁ = −b/w₁, with no x₂: test w₂ == 0 first and return nan " \
            "for each x₁, np.full(np.shape(x1), np.nan)"


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
            (mh.sigmoid(w1 * x1 + b), "that is ŷ = σ(w₁x₁ + b): the boundary is where z = 0; solve w₁x₁ + w₂x₂ + b = 0 "
                                    "for x₂"),
            (np.zeros_like(x2), "that is 0, the value of w₁x₁ + w₂x₂ + b on the line: return x₂ itself, " + _SOLVE),
            (np.full_like(x2, -b / w2), "that is −b/w₂, the line's x₂ at x₁ = 0 only: x₂ = −(w₁x₁ + b)/w₂"),
            ((w2 / w1) * x1 - b / w2, "the slope w₂/w₁ is that of the vector (w₁, w₂), across the line: the line's "
                                      "slope is −w₁/w₂, " + _SOLVE),
            (np.floor(x2), "it rounds down, as floor division // does: divide with /"),
            *[(np.round(x2, k), "it is rounded: return x₂ at full precision (round only to print)")
              for k in range(7)],
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
_VERTICAL_EXCEPTIONS = [(ZeroDivisionError, "", _VERTICAL)]


def check_decision_boundary(fn):
    """Notebook 01, exercise (section 9): does `fn(w, b, x1)` return x₂ on the line w₁x₁ + w₂x₂ + b = 0?

    Tried on a 1-D x1 and a plain number, w as an array, a tuple and a list, integers, and w₂ = 0 (a vertical line:
    nan for every x₁, no warning).
    """
    return _run_check(fn, "decision_boundary", "my_decision_boundary(w, b, x1)", _decision_boundary_probes,
                      _BOUNDARY_EXCEPTIONS)


def _decision_boundary_probes(run):
    probes = [  # w1 ≠ ±w2, neither ±1, b ≠ 0, x1 of both signs: every catalogued mistake gives another value
        (np.array([1.5, -2.5]), 0.8, np.array([-2.0, -0.5, 0.0, 1.0, 3.0])),
        ((-0.5, 2.0), -1.0, 1.2),  # a tuple and a plain number
        ([3.0, 4.0], 2.5, np.array([-1.5, 0.25, 2.0])),  # a list
        (np.array([2, 3]), -1, np.array([-2, 0, 1, 4])),  # integers: x₂ is not
    ]
    for w, b, x1 in probes:
        kind = "an array" if isinstance(w, np.ndarray) else _a_kind(w)
        what = (f"decision_boundary(w, b, x1) for w = ({w[0]:g}, {w[1]:g}) ({kind}), b = {b:g}, "
                + (f"x1 = {x1:g}" if np.ndim(x1) == 0 else f"x1 = {_fmt(x1, 3)}"))
        out = run.call(what, w=w, b=b, x1=x1)[0]
        if isinstance(out, list):
            _stop(f"{what} returned a list: return a numpy array, the same shape as x1 (compute with numpy on the "
                  f"whole x1, or np.asarray(…))")
        got = run.numbers(out, what, "x₂")
        run.shape(got, np.shape(x1), what, [
            ((1,), "for a plain number x1 return a number (a list or np.array([…]) adds an axis)"),
            ((), "one number for an array x1: x₂ is computed for every x₁, entry by entry, no sum or mean"),
            ((2,), "one value per weight: x₂ = −(w₁x₁ + b)/w₂ is one value per x₁"),
            ((np.size(x1), 2), "a pair per x₁: return x₂ alone, not (x₁, x₂)"),
            ((2, np.size(x1)), "both coordinates: return x₂ alone, not (x₁, x₂)"),
            ((np.size(x1), 1), "a column: return x₂ with the shape of x1")])
        W = np.asarray(w, dtype=float)
        run.values(got, decision_boundary(W, b, x1), what,
                   _decision_boundary_mistakes(W, float(b), np.asarray(x1, dtype=float)), _SOLVE)
    # w₂ = 0: a vertical line, no x₂; nan for every x₁, without a warning
    run.exceptions = _VERTICAL_EXCEPTIONS + list(run.exceptions)
    for w, b, x1 in (((2.0, 0.0), 1.0, np.array([-1.0, 0.5, 2.0])), ((2.0, 0.0), 1.0, 0.5)):
        what = f"decision_boundary(w, b, x1) for w = (2, 0), b = 1, x1 = {_fmt(x1, 3)}"
        out, warned = run.call(what, w=w, b=b, x1=x1)
        if isinstance(out, list):
            _stop(f"{what} returned a list: return a numpy array, the same shape as x1.")
        got = run.numbers(out, what, "x₂")
        run.shape(got, np.shape(x1), what, [((), "one nan for each x₁, np.full(np.shape(x1), np.nan)"),
                                            ((1,), "for a plain number x1 return one nan, np.nan")])
        if not np.all(np.isnan(got)):
            if _close(got, np.full(np.shape(x1), -0.5), 1e-9):
                _stop(f"{what} gave {_fmt(got)}: that is x₁ = −b/w₁, where the vertical line is; x₂ has no value "
                      f"there: return nan for each x₁.")
            _stop(f"{what} gave {_fmt(got)}: {_VERTICAL}.")
        if warned:
            _stop(f"{what} gave nan, but numpy warned ({warned[0]}): {_VERTICAL}.")
    return "✓ decision_boundary passes: x₂ = −(w₁x₁ + b)/w₂ for numbers and arrays, and nan for a vertical line."


def _a_kind(w):
    return "a tuple" if isinstance(w, tuple) else "a list" if isinstance(w, list) else f"a {type(w).__name__}"


# ----------------------------------------------------------------------------------------------------------------------
# The table (goes to tests/test_checks.py, after notebook 01's PREDICT block)
# ----------------------------------------------------------------------------------------------------------------------

def boundary_solution(w, b, x1):  # the notebook's solution
    w1, w2 = w
    if w2 == 0:
        return np.full(np.shape(x1), np.nan)  # a vertical line: no x₂
    return -(w1 * np.asarray(x1, dtype=float) + b) / w2


def boundary_slope_intercept(w, b, x1):
    w = np.asarray(w, dtype=float)
    if w[1] == 0:
        return np.nan * np.asarray(x1, dtype=float)
    slope, intercept = -w[0] / w[1], -b / w[1]
    return slope * np.asarray(x1) + intercept


def boundary_errstate(w, b, x1):
    x1 = np.asarray(x1, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        x2 = -(w[0] * x1 + b) / np.float64(w[1])
    return np.where(np.isfinite(x2), x2, np.nan)


def boundary_where(w, b, x1):
    w1, w2 = float(w[0]), float(w[1])
    safe = w2 if w2 != 0 else 1.0
    return np.where(w2 != 0, -(w1 * np.asarray(x1, dtype=float) + b) / safe, np.nan)


def boundary_loop(w, b, x1):
    x1 = np.asarray(x1, dtype=float)
    out = np.empty(x1.shape)
    for i in np.ndindex(x1.shape):
        out[i] = math.nan if w[1] == 0 else -(w[0] * x1[i] + b) / w[1]
    return out if out.ndim else float(out)


def boundary_python_floats(w, b, x1):  # right for numbers; numpy takes care of arrays
    if w[1] == 0:
        return x1 * math.nan
    return (-w[0] * x1 - b) / w[1]


def boundary_naive(w, b, x1):  # no care for w₂ = 0
    return -(w[0] * x1 + b) / w[1]


def boundary_naive_array(w, b, x1):  # numpy divides by 0 with a warning: inf
    w = np.asarray(w, dtype=float)
    return -(w[0] * np.asarray(x1, dtype=float) + b) / w[1]


def boundary_inf_silenced(w, b, x1):
    w = np.asarray(w, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(w[0] * np.asarray(x1, dtype=float) + b) / w[1]


def boundary_inf_to_nan(w, b, x1):
    x2 = -(w[0] * np.asarray(x1, dtype=float) + b) / np.float64(w[1])
    return np.where(np.isfinite(x2), x2, np.nan)  # right, but the division by 0 warned first


def boundary_vertical_x1(w, b, x1):
    if w[1] == 0:
        return np.full(np.shape(x1), -b / w[0])  # where the vertical line is: x₁, not x₂
    return boundary_solution(w, b, x1)


def boundary_raises(w, b, x1):
    if w[1] == 0:
        raise ValueError("w2 = 0: the boundary is vertical")
    return boundary_solution(w, b, x1)


def boundary_scalar_nan(w, b, x1):
    if w[1] == 0:
        return np.nan  # one nan, whatever the shape of x1
    return boundary_solution(w, b, x1)


def boundary_list(w, b, x1):
    if np.ndim(x1) == 0:
        return boundary_solution(w, b, x1)
    return [boundary_solution(w, b, v) for v in x1]


def boundary_float(w, b, x1):  # scalar-only
    if w[1] == 0:
        return math.nan
    return -(w[0] * float(x1) + b) / w[1]


def boundary_loop_only(w, b, x1):  # array-only
    return np.array([boundary_solution(w, b, v) for v in x1])


def boundary_in_place(w, b, x1):
    if w[1] == 0:
        return np.full(np.shape(x1), np.nan)
    x1 *= -w[0] / w[1]  # writes into the caller's array
    return x1 - b / w[1]


def boundary_one_based(w, b, x1):
    return -(w[1] * x1 + b) / w[2]


def boundary_tuple_times(w, b, x1):
    return -(w * x1 + b) / w


def boundary_floor(w, b, x1):
    if w[1] == 0:
        return np.full(np.shape(x1), np.nan)
    return -(w[0] * np.asarray(x1) + b) // w[1]


def boundary_point_pairs(w, b, x1):
    x2 = boundary_solution(w, b, x1)
    return np.stack([np.broadcast_to(x1, np.shape(x2)), x2], axis=-1)


DECISION_BOUNDARY = [
    # correct, in the styles learners use
    (boundary_solution, PASS),
    (boundary_slope_intercept, PASS),
    (boundary_errstate, PASS),
    (boundary_where, PASS),
    (boundary_loop, PASS),
    (boundary_python_floats, PASS),
    (lambda w, b, x1: mh.decision_boundary(w, b, x1) if hasattr(mh, "decision_boundary") else decision_boundary(w, b, x1),
     PASS),
    (lambda w, b, x1: np.nan * np.asarray(x1, dtype=float) if w[1] == 0 else -w[0] / w[1] * np.asarray(x1) - b / w[1],
     PASS),
    (lambda w, b, x1: (np.full(np.shape(x1), np.nan) if w[1] == 0
                       else (np.asarray(x1, dtype=np.float32) * -w[0] - b) / np.float32(w[1])), "float32"),
    # the algebra
    (lambda w, b, x1: boundary_solution(w, -b, x1), "the sign of b is flipped"),
    (lambda w, b, x1: -boundary_solution(w, b, x1), "the minus sign is missing"),
    (lambda w, b, x1: np.nan * x1 if w[1] == 0 else -w[0] * np.asarray(x1) / w[1] - b, "b is not divided by w₂"),
    (lambda w, b, x1: boundary_solution(w, 0.0, x1), "the bias b is missing"),
    (lambda w, b, x1: boundary_solution((w[1], w[0]), b, x1) if w[1] != 0 else np.full(np.shape(x1), np.nan),
     "w₁ and w₂ are swapped"),
    (lambda w, b, x1: np.full(np.shape(x1), np.nan) if w[1] == 0 else -(w[0] * np.asarray(x1) + b) / w[0],
     "it divides by w₁"),
    (lambda w, b, x1: -(w[0] * np.asarray(x1, dtype=float) + b) * w[1], "it multiplies by w₂"),
    (lambda w, b, x1: w[0] * np.asarray(x1, dtype=float) + b, "that is w₁x₁ + b, the logit with x₂ = 0"),
    (lambda w, b, x1: np.zeros(np.shape(x1)), "that is 0, the value of w₁x₁ + w₂x₂ + b on the line"),
    (lambda w, b, x1: np.full(np.shape(x1), -b / w[1]), "that is −b/w₂"),
    (lambda w, b, x1: w[1] / w[0] * np.asarray(x1) - b / w[1], "the slope w₂/w₁ is that of the vector"),
    (boundary_floor, "floor division"),
    (lambda w, b, x1: np.round(boundary_solution(w, b, x1), 2), "it is rounded"),
    # w₂ = 0, the vertical line
    (boundary_naive, "test w₂ == 0 first and return nan"),  # ZeroDivisionError for a plain number
    (boundary_naive_array, "gave [inf, -inf, -inf]: for w₂ = 0 the boundary is the vertical line"),
    (boundary_inf_silenced, "test w₂ == 0 first and return nan"),
    (boundary_inf_to_nan, "gave nan, but numpy warned (divide by zero"),
    (boundary_vertical_x1, "that is x₁ = −b/w₁, where the vertical line is"),
    (boundary_raises, "raised ValueError: w2 = 0: the boundary is vertical"),
    (boundary_scalar_nan, "one nan for each x₁"),
    # numbers and arrays, shapes and types
    (boundary_list, "returned a list: return a numpy array"),
    (boundary_float, "float(…) and the math module take one number"),
    (boundary_loop_only, "loops over its input"),
    (lambda w, b, x1: np.atleast_1d(boundary_solution(w, b, x1)), "for a plain number x1 return a number"),
    (lambda w, b, x1: np.sum(boundary_solution(w, b, x1)), "one number for an array x1"),
    (boundary_point_pairs, "return x₂ alone"),
    (lambda w, b, x1: (x1, boundary_solution(w, b, x1)), "returned a tuple of 2 items: return x₂ alone"),
    (boundary_in_place, "changed its input x1 in place"),
    (boundary_one_based, "Python counts from 0"),
    (boundary_tuple_times, "multiply x1 by the one weight w[0]"),
    (lambda w, b, x1: print(boundary_solution(w, b, x1)), "use return, not print"),
    (lambda w, b, x1: f"{boundary_solution(w, b, x1)}", "returned the text"),
]


if __name__ == "__main__":
    for fn, expected in DECISION_BOUNDARY:
        result = check_decision_boundary(fn)
        ok = (result.passed and expected in (PASS, "float32") and (("float32" in result.message) == (expected == "float32"))) or \
             (not result.passed and expected not in (PASS, "float32") and expected in result.message
              and "could not read" not in result.message)
        print("ok  " if ok else "BAD ", expected[:40].ljust(40), "|", result.message)
