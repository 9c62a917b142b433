"""The exercise checks, as a specification: learner answers written as learners write them, and the verdict each gets.

Every table row is (learner's answer, expected verdict): PASS for a correct answer, however it is written, or the
words the one-line message must contain for a wrong one, naming its cause. The answers are grouped per exercise,
in the order of the notebooks. After the tables: answers that try to break the checks (none may make a check
raise), and the harness's own promises (the committed scaffold, the learner's line, print, changed inputs).
"""
import linecache
import math
import sys

import numpy as np
import pytest

import mlmath_helpers as mh
from _mlmath import harness

PASS = "✓"


# =====================================================================================================================
# Notebook 01, section 7: my_sigmoid(z), for a number or an array, without overflow
# =====================================================================================================================

def sigmoid_stable(z):  # the notebook's solution
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_masks(z):
    z = np.asarray(z, dtype=float)
    out = np.zeros(z.shape)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out


def sigmoid_in_place_on_a_copy(z):
    z = np.array(z, dtype=float)  # a copy: the caller's z stays as it was
    neg = z < 0
    e = np.exp(z[neg])
    z[~neg] = 1 / (1 + np.exp(-z[~neg]))
    z[neg] = e / (1 + e)
    return z


def _sigmoid_of_a_number(v):
    if v >= 0:
        return 1 / (1 + math.exp(-v))
    e = math.exp(v)
    return e / (1 + e)


def sigmoid_loop(z):
    z = np.asarray(z, dtype=float)
    out = np.empty(z.shape)
    for i in np.ndindex(z.shape):
        out[i] = _sigmoid_of_a_number(z[i])
    return out if out.ndim else float(out)


def sigmoid_clip_500(z):
    z = np.clip(z, -500, 500)  # e^500 is still finite
    return 1 / (1 + np.exp(-z))


def sigmoid_float32(z):
    z = np.asarray(z, dtype=np.float32)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_naive(z):  # the article's
    return 1 / (1 + np.exp(-z))


def sigmoid_both_branches_naive(z):  # np.where computes both branches for every z
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def sigmoid_scalar_if(z):
    if z >= 0:
        return 1 / (1 + np.exp(-z))
    return np.exp(z) / (1 + np.exp(z))


def sigmoid_zeros_like(z):
    z = np.asarray(z)
    out = np.zeros_like(z)  # integer z gives an integer out
    e = np.exp(-np.abs(z))
    out[z >= 0] = (1 / (1 + e))[z >= 0]
    out[z < 0] = (e / (1 + e))[z < 0]
    return out


def sigmoid_aliased(z):
    z = np.asarray(z, dtype=float)
    out = z  # not a copy: this writes into the caller's array
    e = np.exp(-np.abs(z))
    out[...] = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return out


def sigmoid_flattened(z):
    s = sigmoid_stable(np.ravel(z))
    return s if np.ndim(z) else float(s[0])


def sigmoid_printed(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    print(np.where(z >= 0, 1 / (1 + e), e / (1 + e)))


def sigmoid_no_return(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    result = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # noqa: F841 (forgot to return it)


def sigmoid_clip_30(z):
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def sigmoid_with_derivative(z):
    s = sigmoid_stable(z)
    return s, s * (1 - s)


def sigmoid_generator(z):
    yield sigmoid_stable(z)


def sigmoid_fmin(z):
    z = np.array(z, dtype=np.float64)
    return np.exp(np.fmin(z, 0)) / (1 + np.exp(-np.abs(z)))


def sigmoid_naive_silenced(z):  # exp(1000) = inf, silenced, and 1/(1 + inf) is exactly the limit 0
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def sigmoid_item(z):
    s = sigmoid_stable(z)
    return s.item() if s.ndim == 0 else s


def sigmoid_abs_builtin(z):  # right for numbers and arrays; a list has no z >= 0 (a note, not a failure)
    e = np.exp(-abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_astype(z):
    z = z.astype(float)
    return sigmoid_stable(z)


SIGMOID = [
    (lambda z: [_sigmoid_of_a_number(v) for v in np.ravel(z)], "a list, np.array([z]) or np.atleast_1d adds an axis"),
    # correct, in the styles learners use
    (sigmoid_stable, PASS),
    (sigmoid_masks, PASS),
    (sigmoid_in_place_on_a_copy, PASS),
    (sigmoid_loop, PASS),
    (np.vectorize(_sigmoid_of_a_number), PASS),
    (sigmoid_clip_500, PASS),
    (sigmoid_float32, "float32"),  # passes, with a note on precision
    (lambda z: 0.5 * (1 + np.tanh(z / 2)), PASS),  # the tanh form
    (lambda z: 0.5 + 0.5 * np.tanh(0.5 * z), PASS),
    (lambda z: np.exp(-np.logaddexp(0, -z)), PASS),  # scipy-free expit
    (lambda z: np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z))), PASS),
    (lambda z: np.where(np.asarray(z) > 0, 1 / (1 + np.exp(-np.abs(z))),
                        np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z)))), PASS),
    (lambda z: np.piecewise(np.asarray(z, dtype=float), [np.asarray(z) >= 0, np.asarray(z) < 0],
                            [lambda v: 1 / (1 + np.exp(-v)), lambda v: np.exp(v) / (1 + np.exp(v))]), PASS),
    (lambda z: mh.sigmoid(z), PASS),
    (sigmoid_fmin, PASS),
    (sigmoid_naive_silenced, PASS),
    (sigmoid_item, PASS),
    (sigmoid_abs_builtin, PASS),
    (lambda z: 1 / (1 + np.exp(-np.clip(z, -709, 709))), PASS),
    # overflow at ±1000
    (sigmoid_naive, "overflowed"),
    (lambda z: np.reciprocal(1 + np.exp(-z)), "overflowed"),
    (sigmoid_both_branches_naive, "np.where computes both branches"),
    (lambda z: np.exp(z) / (1 + np.exp(z)), "inf/inf is nan"),
    (lambda z: 1 / (1 + np.e ** -z), "overflowed"),
    (sigmoid_clip_30, "clipped too tightly"),
    (lambda z: 1 / (1 + np.exp(-np.clip(z, -700, 32))), "gave 0.99999999999999, expected 1: z is clipped too"),
    (np.vectorize(lambda v: 1 / (1 + math.exp(-v))), "math.exp overflowed"),
    # wrong formula
    (lambda z: 1 / (1 + np.exp(z)), "sign is flipped"),
    (lambda z: np.exp(-z) / (1 + np.exp(-z)), "sign is flipped"),
    (lambda z: np.where(np.asarray(z) >= 0, np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))),
                        1 / (1 + np.exp(-np.abs(z)))), "sign is flipped"),  # the two cases swapped
    (lambda z: 1 / (1 + np.exp(-np.abs(z))), "for z < 0 it gives σ(|z|)"),
    (lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))), "for z ≥ 0 it gives σ(−|z|)"),
    (lambda z: sigmoid_stable(z) * (1 - sigmoid_stable(z)), "σ'(z)"),
    (lambda z: 1 / 1 + np.exp(-z), "bracket the denominator"),
    (lambda z: np.tanh(z), "that is tanh(z)"),
    (lambda z: (1 + np.tanh(z)) / 2, "that is σ(2z)"),
    (lambda z: 1 / (1 + np.exp(-z / 2)), "that is σ(z/2)"),
    (lambda z: 1 / (2 + np.exp(-z)), "gave 0.480288 at index 3, expected 0.924142"),  # no catalogue entry
    (lambda z: np.round(sigmoid_stable(z), 4), "gave 0.9241 at index 3, expected 0.924142"),  # rounded: not equal
    # not vectorised, or loses the shape or the type
    (lambda z: 1 / (1 + math.exp(-z)), "math.exp takes one number"),
    (sigmoid_astype, "a plain number has no array methods, axes or indices"),
    (sigmoid_scalar_if, "`if` (or and/or) on an array is ambiguous"),
    (lambda z: np.array([_sigmoid_of_a_number(v) for v in z]), "loops over its input"),
    (lambda z: [_sigmoid_of_a_number(z[i]) for i in range(len(z))], "len() fails for a plain number"),
    (lambda z: _sigmoid_of_a_number(z) if np.ndim(z) == 0 else np.array([_sigmoid_of_a_number(v) for v in z]),
     "`if` (or and/or) on an array is ambiguous"),  # right on numbers and 1-D arrays, not on 2-D ones
    (sigmoid_flattened, "it flattened z"),
    (lambda z: np.atleast_1d(sigmoid_stable(z)), "has shape (1,), expected ()"),
    (lambda z: np.sum(sigmoid_stable(z)), "one number for an array"),
    (sigmoid_zeros_like, "integers"),
    (sigmoid_aliased, "changed its input z in place"),
    # returns something else than σ(z)
    (sigmoid_printed, "use return, not print"),
    (sigmoid_no_return, "returned None: end the function with `return`"),
    (sigmoid_with_derivative, "tuple of 2 items: return σ(z) alone"),
    (lambda z: f"{sigmoid_stable(z)}", "returned the text"),
    (sigmoid_generator, "returned a generator"),
    (lambda z: sigmoid_stable(z).astype(np.float16), "float16"),
    (lambda z: 1 / 0, "raised ZeroDivisionError: division by zero (line"),
]


# =====================================================================================================================
# Notebook 01, section 8: my_predict(W, x, b) for plain numbers, and for W (n,), x (m, n)
# =====================================================================================================================

def predict_solution(W, x, b):
    return mh.sigmoid(np.dot(x, W) + b)


def predict_loop(W, x, b):
    if np.ndim(x) == 0:
        return sigmoid_loop(W * x + b)
    return np.array([_sigmoid_of_a_number(sum(w * xi for w, xi in zip(W, row)) + b) for row in x])


def predict_isscalar(W, x, b):
    z = W * x + b if np.isscalar(W) else np.asarray(x).dot(W) + b
    return sigmoid_stable(z)


def predict_einsum(W, x, b):
    if np.ndim(W) == 0:
        return mh.sigmoid(W * x + b)
    return mh.sigmoid(np.einsum("mn,n->m", x, W) + b)


def predict_float32(W, x, b):
    z = np.dot(np.asarray(x, dtype=np.float32), np.asarray(W, dtype=np.float32)) + np.float32(b)
    return sigmoid_float32(z)


def predict_column(W, x, b):
    if np.ndim(W) == 0:
        return mh.sigmoid(W * x + b)
    W = np.reshape(W, (-1, 1))  # a column of weights gives a column of predictions
    return mh.sigmoid(np.dot(x, W) + b)


def predict_wrong_order(W, b, x):  # the parameters in another order than the check's (W, x, b)
    return mh.sigmoid(W * x + b)


def predict_x_first(x, W, b):
    return mh.sigmoid(np.dot(x, W) + b)


def predict_scalar_only_sigmoid(W, x, b):
    return sigmoid_scalar_if(np.dot(x, W) + b)  # a scalar-only sigmoid inside a vectorised predict


def predict_zeros_like_sigmoid(W, x, b):
    return sigmoid_zeros_like(np.dot(x, W) + b)


PREDICT = [
    (lambda W, x, b: mh.sigmoid(np.dot(x, W + b)), "b is added to the weights"),
    (lambda W, x, b: np.round(mh.sigmoid(np.dot(x, W) + b)), "ŷ is rounded to a class 0 or 1"),
    (predict_solution, PASS),
    (lambda W, x, b: sigmoid_stable(np.dot(x, W) + b), PASS),
    (lambda W, x, b: mh.sigmoid(np.inner(x, W) + b), PASS),
    (lambda W, x, b: 0.5 * (1 + np.tanh((np.dot(x, W) + b) / 2)), PASS),
    (predict_loop, PASS),
    (predict_isscalar, PASS),
    (predict_einsum, PASS),
    (lambda W, x, b: mh.predict(W, x, b), PASS),
    (lambda W, x, b: sigmoid_stable(W * x + b if np.ndim(x) == 0 else x.dot(W) + b), PASS),
    (lambda W, x, b: sigmoid_stable(np.sum(np.multiply(x, W), axis=-1) + b), PASS),
    (predict_float32, "float32"),
    (predict_x_first, "the order of the product matters"),
    (lambda W, x, b: mh.sigmoid(np.dot(W, x) + b), "the order of the product matters"),
    (lambda W, x, b: mh.sigmoid(x @ W + b), "@ refuses plain numbers"),
    (lambda W, x, b: mh.sigmoid(np.matmul(x, W) + b), "@ and np.matmul refuse plain numbers"),
    (lambda W, x, b: sigmoid_stable(np.asarray(x) @ np.asarray(W) + b), "@ and np.matmul refuse plain numbers"),
    (lambda W, x, b: mh.sigmoid(x[..., 0] * W + b), "a plain number has no array methods, axes or indices"),
    (lambda W, x, b: mh.sigmoid(W * x), "the bias b is missing"),
    (lambda W, x, b: mh.sigmoid(np.dot(x, W)), "the bias b is missing"),
    (lambda W, x, b: mh.sigmoid(-(np.dot(x, W) + b)), "sign is flipped"),
    (lambda W, x, b: mh.sigmoid(np.dot(x, W)) + b, "b is added after σ"),
    (lambda W, x, b: np.dot(x, W) + b, "it returned z = Wx + b"),
    (lambda W, x, b: mh.sigmoid(x + b), "the weights W are missing"),
    (lambda W, x, b: mh.sigmoid(np.dot(x, W) * b), "adds b, it does not multiply"),
    (predict_wrong_order, "the arguments are in the wrong order"),
    (lambda W, x, b: mh.sigmoid(W * x + b), "W * x multiplies elementwise"),
    (lambda W, x, b: mh.sigmoid(np.sum(W * x) + b), "np.sum(W * x) also adds over the points"),
    (lambda W, x, b: mh.sigmoid(np.sum(W * x, axis=0) + b) if np.ndim(W) else mh.sigmoid(W * x + b),
     "one value per input, not per point"),
    (predict_column, "a column"),
    (predict_scalar_only_sigmoid, "`if z >= 0:`"),  # the learner's own line is named
    (lambda W, x, b: sigmoid_naive(np.dot(x, W) + b), "use a stable sigmoid"),
    (lambda W, x, b: np.exp(np.dot(x, W) + b) / (1 + np.exp(np.dot(x, W) + b)), "inf/inf is nan"),
    (lambda W, x, b: 1 / (1 + math.exp(-(np.dot(x, W) + b))), "math.exp takes one number"),
    (lambda W, x, b: np.array([mh.sigmoid(np.dot(row, W) + b) for row in x]), "loops over its input"),
    (predict_zeros_like_sigmoid, "integers"),
    (lambda W, x, b: (mh.sigmoid(np.dot(x, W) + b), np.dot(x, W) + b), "tuple of 2 items: return ŷ alone"),
    (lambda W, x, b: np.atleast_1d(mh.sigmoid(np.dot(x, W) + b)), "for plain numbers return a number"),
]


# =====================================================================================================================
# Notebook 01, section 9: my_decision_boundary(w, b, x1), x₂ on the line w₁x₁ + w₂x₂ + b = 0; nan when w₂ = 0
# =====================================================================================================================

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


def boundary_text(w, b, x1):  # a formula written out, for an array x1
    return "x2 = -(w1*x1+b)/w2"


DECISION_BOUNDARY = [
    # correct, in the styles learners use
    (boundary_solution, PASS),
    (boundary_slope_intercept, PASS),
    (boundary_errstate, PASS),
    (boundary_where, PASS),
    (boundary_loop, PASS),
    (boundary_python_floats, PASS),
    (lambda w, b, x1: mh.decision_boundary(w, b, x1), PASS),
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
    (boundary_text, "returned the text 'x2 = -(w1*x1+b)/w2': return x₂ itself, not a formatted string"),
]


# =====================================================================================================================
# Notebook 02, section 5: my_cross_entropy(y, y_hat), the mean, finite at ŷ = 0 and 1
# =====================================================================================================================

def ce_solution(y, y_hat):
    p = np.clip(y_hat, 1e-15, 1 - 1e-15)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def ce_loop(y, y_hat):
    total = 0.0
    for yi, pi in zip(y, y_hat):
        pi = min(max(pi, 1e-15), 1 - 1e-15)
        total += -(yi * math.log(pi) + (1 - yi) * math.log(1 - pi))
    return total / len(y)


def ce_masks(y, y_hat):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(np.log(p[y == 1]).sum() + np.log(1 - p[y == 0]).sum()) / len(y)


def ce_float32(y, y_hat):
    p = np.clip(np.asarray(y_hat, dtype=np.float32), 1e-7, 1 - 1e-7)
    y = np.asarray(y, dtype=np.float32)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def ce_naive(y, y_hat):  # the article's formula, unclipped
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def ce_clip_in_place(y, y_hat):
    y_hat[y_hat == 0] = 1e-15  # writes into the caller's array
    y_hat[y_hat == 1] = 1 - 1e-15
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def _ce_clipped(eps):
    def cross_entropy(y, y_hat):
        p = np.clip(y_hat, eps, 1 - eps)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    return cross_entropy


def ce_swapped_arguments(y_hat, y):
    p = np.clip(y_hat, 1e-15, 1 - 1e-15)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


CROSS_ENTROPY = [
    (ce_solution, PASS),
    (lambda y, p: -np.mean(y * np.log(p + 1e-7) + (1 - y) * np.log(1 - p + 1e-7)), PASS),  # the 1e-7 guard
    (lambda y, p: -np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)), PASS),
    (lambda y, p: -np.sum(y * np.log(np.clip(p, 1e-12, 1)) + (1 - y) * np.log(np.clip(1 - p, 1e-12, 1))) / len(y),
     PASS),
    (lambda y, p: -np.mean(y * np.log(np.clip(p, 1e-15, 1 - 1e-15))
                           + (1 - y) * np.log1p(-np.clip(p, 1e-15, 1 - 1e-15))), PASS),
    (lambda y, p: -np.mean(np.where(y == 1, np.log(np.clip(p, 1e-15, 1)), np.log(np.clip(1 - p, 1e-15, 1)))),
     PASS),
    (lambda y, p: -(y @ np.log(np.clip(p, 1e-15, 1 - 1e-15))
                    + (1 - y) @ np.log(1 - np.clip(p, 1e-15, 1 - 1e-15))) / len(y), PASS),
    (lambda y, p: -np.average(y * np.log(np.maximum(p, 1e-15)) + (1 - y) * np.log(np.maximum(1 - p, 1e-15))),
     PASS),
    (ce_loop, PASS),
    (ce_masks, PASS),
    (_ce_clipped(1e-7), PASS),  # the Keras ε
    (_ce_clipped(1e-16), PASS),  # 1 − 1e-16 is still below 1 in float64
    (lambda y, p: -np.mean(y * np.log(np.clip(p, 1e-10, None)) + (1 - y) * np.log(np.clip(1 - p, 1e-10, None))),
     PASS),
    (lambda y, p: np.mean(-y * np.log(np.clip(p, 1e-15, 1 - 1e-15))
                          - (1 - y) * np.log(1 - np.clip(p, 1e-15, 1 - 1e-15))), PASS),
    (lambda y, p: -(1 / len(y)) * np.sum(y * np.log(np.clip(p, 1e-15, 1 - 1e-15))
                                         + (1 - y) * np.log(1 - np.clip(p, 1e-15, 1 - 1e-15))), PASS),
    (lambda y, p: -np.mean(np.log(np.clip(np.where(y == 1, p, 1 - p), 1e-15, 1))), PASS),
    (lambda y, p: mh.cross_entropy(y, p), PASS),
    (ce_float32, "float32"),
    # the ends
    (ce_naive, "0·ln 0 is nan"),
    (lambda y, p: -np.mean(y * np.log(p + 1e-7) + (1 - y) * np.log(1 - p)), "0·ln 0 is nan"),
    (lambda y, p: -np.mean(y * np.log(np.clip(p, 0, 1)) + (1 - y) * np.log(1 - np.clip(p, 0, 1))), "0·ln 0"),
    (lambda y, p: -np.mean(np.where(y == 1, np.log(p), np.log(1 - p))), "ln of 0"),  # no nan, but −ln 0 = inf
    (_ce_clipped(0.1), "clipped too far"),
    (_ce_clipped(1e-3), "clipped too far"),
    (_ce_clipped(1e-4), "clipped too far"),
    (_ce_clipped(1e-17), "1 − ε rounds to 1"),  # 1 − 1e-17 is 1.0: ln(1 − ŷ) is ln 0 again
    (lambda y, p: -np.nansum(y * np.log(p) + (1 - y) * np.log(1 - p)) / len(y), "ln of 0"),  # nansum hides nan only
    (lambda y, p: -np.mean(np.log(np.where(y == 1, p, 1 - p))), "ln of 0"),
    (ce_clip_in_place, "changed its input y_hat in place"),
    # the formula
    (lambda y, p: np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)), "the minus sign is missing"),
    (lambda y, p: -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)), "the sum over the points, not the mean"),
    (lambda y, p: -np.mean(y * np.log(p)) + np.mean((1 - y) * np.log(1 - p)), "the minus covers the whole bracket"),
    (lambda y, p: -np.mean(y * np.log(p) - (1 - y) * np.log(1 - p)), "the minus covers the whole bracket"),
    (lambda y, p: -np.mean(y * np.log(p)), "for the points with label 0, is missing"),
    (lambda y, p: -np.mean((1 - y) * np.log(1 - p)), "for the points with label 1, is missing"),
    (lambda y, p: -np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)), "ŷ and 1 − ŷ are swapped"),
    (lambda y, p: -np.mean(y * np.log(p) + (1 - y) * np.log(p)), "(1 − y) pairs with ln(1 − ŷ)"),
    (lambda y, p: -np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)), "log base 2"),
    (lambda y, p: -np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)), "log base 10"),
    (lambda y, p: np.mean((y - p) ** 2), "mean squared error"),
    (lambda y, p: -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) / len(y), "divides by m twice"),
    (ce_swapped_arguments, "the labels first"),
    (lambda y_hat, y: -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)), "not ln y"),
    # the type and the shape
    (lambda y, p: -(y * np.log(p) + (1 - y) * np.log(1 - p)), "those are the 6 per-point losses"),
    (lambda y, p: np.array([ce_solution(y, p)]), "not an array of one"),
    (lambda y, p: [ce_solution(y, p)], "not a list of one"),
    (lambda y, p: -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) // len(y), "as floor division // does"),
    (lambda y, p: f"E = {ce_solution(y, p):.4f}", "returned the text"),
    (lambda y, p: (ce_solution(y, p), np.clip(p, 1e-15, 1)), "tuple of 2 items: return E alone"),
]


# =====================================================================================================================
# Notebook 02, section 9: my_cross_entropy_from_logits(y, z), the mean from the logits, exact at z = ±1000
# =====================================================================================================================

def logits_solution(y, z):  # the notebook's solution
    return np.mean(np.logaddexp(0, z) - y * z)


def logits_log1p(y, z):
    z = np.asarray(z, dtype=float)
    softplus = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))  # ln(1 + e^z), written without overflow
    return np.mean(softplus - y * z)


def logits_two_terms(y, z):
    return np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))  # −ln σ(z) and −ln(1 − σ(z))


def logits_loop(y, z):
    total = 0.0
    for yi, zi in zip(np.ravel(y), np.ravel(z)):
        total += max(zi, 0.0) + math.log1p(math.exp(-abs(zi))) - yi * zi
    return total / np.size(y)


def logits_minus_y_form(y, z):
    return np.mean(np.logaddexp(0, -z) + (1 - y) * z)


def logits_naive(y, z):  # the article's formula on the article's sigmoid
    y_hat = 1 / (1 + np.exp(-z))
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def logits_stable_sigmoid_then_log(y, z):  # a stable σ, but ln σ(−1000) = ln 0
    y_hat = mh.sigmoid(z)
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def logits_clipped(y, z):
    y_hat = np.clip(mh.sigmoid(z), 1e-15, 1 - 1e-15)
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def logits_log_one_plus_exp(y, z):  # e^1000 overflows
    return np.mean(np.log(1 + np.exp(z)) - y * z)


def logits_log1p_exp(y, z):  # still e^1000
    return np.mean(np.log1p(np.exp(z)) - y * z)


def logits_where_both_branches(y, z):  # np.where computes both branches: exp overflows in the one not taken
    z = np.asarray(z, dtype=float)
    softplus = np.where(z > 0, z + np.log1p(np.exp(-z)), np.log1p(np.exp(z)))
    return np.mean(softplus - y * z)


def logits_clip_z(y, z):  # e^z kept finite, but the loss of a confident mistake is capped at 30
    z = np.clip(z, -30, 30)
    return np.mean(np.log1p(np.exp(z)) - y * z)


def logits_in_place(y, z):
    z *= 1.0  # harmless here, but …
    z -= y * z  # … this writes into the caller's array
    return np.mean(np.logaddexp(0, z / (1 - y + 1e-300)))


def logits_flatten_z_only(y, z):
    z = np.ravel(z)                     # flatten z only
    return np.mean(np.logaddexp(0, z) - y * z)


def logits_floor_division(y, z):
    return np.sum(np.logaddexp(0, z) - y * z) // len(np.ravel(z))


def logits_builtin_max(y, z):  # Python's max takes two numbers, not an array and a number
    return np.mean(np.log1p(np.exp(-abs(z))) + max(z, 0) - y * z)


def logits_list_of_one(y, z):
    return [float(np.mean(np.logaddexp(0, z) - y * z))]


FROM_LOGITS = [
    # correct, in the styles learners use
    (logits_solution, PASS),
    (logits_log1p, PASS),
    (logits_two_terms, PASS),
    (logits_loop, PASS),
    (logits_minus_y_form, PASS),
    (lambda y, z: np.sum(np.logaddexp(0, z) - y * z) / len(y), PASS),
    (lambda y, z: -np.mean(y * -np.logaddexp(0, -z) + (1 - y) * -np.logaddexp(0, z)), PASS),
    (lambda y, z: np.mean(np.where(y == 1, np.logaddexp(0, -z), np.logaddexp(0, z))), PASS),
    (lambda y, z: np.average(np.logaddexp(0.0, np.where(y == 1, -z, z))), PASS),  # ln(1 + e^(∓z)) per label
    (lambda y, z: mh.cross_entropy_from_logits(y, z), PASS),
    (lambda y, z: np.mean(np.logaddexp(0, np.asarray(z, dtype=np.float32)) - np.float32(1) * y * z).astype(np.float32),
     "float32"),
    # the extremes
    (logits_naive, "σ(z) is exactly 0 or 1 at z = ±1000"),
    (logits_stable_sigmoid_then_log, "ln 0 = −∞"),
    (logits_clipped, "each loss is capped"),
    (logits_log_one_plus_exp, "e^z overflows at z = 1000"),
    (logits_log1p_exp, "np.logaddexp(0, z) computes ln(1 + e^z) without it"),
    (logits_where_both_branches, "np.where computes both of its branches"),
    (logits_clip_z, "each loss is capped"),
    (lambda y, z: np.mean(np.log1p(np.exp(np.clip(z, -700, 700))) - y * np.clip(z, -700, 700)), "each loss is capped"),
    (logits_in_place, "changed its input z in place"),
    # the formula
    (lambda y, z: -logits_solution(y, z), "the sign is flipped"),
    (lambda y, z: np.sum(np.logaddexp(0, z) - y * z), "the sum over the points, not the mean"),
    (lambda y, z: np.mean(np.logaddexp(0, z) - (1 - y) * z), "y and 1 − y are swapped"),
    (lambda y, z: np.mean(np.logaddexp(0, z)), "the −y·z term is missing"),
    (lambda y, z: np.mean(np.logaddexp(0, z) + y * z), "y·z is added"),
    (lambda y, z: np.mean(np.logaddexp(0, -z) - y * z), "that is ln(1 + e^(−z)) − y·z"),
    (lambda y, z: np.mean(np.logaddexp(0, z) - z), "the loss of label 1 for every point"),
    (lambda z, y: np.mean(np.logaddexp(0, z) - y * z), "the labels first"),
    (lambda y, z: logits_solution(y, z) / len(y), "divides by m twice"),
    (lambda y, z: np.mean((y - mh.sigmoid(z)) ** 2), "mean squared error"),
    (lambda y, z: np.mean(np.logaddexp(0, z) - y * z, axis=1), "axis 1 is out of bounds"),
    # the type and the shape
    (lambda y, z: np.logaddexp(0, z) - y * z, "those are the 6 per-point losses"),
    (lambda y, z: np.array([logits_solution(y, z)]), "not an array of one"),
    (lambda y, z: np.mean(np.logaddexp(0, z) - y * z, axis=-1), "the mean over axis 1 gives one value per point"),
    (lambda y, z: np.mean(np.logaddexp(0, z) - y * z, axis=0), "keeps an axis"),
    (lambda y, z: f"{logits_solution(y, z):.4f}", "returned the text"),
    (lambda y, z: (logits_solution(y, z), np.logaddexp(0, z) - y * z), "tuple of 2 items: return E alone"),
    (logits_flatten_z_only, "y·z of a column (4, 1) and a flat (4,) broadcasts to a (4, 4) table: give y and z the "
                            "same shape"),
    (logits_floor_division, "it rounds down, as floor division // does: divide with /"),
    (logits_builtin_max, "max(z, 0) compares a whole array with 0: use np.maximum(z, 0)"),
    (logits_list_of_one, "E is one number: return a float, not a list of one"),
]


# =====================================================================================================================
# Notebook 03, section 8.1: my_gradient_step(X, y, W, b, learning_rate) -> (new W, new b), mean cross-entropy
# =====================================================================================================================

def step_solution(X, y, W, b, learning_rate):
    error = mh.sigmoid(X @ W + b) - y
    dW, db = X.T @ error / len(y), error.mean()
    return W - learning_rate * dW, b - learning_rate * db


def step_loop(X, y, W, b, learning_rate):
    m, n = X.shape
    dW, db = np.zeros(n), 0.0
    for i in range(m):
        error = _sigmoid_of_a_number(np.dot(X[i], W) + b) - y[i]
        dW += error * X[i]
        db += error
    return W - learning_rate * dW / m, b - learning_rate * db / m


def step_in_place_on_a_copy(X, y, W, b, learning_rate):
    W = W.copy()
    error = mh.sigmoid(X @ W + b) - y
    W -= learning_rate * X.T @ error / len(y)
    b -= learning_rate * np.mean(error)
    return W, b


def step_label_minus_prediction(X, y, W, b, learning_rate):
    error = y - sigmoid_stable(np.dot(X, W) + b)  # y − ŷ, so the step adds
    return W + learning_rate * np.dot(error, X) / X.shape[0], b + learning_rate * error.mean()


def step_float32(X, y, W, b, learning_rate):
    X, y, W = X.astype(np.float32), np.asarray(y, dtype=np.float32), W.astype(np.float32)
    error = sigmoid_float32(X @ W + np.float32(b)) - y
    return W - np.float32(learning_rate) * X.T @ error / len(y), np.float32(b - learning_rate * error.mean())


def step_one_weight_at_a_time(X, y, W, b, learning_rate):
    y_hat = mh.sigmoid(X @ W + b)
    W_new = W.copy()
    for j in range(len(W)):
        W_new[j] -= learning_rate * np.mean((y_hat - y) * X[:, j])
    return W_new, b - learning_rate * np.mean(y_hat - y)


def _step(sign=-1.0, divide="m", eta_power=1, fprime=False, error="ŷ − y", bias="right", in_z=True, returns="new"):
    """A gradient step with one deliberate mistake switched on; the defaults are the right step."""
    def gradient_step(X, y, W, b, learning_rate):
        z = X @ W + (b if in_z else 0.0)
        r = {"ŷ − y": mh.sigmoid(z) - y, "z − y": z - y}[error]
        if fprime:
            r = r * mh.sigmoid_prime(z)
        d = {"m": len(y), "n": X.shape[1], "1": 1}[divide]
        dW = X.T @ r / d
        eta = learning_rate ** eta_power
        db = {"right": r.mean(), "sum": r.sum(), "x": np.mean(r * X[:, 0]), "none": 0.0, "uphill": -r.mean(),
              "per point": r, "no eta": r.mean() / eta}[bias]
        if returns == "gradient":
            return dW, db
        if returns == "change":
            return -eta * dW, b - eta * db
        return W + sign * eta * dW, b - eta * db
    return gradient_step


def step_changes_W(X, y, W, b, learning_rate):
    error = mh.sigmoid(X @ W + b) - y
    W -= learning_rate * X.T @ error / len(y)  # writes into the caller's W
    return W, b - learning_rate * error.mean()


def step_error_aliases_y(X, y, W, b, learning_rate):
    error = y  # not a copy: `error -= ŷ` writes into the caller's y
    error -= mh.sigmoid(X @ W + b)
    return W + learning_rate * X.T @ error / len(X), b + learning_rate * error.mean()


def step_printed(X, y, W, b, learning_rate):
    print(step_solution(X, y, W, b, learning_rate))


GRADIENT_STEP = [
    (lambda X, y, W, b, eta: (W - eta * np.mean(X * (mh.sigmoid(X @ W + b) - y)[:, None]),
                              b - eta * np.mean(mh.sigmoid(X @ W + b) - y)), "averages over the points and the inputs"),
    (step_solution, PASS),
    (_step(), PASS),
    (step_loop, PASS),
    (step_one_weight_at_a_time, PASS),
    (step_in_place_on_a_copy, PASS),
    (step_label_minus_prediction, PASS),
    (lambda X, y, W, b, eta: [W - eta * np.mean((mh.sigmoid(X @ W + b) - y)[:, None] * X, axis=0),
                              b - eta * np.mean(mh.sigmoid(X @ W + b) - y)], PASS),  # a list, means over axis 0
    (lambda X, y, W, b, eta: (W - eta * mh.cross_entropy_gradient(X, y, W, b)[0],
                              b - eta * mh.cross_entropy_gradient(X, y, W, b)[1]), PASS),
    (lambda X, y, W, b, eta: (W - eta * np.einsum("mn,m->n", X, mh.sigmoid(X @ W + b) - y) / len(y),
                              np.float64(b - eta * np.mean(mh.sigmoid(X @ W + b) - y))), PASS),
    (step_float32, "float32"),
    (lambda X, y, W, b, lr: (W - lr * (1 / X.shape[0]) * X.T.dot(1 / (1 + np.exp(-(X.dot(W) + b))) - y),
                             b - lr * (1 / X.shape[0]) * np.sum(1 / (1 + np.exp(-(X.dot(W) + b))) - y)), PASS),
    (lambda X, y, W, b, lr: (W - lr * X.T @ (mh.sigmoid(X @ W + b) - y) / len(y),
                             np.array(b - lr * np.mean(mh.sigmoid(X @ W + b) - y))), PASS),  # b as a 0-d array
    # the W step
    (_step(sign=+1.0), "it steps uphill"),
    (_step(divide="1"), "summed, not averaged"),
    (_step(divide="n"), "divides by n = 3, the number of inputs"),
    (_step(eta_power=0), "the learning rate η is missing"),
    (_step(eta_power=2), "η is applied twice"),
    (_step(fprime=True), "σ'(z) is kept"),
    (_step(error="z − y"), "the error uses z"),
    (_step(in_z=False), "the bias b is missing from z = XW + b"),
    (_step(returns="gradient"), "that is the gradient ∂E/∂W"),
    (_step(returns="change"), "that is the change −η ∂E/∂W"),
    (lambda X, y, W, b, eta: (W - eta * X @ (mh.sigmoid(X @ W + b) - y) / len(y), b), "X.T @ (ŷ − y) / m"),
    (lambda X, y, W, b, eta: (W - eta * (mh.sigmoid(X @ W + b) - y)[:, None] * X, b), "one row per point"),
    # the b step
    (_step(bias="none"), "b did not change"),
    (_step(bias="uphill"), "the bias steps uphill"),
    (_step(bias="sum"), "∂E/∂b is the mean of ŷ − y, not the sum"),
    (_step(bias="x"), "has no x in it"),
    (_step(bias="no eta"), "η is missing from the bias step"),
    (_step(bias="per point"), "one per point"),
    (lambda X, y, W, b, lr: (step_solution(X, y, W, b, lr)[0], np.atleast_1d(step_solution(X, y, W, b, lr)[1])),
     "b is a plain number"),
    # the pair, the inputs, print
    (lambda X, y, W, b, eta: W - eta * X.T @ (mh.sigmoid(X @ W + b) - y) / len(y), "return the pair"),
    (lambda X, y, W, b, eta: (*step_solution(X, y, W, b, eta), 0.5), "returned 3 items"),
    (lambda X, y, W, b, eta: dict(zip("Wb", step_solution(X, y, W, b, eta))), "returned a dict"),
    (step_changes_W, "changed its input W in place"),
    (step_error_aliases_y, "changed its input y in place"),
    (step_printed, "use return, not print"),
]


# =====================================================================================================================
# Notebook 03, section 8.2: my_training_loop(X, y, W, b, learning_rate, steps) -> (W, b, losses), steps + 1 losses
# =====================================================================================================================

def loop_solution(X, y, W, b, learning_rate, steps):
    m = len(y)
    losses = [mh.cross_entropy_from_logits(y, X @ W + b)]
    for _ in range(steps):
        error = mh.sigmoid(X @ W + b) - y                # (m,)
        W, b = W - learning_rate * X.T @ error / m, b - learning_rate * error.mean()
        losses.append(mh.cross_entropy_from_logits(y, X @ W + b))
    return W, b, losses


def loop_with_step(X, y, W, b, learning_rate, steps):
    def E(W, b):
        return mh.cross_entropy(y, mh.sigmoid(X @ W + b))
    losses = np.zeros(steps + 1)
    losses[0] = E(W, b)
    for k in range(1, steps + 1):
        W, b = step_solution(X, y, W, b, learning_rate)
        losses[k] = E(W, b)
    return W, b, losses


def loop_in_place_on_copies(X, y, W, b, learning_rate, steps):
    W = W.astype(float)  # astype copies
    losses = []
    for _ in range(steps + 1):
        y_hat = mh.sigmoid(X.dot(W) + b)
        losses.append(-np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
        if len(losses) > steps:
            break
        dW = X.T.dot(y_hat - y) / X.shape[0]
        db = np.mean(y_hat - y)
        W -= learning_rate * dW
        b -= learning_rate * db
    return W, b, np.array(losses)


def loop_while(X, y, W, b, learning_rate, steps):
    k, losses = 0, []
    while True:
        z = X @ W + b
        losses.append(np.mean(np.logaddexp(0, z) - y * z))
        if k == steps:
            return W, float(b), losses
        error = mh.sigmoid(z) - y
        W, b, k = W - learning_rate * np.mean(error[:, None] * X, axis=0), b - learning_rate * np.sum(error) / len(y), k + 1


def _loop_losses(X, y, W, b):
    return mh.cross_entropy_from_logits(y, X @ W + b)


def loop_steps_losses_before(X, y, W, b, learning_rate, steps):
    losses = []
    for _ in range(steps):
        losses.append(_loop_losses(X, y, W, b))          # before each step only
        W, b = step_solution(X, y, W, b, learning_rate)
    return W, b, losses


def loop_losses_after_only(X, y, W, b, learning_rate, steps):
    losses = []
    for _ in range(steps):
        W, b = step_solution(X, y, W, b, learning_rate)
        losses.append(_loop_losses(X, y, W, b))          # after each step only
    return W, b, losses


def loop_changes_W(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        error = mh.sigmoid(X @ W + b) - y
        W -= learning_rate * X.T @ error / len(y)        # writes into the caller's W
        b -= learning_rate * error.mean()
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses


def loop_adds_gradient(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        error = mh.sigmoid(X @ W + b) - y
        W, b = W + learning_rate * X.T @ error / len(y), b + learning_rate * error.mean()
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses


def loop_summed(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        error = mh.sigmoid(X @ W + b) - y
        W, b = W - learning_rate * X.T @ error, b - learning_rate * error.sum()
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses


def loop_forgets_b(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        error = mh.sigmoid(X @ W + b) - y
        W = W - learning_rate * X.T @ error / len(y)
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses


def loop_b_with_W_gradient(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        dW = X.T @ (mh.sigmoid(X @ W + b) - y) / len(y)
        W, b = W - learning_rate * dW, b - learning_rate * dW
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses


def loop_last_loss_only(X, y, W, b, learning_rate, steps):
    for _ in range(steps):
        W, b = step_solution(X, y, W, b, learning_rate)
    return W, b, _loop_losses(X, y, W, b)


def loop_sequential(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        W = W - learning_rate * X.T @ (mh.sigmoid(X @ W + b) - y) / len(y)
        b = b - learning_rate * np.mean(mh.sigmoid(X @ W + b) - y)   # uses the W that has just moved
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses


def loop_one_step_too_many(X, y, W, b, learning_rate, steps):
    losses = [_loop_losses(X, y, W, b)]
    for _ in range(steps + 1):
        W, b = step_solution(X, y, W, b, learning_rate)
        losses.append(_loop_losses(X, y, W, b))
    return W, b, losses[:-1]


def loop_history(X, y, W, b, learning_rate, steps):
    Ws, losses = [W], [_loop_losses(X, y, W, b)]
    for _ in range(steps):
        W, b = step_solution(X, y, W, b, learning_rate)
        Ws.append(W)
        losses.append(_loop_losses(X, y, W, b))
    return np.array(Ws), b, losses


def loop_summed_losses(X, y, W, b, learning_rate, steps):
    W, b, losses = loop_solution(X, y, W, b, learning_rate, steps)
    return W, b, [E * len(y) for E in losses]


def gradient(X, y, W, b):  # notebook 03, section 2: the learners' loops below call it
    error = mh.sigmoid(X @ W + b) - y          # (m,)
    return X.T @ error / len(y), error.mean()  # (n,), scalar


def _reviewer_step(X, y, W, b, learning_rate):  # the 8.1 step that loop_losses_as_a_tuple reuses
    error = mh.sigmoid(X @ W + b) - y
    return W - learning_rate * X.T @ error / len(y), b - learning_rate * error.mean()


def loop_losses_as_a_tuple(X, y, W, b, learning_rate, steps):
    losses = [float(mh.cross_entropy_from_logits(y, X @ W + b))]
    for i in range(steps):
        W, b = _reviewer_step(X, y, W, b, learning_rate)
        losses += [float(mh.cross_entropy_from_logits(y, X @ W + b))]
    return (W, b, tuple(losses))


def loop_fixed_learning_rate(X, y, W, b, learning_rate, steps):
    losses = [mh.cross_entropy_from_logits(y, X @ W + b)]
    for _ in range(steps):
        dW, db = gradient(X, y, W, b)
        W, b = W - 0.5 * dW, b - 0.5 * db               # section 6's η, not the argument
        losses.append(mh.cross_entropy_from_logits(y, X @ W + b))
    return W, b, losses


def loop_losses_as_a_generator(X, y, W, b, learning_rate, steps):
    params = [(W, b)]
    for _ in range(steps):
        dW, db = gradient(X, y, W, b)
        W, b = W - learning_rate * dW, b - learning_rate * db
        params.append((W, b))
    return W, b, (mh.cross_entropy_from_logits(y, X @ w + c) for w, c in params)


TRAINING_LOOP = [
    (loop_solution, PASS),
    (loop_with_step, PASS),
    (loop_in_place_on_copies, PASS),
    (loop_while, PASS),
    (lambda X, y, W, b, lr, steps: (mh.gradient_descent(X, y, W, b, lr, steps).W[-1],
                                    float(mh.gradient_descent(X, y, W, b, lr, steps).b[-1]),
                                    mh.gradient_descent(X, y, W, b, lr, steps).loss), PASS),
    (loop_steps_losses_before, "the loss after the last step is missing"),
    (loop_losses_after_only, "the loss before the first step is missing"),
    (loop_changes_W, "changed its input W in place"),
    (loop_adds_gradient, "it steps uphill"),
    (loop_summed, "summed, not averaged"),
    (loop_forgets_b, "b never moved"),
    (loop_b_with_W_gradient, "b is one number"),
    (loop_last_loss_only, "one number: return every loss"),
    (loop_sequential, "simultaneous update"),
    (loop_one_step_too_many, "one too many"),
    (loop_history, "every W along the way"),
    (loop_summed_losses, "the losses are sums"),
    (lambda X, y, W, b, lr, steps: loop_solution(X, y, W, b, lr, steps)[:2], "return the three results"),
    (loop_losses_as_a_tuple, PASS),
    (loop_fixed_learning_rate, "it ignores the learning_rate it is given (the check passed η = 0.4)"),
    (loop_losses_as_a_generator, "the losses came back as a generator, which can be read only once: return them as "
                                 "a list (or numpy array) of steps + 1 = 5 numbers"),
]


# =====================================================================================================================
# Notebook 03, section 8.4: my_numerical_gradient(f, theta, h=1e-6) -> the central differences, one per parameter
# =====================================================================================================================

def numgrad_solution(f, theta, h=1e-6):
    theta = np.array(theta, dtype=float)
    grad = np.zeros(theta.shape)
    for i in range(theta.size):
        step = np.zeros(theta.shape)
        step[i] = h
        grad[i] = (f(theta + step) - f(theta - step)) / (2 * h)
    return grad


def numgrad_eye(f, theta, h=1e-6):
    theta = np.asarray(theta, dtype=float)
    E = np.eye(len(theta)) * h  # row i is h eᵢ
    return np.array([(f(theta + e) - f(theta - e)) / (2 * h) for e in E])


def numgrad_nudge_and_restore(f, theta, h=1e-6):
    t = np.array(theta, dtype=float)  # a float copy, nudged and put back
    grad = []
    for i in range(len(t)):
        old = t[i]
        t[i] = old + h
        up = f(t)
        t[i] = old - h
        down = f(t)
        t[i] = old
        grad.append((up - down) / (2 * h))
    return grad  # a list


def numgrad_tuple(f, theta, h=1e-6):
    theta = theta.astype(float)
    return tuple((f(theta + h * e) - f(theta - h * e)) / (2 * h) for e in np.identity(theta.size))


def numgrad_half_steps(f, theta, h=1e-6):  # (f(θ + h/2) − f(θ − h/2)) / h is a central difference with step h/2...
    theta = np.asarray(theta, dtype=float)
    out = np.empty_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = 1.0
        out[i] = (f(theta + h * e) - f(theta - h * e)) / h / 2
    return out


def numgrad_forward(f, theta, h=1e-6):
    theta = np.asarray(theta, dtype=float)
    grad = np.zeros_like(theta)
    for i in range(len(theta)):
        t = theta.copy()
        t[i] += h
        grad[i] = (f(t) - f(theta)) / h
    return grad


def numgrad_divides_by_h(f, theta, h=1e-6):
    theta = np.asarray(theta, dtype=float)
    grad = np.zeros_like(theta)
    for i in range(len(theta)):
        e = np.zeros_like(theta)
        e[i] = h
        grad[i] = (f(theta + e) - f(theta - e)) / h
    return grad


def numgrad_all_at_once(f, theta, h=1e-6):
    theta = np.asarray(theta, dtype=float)
    return np.ones_like(theta) * (f(theta + h) - f(theta - h)) / (2 * h)


def numgrad_not_restored(f, theta, h=1e-6):
    grad = np.zeros(len(theta))
    for i in range(len(theta)):
        theta[i] += h
        up = f(theta)
        theta[i] -= 2 * h
        down = f(theta)  # theta[i] is left at θᵢ − h
        grad[i] = (up - down) / (2 * h)
    return grad


def numgrad_pairs(f, theta, h=1e-6):
    theta = np.asarray(theta, dtype=float)
    pairs = []
    for i in range(len(theta)):
        e = np.zeros_like(theta)
        e[i] = h
        pairs.append((i, (f(theta + e) - f(theta - e)) / (2 * h)))
    return pairs  # a list of (index, slope) tuples


def numgrad_fixed_h(f, theta, h=1e-6):
    h = 0.1  # "big enough to see"
    return numgrad_solution(f, theta, h)


def numgrad_first_entry_only(f, theta, h=1e-6):
    theta = np.asarray(theta, dtype=float)
    e = np.zeros_like(theta)
    e[0] = h
    return (f(theta + e) - f(theta - e)) / (2 * h)


def numgrad_integer_copy(f, theta, h=1e-6):
    grad = np.zeros(len(theta))
    for i in range(len(theta)):
        up, down = theta.copy(), theta.copy()  # an integer theta stays integer: the nudge is lost
        up[i] += h
        down[i] -= h
        grad[i] = (f(up) - f(down)) / (2 * h)
    return grad


def numgrad_upside_down(f, theta, h=1e-6):
    return -numgrad_solution(f, theta, h)


def numgrad_no_default(f, theta, h):
    return numgrad_solution(f, theta, h)


def numgrad_column(f, theta, h=1e-6):
    return numgrad_solution(f, theta, h).reshape(-1, 1)


def numgrad_not_divided(f, theta, h=1e-6):
    return numgrad_solution(f, theta, h) * 2 * h


def numgrad_precedence(f, theta, h=1e-6):
    theta = np.array(theta, dtype=float)
    g = np.zeros_like(theta)
    for i in range(theta.size):
        e = np.zeros_like(theta); e[i] = h
        g[i] = (f(theta + e) - f(theta - e)) / 2 * h   # divides by 2, then multiplies by h
    return g


def numgrad_text(f, theta, h=1e-6):
    return "gradient"


def numgrad_restored_by_arithmetic(f, theta, h=1e-6):
    g = np.zeros(len(theta))
    for i in range(len(theta)):
        theta[i] += h
        fp = f(theta)
        theta[i] -= 2 * h
        fm = f(theta)
        theta[i] += h          # put it back
        g[i] = (fp - fm) / (2 * h)
    return g


NUMERICAL_GRADIENT = [
    (numgrad_solution, PASS),
    (numgrad_eye, PASS),
    (numgrad_nudge_and_restore, PASS),
    (numgrad_tuple, PASS),
    (numgrad_half_steps, PASS),
    (lambda f, theta, h=1e-6: mh.numerical_gradient(f, theta, h), PASS),
    (numgrad_forward, "a forward difference"),
    (numgrad_divides_by_h, "it divides by h"),
    (numgrad_all_at_once, "nudges all parameters at once"),
    (numgrad_not_restored, "changed its input theta in place"),
    (numgrad_pairs, "two numbers per parameter"),
    (numgrad_fixed_h, "it ignores the h it is given"),
    (numgrad_first_entry_only, "one slope per parameter"),
    (numgrad_integer_copy, "integer array"),
    (numgrad_upside_down, "the wrong way round"),
    (numgrad_no_default, "h=1e-6"),
    (numgrad_column, "keep it 1-D"),
    (numgrad_not_divided, "is not divided"),
    (numgrad_precedence, "every slope is h² times too small: `/ 2 * h` divides by 2 and then multiplies by h; "
                         "write `/ (2 * h)`"),
    (numgrad_text, "returned the text 'gradient': return the array of the n = 3 slopes, shaped like theta"),
    (numgrad_restored_by_arithmetic, "gave theta back changed, by 2e-16 at index 1 (-2.0 → -1.9999999999999998): "
                                     "θ + h − 2h + h is not exactly θ in floating point; work on a copy, "
                                     "np.array(theta, dtype=float), or save the old value and restore it"),
    (numgrad_not_restored, "changed its input theta in place (`out = theta` shares the array, and `theta -= …` or "
                           "`theta[…] = …` write into it): work on a copy, np.array(theta, dtype=float)"),
]


# =====================================================================================================================
# Notebook 04, section 5: my_delta_rule_step(X, y, W, b, learning_rate) for W (n, k), b (k,): the SSE, summed
# =====================================================================================================================

def delta_solution(X, y, W, b, learning_rate):
    h = X @ W + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    return W + learning_rate * X.T @ delta, b + learning_rate * delta.sum(axis=0)


def delta_y_hat_form(X, y, W, b, learning_rate):
    y_hat = sigmoid_stable(np.dot(X, W) + b)
    delta = (y - y_hat) * y_hat * (1 - y_hat)  # f'(h) = ŷ(1 − ŷ)
    return W + learning_rate * np.dot(X.T, delta), b + learning_rate * np.sum(delta, axis=0)


def delta_loop_over_points(X, y, W, b, learning_rate):
    dW, db = np.zeros_like(W), np.zeros_like(b)
    for x_mu, y_mu in zip(X, y):
        h = x_mu @ W + b
        delta = (y_mu - mh.sigmoid(h)) * mh.sigmoid_prime(h)
        dW += learning_rate * np.outer(x_mu, delta)
        db += learning_rate * delta
    return W + dW, b + db


def delta_triple_loop(X, y, W, b, learning_rate):
    m, n = X.shape
    k = W.shape[1]
    W_new, b_new = W.copy(), b.copy()
    for j in range(k):
        for mu in range(m):
            h = sum(W[i, j] * X[mu, i] for i in range(n)) + b[j]
            y_hat = _sigmoid_of_a_number(h)
            delta = (y[mu, j] - y_hat) * y_hat * (1 - y_hat)
            for i in range(n):
                W_new[i, j] += learning_rate * delta * X[mu, i]
            b_new[j] += learning_rate * delta
    return W_new, b_new


def delta_in_place_on_copies(X, y, W, b, learning_rate):
    W, b = W.copy(), b.copy()
    h = X @ W + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    W += learning_rate * X.T @ delta
    b += learning_rate * delta.sum(axis=0)
    return W, b


def delta_float32(X, y, W, b, learning_rate):
    X, y, W, b = (a.astype(np.float32) for a in (X, y, W, b))
    y_hat = sigmoid_float32(X @ W + b)
    delta = (y - y_hat) * y_hat * (1 - y_hat)
    return W + np.float32(learning_rate) * X.T @ delta, b + np.float32(learning_rate) * delta.sum(axis=0)


def delta_one_unit_at_a_time(X, y, W, b, learning_rate):
    W_new, b_new = W.copy(), b.copy()
    for j in range(W.shape[1]):
        h = X @ W[:, j] + b[j]
        delta = (y[:, j] - sigmoid_stable(h)) * mh.sigmoid_prime(h)
        W_new[:, j] += learning_rate * X.T @ delta
        b_new[j] += learning_rate * delta.sum()
    return W_new, b_new


def _delta(at="h", sign=1.0, eta_power=1, mean=False, fprime="σ'", error="ŷ", bias="right", h_bias=True,
           transposed=False, W_T=False, returns="new"):
    """A delta-rule step with one deliberate mistake switched on; the defaults are the right step."""
    def delta_rule_step(X, y, W, b, learning_rate):
        h = X @ (W.T if W_T else W) + (b if h_bias else 0.0)
        y_hat = mh.sigmoid(h)
        err = y - {"ŷ": y_hat, "h": h}[error]
        slope = {"σ'": mh.sigmoid_prime(X if at == "x" else y_hat if at == "ŷ" else h), "h(1 − h)": h * (1 - h),
                 "none": 1.0}[fprime]
        delta = err * slope
        eta = learning_rate ** eta_power
        dW = (delta.T @ X if transposed else X.T @ delta) / (len(X) if mean else 1)
        db = {"right": delta.sum(axis=0), "mean": delta.mean(axis=0), "none": 0.0, "all": delta.sum(),
              "keepdims": delta.sum(0, keepdims=True), "axis 1": delta.sum(axis=1), "uphill": -delta.sum(axis=0)}[bias]
        if returns == "change":
            return eta * dW, b + eta * db
        return W + sign * eta * dW, b + eta * db
    return delta_rule_step


def delta_point_by_point(X, y, W, b, learning_rate):  # online updates: a step after every point
    W, b = W.copy(), b.copy()
    for x_mu, y_mu in zip(X, y):
        h = x_mu @ W + b
        delta = (y_mu - mh.sigmoid(h)) * mh.sigmoid_prime(h)
        W += learning_rate * np.outer(x_mu, delta)
        b += learning_rate * delta
    return W, b


def delta_changes_W(X, y, W, b, learning_rate):
    h = X @ W + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    W += learning_rate * X.T @ delta  # writes into the caller's W
    return W, b + learning_rate * delta.sum(axis=0)


DELTA_RULE = [
    (delta_solution, PASS),
    (_delta(), PASS),
    (delta_y_hat_form, PASS),
    (delta_loop_over_points, PASS),
    (delta_triple_loop, PASS),
    (delta_one_unit_at_a_time, PASS),
    (delta_in_place_on_copies, PASS),
    (lambda X, y, W, b, eta: (W - eta * mh.sse_gradient(X, y, W, b)[0], b - eta * mh.sse_gradient(X, y, W, b)[1]),
     PASS),
    (lambda X, y, W, b, eta: (W + eta * np.einsum("mi,mj->ij", X, (y - mh.sigmoid(X @ W + b))
                                                  * mh.sigmoid_prime(X @ W + b)),
                              b + eta * np.einsum("mj->j", (y - mh.sigmoid(X @ W + b)) * mh.sigmoid_prime(X @ W + b))),
     PASS),
    (delta_float32, "float32"),
    (lambda X, y, W, b, eta: (W + eta * np.dot(((y - mh.sigmoid(X @ W + b)) * mh.sigmoid_prime(X @ W + b)).T, X).T,
                              b + eta * np.sum((y - mh.sigmoid(X @ W + b)) * mh.sigmoid_prime(X @ W + b), axis=0)),
     PASS),  # (δᵀX)ᵀ = Xᵀδ
    # δ and f'
    (_delta(at="x"), "f' is taken at the input x"),
    (_delta(fprime="none"), "f'(h) is missing from δ"),
    (_delta(fprime="h(1 − h)"), "not h(1 − h)"),
    (_delta(at="ŷ"), "f' is taken at ŷ"),
    (_delta(error="h"), "the error uses h"),
    (_delta(h_bias=False), "the bias b is missing from h = XW + b"),
    # the W step
    (_delta(sign=-1.0), "the step goes the wrong way"),
    (_delta(eta_power=0), "the learning rate η is missing"),
    (_delta(eta_power=2), "η is applied twice"),
    (_delta(mean=True), "the SSE is a sum over the points"),
    (_delta(transposed=True), "ΔW is transposed"),
    (_delta(W_T=True), "no transpose"),
    (_delta(returns="change"), "that is the change ΔW"),
    # the b step
    (_delta(bias="none"), "b did not change"),
    (_delta(bias="mean"), "Δb is a sum over the points, not the mean"),
    (_delta(bias="uphill"), "the bias step goes the wrong way"),
    (_delta(bias="keepdims"), "keepdims gives (1, k)"),
    (_delta(bias="all"), "np.sum(delta) adds over the units too"),
    (_delta(bias="axis 1"), "Δb = η δ.sum(axis=0) is (k,)"),
    (lambda X, y, W, b, eta: (delta_solution(X, y, W, b, eta)[0], b + eta * np.sum(
        (y - mh.sigmoid(X @ W + b)) * mh.sigmoid_prime(X @ W + b), axis=0, keepdims=True)), "keepdims gives (1, k)"),
    # shapes, inputs, the pair
    (lambda X, y, W, b, eta: (W @ X, b), "h = X @ W + b"),
    (lambda X, y, W, b, eta: (W[:, 0], b), "W has one column per output unit j"),
    (delta_point_by_point, "W changes between the points"),
    (lambda X, y, W, b, eta: (delta_solution(X, y, W, b, eta)[0] + np.array([[0, 0], [0, 0.01]]),
                              delta_solution(X, y, W, b, eta)[1]), "at index (1, 1), expected"),
    (delta_changes_W, "changed its input W in place"),
    (lambda X, y, W, b, eta: delta_solution(X, y, W, b, eta)[0], "return the pair"),
    (lambda X, y, W, b, eta: None, "returned None"),
    (lambda X, y, W, b, eta: delta_solution(X, y, W, b, eta)[::-1],
     "the pair is in the wrong order: return W_new, b_new"),
    (lambda X, y, W, b, eta: (None, None), "new W is None: compute it and return (W_new, b_new)"),
]


# =====================================================================================================================
# Notebook 04, section 2 (exercise A): my_sse_gradient(X, y, W, b) for W (n, k), b (k,): ∂E/∂W and ∂E/∂b of the
# summed SSE, −Xᵀδ and −Σ_μ δ
# ==============================================================================================================
def grad_solution(X, y, W, b):  # the notebook's solution
    h = X @ W + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    return -X.T @ delta, -delta.sum(axis=0)


def grad_y_hat_form(X, y, W, b):
    y_hat = sigmoid_stable(np.dot(X, W) + b)
    delta = (y - y_hat) * y_hat * (1 - y_hat)  # f'(h) = ŷ(1 − ŷ)
    return -np.dot(X.T, delta), -np.sum(delta, axis=0)


def grad_error_the_other_way(X, y, W, b):  # (ŷ − y) f'(h): no minus sign needed
    y_hat = mh.sigmoid(X @ W + b)
    g = (y_hat - y) * y_hat * (1 - y_hat)
    return X.T @ g, g.sum(axis=0)


def grad_loop_over_points(X, y, W, b):
    dW, db = np.zeros(W.shape), np.zeros(b.shape)
    for x_mu, y_mu in zip(X, y):
        h = x_mu @ W + b  # (k,)
        delta = (y_mu - mh.sigmoid(h)) * mh.sigmoid_prime(h)
        dW -= np.outer(x_mu, delta)
        db -= delta
    return dW, db


def grad_triple_loop(X, y, W, b):
    m, n = X.shape
    k = W.shape[1]
    dW, db = np.zeros((n, k)), np.zeros(k)
    for j in range(k):
        for mu in range(m):
            h = sum(W[i, j] * X[mu, i] for i in range(n)) + b[j]
            y_hat = 1 / (1 + np.exp(-h))
            delta = (y[mu, j] - y_hat) * y_hat * (1 - y_hat)
            for i in range(n):
                dW[i, j] -= delta * X[mu, i]
            db[j] -= delta
    return dW, db


def grad_einsum(X, y, W, b):
    h = np.einsum("mi,ij->mj", X, W) + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    return -np.einsum("mi,mj->ij", X, delta), -np.einsum("mj->j", delta)


def grad_numerical(X, y, W, b):  # central differences of the learner's own E: right to about 1e-9
    E = lambda w, c: 0.5 * np.sum((y - mh.sigmoid(X @ w + c)) ** 2)
    return mh.numerical_gradient(lambda w: E(w, b), W), mh.numerical_gradient(lambda c: E(W, c), b)


def grad_float32(X, y, W, b):
    X, y, W, b = (np.asarray(a, dtype=np.float32) for a in (X, y, W, b))
    y_hat = 1 / (1 + np.exp(-(X @ W + b)))
    delta = (y - y_hat) * y_hat * (1 - y_hat)
    return -X.T @ delta, -delta.sum(axis=0)


def _grad(sign=-1.0, mean=False, twice=False, fprime="σ'", at="h", error="ŷ", h_bias=True, transposed=False,
          W_T=False, bias="right", accumulate=True):
    """A gradient with one deliberate mistake switched on; the defaults are the right gradient."""
    def sse_gradient(X, y, W, b):
        h = X @ (W.T if W_T else W) + (b if h_bias else 0.0)
        y_hat = mh.sigmoid(h)
        err = y - {"ŷ": y_hat, "h": h}[error]
        slope = {"σ'": mh.sigmoid_prime({"x": X, "ŷ": y_hat, "h": h}[at]), "h(1 − h)": h * (1 - h),
                 "none": 1.0}[fprime]
        delta = err * slope
        if not accumulate:  # for mu in range(m): dW = -np.outer(X[mu], delta[mu])   (= instead of +=)
            dW, db = -np.outer(X[-1], delta[-1]), -delta[-1]
        else:
            dW = sign * (delta.T @ X if transposed else X.T @ delta)
            db = {"right": -delta.sum(axis=0), "uphill": delta.sum(axis=0), "mean": -delta.mean(axis=0),
                  "all": -delta.sum(), "keepdims": -delta.sum(0, keepdims=True), "axis 1": -delta.sum(axis=1),
                  "zero": np.zeros(len(b))}[bias]
        factor = (2.0 if twice else 1.0) / (len(X) if mean else 1.0)
        return dW * factor, db * factor
    return sse_gradient


def grad_cross_entropy_of_notebook_03(X, y, W, b):
    error = mh.sigmoid(X @ W + b) - y
    return X.T @ error / len(X), error.mean(axis=0)


def grad_returns_W_new(X, y, W, b):
    dW, db = grad_solution(X, y, W, b)
    return W - 0.1 * dW, b - 0.1 * db


def grad_changes_W(X, y, W, b):
    W -= 0  # harmless, but: an in-place update of the caller's W
    W *= 1.0
    h = X @ W + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    W[...] = -X.T @ delta  # writes the gradient into the caller's W
    return W, -delta.sum(axis=0)


def grad_swapped_pair(X, y, W, b):
    h = X @ W + b
    delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
    return -delta.sum(axis=0), -X.T @ delta


def grad_none_pair(X, y, W, b):
    return None, None


SSE_GRADIENT = [
    # correct, in the styles learners use
    (grad_solution, PASS),
    (_grad(), PASS),
    (grad_y_hat_form, PASS),
    (grad_error_the_other_way, PASS),
    (grad_loop_over_points, PASS),
    (grad_triple_loop, PASS),
    (grad_einsum, PASS),
    (grad_numerical, PASS),
    (lambda X, y, W, b: mh.sse_gradient(X, y, W, b), PASS),  # passes, with the note that it calls the helper
    (grad_float32, "float32"),
    # δ and f'
    (_grad(at="x"), "f' is taken at the input x"),
    (_grad(fprime="none"), "f'(h) is missing from δ"),
    (_grad(fprime="h(1 − h)"), "not h(1 − h)"),
    (_grad(at="ŷ"), "f' is taken at ŷ"),
    (_grad(error="h"), "the error uses h"),
    (_grad(h_bias=False), "the bias b is missing from h = XW + b"),
    (grad_cross_entropy_of_notebook_03, "notebook 03's cross-entropy gradient"),
    # sign, sum, factors
    (_grad(sign=1.0), "the direction the delta rule adds"),
    (_grad(mean=True), "the SSE is a sum over the points"),
    (_grad(sign=1.0, mean=True), "the sign is flipped"),
    (_grad(twice=True), "the ½ of E"),
    (_grad(accumulate=False), "only the last point counts"),
    # shapes
    (_grad(transposed=True), "transposed"),
    (_grad(W_T=True), "no transpose"),
    # ∂E/∂b
    (_grad(bias="uphill"), "∂E/∂b has the wrong sign"),
    (_grad(bias="mean"), "∂E/∂b is a sum over the points, not the mean"),
    (_grad(bias="zero"), "∂E/∂b is zero"),
    (_grad(bias="all"), "one number: ∂E/∂b has one entry per unit j"),
    (_grad(bias="keepdims"), "keepdims gives (1, k)"),
    (_grad(bias="axis 1"), "that sums over the units"),
    # what comes back
    (grad_returns_W_new, "∂E/∂W gave"),
    (lambda X, y, W, b: grad_solution(X, y, W, b)[0], "returned"),
    (lambda X, y, W, b: print(grad_solution(X, y, W, b)), "use return, not print"),
    (grad_changes_W, "changed its input W in place"),
    (grad_swapped_pair, "the pair is in the wrong order: return dW, db"),
    (grad_none_pair, "∂E/∂W is None: compute it and return (dW, db)"),
    (lambda X, y, W, b: (grad_solution(X, y, W, b)[0], None), "∂E/∂b is None: compute it and return (dW, db)"),
]


# =====================================================================================================================
# Notebook 05, section 5: my_standardize(X_train, X_test) -> both scaled by the training set's x̄ⱼ and sⱼ
# =====================================================================================================================

def standardize_solution(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_loop_over_features(X_train, X_test):
    A, B = np.array(X_train, dtype=float), np.array(X_test, dtype=float)  # copies
    for j in range(A.shape[1]):
        mean = sum(A[:, j]) / len(A)
        std = (sum((A[:, j] - mean) ** 2) / len(A)) ** 0.5
        A[:, j] = (A[:, j] - mean) / std
        B[:, j] = (B[:, j] - mean) / std
    return A, B


def standardize_by_hand(X_train, X_test):
    m = X_train.shape[0]
    mean = X_train.sum(axis=0) / m
    std = np.sqrt(((X_train - mean) ** 2).sum(axis=0) / m)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_keepdims(X_train, X_test):
    mean = np.mean(X_train, axis=0, keepdims=True)   # (1, n)
    std = np.std(X_train, axis=0, keepdims=True)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_sample_std(X_train, X_test):  # ddof=1: accepted, with a note
    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_list(X_train, X_test):
    mean, std = np.mean(X_train, axis=0), np.std(X_train, axis=0)
    return [((X_train - mean) / std).tolist(), ((X_test - mean) / std).tolist()]


def standardize_float32(X_train, X_test):
    X_train, X_test = X_train.astype(np.float32), X_test.astype(np.float32)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_copy_then_in_place(X_train, X_test):  # copies first: the caller's arrays are untouched
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    A, B = X_train.copy(), X_test.copy()
    A -= mean
    A /= std
    B -= mean
    B /= std
    return A, B


def standardize_zeros_like(X_train, X_test):  # a float array of the input's type, filled column by column
    A, B = np.zeros_like(X_train), np.zeros_like(X_test)
    for j in range(X_train.shape[1]):
        column = X_train[:, j]
        A[:, j] = (column - column.mean()) / column.std()
        B[:, j] = (X_test[:, j] - column.mean()) / column.std()
    return A, B


def standardize_statistics_module(X_train, X_test):  # pure Python, sⱼ with m − 1: accepted, with a note
    import statistics
    n = len(X_train[0])
    means = [statistics.fmean([row[j] for row in X_train]) for j in range(n)]
    stds = [statistics.stdev([row[j] for row in X_train]) for j in range(n)]
    return tuple(np.array([[(row[j] - means[j]) / stds[j] for j in range(n)] for row in X]) for X in (X_train, X_test))


def standardize_each_by_its_own(X_train, X_test):
    def scale(X):
        return (X - X.mean(axis=0)) / X.std(axis=0)
    return scale(X_train), scale(X_test)


def standardize_rows(X_train, X_test):
    def scale(X):
        return (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
    return scale(X_train), scale(X_test)


def standardize_everything(X_train, X_test):
    return (X_train - X_train.mean()) / X_train.std(), (X_test - X_train.mean()) / X_train.std()


def standardize_variance(X_train, X_test):
    mean, var = X_train.mean(axis=0), X_train.var(axis=0)
    return (X_train - mean) / var, (X_test - mean) / var


def standardize_centre_only(X_train, X_test):
    mean = X_train.mean(axis=0)
    return X_train - mean, X_test - mean


def standardize_divide_only(X_train, X_test):
    std = X_train.std(axis=0)
    return X_train / std, X_test / std


def standardize_brackets(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return X_train - mean / std, X_test - mean / std


def standardize_min_max(X_train, X_test):
    low, high = X_train.min(axis=0), X_train.max(axis=0)
    return (X_train - low) / (high - low), (X_test - low) / (high - low)


def standardize_all_points(X_train, X_test):
    both = np.concatenate([X_train, X_test])
    mean, std = both.mean(axis=0), both.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_test_untouched(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, X_test


def standardize_in_place(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    X_train -= mean  # writes into the caller's X_train
    X_train /= std
    X_test -= mean
    X_test /= std
    return X_train, X_test


def standardize_sum_of_squares(X_train, X_test):
    mean = X_train.mean(axis=0)
    std = np.sqrt(np.sum((X_train - mean) ** 2, axis=0))  # forgot the 1/m
    return (X_train - mean) / std, (X_test - mean) / std


def standardize_fitted_mean_own_std(X_train, X_test):
    mean = X_train.mean(axis=0)
    return (X_train - mean) / X_train.std(axis=0), (X_test - mean) / X_test.std(axis=0)


STANDARDIZE = [
    (standardize_solution, PASS),
    (standardize_loop_over_features, PASS),
    (standardize_by_hand, PASS),
    (standardize_keepdims, PASS),
    (standardize_list, PASS),
    (lambda A, B: tuple((X - np.average(A, axis=0)) / np.sqrt(np.var(A, axis=0)) for X in (A, B)), PASS),
    (lambda A, B: (mh.standardize(A, B)[0], mh.standardize(A, B)[1]), PASS),  # the helper's own, with a note
    (standardize_sample_std, PASS),  # sⱼ with m − 1: accepted, with a note (test below)
    (standardize_copy_then_in_place, PASS),
    (standardize_zeros_like, PASS),
    (standardize_statistics_module, PASS),  # sⱼ with m − 1 again, from the statistics module
    (standardize_float32, "float32"),
    (standardize_each_by_its_own, "X_test is scaled by its own mean and standard deviation"),
    (standardize_fitted_mean_own_std, "X_test is divided by its own standard deviation"),
    (standardize_rows, "along each row"),
    (standardize_everything, "one mean and one standard deviation for all features together"),
    (standardize_variance, "divides by the variance"),
    (standardize_centre_only, "only subtracts the mean"),
    (standardize_divide_only, "does not subtract the mean"),
    (standardize_brackets, "the brackets"),
    (standardize_min_max, "min-max scaling"),
    (standardize_all_points, "training and held-out points together"),
    (standardize_test_untouched, "X_test came back unscaled"),
    (standardize_sum_of_squares, "missing its 1/m"),
    (standardize_in_place, "changed its input X_train in place"),
    (lambda A, B: standardize_solution(A, B)[0], "return the pair"),
    (lambda A, B: standardize_solution(A, B)[::-1], "came back as (X_test, X_train)"),
    (lambda A, B: tuple(X.T for X in standardize_solution(A, B)), "it is transposed"),
    (lambda A, B: print(standardize_solution(A, B)), "use return, not print"),
]


def test_standardize_accepts_the_sample_standard_deviation_and_says_so():
    result = mh.check_standardize(standardize_sample_std)
    assert result.passed and "divides by m − 1" in result.message and "np.std's default" in result.message


# =====================================================================================================================
# Notebook 05, section 7: my_original_units(W, b, mean, std) -> (W, b) for the features in their own units
# =====================================================================================================================

def units_solution(W, b, mean, std):
    W_original = W / std
    return W_original, b - W_original @ mean


def units_sum(W, b, mean, std):
    return W / std, b - np.sum(W * mean / std)


def units_loop(W, b, mean, std):
    W_new, b_new = [], float(b)
    for w, x_bar, s in zip(W, mean, std):
        W_new.append(w / s)
        b_new -= w * x_bar / s
    return np.array(W_new), b_new


def units_dot(W, b, mean, std):
    return np.divide(W, std), float(b - np.dot(W, mean / std))


def units_copy_then_in_place(W, b, mean, std):  # a copy first: the caller's W is untouched
    W_original = W.copy()
    W_original /= std
    return W_original, b - (W_original * mean).sum()


def units_float32(W, b, mean, std):
    W, mean, std = (np.asarray(v, dtype=np.float32) for v in (W, mean, std))
    W_original = W / std
    return W_original, np.float32(b) - np.sum(W_original * mean)


def units_times_std(W, b, mean, std):
    return W * std, b - np.sum(W * std * mean)


UNITS = [
    (units_solution, PASS),
    (units_sum, PASS),
    (units_loop, PASS),
    (units_dot, PASS),
    (units_copy_then_in_place, PASS),
    (lambda W, b, mean, std: [list(W / std), b - (W / std).dot(mean)], PASS),  # a list
    (lambda W, b, mean, std: mh.to_original_units(W, b, mean, std), PASS),  # the helper's own, with a note
    (units_float32, "float32"),
    (units_times_std, "it multiplies by sⱼ"),
    (lambda W, b, mean, std: (W, b - np.sum(W * mean / std)), "W came back unchanged"),
    (lambda W, b, mean, std: (W / std ** 2, b - np.sum(W * mean / std)), "divides by the variance"),
    (lambda W, b, mean, std: ((W - mean) / std, b - np.sum(W * mean / std)), "the weights do not subtract the means"),
    (lambda W, b, mean, std: (W / std, b), "b came back unchanged"),
    (lambda W, b, mean, std: (W / std, b + np.sum(W * mean / std)), "the sign of the shift"),
    (lambda W, b, mean, std: (W / std, b - np.sum(W * mean)), "forgets to divide by sⱼ"),
    (lambda W, b, mean, std: (W / std, b - np.sum(W / std * mean / std)), "divides by sⱼ twice"),
    (lambda W, b, mean, std: (W / std, b - np.mean(W * mean / std)), "a sum over the features, not a mean"),
    (lambda W, b, mean, std: (W / std, -np.sum(W * mean / std)), "b̃ is missing"),
    (lambda W, b, mean, std: (W / std, b - W * mean / std), "b is one number"),
    (lambda W, b, mean, std: (W / std, np.array([b - np.sum(W * mean / std)])), "b is a plain number"),
    (lambda W, b, mean, std: units_solution(W, b, mean, std)[::-1], "came back as (b, W)"),
    (lambda W, b, mean, std: W / std, "return the pair"),
    (lambda W, b, mean, std: (*units_solution(W, b, mean, std), mean), "returned 3 items"),
]


# =====================================================================================================================
# The tables, run
# =====================================================================================================================

TABLES = {mh.check_sigmoid: SIGMOID, mh.check_predict: PREDICT, mh.check_decision_boundary: DECISION_BOUNDARY,
          mh.check_cross_entropy: CROSS_ENTROPY, mh.check_cross_entropy_from_logits: FROM_LOGITS,
          mh.check_gradient_step: GRADIENT_STEP, mh.check_training_loop: TRAINING_LOOP,
          mh.check_numerical_gradient: NUMERICAL_GRADIENT, mh.check_delta_rule: DELTA_RULE,
          mh.check_sse_gradient: SSE_GRADIENT,
          mh.check_standardize: STANDARDIZE, mh.check_original_units: UNITS}
ROWS = [(check, fn, expected) for check, table in TABLES.items() for fn, expected in table]
CORRECT = [row for row in ROWS if row[2] in (PASS, "float32")]
WRONG = [row for row in ROWS if row[2] not in (PASS, "float32")]


def _ids(rows):
    return [f"{check.__name__[6:]}-{i}-{expected[:40]}" for i, (check, _, expected) in enumerate(rows)]


def test_the_table_is_wide():
    assert len(ROWS) >= 150 and len(CORRECT) >= 40


@pytest.mark.parametrize("check,fn,expected", CORRECT, ids=_ids(CORRECT))
def test_every_correct_answer_passes(check, fn, expected):
    result = check(fn)
    assert result.passed, result.message
    assert result.message.startswith("✓") and "\n" not in result.message
    assert ("float32" in result.message) == (expected == "float32")  # the precision note, and only then


@pytest.mark.parametrize("check,fn,expected", WRONG, ids=_ids(WRONG))
def test_every_wrong_answer_fails_naming_its_cause(check, fn, expected):
    result = check(fn)
    assert not result.passed, result.message
    assert result.message.startswith("✗ ") and "\n" not in result.message
    assert expected in result.message and "could not read" not in result.message


# =====================================================================================================================
# No answer makes a check raise
# =====================================================================================================================

class ArrayRaises:
    def __array__(self, dtype=None, copy=None):
        raise RuntimeError("no array here")


class EqRaises(float):
    def __eq__(self, other):
        raise RuntimeError("no comparing")

    __hash__ = float.__hash__


class FloatRaises:
    def __float__(self):
        raise ValueError("not a number")


def _recurse(*args):
    return _recurse(*args)


def _exit(*args):
    sys.exit(1)


class Unhappy(BaseException):
    pass


def _raise_base(*args):
    raise Unhappy("a BaseException that is not an Exception")


NASTY = [  # (what the answer does, the answer)
    ("returns a string", lambda *a: "0.5"),
    ("returns a tuple", lambda *a: (1.0, 2.0)),
    ("returns its arguments", lambda *a: a),
    ("returns a list of strings", lambda *a: ["a", "b"]),
    ("returns a ragged list", lambda *a: [[1.0], [1.0, 2.0]]),
    ("returns shape (1,)", lambda *a: np.array([0.5])),
    ("returns a generator", lambda *a: (v for v in range(3))),
    ("returns a function", lambda *a: print),
    ("returns a dict", lambda *a: {"W": 1.0}),
    ("returns a set", lambda *a: {1.0}),
    ("returns True", lambda *a: True),
    ("returns a complex number", lambda *a: 1j),
    ("returns an object", lambda *a: object()),
    ("returns an object whose __array__ raises", lambda *a: ArrayRaises()),
    ("returns an object whose __eq__ raises", lambda *a: EqRaises(0.5)),
    ("returns an object whose __float__ raises", lambda *a: FloatRaises()),
    ("returns a pair of objects whose __array__ raises", lambda *a: (ArrayRaises(), ArrayRaises())),
    ("returns a pair of strings", lambda *a: ("W", "b")),
    ("returns inf", lambda *a: np.inf),
    ("returns nan", lambda *a: np.nan),
    ("returns a pair of nan arrays", lambda *a: (np.full(3, np.nan), np.nan)),
    ("returns a pair of infinities", lambda *a: (np.inf, -np.inf)),
    ("returns a masked array", lambda *a: np.ma.masked_all(3)),
    ("returns a matrix", lambda *a: np.matrix([[0.5]])),
    ("returns an empty array", lambda *a: np.array([])),
    ("returns a huge number", lambda *a: 10 ** 400),
    ("recurses forever", _recurse),
    ("calls sys.exit", _exit),
    ("raises a BaseException", _raise_base),
    ("raises on purpose", lambda *a: (_ for _ in ()).throw(ValueError("on purpose"))),
    ("takes no arguments", lambda: 0.5),
    ("is not a function", 0.5),
    ("is None", None),
]
CHECKS = list(TABLES)


@pytest.mark.parametrize("check", CHECKS, ids=[c.__name__ for c in CHECKS])
@pytest.mark.parametrize("what,answer", NASTY, ids=[w for w, _ in NASTY])
def test_no_answer_makes_a_check_raise(check, what, answer):
    result = check(answer)
    assert isinstance(result, mh.CheckResult) and not result.passed
    assert result.message.startswith("✗ ") and "\n" not in result.message and len(result.message) < 400
    assert "could not read" not in result.message  # each answered by its own rule, not the last-resort net


# =====================================================================================================================
# Notebook 03, sections 8.3 and 8.4: the answers that are values, my_learning_rate() and my_buggy_gradient()
# =====================================================================================================================

BUGGY_GRADIENT = [  # check_buggy_gradient(answer): the letter of the notebook's wrong gradient
    ("a", PASS), ("A", PASS), (" a ", PASS), ("gradient_a", PASS),
    ("b", "gradient_b agrees with central differences"), ("both", "answer \"a\" or \"b\""),
    ("B", "gradient_b agrees with central differences"), ("gradient_b", "gradient_b agrees with central differences"),
    ("c", "answer \"a\" or \"b\""), ("", "answer \"a\" or \"b\""), (True, "the answer is a bool"),
    (lambda theta: theta, "that is a function"),
    (None, "Not implemented yet"), (1, "the answer is an int"), (["a"], "the answer is a list"),
    ("a.", PASS), ("'a'.", PASS), ("b.", "gradient_b agrees with central differences"),
]

LEARNING_RATE = [  # check_learning_rate(eta): the pass range itself is tested at both its ends
    (2.0, PASS), (4, PASS), (np.float64(3.0), PASS), (1.5, PASS),
    (0.5, "too small"), (0.01, "raise η"), (10.0, "E rose at step"), (30, "too large"),
    ("2", "without quotes"), (-1.0, "negative"), (0, "never moves"), (float("nan"), "nan"),
    (float("inf"), "infinite"), ([2.0], "one number"), (True, "True/False"), (None, "Not implemented yet"),
    (float("nan"), "η is nan, not a number: give one positive number; the check then says whether to raise or lower "
                   "it."),
    (True, "η = True is True/False, not a learning rate: give one positive number; the check then says whether to "
           "raise or lower it."),
]

VALUE_TABLES = {mh.check_buggy_gradient: BUGGY_GRADIENT, mh.check_learning_rate: LEARNING_RATE}
VALUE_ROWS = [(check, answer, expected) for check, table in VALUE_TABLES.items() for answer, expected in table]


def test_the_value_tables_are_wide():
    for check, table in VALUE_TABLES.items():
        assert sum(e == PASS for _, e in table) >= 4 and sum(e != PASS for _, e in table) >= 8, check.__name__


@pytest.mark.parametrize("check,answer,expected", VALUE_ROWS,
                         ids=[f"{c.__name__[6:]}-{a!r:.20}" for c, a, _ in VALUE_ROWS])
def test_every_value_answer_gets_its_verdict(check, answer, expected):
    result = check(answer)
    assert "\n" not in result.message
    if expected == PASS:
        assert result.passed and result.message.startswith("✓"), result.message
    else:
        assert not result.passed and expected in result.message, result.message


def test_no_learning_rate_message_suggests_an_eta():  # an example such as 0.1 would itself fail the exercise
    for answer in (float("nan"), True, np.bool_(False), "2", object(), [2.0], None):
        assert "e.g." not in mh.check_learning_rate(answer).message, answer


def _value_cell(source, call):
    """Run a notebook cell defining the learner's function, then the check cell `call`, in one namespace -> result."""
    filename = f"/tmp/ipykernel_4242/{abs(hash(source))}.py"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"np": np, "mh": mh}
    exec(compile(source, filename, "exec"), namespace)
    exec(f"result = {call}", namespace)
    return namespace["result"]


VALUE_SCAFFOLDS = [  # the committed scaffold cells of 8.3 and 8.4, and their check cells
    ("learning_rate", "mh.check_learning_rate(my_learning_rate())", '''def my_learning_rate():
    """Your η for the descent of section 6: the one-input data, from W = −4, b = 4, 20 steps."""
    # Your code here: one number η > 0 that brings E within 1% of its minimum in 20 steps, never rising.
    return None
'''),
    ("buggy_gradient", "mh.check_buggy_gradient(my_buggy_gradient())", '''def my_buggy_gradient():
    """The letter, "a" or "b", of the gradient function above that disagrees with central differences."""
    # Your code here: compare gradient_a(θ) and gradient_b(θ) with the central differences of E_theta at a few
    # points θ = (W, b); the answer is the letter of the one that disagrees.
    return None
'''),
]


@pytest.mark.parametrize("exercise,call,source", VALUE_SCAFFOLDS, ids=[s[0] for s in VALUE_SCAFFOLDS])
def test_an_unfilled_value_scaffold_is_not_implemented_yet(exercise, call, source):
    result = _value_cell(source, call)
    assert not result.passed
    assert result.message == (f"Not implemented yet: {exercise} returned None. Fill in the cell above, run it, "
                              f"then run this check again.")


NEVER_RETURNS = '''x, y = np.array([1.0, -1.0]), np.array([1.0, 0.0])
E_theta = lambda theta: mh.cross_entropy_from_logits(y, theta[0] * x + theta[1])
gradient_a = gradient_b = lambda theta: np.array([0.5, 0.5])

def my_buggy_gradient():

    for theta in [np.array([-3.0, 3.0]), np.array([0.0, 0.0])]:
        numeric = mh.numerical_gradient(E_theta, theta)
        if np.array_equal(gradient_a(theta), numeric) and not np.array_equal(gradient_b(theta), numeric):
            return "b"
'''


def test_a_value_answer_whose_code_never_returns_is_told_so():
    result = _value_cell(NEVER_RETURNS, "mh.check_buggy_gradient(my_buggy_gradient())")
    assert not result.passed and result.message == (
        "✗ my_buggy_gradient() returned None: end the function with `return` and the answer, and check that every "
        "path (each branch, after each loop) ends in a return (your comparison may never have found a disagreement).")
    filled = VALUE_SCAFFOLDS[0][2].replace("    return None\n", "    eta = 3.0\n")
    result = _value_cell(filled, "mh.check_learning_rate(my_learning_rate())")
    assert not result.passed and result.message.startswith("✗ my_learning_rate() returned None: end the function")


def _descent_03_passes(eta):
    """The notebook's descent (section 6) at η: within 1% of the minimum in its 20 steps, E never rising."""
    data = mh.make_data(W_true=[1.5], b_true=-0.5, m=24, seed=3, spread=2.0)
    loss = mh.gradient_descent(data.X, data.y, np.array([-4.0]), 4.0, eta, 20).loss
    return loss[-1] <= 1.01 * mh.minimum(data)[2] and not np.any(np.diff(loss) > 1e-9 * loss[:-1])


def _edge(inside, outside):
    """The boundary between an η that passes and one that does not, by bisection on a log scale."""
    for _ in range(40):
        middle = np.sqrt(inside * outside)
        inside, outside = (middle, outside) if _descent_03_passes(middle) else (inside, middle)
    return inside


def test_the_learning_rate_passes_exactly_on_its_range():
    low, high = _edge(2.0, 0.5), _edge(2.0, 20.0)
    assert 0.9 < low < 1.2 and 8 < high < 9.7  # from just above 1 to about 9: the notebook's summary says so
    for eta in np.geomspace(low * 1.001, high * 0.999, 25):
        assert mh.check_learning_rate(eta).passed, eta
    assert "too small" in mh.check_learning_rate(low * 0.999).message and "raise η" in mh.check_learning_rate(low * 0.999).message
    assert "too large" in mh.check_learning_rate(high * 1.001).message and "lower η" in mh.check_learning_rate(high * 1.001).message
    assert mh.check_learning_rate(low * 1.001).passed and mh.check_learning_rate(high * 0.999).passed


def test_a_learning_rate_that_diverges_is_told_so():
    message = mh.check_learning_rate(1e6).message
    assert "too large" in message and ("diverged" in message or "E rose at step 1" in message)


@pytest.mark.parametrize("check", list(VALUE_TABLES), ids=[c.__name__ for c in VALUE_TABLES])
@pytest.mark.parametrize("what,answer", NASTY, ids=[w for w, _ in NASTY])
def test_no_value_answer_makes_a_check_raise(check, what, answer):
    result = check(answer)
    assert isinstance(result, mh.CheckResult) and "\n" not in result.message and len(result.message) < 400
    assert not result.passed and "could not read" not in result.message
    assert result.message.startswith("✗ ") or (answer is None and result.message.startswith("Not implemented yet"))


def test_a_keyboard_interrupt_still_stops_the_check():
    def interrupted(*args):
        raise KeyboardInterrupt

    for check in CHECKS:
        with pytest.raises(KeyboardInterrupt):
            check(interrupted)


# =====================================================================================================================
# The harness's promises
# =====================================================================================================================

def _notebook_cell(source, name):
    """Define `name` from `source` as a notebook cell does: the code in the line cache under a kernel temp path."""
    filename = f"/tmp/ipykernel_4242/{abs(hash(source))}.py"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"np": np, "mh": mh}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


SCAFFOLDS = [  # the committed scaffold cells, as the notebooks hold them, and the check each meets
    (mh.check_sigmoid, "my_sigmoid", "sigmoid", '''def my_sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) for a number or an array, without overflow for any z."""
    # Your code here: with u = e^(−|z|) ≤ 1, σ(z) is 1/(1 + u) where z ≥ 0 and u/(1 + u) where z < 0, entry by entry
    return None
'''),
    (mh.check_predict, "my_predict", "predict", '''def my_predict(W, x, b):
    """ŷ = σ(x·W + b) for scalars, and for x of shape (m, n) with W of shape (n,)."""
    # Your code here: the logit z = Σ_j w_j x_j + b (one per row of x when x is (m, n)), then ŷ = σ(z)
    return None
'''),
    (mh.check_decision_boundary, "my_decision_boundary", "decision_boundary", '''def my_decision_boundary(w, b, x1):
    """x₂ on the line w₁x₁ + w₂x₂ + b = 0 for each x₁, the shape of x1; nan for each x₁ when w₂ = 0."""
    # Your code here: solve w₁x₁ + w₂x₂ + b = 0 for x₂, with w = (w₁, w₂); when w₂ = 0 there is no x₂: nan
    return None
'''),
    (mh.check_cross_entropy, "my_cross_entropy", "cross_entropy", '''def my_cross_entropy(y, y_hat):
    """E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], finite even for ŷ = 0 or 1."""
    # Your code here: clip each ŷ into [ε, 1 − ε] with ε = 1e-15, then E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]
    return None
'''),
    (mh.check_cross_entropy_from_logits, "my_cross_entropy_from_logits", "cross_entropy_from_logits",
     '''def my_cross_entropy_from_logits(y, z):
    """E = (1/m) Σ [ln(1 + e^z) − y·z] from the logits z, exact for |z| up to 1000."""
    # Your code here: ln(1 + e^z) for every z without ever computing e^z of a large z, minus y·z, then the mean
    return None
'''),
    (mh.check_gradient_step, "my_gradient_step", "gradient_step", '''def my_gradient_step(X, y, W, b, learning_rate):
    """One step W − η ∂E/∂W, b − η ∂E/∂b of gradient descent on the mean cross-entropy."""
    # Your code here: the predictions ŷ = σ(XW + b) and the error ŷ − y of every point; from them
    # ∂E/∂W = (1/m) Xᵀ(ŷ − y), shape (n,), and ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ), one number;
    # then both parameters, each moved by −η times its own partial derivative.
    return None
'''),
    (mh.check_training_loop, "my_training_loop", "training_loop", '''def my_training_loop(X, y, W, b, learning_rate, steps):
    """`steps` steps of gradient descent on the mean cross-entropy; returns (W, b, losses), steps + 1 losses."""
    # Your code here: E(W, b) at the start; then, `steps` times: ∂E/∂W and ∂E/∂b at the current (W, b), both
    # parameters moved by −η × their partial derivative (without writing into the caller's W), and E again.
    # Return the last W, the last b, and the steps + 1 values of E.
    return None
'''),
    (mh.check_numerical_gradient, "my_numerical_gradient", "numerical_gradient", '''def my_numerical_gradient(f, theta, h=1e-6):
    """Central differences (f(θ + h eₚ) − f(θ − h eₚ)) / 2h, one per entry of the 1-D theta; theta unchanged."""
    # Your code here: for each entry p, f at θ with entry p raised by h and at θ with it lowered by h (every
    # other entry as it was, theta itself untouched); their difference over 2h is slope p. Return the n slopes.
    return None
'''),
    (mh.check_delta_rule, "my_delta_rule_step", "delta_rule_step", '''def my_delta_rule_step(X, y, W, b, learning_rate):
    """One delta-rule step: W + η Xᵀδ and b + η Σ_μ δ, with δ = (y − ŷ) f'(h)."""
    # With h = XW + b, ŷ = σ(h) and δ = (y − ŷ)·f′(h) for every point and unit, the answer is the pair
    # (W + ΔW, b + Δb) with ΔW_ij = η Σ_μ δ_j x_i, shape (n, k), and Δb_j = η Σ_μ δ_j, shape (k,).
    # Your code here
    return None
'''),
    (mh.check_sse_gradient, "my_sse_gradient", "sse_gradient", '''def my_sse_gradient(X, y, W, b):
    """(∂E/∂W, ∂E/∂b) of E = ½ Σ_μ Σ_j (y − ŷ)² for sigmoid units: shapes (n, k) and (k,)."""
    # Compute each unit's input h = XW + b for every point, its prediction ŷ = σ(h) and error term
    # δ = (y − ŷ)·f′(h) with f′ taken at h; then ∂E/∂w_ij = −Σ_μ δ_j x_i and ∂E/∂b_j = −Σ_μ δ_j (sums, no 1/m).
    # Your code here
    return None
'''),
    (mh.check_standardize, "my_standardize", "standardize", '''def my_standardize(X_train, X_test):
    """Both sets scaled by the training set's per-feature mean x̄ⱼ and standard deviation sⱼ."""
    # Your code here: x̄ⱼ and sⱼ over the training rows, one per feature j (column); the answer is
    # the pair ((X_train − x̄) / s, (X_test − x̄) / s), each shaped as it came.
    return None
'''),
    (mh.check_original_units, "my_original_units", "original_units", '''def my_original_units(W, b, mean, std):
    """Weights W̃, b̃ learned on standardised features, as (W, b) for the features in their own units."""
    # Your code here: wⱼ = w̃ⱼ / sⱼ for each feature j, and b = b̃ − Σⱼ w̃ⱼ x̄ⱼ / sⱼ (one number);
    # the answer is the pair (W, b).
    return None
'''),
]


@pytest.mark.parametrize("check,name,exercise,source", SCAFFOLDS, ids=[s[1] for s in SCAFFOLDS])
def test_the_unfilled_scaffold_is_not_implemented_yet(check, name, exercise, source):
    result = check(_notebook_cell(source, name))
    assert not result.passed
    assert result.message == (f"Not implemented yet: {exercise} returned None. Fill in the cell above, run it, "
                              f"then run this check again.")


@pytest.mark.parametrize("check,name,exercise,source", SCAFFOLDS, ids=[s[1] for s in SCAFFOLDS])
def test_a_filled_in_cell_that_returns_nothing_is_told_so(check, name, exercise, source):
    filled = source.replace("    return None\n", "    result = 0.5\n")
    assert "returned None: end the function with `return`" in check(_notebook_cell(filled, name)).message
    printing = source.replace("    return None\n", "    print(0.5)\n")
    assert "printed '0.5' and returned None: use return, not print" in check(_notebook_cell(printing, name)).message


def test_an_error_names_the_learners_line_never_a_path():
    source = '''def my_sigmoid(z):
    z = np.asarray(z, dtype=float)
    return 1 / (1 + np.exp(-z)) + undefined_name
'''
    message = mh.check_sigmoid(_notebook_cell(source, "my_sigmoid")).message
    assert message.startswith("✗ sigmoid(z) for z = [-3, -0.5, 0, 2.5] raised NameError: name 'undefined_name' is not "
                               "defined (line 3: `return 1 / (1 + np.exp(-z)) + undefined_name`)")
    assert "/tmp" not in message and "ipykernel" not in message and ".py" not in message



def test_pythons_max_on_an_array_is_named_from_the_learners_line():
    max_cell = '''def my_cross_entropy_from_logits(y, z):
    return np.mean(max(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z)
'''
    if_cell = '''def my_cross_entropy_from_logits(y, z):
    if z > 0:
        return np.mean(z + np.log1p(np.exp(-z)) - y * z)
    return np.mean(np.log1p(np.exp(z)) - y * z)
'''
    max_message = mh.check_cross_entropy_from_logits(_notebook_cell(max_cell, "my_cross_entropy_from_logits")).message
    if_message = mh.check_cross_entropy_from_logits(_notebook_cell(if_cell, "my_cross_entropy_from_logits")).message
    assert max_message.endswith("; max(z, 0) compares a whole array with 0: use np.maximum(z, 0), elementwise.")
    assert "np.where" not in max_message
    assert "max(" not in if_message and "an `if` (or and/or) on an array is ambiguous" in if_message

def test_a_changed_input_is_named_and_the_expected_value_comes_from_the_original():
    message = mh.check_gradient_step(step_changes_W).message
    assert "changed its input W in place" in message and "expected" not in message
    assert mh.check_cross_entropy(ce_clip_in_place).message.count("y_hat") >= 1


def test_two_different_numbers_never_look_equal():
    def step_off_in_the_seventh_digit(X, y, W, b, learning_rate):
        new_W, new_b = step_solution(X, y, W, b, learning_rate)
        return new_W * (1 + 3e-5), new_b

    message = mh.check_gradient_step(step_off_in_the_seventh_digit).message
    shown = message.split("gave ")[1].split(": ")[0]
    got, expected = shown.split(", expected ")
    assert got.split(" at index")[0] != expected


def test_a_float32_mistake_is_named_and_says_float32():
    def step_float32_no_eta(X, y, W, b, learning_rate):
        return step_float32(X, y, W, b, 1.0)

    message = mh.check_gradient_step(step_float32_no_eta).message
    assert "(your answer is float32): the learning rate η is missing" in message

    def sigmoid_float32_off(z):  # float32, and wrong by far more than float32 rounding
        return sigmoid_float32(z) * np.float32(1.001)

    message = mh.check_sigmoid(sigmoid_float32_off).message
    assert message.endswith("(your answer is float32).") and "expected" in message


def test_the_checks_leave_numpy_and_warnings_as_they_were():
    import warnings
    before, filters = np.geterr(), list(warnings.filters)
    for check, table in TABLES.items():
        for fn, _ in table[:5]:
            check(fn)
    assert np.geterr() == before and warnings.filters == filters


def test_if_the_inspection_itself_fails_the_answer_is_still_one_line():
    def probes_with_a_bug(run):
        return float(np.zeros(2))  # what a slip in a check's own code would raise

    result = harness.run_check(lambda z: 0.5, "sigmoid", "my_sigmoid(z)", probes_with_a_bug)
    assert not result.passed and result.message.startswith("✗ the check could not read what sigmoid returned")
    assert "\n" not in result.message


def _step_with(gradient):
    return lambda X, y, W, b, eta: (W - eta * gradient(X, y, W, b)[0], b - eta * gradient(X, y, W, b)[1])


def test_an_answer_that_calls_the_helpers_own_answer_passes_with_a_note_saying_so():
    calls_the_helper = [
        (mh.check_sigmoid, lambda z: mh.sigmoid(z)),
        (mh.check_predict, lambda W, x, b: mh.predict(W, x, b)),
        (mh.check_decision_boundary, lambda w, b, x1: mh.decision_boundary(w, b, x1)),
        (mh.check_cross_entropy, lambda y, y_hat: mh.cross_entropy(y, y_hat)),
        (mh.check_cross_entropy_from_logits, lambda y, z: mh.cross_entropy_from_logits(y, z)),
        (mh.check_gradient_step, _step_with(mh.cross_entropy_gradient)),
        (mh.check_training_loop, lambda X, y, W, b, eta, steps: (
            mh.gradient_descent(X, y, W, b, eta, steps).W[-1], float(mh.gradient_descent(X, y, W, b, eta, steps).b[-1]),
            mh.gradient_descent(X, y, W, b, eta, steps).loss)),
        (mh.check_numerical_gradient, lambda f, theta, h=1e-6: mh.numerical_gradient(f, theta, h)),
        (mh.check_delta_rule, lambda X, y, W, b, eta: (W - eta * mh.sse_gradient(X, y, W, b)[0],
                                                       b - eta * mh.sse_gradient(X, y, W, b)[1])),
        (mh.check_sse_gradient, lambda X, y, W, b: mh.sse_gradient(X, y, W, b)),
    ]
    for check, answer in calls_the_helper:
        result = check(answer)
        assert result.passed and "calls the helper's own" in result.message, result.message
    # the notebook's own solutions use mh.sigmoid inside predict and the steps: no note for that
    assert "helper's own" not in mh.check_predict(lambda W, x, b: mh.sigmoid(np.dot(x, W) + b)).message


def test_an_answer_that_prints_a_lot_and_then_returns_the_right_value_passes_in_time():
    def prints_every_step_then_answers(z):  # a learner's debugging prints, kept in
        for i in range(20000):
            print("debug", i)
        return sigmoid_stable(z)

    import time
    start = time.perf_counter()
    result = mh.check_sigmoid(prints_every_step_then_answers)
    assert result.passed, result.message
    assert time.perf_counter() - start < 5, "printing past the cap must cost next to nothing"
