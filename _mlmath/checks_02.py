"""Notebook 02's exercise: my_cross_entropy(y, y_hat) (section 5), in one block: mistakes, check, probes.
"""
import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import FLOOR_DIVISION, fmt, run_check, stop
from mlmath_helpers import cross_entropy, cross_entropy_from_logits, sigmoid


_CLIP = ("clip ŷ into [ε, 1 − ε] first, e.g. np.clip(y_hat, 1e-15, 1 - 1e-15) (an ε much below 1e-16 is lost: "
         "1 − ε rounds to 1)")


def _one_of(out):
    """'a list of one' or 'an array of one': what a result of shape (1,) is."""
    return "a list of one" if isinstance(out, list) else "an array of one"


def _cross_entropy_mistakes(y, p):
    """The value a known mistake gives for (y, ŷ) -> what to change (notebook 02, section 5)."""
    with np.errstate(all="ignore"):
        term1, term0 = y * np.log(p), (1 - y) * np.log(1 - p)
        E = -np.mean(term1 + term0)
        return [
            (lambda got: not np.all(np.isfinite(got)),
             "not finite though every ŷ is strictly between 0 and 1, so a log is of 0 or below: take ln ŷ and "
             "ln(1 − ŷ), not ln y (the check calls my_cross_entropy(y, y_hat))"),
            (-E, "the minus sign is missing: ln ŷ < 0, so E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)] is positive"),
            (-np.sum(term1 + term0), "it is the sum over the points, not the mean: divide by m, the number of "
                                     "points (np.mean)"),
            (-np.mean(term1) + np.mean(term0), "the second term has the wrong sign: the minus covers the whole "
                                               "bracket, −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
            (-np.mean(term1), "the (1 − y) ln(1 − ŷ) term, for the points with label 0, is missing"),
            (-np.mean(term0), "the y ln ŷ term, for the points with label 1, is missing"),
            (-np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)),
             "ŷ and 1 − ŷ are swapped: y = 1 pairs with ln ŷ, y = 0 with ln(1 − ŷ)"),
            (-np.mean(term1 + (1 - y) * np.log(p)), "(1 − y) pairs with ln(1 − ŷ), not ln ŷ"),
            (-np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)), "that is log base 2: E uses ln, np.log"),
            (-np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)), "that is log base 10: E uses ln, np.log"),
            (np.mean((y - p) ** 2), "that is the mean squared error: E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
            (0.5 * np.sum((y - p) ** 2), "that is the SSE of notebook 04: E = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]"),
            (E / len(y), "it divides by m twice: np.mean already divides by m"),
            (np.floor(E), FLOOR_DIVISION),
            (lambda got: 6.9 <= got / np.mean(np.abs(y - p)) <= 700,  # = −ln ε of a clip, with y and ŷ swapped
             "that is what ŷ in place of y gives: the check calls my_cross_entropy(y, y_hat), the labels first"),
        ]


def check_cross_entropy(fn):
    """Notebook 02, exercise (section 5): does `fn(y, y_hat)` compute the mean binary cross-entropy E?

    Tried on six points (float and integer labels), perfect predictions (E exactly 0) and confidently
    wrong ones (ŷ = 0 with y = 1 and ŷ = 1 with y = 0: large and finite, so ŷ is clipped, but not far).
    """
    return run_check(fn, "cross_entropy", "my_cross_entropy(y, y_hat)", _cross_entropy_probes,
                     answered_by=(mh.cross_entropy, mh.error_formula, mh.cross_entropy_from_logits))


def _cross_entropy_probes(run):
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    p = np.array([0.9, 0.2, 0.6, 0.4, 0.3, 0.75])
    for labels in (y, y.astype(int)):
        what = ("cross_entropy(y, y_hat) for 6 points" + (", integer labels" if labels.dtype.kind == "i" else ""))
        out = run.call(what, y=labels, y_hat=p)[0]
        got = run.numbers(out, what, "E")
        run.shape(got, (), what, [((6,), "those are the 6 per-point losses; E is one number, their mean"),
                                  ((1,), f"E is one number: return a float, not {_one_of(out)}")])
        run.values(got, cross_entropy(y, p), what, _cross_entropy_mistakes(y, p))
    what = "cross_entropy for perfect predictions (ŷ = y = 1 and ŷ = y = 0)"
    got = run.numbers(run.call(what, y=np.array([1.0, 0.0]), y_hat=np.array([1.0, 0.0]))[0], what, "E")
    run.shape(got, (), what)
    if not np.isfinite(got):
        stop(f"{what} gave {fmt(got)}: 0·ln 0 is nan in numpy (the (1 − y) ln(1 − ŷ) term at ŷ = y = 1); {_CLIP}.")
    if abs(float(got)) > 1e-6:
        stop(f"{what} gave {fmt(got)}, expected 0: ŷ is clipped too far from 0 and 1; clip with a tiny ε, "
              f"such as 1e-15.")
    what = "cross_entropy for confidently wrong predictions (ŷ = 0 with y = 1, ŷ = 1 with y = 0)"
    got = run.numbers(run.call(what, y=np.array([1.0, 0.0]), y_hat=np.array([0.0, 1.0]))[0], what, "E")
    run.shape(got, (), what)
    if not np.isfinite(got):
        stop(f"{what} gave {fmt(got)}: ln of 0, as −ln ŷ at ŷ = 0 is inf; {_CLIP}.")
    if 0 < got < -np.log(1e-6):
        stop(f"{what} gave only {fmt(got)} (−ln {np.exp(-float(got)):.2g}): ŷ is clipped too far from 0 and 1, "
              f"which hides confident mistakes; clip with a tiny ε, such as 1e-15.")
    if got <= 0:
        stop(f"{what} gave {fmt(got)}: a confident mistake must cost a lot, −ln ε ≈ 34.5 for ε = 1e-15; {_CLIP}.")
    return "✓ cross_entropy passes: the mean, the sign, both terms, and finite at ŷ = 0 or 1."


# --- cross-entropy from logits ------------------------------------------------------------------------------

_FROM_Z = "compute from z: ln(1 + e^z) − y·z, with np.logaddexp(0, z) for ln(1 + e^z)"


def _from_logits_mistakes(y, z):
    """The value a known mistake gives for (y, z) -> what to change (notebook 02, section 9)."""
    with np.errstate(all="ignore"):
        soft = np.logaddexp(0.0, z)  # ln(1 + e^z), per point
        E = np.mean(soft - y * z)
        broadcast = []
        if y.ndim == 2:  # a column: y (m, 1) times a flattened z (m,), or the other way round, is an (m, m) table
            m = len(y)
            broadcast = [(np.mean(soft) - np.mean(y) * np.mean(z),
                          f"y·z of a column ({m}, 1) and a flat ({m},) broadcasts to a ({m}, {m}) table: give y and z "
                          f"the same shape (np.ravel both, or neither)")]
        return broadcast + [
            (-E, "the sign is flipped: each loss ln(1 + e^z) − y·z is ≥ 0, and so is E"),
            (np.sum(soft - y * z), "it is the sum over the points, not the mean: divide by m, the number of points "
                                   "(np.mean)"),
            (np.mean(soft - (1 - y) * z), "y and 1 − y are swapped: a point with y = 1 costs ln(1 + e^(−z)), small "
                                          "for a large z; the loss is ln(1 + e^z) − y·z"),
            (np.mean(soft), "the −y·z term is missing: the loss is ln(1 + e^z) − y·z"),
            (np.mean(soft + y * z), "y·z is added: subtract it, ln(1 + e^z) − y·z"),
            (np.mean(np.logaddexp(0.0, -z) - y * z), "that is ln(1 + e^(−z)) − y·z: the loss is ln(1 + e^z) − y·z "
                                                     "(or ln(1 + e^(−z)) + (1 − y)·z)"),
            (np.mean(soft - z), "that is the loss of label 1 for every point: ln(1 + e^z) − y·z uses each point's "
                                "own y"),
            (np.mean(np.logaddexp(0.0, y) - z * y), "that is what z in place of y gives: the check calls "
                                                    "my_cross_entropy_from_logits(y, z), the labels first"),
            (np.mean(np.log2(1 + np.exp(z)) - y * z / np.log(2)), "that is log base 2: E uses ln, np.log"),
            (E / len(y), "it divides by m twice: np.mean already divides by m"),
            (np.floor(E), FLOOR_DIVISION),
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

    Tried on six points, integer labels and logits, a column (m, 1), and z = ±40 and ±1000 with confidently
    right and confidently wrong labels (losses 0 and |z|).
    """
    return run_check(fn, "cross_entropy_from_logits", "my_cross_entropy_from_logits(y, z)", _from_logits_probes,
                     _FROM_LOGITS_EXCEPTIONS, answered_by=(mh.cross_entropy_from_logits,))


def _from_logits_probes(run):
    probes = [  # (y, z, what); moderate logits first: the formula's mistakes are told apart there
        (np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0]), np.array([2.0, -1.5, 0.3, 0.8, -2.2, 4.0]), "6 points"),
        (np.array([1, 0, 0, 1, 1]), np.array([3, -2, 0, 1, -4]), "integer y and z"),
        (np.array([[1.0], [0.0], [0.0], [1.0]]), np.array([[0.5], [-1.0], [2.0], [-0.3]]),
         "a column y and z of shape (4, 1)"),
    ]
    for y, z, kind in probes:
        what = f"cross_entropy_from_logits(y, z) for {kind}"
        out = run.call(what, y=y, z=z)[0]
        got = run.numbers(out, what, "E")
        m = len(y)
        run.shape(got, (), what, [
            ((m,), f"those are the {m} per-point losses; E is one number, their mean" if y.ndim == 1 else
                   "the mean over axis 1 gives one value per point: E is the mean over the points, one number "
                   "(np.mean with no axis)"),
            ((m, 1), f"those are the {m} per-point losses; E is one number, their mean"),
            ((1,), f"E is one number: return a float, not {_one_of(out)}" if y.ndim == 1 else
                   "np.mean(…, axis=0) of a column keeps an axis: return one number, np.mean(…) with no axis")])
        run.values(got, cross_entropy_from_logits(y, z), what, _from_logits_mistakes(y.astype(float), z.astype(float)))
    # the extremes: confidently right (loss 0) and confidently wrong (loss |z|), at ±1000 and ±40
    y = np.array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0])
    z = np.array([1000.0, -1000.0, -1000.0, 1000.0, 40.0, -40.0])
    want = cross_entropy_from_logits(y, z)  # (0 + 0 + 1000 + 1000 + 40 + 40) / 6
    what = "cross_entropy_from_logits(y, z) for z = [1000, −1000, −1000, 1000, 40, −40], y = [1, 0, 1, 0, 0, 1]"
    out, warned = run.call(what, y=y, z=z)
    got = run.numbers(out, what, "E")
    run.shape(got, (), what, [((6,), "those are the 6 per-point losses; E is one number, their mean")])
    if not np.isfinite(got):
        if any("overflow" in w for w in warned) and not any("log" in w for w in warned):
            stop(f"{what} gave {fmt(got)}: e^z overflows at z = 1000 ({warned[0]}); np.logaddexp(0, z) computes "
                 f"ln(1 + e^z) without it.")
        stop(f"{what} gave {fmt(got)}: σ(z) is exactly 0 or 1 at z = ±1000, so ln σ(z) or ln(1 − σ(z)) is ln 0 = −∞ "
             f"(and 0·ln 0 is nan); {_FROM_Z}.")
    if 0 < got < want - 1:  # right on moderate logits, too small here: the large losses were cut
        stop(f"{what} gave {fmt(got)}, expected {fmt(want)}: each loss is capped, as clipping ŷ (near −ln ε, 34.5 for "
             f"ε = 1e-15) or z caps it, but a confidently wrong z = ±1000 costs 1000; {_FROM_Z}.")
    run.values(got, want, what, _from_logits_mistakes(y, z), "the loss of a point is ln(1 + e^z) − y·z")
    if warned:
        stop(f"{what} gave the right value, but numpy warned on the way ({warned[0]}): np.where computes both of its "
             f"branches for every z; np.logaddexp(0, z) computes ln(1 + e^z) without overflow.")
    return "✓ cross_entropy_from_logits passes: the mean, the sign, y·z, and exact at z = ±1000."
