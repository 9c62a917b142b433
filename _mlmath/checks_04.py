"""Notebook 04's exercises, one block each (mistakes, exception causes, check, probes): my_delta_rule_step(X, y, W,
b, learning_rate) (section 5, exercise B), then my_sse_gradient(X, y, W, b) (section 2, exercise A).
"""
import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import run_check
from mlmath_helpers import sigmoid, sigmoid_prime


def _delta_rule_mistakes(X, y, W, b, eta):
    """(mistakes in the new W, mistakes in the new b): value -> what to change (notebook 04, section 5)."""
    m, n = X.shape
    h = X @ W + b  # (m, k)
    y_hat = sigmoid(h)
    error = y - y_hat
    delta = error * sigmoid_prime(h)
    step = eta * X.T @ delta
    W_online, b_online = _online(X, y, W, b, eta)
    with np.errstate(all="ignore"):
        W_mistakes = [
            (W - step, "the step goes the wrong way: with δ = (y − ŷ) f'(h), ΔW = +η Xᵀδ (with the error ŷ − y, "
                       "subtract)"),
            (W + X.T @ delta, "the learning rate η is missing: ΔW = η Xᵀδ"),
            (W + eta * step, "η is applied twice: ΔW = η Xᵀδ has one η"),
            (W + step / m, "it divides by m: the SSE is a sum over the points, so ΔW = η Σ_μ δ^μ x^μ with no 1/m "
                           "(notebook 03's mean does not carry over)"),
            (W + eta * X.T @ error, "f'(h) is missing from δ: δ = (y − ŷ) f'(h)"),
            (W + eta * X.T @ (error * h * (1 - h)), "σ'(h) is σ(h)(1 − σ(h)) = ŷ(1 − ŷ), not h(1 − h)"),
            (W + eta * X.T @ (error * sigmoid_prime(y_hat)), "f' is taken at ŷ: f'(h) = σ'(h) = ŷ(1 − ŷ)"),
            (W + eta * X.T @ ((y - h) * sigmoid_prime(h)),
             "the error uses h: ŷ = f(h) = σ(h), so δ = (y − σ(h)) f'(h)"),
            (W + eta * X.T @ ((y - sigmoid(X @ W)) * sigmoid_prime(X @ W)), "the bias b is missing from h = XW + b"),
            (step, "that is the change ΔW = η Xᵀδ: return the new W + ΔW"),
            (W_online, "W changes between the points: compute every δ^μ with the same W and b, "
                                          "then take one step, ΔW = η Σ_μ x^μ δ^μ = η Xᵀδ"),
        ]
        if W.shape[0] == W.shape[1]:  # these run only when n = k; otherwise they raise, with their own message
            W_mistakes += [
                (W + eta * X.T @ (error * sigmoid_prime(X)),
                 "f' is taken at the input x: take it at h = XW + b, the unit's input, δ = (y − ŷ) f'(h)"),
                (W + eta * delta.T @ X, "ΔW is transposed: Xᵀδ is (n, m) times (m, k), δᵀX is (k, n)"),
                (W + eta * X.T @ ((y - sigmoid(X @ W.T + b)) * sigmoid_prime(X @ W.T + b)),
                 "h = X @ W with W of shape (n, k): no transpose"),
            ]
    b_mistakes = [
        (b_online, "b changes between the points: compute every δ^μ with the same W and b, "
                                      "then take one step, Δb = η Σ_μ δ^μ"),
        (b, "b did not change: Δb = η Σ_μ δ^μ, the sum over the points (axis 0)"),
        (b - eta * delta.sum(axis=0), "the bias step goes the wrong way: Δb = +η Σ_μ δ^μ"),
        (b + delta.sum(axis=0), "the learning rate η is missing from the bias step: Δb = η Σ_μ δ^μ"),
        (b + eta * delta.sum(), "np.sum(delta) adds over the units too: Δb_j = η Σ_μ δ^μ_j, one sum per unit j, "
                                "delta.sum(axis=0)"),
        (b + eta * delta.mean(axis=0), "Δb is a sum over the points, not the mean: η Σ_μ δ^μ, delta.sum(axis=0)"),
        (b + eta * error.sum(axis=0), "f'(h) is missing from the bias step: Δb = η Σ_μ δ^μ with δ = (y − ŷ) f'(h)"),
        (eta * delta.sum(axis=0), "that is the change Δb = η Σ_μ δ^μ: return the new b + Δb"),
    ]
    return W_mistakes, b_mistakes


def _online(X, y, W, b, eta):
    """The delta rule applied point by point (a step after each μ): a different algorithm from the one step asked."""
    W, b = W.copy(), b.copy()
    for x, t in zip(X, y):  # x (n,), t (k,)
        h = x @ W + b  # (k,)
        delta = (t - sigmoid(h)) * sigmoid_prime(h)
        W, b = W + eta * np.outer(x, delta), b + eta * delta
    return W, b


_DELTA_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "X is (m, n), W (n, k) and b (k,); h, y and δ are (m, k); ΔW = η X.T @ δ "
                                           "is (n, k) and Δb = η δ.sum(axis=0) is (k,)"),
    (ValueError, "matmul", "X is (m, n), W (n, k), δ (m, k): h = X @ W + b, ΔW = η X.T @ δ"),
    (ValueError, "not aligned", "X is (m, n), W (n, k), δ (m, k): h = np.dot(X, W) + b, ΔW = η np.dot(X.T, δ)"),
]


def check_delta_rule(fn):
    """Notebook 04, exercise (section 5): does `fn(X, y, W, b, learning_rate)` return one delta-rule step
    (W + η Xᵀδ, b + η Σ_μ δ) with δ = (y − ŷ) f'(h) for sigmoid units? Tried with n = k (so that f'(x) and
    transposes run and can be named) and with m, n, k all different; h spread away from 0.
    """
    return run_check(fn, "delta_rule_step", "my_delta_rule_step(X, y, W, b, learning_rate)", _delta_rule_probes,
                     _DELTA_EXCEPTIONS, answered_by=(mh.sse_gradient, mh.gradient_descent))


def _delta_rule_probes(run):
    rng = np.random.default_rng(1)
    probes = []
    for m, n, k in ((5, 2, 2), (5, 3, 2)):
        X, W = rng.normal(0.0, 1.5, size=(m, n)), rng.normal(0.0, 1.0, size=(n, k))
        y = (rng.random((m, k)) < 0.5).astype(float)
        probes.append((X, y, W, np.array([0.4, -0.3]), 0.3))
    for X, y, W, b, eta in probes:
        (m, n), k = X.shape, W.shape[1]
        what = f"delta_rule_step for m = {m}, n = {n}, k = {k}"
        out, _ = run.call(what, X=X, y=y, W=W, b=b, learning_rate=eta)
        W_out, b_out = run.pair(out, what)
        W_new, b_new = run.numbers(W_out, f"{what}: the new W", "W"), run.numbers(b_out, f"{what}: the new b", "b")
        run.shape(W_new, (n, k), f"{what}: the new W", [
            ((k, n), "ΔW is transposed: Xᵀδ is (n, m) times (m, k); δᵀX is (k, n)"),
            ((m, k), "one row per point: ΔW = η Xᵀδ sums over the points"),
            ((n,), "W has one column per output unit j: shape (n, k)")])
        run.shape(b_new, (k,), f"{what}: the new b", [
            ((1, k), "keepdims gives (1, k): delta.sum(axis=0) is (k,)"),
            ((), "one bias per unit j: Δb = η Σ_μ δ^μ sums over the points only, delta.sum(axis=0)"),
            ((m,), "that sums over the units: Σ_μ is over the points, axis 0"),
            ((m, k), "one per point: Δb = η Σ_μ δ^μ sums over them, delta.sum(axis=0)")])
        h = X @ W + b
        delta = (y - sigmoid(h)) * sigmoid_prime(h)
        W_mistakes, b_mistakes = _delta_rule_mistakes(X, y, W, b, eta)
        run.values(W_new, W + eta * X.T @ delta, f"{what}: the new W", W_mistakes,
                   "ΔW = η Xᵀδ with δ = (y − ŷ) f'(h)")
        run.values(b_new, b + eta * delta.sum(axis=0), f"{what}: the new W is right, but the new b", b_mistakes,
                   "Δb = η Σ_μ δ^μ")
    return "✓ delta_rule_step passes: f'(h) at h, the sign, η, and shapes (n, k) and (k,)."


# --- my_sse_gradient --------------------------------------------------------------------------------------------

def _sse_gradient_mistakes(X, y, W, b):
    """(mistakes in ∂E/∂W, mistakes in ∂E/∂b): value -> what to change (notebook 04, section 2, exercise A)."""
    m = X.shape[0]
    h = X @ W + b  # (m, k)
    y_hat = sigmoid(h)
    error = y - y_hat
    delta = error * sigmoid_prime(h)  # (m, k) the error terms δ
    dW, db = -X.T @ delta, -delta.sum(axis=0)  # (n, k), (k,)
    with np.errstate(all="ignore"):
        W_mistakes = [
            (-dW, "that is −∂E/∂W = Σ_μ δ x, the direction the delta rule adds: the chain rule's −1 makes the "
                  "gradient ∂E/∂W = −Xᵀδ"),
            (dW / m, "it divides by m: the SSE is a sum over the points, so ∂E/∂W = −Σ_μ δ^μ x^μ with no 1/m "
                     "(notebook 03's mean does not carry over)"),
            (-dW / m, "that is Xᵀδ/m: the sign is flipped (∂E/∂W = −Xᵀδ) and the SSE is a sum, with no 1/m"),
            (2 * dW, "it is twice too large: the ½ of E = ½ Σ (y − ŷ)² cancels the 2 from the square"),
            (-X.T @ error, "f'(h) is missing from δ: δ = (y − ŷ) f'(h)"),
            (-X.T @ error / m, "that is notebook 03's cross-entropy gradient, Xᵀ(ŷ − y)/m: the SSE keeps f'(h) "
                               "and sums, ∂E/∂W = −Xᵀδ with δ = (y − ŷ) f'(h)"),
            (-X.T @ (error * h * (1 - h)), "σ'(h) is σ(h)(1 − σ(h)) = ŷ(1 − ŷ), not h(1 − h)"),
            (-X.T @ (error * sigmoid_prime(y_hat)), "f' is taken at ŷ: f'(h) = σ'(h) = ŷ(1 − ŷ)"),
            (-X.T @ ((y - h) * sigmoid_prime(h)), "the error uses h: ŷ = f(h) = σ(h), so δ = (y − σ(h)) f'(h)"),
            (-X.T @ ((y - sigmoid(X @ W)) * sigmoid_prime(X @ W)), "the bias b is missing from h = XW + b"),
            (-X[-1:].T @ delta[-1:], "only the last point counts: in a loop over μ, add each point's term to the "
                                     "total (+=), ∂E/∂W = −Σ_μ x^μ δ^μ"),
        ]
        if W.shape[0] == W.shape[1]:  # these run only when n = k; otherwise they raise, with their own message
            W_mistakes += [
                (-X.T @ (error * sigmoid_prime(X)),
                 "f' is taken at the input x: take it at h = XW + b, the unit's input, δ = (y − ŷ) f'(h)"),
                (-delta.T @ X, "∂E/∂W is transposed: Xᵀδ is (n, m) times (m, k), δᵀX is (k, n)"),
                (-X.T @ ((y - sigmoid(X @ W.T + b)) * sigmoid_prime(X @ W.T + b)),
                 "h = X @ W with W of shape (n, k): no transpose"),
            ]
    b_mistakes = [
        (-db, "∂E/∂b has the wrong sign: ∂E/∂b_j = −Σ_μ δ^μ_j"),
        (db / m, "∂E/∂b is a sum over the points, not the mean: −Σ_μ δ^μ, with no 1/m"),
        (2 * db, "∂E/∂b is twice too large: the ½ cancels the 2 from the square"),
        (-error.sum(axis=0), "f'(h) is missing from ∂E/∂b: −Σ_μ δ^μ with δ = (y − ŷ) f'(h)"),
        (-delta[-1], "only the last point counts in ∂E/∂b: add up every point's δ^μ"),
        (np.zeros_like(db), "∂E/∂b is zero: ∂E/∂b_j = −Σ_μ δ^μ_j"),
    ]
    return W_mistakes, b_mistakes


_SSE_GRADIENT_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "X is (m, n), W (n, k) and b (k,); h, y and δ are (m, k); ∂E/∂W = −X.T @ δ "
                                           "is (n, k) and ∂E/∂b = −δ.sum(axis=0) is (k,)"),
    (ValueError, "matmul", "X is (m, n), W (n, k), δ (m, k): h = X @ W + b, ∂E/∂W = −X.T @ δ"),
    (ValueError, "not aligned", "X is (m, n), W (n, k), δ (m, k): h = np.dot(X, W) + b, ∂E/∂W = −np.dot(X.T, δ)"),
]


def check_sse_gradient(fn):
    """Notebook 04, exercise A (section 2): does `fn(X, y, W, b)` return (∂E/∂W, ∂E/∂b) of the summed SSE
    E = ½ Σ_μ Σ_j (y − ŷ)² for sigmoid units, shapes (n, k) and (k,)? Tried with n = k (so that f'(x) and
    transposes run and can be named), with m, n, k all different, and with integer X; h spread away from 0.
    """
    return run_check(fn, "sse_gradient", "my_sse_gradient(X, y, W, b)", _sse_gradient_probes,
                     _SSE_GRADIENT_EXCEPTIONS, answered_by=(mh.sse_gradient,))


def _sse_gradient_probes(run):
    rng = np.random.default_rng(7)
    probes = []
    for m, n, k, integer in ((5, 2, 2, False), (6, 3, 2, False), (4, 3, 2, True)):
        X = rng.integers(-3, 4, size=(m, n)) if integer else rng.normal(0.0, 1.5, size=(m, n))
        W = rng.normal(0.0, 1.0, size=(n, k))
        y = (rng.random((m, k)) < 0.5).astype(float)
        probes.append((X, y, W, np.array([0.4, -0.3])))
    for X, y, W, b in probes:
        (m, n), k = X.shape, W.shape[1]
        what = f"sse_gradient for m = {m}, n = {n}, k = {k}{', integer X' if X.dtype.kind == 'i' else ''}"
        out, _ = run.call(what, X=X, y=y, W=W, b=b)
        dW_out, db_out = run.pair(out, what, ("∂E/∂W", "∂E/∂b"), "dW, db")
        dW = run.numbers(dW_out, f"{what}: ∂E/∂W", "∂E/∂W")
        db = run.numbers(db_out, f"{what}: ∂E/∂b", "∂E/∂b")
        run.shape(dW, (n, k), f"{what}: ∂E/∂W", [
            ((k, n), "it is transposed: Xᵀδ is (n, m) times (m, k); δᵀX is (k, n)"),
            ((m, k), "one row per point: ∂E/∂W = −Xᵀδ sums over the points"),
            ((n,), "W has one column per output unit j: ∂E/∂W has W's shape (n, k)")])
        run.shape(db, (k,), f"{what}: ∂E/∂b", [
            ((1, k), "keepdims gives (1, k): −δ.sum(axis=0) is (k,)"),
            ((), "one number: ∂E/∂b has one entry per unit j, −Σ_μ δ^μ_j, a sum over the points only (axis 0)"),
            ((m,), "that sums over the units: Σ_μ is over the points, axis 0"),
            ((m, k), "one per point: ∂E/∂b = −Σ_μ δ^μ sums over them, axis 0")])
        want_W, want_b = mh.sse_gradient(X, y, W, b)
        W_mistakes, b_mistakes = _sse_gradient_mistakes(X.astype(float), y, W, b)
        run.values(dW, want_W, f"{what}: ∂E/∂W", W_mistakes, "∂E/∂W = −Xᵀδ with δ = (y − ŷ) f'(h)")
        run.values(db, want_b, f"{what}: ∂E/∂W is right, but ∂E/∂b", b_mistakes, "∂E/∂b = −Σ_μ δ^μ")
    return "✓ sse_gradient passes: f'(h) at h, the sign of ∂E/∂W = −Xᵀδ, the sum over μ, and shapes (n, k) and (k,)."
