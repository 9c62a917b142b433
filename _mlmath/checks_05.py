"""Notebook 05's exercises: my_standardize(X_train, X_test) (section 5) and my_original_units(W, b, mean, std)
(section 7), each in one block: mistakes, exception causes, check, probes.
"""
import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import _a, close, run_check, stop

DDOF1_NOTE = ("Note: your sⱼ divides by m − 1 (np.std(…, ddof=1)); the notebook's divides by m (np.std's default). "
              "Both standardise the features.")


def _pair_of(out, what, first, second):
    """The two items of a pair the exercise returns; a verdict naming what came back otherwise."""
    if isinstance(out, (tuple, list)) and len(out) == 2:
        return out
    if isinstance(out, (tuple, list)):
        stop(f"{what} returned {len(out)} items: return the pair ({first}, {second}).")
    stop(f"{what} returned {_a(type(out).__name__)}: return the pair ({first}, {second}), "
         f"`return {first.replace(' ', '_')}, {second.replace(' ', '_')}`.")


# --- notebook 05: standardising the features --------------------------------------------------------------------

def _scaled(X, mean, std):
    return (X - mean) / std


def _standardize_mistakes(X_train, X_test):
    """(mistakes in the scaled X_train, mistakes in the scaled X_test): value -> what to change (notebook 05, §5)."""
    with np.errstate(all="ignore"):  # a mistake may divide by 0 (a constant row): no warning
        return _standardize_catalogue(X_train, X_test)


def _standardize_catalogue(X_train, X_test):
    mean, std, var = X_train.mean(axis=0), X_train.std(axis=0), X_train.var(axis=0)
    both = np.vstack([X_train, X_test])
    row_mean, row_std = X_train.mean(axis=1, keepdims=True), X_train.std(axis=1, keepdims=True)
    per_row = ("it takes the mean and standard deviation along each row (a point's features): take them down each "
               "column, over the points, axis=0")
    train = [
        (X_train, "X_train came back unscaled: subtract each feature's mean x̄ⱼ and divide by its sⱼ"),
        (_scaled(X_train, row_mean, row_std), per_row),
        (_scaled(X_train, X_train.mean(), X_train.std()),
         "one mean and one standard deviation for all features together: take one per feature j, axis=0"),
        (_scaled(X_train, mean, var), "it divides by the variance sⱼ²: divide by the standard deviation sⱼ = √(sⱼ²)"),
        (_scaled(X_train, mean, X_train.var(axis=0, ddof=1)),
         "it divides by the variance sⱼ²: divide by the standard deviation sⱼ = √(sⱼ²)"),
        (X_train - mean, "it only subtracts the mean x̄ⱼ: divide by the standard deviation sⱼ too"),
        (X_train / std, "it divides by sⱼ but does not subtract the mean x̄ⱼ first"),
        (X_train / std - mean, "subtract the mean before dividing: (xᵢⱼ − x̄ⱼ)/sⱼ, not xᵢⱼ/sⱼ − x̄ⱼ"),
        (X_train - mean / std, "the brackets: (xᵢⱼ − x̄ⱼ)/sⱼ divides the difference, not just x̄ⱼ"),
        (_scaled(X_train, X_train.min(axis=0), X_train.max(axis=0) - X_train.min(axis=0)),
         "that is min-max scaling to [0, 1]: standardising subtracts the mean x̄ⱼ and divides by sⱼ"),
        (_scaled(X_train, both.mean(axis=0), both.std(axis=0)),
         "x̄ⱼ and sⱼ come from the training and held-out points together: take them over the training points only"),
        (_scaled(X_train, mean, np.sqrt(np.sum((X_train - mean) ** 2, axis=0))),
         "sⱼ is missing its 1/m: sⱼ = √((1/m) Σᵢ (xᵢⱼ − x̄ⱼ)²), np.std"),
    ]
    t_mean, t_std = X_test.mean(axis=0), X_test.std(axis=0)
    test = [
        (_scaled(X_test, t_mean, t_std), "X_test is scaled by its own mean and standard deviation: use the "
                                         "training set's x̄ⱼ and sⱼ for both sets"),
        (_scaled(X_test, t_mean, X_test.std(axis=0, ddof=1)),
         "X_test is scaled by its own mean and standard deviation: use the training set's x̄ⱼ and sⱼ for both sets"),
        (_scaled(X_test, t_mean, std), "X_test has its own mean subtracted: use the training set's x̄ⱼ for both sets"),
        (_scaled(X_test, mean, t_std), "X_test is divided by its own standard deviation: use the training set's sⱼ"),
        (X_test, "X_test came back unscaled: scale it with the training set's x̄ⱼ and sⱼ too"),
        (_scaled(X_test, X_test.mean(axis=1, keepdims=True), X_test.std(axis=1, keepdims=True)),
         "X_test is scaled along each row: use the training set's x̄ⱼ and sⱼ, one per feature"),
        (X_test - mean, "X_test only has x̄ⱼ subtracted: divide by sⱼ too"),
        (_scaled(X_test, mean, var), "X_test is divided by the variance sⱼ²: divide by the standard deviation sⱼ"),
        (_scaled(X_test, both.mean(axis=0), both.std(axis=0)),
         "x̄ⱼ and sⱼ come from the training and held-out points together: take them over the training points only"),
    ]
    return train, test


_STANDARDIZE_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "x̄ and s have one entry per feature, shape (n,): take them with axis=0, "
                                           "and (m, n) − (n,) works column by column"),
]


def check_standardize(fn):
    """Notebook 05, exercise (section 5): does `fn(X_train, X_test)` return the pair of both sets scaled by the
    TRAINING set's per-feature mean x̄ⱼ and standard deviation sⱼ, (X − x̄)/s? sⱼ may divide by m (expected) or by
    m − 1 (accepted, with a note). X_train and X_test have different sizes, means and spreads; both are floats, as
    the notebook's features are.
    """
    return run_check(fn, "standardize", "my_standardize(X_train, X_test)", _standardize_probes,
                     _STANDARDIZE_EXCEPTIONS, answered_by=(mh.standardize,))


def _standardize_probes(run):
    rng = np.random.default_rng(5)
    scale, centre = np.array([5.0, 400.0, 0.5]), np.array([43.0, 3700.0, -2.0])
    probes = [(rng.normal(centre, scale, size=(7, 3)), rng.normal(centre + scale, 2 * scale, size=(4, 3))),
              (np.array([[39.1, 3750.0], [46.5, 3500.0], [50.0, 3900.0], [41.1, 3200.0], [52.7, 4050.0]]),
               np.array([[45.2, 3650.0], [38.6, 3300.0]]))]  # bill lengths in mm, body masses in g
    for X_train, X_test in probes:
        (m, n), m_test = X_train.shape, X_test.shape[0]
        what = f"standardize for X_train ({m}, {n}) and X_test ({m_test}, {n})"
        out, _ = run.call(what, X_train=X_train, X_test=X_test)
        A_out, B_out = _pair_of(out, what, "X_train scaled", "X_test scaled")
        A = run.numbers(A_out, f"{what}: the scaled X_train", "the scaled X_train")
        B = run.numbers(B_out, f"{what}: the scaled X_test", "the scaled X_test")
        if A.shape == (m_test, n) and B.shape == (m, n):
            stop(f"{what}: the pair came back as (X_test, X_train): return (X_train scaled, X_test scaled).")
        run.shape(A, (m, n), f"{what}: the scaled X_train", [((n, m), "it is transposed: keep one row per point"),
                                                              ((m * n,), "it is flattened: keep the shape (m, n)")])
        run.shape(B, (m_test, n), f"{what}: the scaled X_test", [((n, m_test), "it is transposed: keep one row per "
                                                                               "point")])
        mean, std, std1 = X_train.mean(axis=0), X_train.std(axis=0), X_train.std(axis=0, ddof=1)
        rtol = run.precision(A, f"{what}: the scaled X_train")
        if close(A, _scaled(X_train, mean, std1), rtol) and close(B, _scaled(X_test, mean, std1), rtol):
            run.notes.append(DDOF1_NOTE)
            continue
        train_mistakes, test_mistakes = _standardize_mistakes(X_train, X_test)
        run.values(A, _scaled(X_train, mean, std), f"{what}: the scaled X_train", train_mistakes,
                   "x̃ᵢⱼ = (xᵢⱼ − x̄ⱼ)/sⱼ with x̄ⱼ, sⱼ over the training points")
        run.values(B, _scaled(X_test, mean, std), f"{what}: X_train is right, but the scaled X_test", test_mistakes,
                   "scale X_test with the training set's x̄ⱼ and sⱼ")
    return "✓ standardize passes: x̄ⱼ and sⱼ per feature over the training points, applied to both sets."


# --- notebook 05: weights back in the original units -------------------------------------------------------------

def _original_units_mistakes(W, b, mean, std):
    """(mistakes in W, mistakes in b): value -> what to change (notebook 05, section 7)."""
    W_right = W / std
    W_mistakes = [
        (W * std, "it multiplies by sⱼ: wⱼ = w̃ⱼ/sⱼ (a feature with a larger spread gets a smaller weight)"),
        (W, "W came back unchanged: each weight is divided by its feature's standard deviation, wⱼ = w̃ⱼ/sⱼ"),
        (W / std ** 2, "it divides by the variance sⱼ²: wⱼ = w̃ⱼ/sⱼ"),
        ((W - mean) / std, "the weights do not subtract the means: wⱼ = w̃ⱼ/sⱼ, the means move only the bias"),
        (W / std - mean, "the weights do not subtract the means: wⱼ = w̃ⱼ/sⱼ, the means move only the bias"),
        (W * mean / std, "the weights do not take the means: wⱼ = w̃ⱼ/sⱼ, the means move only the bias"),
    ]
    b_mistakes = [
        (b, "b came back unchanged: it absorbs the means, b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b + np.sum(W_right * mean), "the sign of the shift: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b - np.sum(W * mean), "the shift forgets to divide by sⱼ: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b - np.sum(W * mean * std), "it multiplies by sⱼ: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b - np.sum(W * mean / std ** 2), "it divides by sⱼ twice: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ, or b̃ − Σⱼ wⱼ x̄ⱼ with the "
                                          "new wⱼ"),
        (b - np.mean(W_right * mean), "the shift is a sum over the features, not a mean: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (b / np.prod(std) - np.sum(W_right * mean), "b̃ itself is not divided: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
        (-np.sum(W_right * mean), "b̃ is missing: b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ"),
    ]
    return W_mistakes, b_mistakes


_ORIGINAL_UNITS_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "W, x̄ and s all have shape (n,): wⱼ = w̃ⱼ/sⱼ entry by entry"),
    (ValueError, "matmul", "W, x̄ and s all have shape (n,): Σⱼ wⱼ x̄ⱼ is np.sum(W * mean) or W @ mean"),
]


def check_original_units(fn):
    """Notebook 05, exercise (section 7): does `fn(W, b, mean, std)` turn weights W̃, b̃ learned on standardised
    features into (W, b) for the original units, wⱼ = w̃ⱼ/sⱼ and b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ? n = 3 with means far from 0
    and spreads far from 1, and n = 2 with a negative bias (learned weights are floats).
    """
    return run_check(fn, "original_units", "my_original_units(W, b, mean, std)", _original_units_probes,
                     _ORIGINAL_UNITS_EXCEPTIONS, answered_by=(mh.to_original_units,))


def _original_units_probes(run):
    probes = [(np.array([1.2, -0.7, 0.3]), 0.4, np.array([43.0, 3700.0, -2.0]), np.array([5.0, 400.0, 0.5])),
              (np.array([3.0, -2.0]), -1.0, np.array([40.0, 4000.0]), np.array([4.0, 500.0]))]
    for W, b, mean, std in probes:
        n = len(W)
        what = f"original_units for n = {n}"
        out, _ = run.call(what, W=W, b=b, mean=mean, std=std)
        W_out, b_out = _pair_of(out, what, "W", "b")
        W_new = run.numbers(W_out, f"{what}: the W", "W")
        b_new = run.numbers(b_out, f"{what}: the b", "b")
        if W_new.shape == () and b_new.shape == (n,):
            stop(f"{what}: the pair came back as (b, W): return (W, b).")
        run.shape(W_new, (n,), f"{what}: the W", [((), "one number: W has one weight per feature, shape (n,)")])
        run.shape(b_new, (), f"{what}: the b", [
            ((n,), "one entry per feature: b is one number, the shift summed over the features j"),
            ((1,), "b is a plain number: return a float, e.g. float(b)")])
        W_mistakes, b_mistakes = _original_units_mistakes(W, b, mean, std)
        run.values(W_new, W / std, f"{what}: the W", W_mistakes, "wⱼ = w̃ⱼ/sⱼ")
        run.values(b_new, b - np.sum(W * mean / std), f"{what}: W is right, but b", b_mistakes,
                   "b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ")
    return "✓ original_units passes: wⱼ = w̃ⱼ/sⱼ and b = b̃ − Σⱼ w̃ⱼ x̄ⱼ/sⱼ."
