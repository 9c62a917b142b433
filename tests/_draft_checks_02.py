"""DRAFT (phase 1, not collected by pytest): notebook 02's new exercise, check_cross_entropy_from_logits, and its table.

The check's code moves to _mlmath/checks_02.py and the table to tests/test_checks.py once the layout lands.
Run `python tests/_draft_checks_02.py` to try the table against the draft check.
"""
import math

import numpy as np

import mlmath_helpers as mh
from mlmath_helpers import _fmt, _run_check, _stop, cross_entropy_from_logits, sigmoid

PASS = "✓"


# ----------------------------------------------------------------------------------------------------------------------
# The check (goes to _mlmath/checks_02.py)
# ----------------------------------------------------------------------------------------------------------------------

_FROM_Z = "compute from z: ln(1 + e^z) − y·z, with np.logaddexp(0, z) for ln(1 + e^z)"


def _from_logits_mistakes(y, z):
    """The value a known mistake gives for (y, z) -> what to change (notebook 02, section 9)."""
    with np.errstate(all="ignore"):
        soft = np.logaddexp(0.0, z)  # ln(1 + e^z), per point
        E = np.mean(soft - y * z)
        return [
            (-E, "the sign is flipped: each loss ln(1 + e^z) − y·z is ≥ 0, and so is E"),
            (np.sum(soft - y * z), "it is the sum over the points, not the mean: divide by m, the number of points "
                                   "(np.mean)"),
            (np.mean(soft - (1 - y) * z), "y and 1 − y are swapped: a point with y = 1 costs ln(1 + e^(−z)), small "
                                          "for a large z; the loss is ln(1 + e^z) − y·z"),
            (np.mean(soft), "the −y·z term is missing: the loss is ln(1 + e^z) − y·z"),
            (np.mean(soft + y * z), "y·z is added: subtract it, ln(1 + e^z) − y·z"),
            (np.mean(np.logaddexp(0.0, -z) - y * z), "that is ln(1 + e^(−z)) − y·z: the loss is ln(1 + e^z) − y·z "
                                                     "(or ln(1 + e^(−z)) + (1 − y)·z)"),
            (np.mean(np.logaddexp(0.0, z) - z), "that is the loss of label 1 for every point: ln(1 + e^z) − y·z "
                                                "uses each point's own y"),
            (np.mean(np.logaddexp(0.0, y) - z * y), "that is what z in place of y gives: the check calls "
                                                    "my_cross_entropy_from_logits(y, z), the labels first"),
            (np.mean(np.log2(1 + np.exp(z)) - y * z / np.log(2)), "that is log base 2: E uses ln, np.log"),
            (E / len(y), "it divides by m twice: np.mean already divides by m"),
            (np.mean((y - sigmoid(z)) ** 2), "that is the mean squared error of ŷ = σ(z): the loss is "
                                             "ln(1 + e^z) − y·z"),
        ]


_FROM_LOGITS_EXCEPTIONS = [
    (np.exceptions.AxisError, "out of bounds", "y and z have shape (m,): take the mean over the points, np.mean with "
                                               "no axis (or axis=0)"),
    (ValueError, "could not be broadcast", "y and z have the same shape, one entry per point: compute elementwise, "
                                           "without transposing or reshaping one of them"),
]


def check_cross_entropy_from_logits(fn):
    """Notebook 02, exercise (section 9): does `fn(y, z)` compute the mean cross-entropy from the logits z,
    E = (1/m) Σᵢ [ln(1 + e^(zᵢ)) − yᵢzᵢ], finite and exact for |z| up to 1000, without overflow?

    Tried on six points (float labels), integer labels and logits, a column (m, 1), and z = ±40, ±1000 with
    confidently right and confidently wrong labels (losses 0 and |z|).
    """
    return _run_check(fn, "cross_entropy_from_logits", "my_cross_entropy_from_logits(y, z)",
                      _from_logits_probes, _FROM_LOGITS_EXCEPTIONS)


def _from_logits_probes(run):
    probes = [  # (y, z, what); moderate logits first: the formula's mistakes are told apart there
        (np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0]), np.array([2.0, -1.5, 0.3, 0.8, -2.2, 4.0]), "6 points"),
        (np.array([1, 0, 0, 1, 1]), np.array([3, -2, 0, 1, -4]), "integer y and z"),
    ]
    for y, z, kind in probes:
        what = f"cross_entropy_from_logits(y, z) for {kind}"
        got = run.numbers(run.call(what, y=y, z=z)[0], what, "E")
        run.shape(got, (), what, [((len(y),), f"those are the {len(y)} per-point losses; E is one number, their mean"),
                                  ((1,), "E is one number: return a float, not an array of one")])
        run.values(got, cross_entropy_from_logits(y, z), what, _from_logits_mistakes(y.astype(float), z.astype(float)))
    y, z = np.array([[1.0], [0.0], [0.0], [1.0]]), np.array([[0.5], [-1.0], [2.0], [-0.3]])
    what = "cross_entropy_from_logits(y, z) for a column y and z of shape (4, 1)"
    got = run.numbers(run.call(what, y=y, z=z)[0], what, "E")
    run.shape(got, (), what, [((4,), "the mean over axis 1 gives one value per point: E is the mean over the points, "
                                     "one number (np.mean with no axis)"),
                              ((4, 1), "those are the 4 per-point losses; E is one number, their mean"),
                              ((1,), "np.mean(…, axis=0) of a column keeps an axis: return one number, np.mean(…) "
                                     "with no axis")])
    run.values(got, cross_entropy_from_logits(y, z), what, _from_logits_mistakes(y, z))
    # the extremes: confidently right (loss 0) and confidently wrong (loss |z|), at ±40 and ±1000
    y = np.array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0])
    z = np.array([1000.0, -1000.0, -1000.0, 1000.0, 40.0, -40.0])
    want = cross_entropy_from_logits(y, z)  # (0 + 0 + 1000 + 1000 + 40 + 40) / 6 = 346.67
    what = "cross_entropy_from_logits(y, z) for z = [1000, −1000, −1000, 1000, 40, −40], y = [1, 0, 1, 0, 0, 1]"
    out, warned = run.call(what, y=y, z=z)
    got = run.numbers(out, what, "E")
    run.shape(got, (), what, [((6,), "those are the 6 per-point losses; E is one number, their mean")])
    if not np.isfinite(got):
        if any("overflow" in w for w in warned) and not any("log" in w for w in warned):
            _stop(f"{what} gave {_fmt(got)}: e^z overflows at z = 1000 ({warned[0]}); np.logaddexp(0, z) computes "
                  f"ln(1 + e^z) without it.")
        _stop(f"{what} gave {_fmt(got)}: σ(z) is exactly 0 or 1 at z = ±1000, so ln σ(z) or ln(1 − σ(z)) is ln 0 = −∞ "
              f"(and 0·ln 0 is nan); {_FROM_Z}.")
    if 0 < got < want / 2:
        _stop(f"{what} gave {_fmt(got)}, expected {_fmt(want)}: each loss is capped, as clipping ŷ caps it near "
              f"−ln ε (34.5 for ε = 1e-15), but a confidently wrong z = ±1000 costs 1000; {_FROM_Z}.")
    run.values(got, want, what, _from_logits_mistakes(y, z), "the loss of a point is ln(1 + e^z) − y·z")
    if warned:
        _stop(f"{what} gave the right value, but numpy warned on the way ({warned[0]}): np.where computes both of its "
              f"branches for every z; np.logaddexp(0, z) computes ln(1 + e^z) without overflow.")
    return "✓ cross_entropy_from_logits passes: the mean, the sign, y·z, and exact at z = ±1000."


# ----------------------------------------------------------------------------------------------------------------------
# The table (goes to tests/test_checks.py, after notebook 02's CROSS_ENTROPY block)
# ----------------------------------------------------------------------------------------------------------------------

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
]


if __name__ == "__main__":
    for fn, expected in FROM_LOGITS:
        result = check_cross_entropy_from_logits(fn)
        ok = (result.passed and expected in (PASS, "float32") and (("float32" in result.message) == (expected == "float32"))) or \
             (not result.passed and expected not in (PASS, "float32") and expected in result.message
              and "could not read" not in result.message)
        print("ok  " if ok else "BAD ", expected[:40].ljust(40), "|", result.message)
