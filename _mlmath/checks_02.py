"""Notebook 02's exercise: my_cross_entropy(y, y_hat) (section 5), in one block: mistakes, check, probes.
"""
import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import fmt, run_check, stop
from mlmath_helpers import cross_entropy


_CLIP = ("clip ŷ into [ε, 1 − ε] first, e.g. np.clip(y_hat, 1e-15, 1 - 1e-15) (an ε much below 1e-16 is lost: "
         "1 − ε rounds to 1)")


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
        got = run.numbers(run.call(what, y=labels, y_hat=p)[0], what, "E")
        run.shape(got, (), what, [((6,), "those are the 6 per-point losses; E is one number, their mean"),
                                  ((1,), "E is one number: return a float, not an array of one")])
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
