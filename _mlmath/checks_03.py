"""Notebook 03's exercise: my_gradient_step(X, y, W, b, learning_rate) (section 6), in one block: mistakes,
exception causes, check, probes.
"""
import numpy as np

import mlmath_helpers as mh
from _mlmath.harness import run_check
from mlmath_helpers import sigmoid, sigmoid_prime


def _gradient_step_mistakes(X, y, W, b, eta):
    """(mistakes in the new W, mistakes in the new b): value -> what to change (notebook 03, section 6)."""
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
    """Notebook 03, exercise (section 6): does `fn(X, y, W, b, learning_rate)` return one gradient-descent step
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
