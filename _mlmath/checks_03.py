"""Notebook 03's exercises, one block each (mistakes, exception causes, check, probes), in the notebook's order:
my_gradient_step (section 8.1), my_training_loop (8.2), my_learning_rate (8.3, a value), my_numerical_gradient and
my_buggy_gradient (8.4, a value).
"""
import inspect

import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import (CheckResult, Verdict, _a, _fail, _one_line, close, disagreement, none_answer, run_check,
                             stop)
from mlmath_helpers import sigmoid, sigmoid_prime


def _gradient_step_mistakes(X, y, W, b, eta):
    """(mistakes in the new W, mistakes in the new b): value -> what to change (notebook 03, section 8.1)."""
    m, n = X.shape
    z = X @ W + b
    r = sigmoid(z) - y  # ŷ − y, (m,)
    dW, db = X.T @ r / m, r.mean()
    W_mistakes = [
        (W + eta * dW, "it steps uphill: gradient descent subtracts, W − η ∂E/∂W with ∂E/∂W = Xᵀ(ŷ − y)/m "
                       "(with the error y − ŷ, add instead)"),
        (W - eta * X.T @ r, "the gradient is summed, not averaged: divide by m, ∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ"),
        (W - eta * X.T @ r / n, f"it divides by n = {n}, the number of inputs: divide by m = {m}, the number of "
                                f"points"),
        (W - dW, "the learning rate η is missing: W − η ∂E/∂W"),
        (W - eta ** 2 * dW, "η is applied twice: W − η ∂E/∂W has one η"),
        (W - eta * X.T @ (r * sigmoid_prime(z)) / m,
         "σ'(z) is kept: for the cross-entropy the σ' of the chain rule cancels, ∂E/∂W = Xᵀ(ŷ − y)/m"),
        (W - eta * np.mean(X * r[:, None]), "∂E/∂W came out one number for every wⱼ: it averages over the points "
                                            "and the inputs together; average over the points only, "
                                            "X.T @ (ŷ − y) / m, shape (n,)"),
        (W - eta * X.T @ (z - y) / m, "the error uses z: ŷ = σ(XW + b), so the error is σ(z) − y, not z − y"),
        (W - eta * X.T @ (sigmoid(X @ W) - y) / m, "the bias b is missing from z = XW + b"),
        (dW, "that is the gradient ∂E/∂W: return the new W = W − η ∂E/∂W"),
        (-eta * dW, "that is the change −η ∂E/∂W: return the new W, W − η ∂E/∂W"),
    ]
    b_mistakes = [
        (b, "b did not change: update the bias too, b − η ∂E/∂b with ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ)"),
        (b + eta * db, "the bias steps uphill: b − η ∂E/∂b"),
        (b - eta * r.sum(), "∂E/∂b is the mean of ŷ − y, not the sum: divide by m"),
        (b - db, "the learning rate η is missing from the bias step: b − η ∂E/∂b"),
        (b - eta ** 2 * db, "η is applied twice in the bias step"),
        (b - eta * dW.mean(), "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) has no x in it"),
        *[(b - eta * dW[j], "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) has no x in it") for j in range(n)],
        (db, "that is the gradient ∂E/∂b: return the new b = b − η ∂E/∂b"),
    ]
    return W_mistakes, b_mistakes


_STEP_EXCEPTIONS = [
    (ValueError, "matmul", "X is (m, n) and the error ŷ − y is (m,): ∂E/∂W = X.T @ (ŷ − y) / m, shape (n,)"),
    (ValueError, "not aligned", "X is (m, n) and the error ŷ − y is (m,): ∂E/∂W = np.dot(X.T, ŷ − y) / m, shape (n,)"),
    (ValueError, "could not be broadcast", "X is (m, n), W (n,), y and ŷ − y (m,): z = X @ W + b, "
                                           "∂E/∂W = X.T @ (ŷ − y) / m"),
]


def check_gradient_step(fn):
    """Notebook 03, exercise (section 8.1): does `fn(X, y, W, b, learning_rate)` return one gradient-descent step
    (W − η ∂E/∂W, b − η ∂E/∂b) on the mean cross-entropy? X (m, n) with m ≠ n, z spread away from 0.
    """
    return run_check(fn, "gradient_step", "my_gradient_step(X, y, W, b, learning_rate)", _gradient_step_probes,
                     _STEP_EXCEPTIONS, answered_by=(mh.cross_entropy_gradient, mh.gradient_descent))


def _gradient_step_probes(run):
    rng = np.random.default_rng(3)
    probes = [(rng.normal(0.0, 1.5, size=(6, 3)), np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0]),
               np.array([0.8, -0.6, 1.2]), 0.2, 0.1),
              (np.array([[1, 2], [0, -1], [3, 1], [-2, 0], [1, -3]]), np.array([1, 0, 1, 0, 0]),
               np.array([0.5, -0.25]), 0, 0.5)]  # integers: X, y and b
    for X, y, W, b, eta in probes:
        m, n = X.shape
        what = f"gradient_step for X of shape ({m}, {n}){', integer X, y and b' if X.dtype.kind == 'i' else ''}"
        out, _ = run.call(what, X=X, y=y, W=W, b=b, learning_rate=eta)
        W_out, b_out = run.pair(out, what)
        W_new, b_new = run.numbers(W_out, f"{what}: the new W", "W"), run.numbers(b_out, f"{what}: the new b", "b")
        run.shape(W_new, (n,), f"{what}: the new W", [
            ((m,), "one value per point: ∂E/∂W sums over the points, X.T @ (ŷ − y) / m has shape (n,)"),
            ((m, n), "one row per point: ∂E/∂W = X.T @ (ŷ − y) / m sums over them (or take .mean(axis=0))"),
            ((1, n), "keep W a vector of shape (n,)"), ((n, 1), "keep W a vector of shape (n,)"),
            ((), "one number: W has one weight per input, shape (n,)")])
        run.shape(b_new, (), f"{what}: the new b", [
            ((m,), "one per point: ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) is one number, np.mean(ŷ − y)"),
            ((1,), "b is a plain number: return a float, e.g. float(b_new)"),
            ((n,), "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) is one number, with no x in it")])
        r = sigmoid(X @ W + b) - y
        want_W, want_b = W - eta * X.T @ r / m, b - eta * r.mean()
        W_mistakes, b_mistakes = _gradient_step_mistakes(X.astype(float), y.astype(float), W, b, eta)
        run.values(W_new, want_W, f"{what}: the new W", W_mistakes, "∂E/∂wⱼ = (1/m) Σᵢ (ŷᵢ − yᵢ) xᵢⱼ")
        run.values(b_new, want_b, f"{what}: the new W is right, but the new b", b_mistakes,
                   "∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ)")
    return "✓ gradient_step passes: the mean gradient, the right sign, η, and the bias step."


# --- my_training_loop (section 8.2) and my_learning_rate (8.3) -----------------------------------------------

# The notebook's own descent (section 6): its data, its start and its number of steps.
DESCENT_03 = dict(W_true=[1.5], b_true=-0.5, m=24, seed=3, spread=2.0)
DESCENT_03_START, DESCENT_03_STEPS = (-4.0, 4.0), 20


def _descent_03_data():
    data = mh.make_data(**DESCENT_03)
    return data.X, data.y


def _loop(X, y, W, b, eta, steps, sign=-1.0, divide="m", bias="right", sequential=False, fprime=False):
    """`steps` gradient-descent steps with one deliberate mistake switched on -> (W, b, losses before/after)."""
    m, n = X.shape
    W, b = np.asarray(W, dtype=float), float(b)
    losses = [mh.cross_entropy_from_logits(y, X @ W + b)]
    for _ in range(steps):
        r = mh.sigmoid(X @ W + b) - y                       # (m,)
        if fprime:
            r = r * mh.sigmoid_prime(X @ W + b)
        d = {"m": m, "1": 1, "n": n}[divide]
        W_new = W + sign * eta * X.T @ r / d
        if sequential:  # b's gradient from the W that has already moved
            r = mh.sigmoid(X @ W_new + b) - y
        b = {"right": b + sign * eta * r.sum() / d, "none": b, "uphill": b - sign * eta * r.sum() / d}[bias]
        W = W_new
        losses.append(mh.cross_entropy_from_logits(y, X @ W + b))
    return W, b, np.array(losses)


def _training_loop_mistakes(X, y, W, b, eta, steps):
    """(mistakes in W, in b, in the losses): value -> what to change (notebook 03, section 8.2)."""
    ref = mh.gradient_descent(X, y, W, b, eta, steps)
    m, n = X.shape
    fixed = {f"η = {other:g}": (_loop(X, y, W, b, other, steps),
                                f"it ignores the learning_rate it is given (the check passed η = {eta:g}): step by "
                                f"the argument learning_rate, not a fixed {other:g}")
             for other in (0.5, 0.1, 0.01, 0.05, 0.2, 2.0, 3.0, 0.001) if other != eta}
    wrong = {
        "uphill": (_loop(X, y, W, b, eta, steps, sign=+1.0),
                   "it steps uphill: each step subtracts, W − η ∂E/∂W and b − η ∂E/∂b"),
        "summed": (_loop(X, y, W, b, eta, steps, divide="1"),
                   "the gradient is summed, not averaged: E is the mean, ∂E/∂W = (1/m) Xᵀ(ŷ − y)"),
        "by n": (_loop(X, y, W, b, eta, steps, divide="n"),
                 f"it divides by n = {n}, the number of inputs: divide by m = {m}, the number of points"),
        "no b": (_loop(X, y, W, b, eta, steps, bias="none"),
                 "b never moved: update the bias on every step too, b − η ∂E/∂b with ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ)"),
        "b uphill": (_loop(X, y, W, b, eta, steps, bias="uphill"), "the bias steps uphill: b − η ∂E/∂b"),
        "sequential": (_loop(X, y, W, b, eta, steps, sequential=True),
                       "b's gradient was computed after W had moved: compute both partial derivatives at the old "
                       "(W, b), then move both (a simultaneous update)"),
        "σ'": (_loop(X, y, W, b, eta, steps, fprime=True),
               "σ'(z) is kept: for the cross-entropy it cancels, ∂E/∂W = (1/m) Xᵀ(ŷ − y)"),
        "no η": (_loop(X, y, W, b, 1.0, steps), "the learning rate η is missing: W − η ∂E/∂W"),
        "one step": (_loop(X, y, W, b, eta, 1), f"it took one step: repeat the step `steps` = {steps} times"),
        "one more": (_loop(X, y, W, b, eta, steps + 1), f"it took {steps + 1} steps, one too many: "
                                                        f"range(steps) runs `steps` times"),
        "one fewer": (_loop(X, y, W, b, eta, steps - 1), f"it took {steps - 1} steps, one too few: "
                                                         f"range(steps) runs `steps` times"),
        **fixed,
    }
    W_mistakes = [(v[0], cause) for v, cause in wrong.values()]
    b_mistakes = [(v[1], cause) for v, cause in wrong.values()]
    loss_mistakes = [(m * ref.loss, "the losses are sums over the points: E is the mean, (1/m) Σᵢ ℓᵢ"),
                     (np.r_[ref.loss[0], ref.loss[:-1]], "each loss is one step late: record E before the first "
                                                         "step, then E after each step"),
                     (np.r_[ref.loss[1:], ref.loss[-1]], "the first loss is E after the first step: record E "
                                                         "before the first step too")]
    return W_mistakes, b_mistakes, loss_mistakes, ref


_LOOP_SIGNATURE = "my_training_loop(X, y, W, b, learning_rate, steps)"
_LOOP_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "X is (m, n), W (n,), ŷ − y (m,) and b is one number: z = X @ W + b, "
                                           "∂E/∂W = X.T @ (ŷ − y) / m, and ∂E/∂b = mean(ŷ − y), not ∂E/∂W"),
    *_STEP_EXCEPTIONS,
]


def check_training_loop(fn):
    """Notebook 03, exercise (section 8.2): does `fn(X, y, W, b, learning_rate, steps)` return (W, b, losses) after
    `steps` simultaneous gradient-descent steps on the mean cross-entropy, with the steps + 1 losses before the
    first step and after each? X (m, n) with m ≠ n.
    """
    return run_check(fn, "training_loop", _LOOP_SIGNATURE, _training_loop_probes, _LOOP_EXCEPTIONS,
                     answered_by=(mh.gradient_descent,))


def _training_loop_probes(run):
    rng = np.random.default_rng(7)
    probes = [(rng.normal(0.0, 1.5, size=(7, 3)), np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0]),
               np.array([0.5, -0.4, 0.8]), 0.3, 0.4, 4),
              (np.array([[1, 2], [0, -1], [3, 1], [-2, 0], [1, -3]]), np.array([1, 0, 1, 0, 0]),
               np.array([0.5, -0.25]), 0, 1.0, 3)]  # integers: X, y and b
    for X, y, W, b, eta, steps in probes:
        m, n = X.shape
        what = (f"training_loop for X of shape ({m}, {n}), {steps} steps"
                + (", integer X, y and b" if X.dtype.kind == "i" else ""))
        out, _ = run.call(what, X=X, y=y, W=W, b=b, learning_rate=eta, steps=steps)
        if not (isinstance(out, (tuple, list)) and len(out) == 3):
            got = f"{len(out)} items" if isinstance(out, (tuple, list)) else _a(type(out).__name__)
            stop(f"{what} returned {got}: return the three results, `return W, b, losses`.")
        W_new = run.numbers(out[0], f"{what}: W", "W")
        b_new = run.numbers(out[1], f"{what}: b", "b")
        losses = run.numbers(_losses(out[2], what, steps), f"{what}: the list of losses", "the list of losses")
        W_mistakes, b_mistakes, loss_mistakes, ref = _training_loop_mistakes(
            X.astype(float), y.astype(float), W, float(b), eta, steps)
        run.shape(W_new, (n,), f"{what}: W", [
            ((steps + 1, n), "that is every W along the way: return the W after the last step"),
            ((steps, n), "that is every W along the way: return the W after the last step")])
        run.shape(b_new, (), f"{what}: b", [
            ((n,), "b has the shape of ∂E/∂W: b moves by −η ∂E/∂b, and ∂E/∂b = (1/m) Σᵢ (ŷᵢ − yᵢ) is one number"),
            ((steps + 1,), "that is every b along the way: return the b after the last step"),
            ((1,), "b is a plain number: return a float, e.g. float(b)")])
        if losses.shape == (steps,):
            for value, cause in [(ref.loss[:-1], "the loss after the last step is missing"),
                                 (ref.loss[1:], "the loss before the first step is missing")]:
                if close(losses, value, 1e-5):
                    stop(f"{what} gave {steps} losses: {cause}; record E before the first step and after each "
                          f"step, {steps} + 1 values.")
        run.shape(losses, (steps + 1,), f"{what}: the list of losses", [
            ((), "one number: return every loss, E before the first step and after each, steps + 1 values"),
            ((steps,), "record E before the first step and after each step, steps + 1 values")])
        run.values(W_new, ref.W[-1], f"{what}: W", W_mistakes, "W moves by −η ∂E/∂W on each step")
        run.values(b_new, ref.b[-1], f"{what}: W is right, but b", b_mistakes, "b moves by −η ∂E/∂b on each step")
        run.values(losses, ref.loss, f"{what}: W and b are right, but the losses", loss_mistakes,
                   "losses[k] is the mean cross-entropy E after k steps")
    return "✓ training_loop passes: simultaneous steps, the mean gradient, and E before the first step and after each."


def _losses(out, what, steps):
    """The losses as a list: a tuple of numbers is a sequence too; a generator gets its own message."""
    if inspect.isgenerator(out) or isinstance(out, (map, filter)):
        stop(f"{what}: the losses came back as {_a(type(out).__name__)}, which can be read only once: return them as "
             f"a list (or numpy array) of steps + 1 = {steps + 1} numbers, e.g. list(…).")
    try:
        numbers = isinstance(out, tuple) and all(np.ndim(v) == 0 and not isinstance(v, (str, bytes)) for v in out)
    except Exception:  # an item numpy cannot read: numbers() names it
        numbers = False
    return list(out) if numbers else out


def _percent_above(E, E_min):
    percent = 100 * (E / E_min - 1)
    return f"{percent:.0f}%" if percent >= 10 else f"{percent:.2f}%"


def check_learning_rate(eta):
    """Notebook 03, exercise (section 8.3): does the learning rate `eta` bring the notebook's descent (its data, from
    W = −4, b = 4, 20 steps) within 1% of the minimum E, with E falling on every step?"""
    try:
        return _learning_rate_verdict(eta)
    except Verdict as verdict:
        return verdict.result
    except Exception as exc:  # a strange answer: still one line
        return _fail(f"the check could not read η ({type(exc).__name__}): give one positive number.")


def _learning_rate_verdict(eta):
    if eta is None:
        return none_answer("learning_rate", "my_learning_rate")
    if isinstance(eta, (bool, np.bool_)):
        stop(f"η = {eta} is True/False, not a learning rate: give one positive number; the check then says whether "
             f"to raise or lower it.")
    if isinstance(eta, (str, bytes)):
        stop(f"η is the text {_one_line(repr(eta), 20)}: give the number itself, without quotes.")
    if callable(eta):
        stop("η is a function: give a number, the learning rate itself.")
    if isinstance(eta, (list, tuple, dict, set, np.ndarray)):
        stop(f"η is {_a(type(eta).__name__)}: give one number, the learning rate for the whole descent.")
    if isinstance(eta, (complex, np.complexfloating)):
        stop(f"η = {eta} is complex: give a real positive number.")
    try:
        value = float(eta)
    except (TypeError, ValueError):
        stop(f"η is {_a(type(eta).__name__)}: give one positive number.")
    if np.isnan(value):
        stop("η is nan, not a number: give one positive number; the check then says whether to raise or lower it.")
    if np.isinf(value):
        stop(f"η = {value}: an infinite step has no place to land; give a finite positive number.")
    if value == 0:
        stop("η = 0 never moves: W and b stay at their start; give a positive number.")
    if value < 0:
        stop(f"η = {value:g} is negative: W − η ∂E/∂W then steps uphill and E rises; give a positive number.")
    X, y = _descent_03_data()
    (W0, b0), steps = DESCENT_03_START, DESCENT_03_STEPS
    E_min = mh.minimum(mh.make_data(**DESCENT_03))[2]
    loss = mh.gradient_descent(X, y, np.array([W0]), b0, value, steps).loss
    rises = np.flatnonzero(np.diff(loss) > 1e-9 * loss[:-1]) + 1
    if not np.all(np.isfinite(loss)) or loss[-1] > loss[0]:
        stop(f"η = {value:g} is far too large: the descent diverged, E ends at {loss[-1]:.4f}, above where it "
              f"started ({loss[0]:.4f}); lower η.")
    if rises.size:
        k = int(rises[0])
        stop(f"η = {value:g} is too large: E rose at step {k} ({loss[k - 1]:.4f} → {loss[k]:.4f}), the path "
              f"overshoots across the valley; lower η.")
    if loss[-1] > 1.01 * E_min:
        stop(f"η = {value:g} is too small: after {steps} steps E = {loss[-1]:.4f}, still "
              f"{_percent_above(loss[-1], E_min)} above the minimum {E_min:.4f}; raise η.")
    k = int(np.argmax(loss <= 1.01 * E_min))
    return CheckResult(True, f"✓ η = {value:g} works: E is within 1% of the minimum {E_min:.4f} after {k} of "
                             f"{steps} steps, and falls on every step.")


# --- my_numerical_gradient and my_buggy_gradient (section 8.4) ----------------------------------------------

def _central(f, theta, h, at_once=False):
    """(f(θ + h eₚ) − f(θ − h eₚ)) / 2h per entry (the helper's numerical_gradient), or with every entry nudged
    at once (a mistake)."""
    theta = np.asarray(theta, dtype=float)
    if at_once:
        return np.full(theta.shape, (f(theta + h) - f(theta - h)) / (2 * h))
    return np.asarray(mh.numerical_gradient(f, theta, h))


def _one_sided(f, theta, h, side):
    """The forward (side = +1) or backward (side = −1) difference per entry."""
    theta = np.asarray(theta, dtype=float)
    out = np.empty(theta.shape)
    for p in range(theta.size):
        t = theta.copy()
        t[p] += side * h
        out[p] = side * (f(t) - f(theta)) / h
    return out


def _numerical_gradient_mistakes(f, theta, h):
    """Values a wrong central difference gives -> what to change (notebook 03, section 8.4)."""
    want = _central(f, theta, h)
    ignored = [(_central(f, theta, other), f"it ignores the h it is given (the check passed h = {h:g}): nudge by "
                                           f"the argument h, not a fixed step")
               for other in (1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1.0, 1e-8) if other != h]
    return [
        (_one_sided(f, theta, h, +1), "a forward difference (f(θ + h eₚ) − f(θ)) / h is off by about h·f'': take the "
                                      "central difference (f(θ + h eₚ) − f(θ − h eₚ)) / 2h"),
        (_one_sided(f, theta, h, -1), "a backward difference (f(θ) − f(θ − h eₚ)) / h is off by about h·f'': take the "
                                      "central difference (f(θ + h eₚ) − f(θ − h eₚ)) / 2h"),
        (2 * want, "it divides by h: the points θ + h eₚ and θ − h eₚ are 2h apart, so divide by 2h"),
        (want / 2, "it divides by 4h: the points θ ± h eₚ are 2h apart, divide by 2h"),
        (2 * h * want, "the difference f(θ + h eₚ) − f(θ − h eₚ) is not divided: divide it by 2h"),
        (h * h * want, "every slope is h² times too small: `/ 2 * h` divides by 2 and then multiplies by h; write "
                       "`/ (2 * h)`"),
        (4 * want, "every slope is 4 times too large: `/ h * 2` divides by h and then multiplies by 2; write "
                   "`/ (2 * h)`"),
        (-want, "the difference is the wrong way round: f(θ + h eₚ) − f(θ − h eₚ), the upper point first"),
        (_central(f, theta, h, at_once=True), "every entry is the same: it nudges all parameters at once; nudge one "
                                              "at a time, θ ± h eₚ with eₚ the p-th unit vector, the others fixed"),
        *ignored,
    ]


def _probe_functions():
    """(description, f, theta, h) for the probes: a cubic, and the mean cross-entropy of a small data set."""
    def cubic(t):
        return t[0] ** 3 + 2 * t[1] ** 3 - t[0] * t[1] + t[2] ** 2 * t[0]

    X = np.array([[0.5, -1.2], [1.5, 0.3], [-0.7, 2.0], [2.2, -0.4], [-1.6, -1.1]])  # (5, 2)
    y = np.array([1.0, 1.0, 0.0, 1.0, 0.0])

    def mean_cross_entropy(t):  # t = (w1, w2, b)
        return mh.cross_entropy_from_logits(y, X @ np.asarray(t[:2], dtype=float) + t[2])

    def quartic(t):
        return float(np.sum(np.asarray(t, dtype=float) ** 4)) + t[0] * t[3]

    return [("f(θ) = θ₀³ + 2θ₁³ − θ₀θ₁ + θ₂²θ₀ at θ = (1, −2, 0.5) with h = 0.05", cubic,
             np.array([1.0, -2.0, 0.5]), 0.05),
            ("the mean cross-entropy at θ = (w₁, w₂, b) = (0.5, −1, 0.3) with h = 1e-4", mean_cross_entropy,
             np.array([0.5, -1.0, 0.3]), 1e-4),
            ("f(θ) = Σₚ θₚ⁴ + θ₀θ₃ at the integer θ = (1, −2, 3, 0) with h = 1e-3", quartic,
             np.array([1, -2, 3, 0]), 1e-3)]


def check_numerical_gradient(fn):
    """Notebook 03, exercise (section 8.4): does `fn(f, theta, h=1e-6)` return the central differences
    (f(θ + h eₚ) − f(θ − h eₚ)) / 2h, one entry per parameter of a 1-D theta, leaving theta unchanged?
    """
    return run_check(fn, "numerical_gradient", "my_numerical_gradient(f, theta, h=1e-6)",
                     _numerical_gradient_probes, answered_by=(mh.numerical_gradient,))


def _numerical_gradient_probes(run):
    run.copy_as["theta"] = "np.array(theta, dtype=float)"  # a float copy: an integer theta rounds the nudge away
    run.restore["theta"] = "θ + h − 2h + h is not exactly θ in floating point"
    for what, f, theta, h in _probe_functions():
        what = f"numerical_gradient for {what}"
        out, _ = run.call(what, f=f, theta=theta, h=h)
        if isinstance(out, (str, bytes)):
            stop(f"{what} returned the text {_one_line(repr(out), 30)}: return the array of the n = {theta.size} "
                 f"slopes, shaped like theta.")
        got = run.numbers(list(out) if isinstance(out, tuple) else out, what, "the gradient")
        n = theta.size
        run.shape(got, (n,), what, [
            ((), "one number: return one slope per parameter, an array of shape (n,) like theta"),
            ((n, 1), "keep it 1-D, shape (n,) like theta"), ((1, n), "keep it 1-D, shape (n,) like theta"),
            ((n, 2), "two numbers per parameter (pairs or tuples?): return only the slope of each, one number "
                     "per parameter"),
            ((n, n), "a row per parameter: return one number per parameter, (f(θ + h eₚ) − f(θ − h eₚ)) / 2h")])
        want = _central(f, theta, h)
        integer = theta.dtype.kind == "i"
        run.values(got, want, what, _numerical_gradient_mistakes(f, theta, h),
                   "theta is an integer array here, so θ + h eₚ written into it (or into a copy of it, which keeps "
                   "integers) is rounded: nudge a float copy, np.array(theta, dtype=float)" if integer else
                   "the slope of entry p is (f(θ + h eₚ) − f(θ − h eₚ)) / 2h")
    what = "numerical_gradient(f, theta) without h"
    f, theta = _probe_functions()[1][1:3]
    out, _ = run.call(what, f=f, theta=theta)
    got = run.numbers(list(out) if isinstance(out, tuple) else out, what, "the gradient")
    run.shape(got, theta.shape, what)
    if not close(got, _central(f, theta, 1e-6), 1e-6):
        stop(f"{what} gave {disagreement(got, _central(f, theta, 1e-6))}: the default step is h = 1e-6, "
              f"`def my_numerical_gradient(f, theta, h=1e-6)`.")
    return "✓ numerical_gradient passes: central differences, one parameter at a time, with the h it is given."


# The two gradients of notebook 03, section 8: θ = (W, b) on the notebook's one-input data; gradient_a keeps σ'.
def _gradient_a(theta, x, y):
    W, b = theta
    y_hat = mh.sigmoid(W * x + b)                      # (m,)
    error = (y_hat - y) * y_hat * (1 - y_hat)          # (m,)
    return np.array([np.mean(error * x), np.mean(error)])


def _gradient_b(theta, x, y):
    W, b = theta
    error = mh.sigmoid(W * x + b) - y                  # (m,)
    return np.array([x @ error, error.sum()]) / len(y)


BUGGY_GRADIENT = "a"


def check_buggy_gradient(answer):
    """Notebook 03, exercise (section 8.4): which of gradient_a and gradient_b disagrees with central differences?
    `answer` is the letter, "a" or "b"."""
    try:
        return _buggy_gradient_verdict(answer)
    except Verdict as verdict:
        return verdict.result
    except Exception as exc:  # a strange answer: still one line
        return _fail(f"the check could not read the answer ({type(exc).__name__}): answer with the letter \"a\" "
                     f"or \"b\".")


def _buggy_gradient_verdict(answer):
    if answer is None:
        return none_answer("buggy_gradient", "my_buggy_gradient",
                           " (your comparison may never have found a disagreement)")
    if callable(answer):
        stop("that is a function: answer with its letter, \"a\" for gradient_a or \"b\" for gradient_b.")
    if not isinstance(answer, str):
        stop(f"the answer is {_a(type(answer).__name__)}: answer with the letter \"a\" or \"b\", in quotes.")
    letter = answer.strip().rstrip(".").strip().strip("'\"").lower()  # " 'a'. " -> "a"
    letter = letter.removeprefix("gradient_").removeprefix("gradient").strip()
    if letter not in ("a", "b"):
        stop(f"the answer is {_one_line(repr(answer), 30)}: exactly one of them is wrong; answer \"a\" or \"b\".")
    X, y = _descent_03_data()
    x = X[:, 0]
    theta = np.array([-3.0, 3.0])
    numeric = mh.numerical_gradient(lambda t: mh.cross_entropy_from_logits(y, t[0] * x + t[1]), theta)
    a, b = _gradient_a(theta, x, y), _gradient_b(theta, x, y)
    if letter != BUGGY_GRADIENT:
        stop(f"gradient_{letter} agrees with central differences: at (W, b) = (−3, 3) both give "
             f"({b[0]:.4f}, {b[1]:.4f}). Compare the other one with them too.".replace("-", "−"))
    a, b, numeric = ([f"{v:.4f}".replace("-", "−") for v in g] for g in (a, b, numeric))  # a true minus sign
    return CheckResult(True, f"✓ gradient_a is the wrong one: at (W, b) = (−3, 3) it gives ({a[0]}, {a[1]}), "
                             f"central differences ({numeric[0]}, {numeric[1]}); it keeps σ'(z) = ŷ(1 − ŷ), "
                             f"which the cross-entropy cancels.")
