"""DRAFT (phase 1, not collected by pytest): notebook 04's new exercise, `check_sse_gradient`, and its learner answers.

The check part moves into _mlmath/checks_04.py and the table into tests/test_checks.py once the package layout lands.
"""
import numpy as np

import mlmath_helpers as mh

# ---------------------------------------------------------------------------------------------------------------------
# The check (written against the harness: _Run, _run_check, _stop)
# ---------------------------------------------------------------------------------------------------------------------

_SSE_GRADIENT_EXCEPTIONS = [
    (ValueError, "could not be broadcast", "X is (m, n), W (n, k) and b (k,); h, y and δ are (m, k); ∂E/∂W = −X.T @ δ "
                                           "is (n, k) and ∂E/∂b = −δ.sum(axis=0) is (k,)"),
    (ValueError, "matmul", "X is (m, n), W (n, k), δ (m, k): h = X @ W + b, ∂E/∂W = −X.T @ δ"),
    (ValueError, "not aligned", "X is (m, n), W (n, k), δ (m, k): h = np.dot(X, W) + b, ∂E/∂W = −np.dot(X.T, δ)"),
]


def _sse_gradient_mistakes(X, y, W, b):
    """(mistakes in ∂E/∂W, mistakes in ∂E/∂b): value -> what to change (notebook 04, section 2, exercise A)."""
    m = X.shape[0]
    h = X @ W + b  # (m, k)
    y_hat = mh.sigmoid(h)
    error = y - y_hat
    delta = error * mh.sigmoid_prime(h)  # (m, k)
    dW, db = -X.T @ delta, -delta.sum(axis=0)
    last = X[-1:].T @ delta[-1:]  # one point's term: a loop that overwrites instead of adding up
    with np.errstate(all="ignore"):
        W_mistakes = [
            (-dW, "that is −∂E/∂W = Σ_μ δ x, the direction the delta rule adds: the chain rule's −1 makes the "
                  "gradient ∂E/∂W = −Xᵀδ"),
            (dW / m, "it divides by m: the SSE is a sum over the points, so ∂E/∂W = −Σ_μ δ^μ x^μ with no 1/m "
                     "(notebook 03's mean does not carry over)"),
            (-dW / m, "that is −Xᵀδ/m: the sign is flipped (∂E/∂W = −Xᵀδ) and the SSE is a sum, with no 1/m"),
            (2 * dW, "it is twice too large: the ½ of E = ½ Σ (y − ŷ)² cancels the 2 from the square"),
            (-X.T @ error, "f'(h) is missing from δ: δ = (y − ŷ) f'(h)"),
            (X.T @ (-error) / m, "that is notebook 03's cross-entropy gradient, Xᵀ(ŷ − y)/m: the SSE keeps f'(h) "
                                 "and sums, ∂E/∂W = −Xᵀδ with δ = (y − ŷ) f'(h)"),
            (-X.T @ (error * h * (1 - h)), "σ'(h) is σ(h)(1 − σ(h)) = ŷ(1 − ŷ), not h(1 − h)"),
            (-X.T @ (error * mh.sigmoid_prime(y_hat)), "f' is taken at ŷ: f'(h) = σ'(h) = ŷ(1 − ŷ)"),
            (-X.T @ ((y - h) * mh.sigmoid_prime(h)), "the error uses h: ŷ = f(h) = σ(h), so δ = (y − σ(h)) f'(h)"),
            (-X.T @ ((y - mh.sigmoid(X @ W)) * mh.sigmoid_prime(X @ W)), "the bias b is missing from h = XW + b"),
            (-last, "only the last point counts: inside a loop over μ, add each point's term to the total "
                    "(+=), ∂E/∂W = −Σ_μ x^μ δ^μ"),
        ]
        if W.shape[0] == W.shape[1]:  # these run only when n = k; otherwise they raise, with their own message
            W_mistakes += [
                (-X.T @ (error * mh.sigmoid_prime(X)),
                 "f' is taken at the input x: take it at h = XW + b, the unit's input, δ = (y − ŷ) f'(h)"),
                (-delta.T @ X, "∂E/∂W is transposed: Xᵀδ is (n, m) times (m, k), δᵀX is (k, n)"),
                (-X.T @ ((y - mh.sigmoid(X @ W.T + b)) * mh.sigmoid_prime(X @ W.T + b)),
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


def check_sse_gradient(fn):
    """Notebook 04, exercise A (section 2): does `fn(X, y, W, b)` return (∂E/∂W, ∂E/∂b) of the summed SSE
    E = ½ Σ_μ Σ_j (y − ŷ)² for sigmoid units, shapes (n, k) and (k,)? Tried with n = k (so that f'(x) and
    transposes run and can be named) and with m, n, k all different, integer X once; h spread away from 0.
    """
    return mh._run_check(fn, "sse_gradient", "my_sse_gradient(X, y, W, b)", _sse_gradient_probes,
                         _SSE_GRADIENT_EXCEPTIONS)


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
        if isinstance(out, (tuple, list)) and len(out) == 2:
            dW_out, db_out = out
        else:
            got = f"{len(out)} items" if isinstance(out, (tuple, list)) else mh._a(type(out).__name__)
            mh._stop(f"{what} returned {got}: return the pair (∂E/∂W, ∂E/∂b), `return dW, db`.")
        dW, db = run.numbers(dW_out, f"{what}: ∂E/∂W", "∂E/∂W"), run.numbers(db_out, f"{what}: ∂E/∂b", "∂E/∂b")
        run.shape(dW, (n, k), f"{what}: ∂E/∂W", [
            ((k, n), "it is transposed: Xᵀδ is (n, m) times (m, k); δᵀX is (k, n)"),
            ((m, k), "one row per point: ∂E/∂W = −Xᵀδ sums over the points"),
            ((m, n), "one row per point: ∂E/∂W = −Xᵀδ sums over the points, one column per unit"),
            ((n,), "W has one column per output unit j: ∂E/∂W has W's shape (n, k)")])
        run.shape(db, (k,), f"{what}: ∂E/∂b", [
            ((1, k), "keepdims gives (1, k): −δ.sum(axis=0) is (k,)"),
            ((), "one number: ∂E/∂b has one entry per unit j, −Σ_μ δ^μ_j, a sum over the points only (axis 0)"),
            ((m,), "that sums over the units: Σ_μ is over the points, axis 0"),
            ((m, k), "one per point: ∂E/∂b = −Σ_μ δ^μ sums over them, axis 0")])
        Xf = X.astype(float)
        h = Xf @ W + b
        delta = (y - mh.sigmoid(h)) * mh.sigmoid_prime(h)
        W_mistakes, b_mistakes = _sse_gradient_mistakes(Xf, y, W, b)
        run.values(dW, -Xf.T @ delta, f"{what}: ∂E/∂W", W_mistakes, "∂E/∂W = −Xᵀδ with δ = (y − ŷ) f'(h)")
        run.values(db, -delta.sum(axis=0), f"{what}: ∂E/∂W is right, but ∂E/∂b", b_mistakes, "∂E/∂b = −Σ_μ δ^μ")
    return "✓ sse_gradient passes: f'(h) at h, the sign of ∂E/∂W = −Xᵀδ, the sum over μ, and shapes (n, k) and (k,)."


# ---------------------------------------------------------------------------------------------------------------------
# The learner answers (table style of tests/test_checks.py)
# ---------------------------------------------------------------------------------------------------------------------
PASS = "✓"


def sigmoid_stable(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


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
]


if __name__ == "__main__":  # a quick look at every verdict
    for answer, expected in SSE_GRADIENT:
        message = check_sse_gradient(answer).message
        ok = message.startswith(PASS) if expected == PASS else expected in message
        print("ok " if ok else "BAD", getattr(answer, "__name__", "?"), "|", message)
