# =====================================================================================================================
# Notebook 03, section 8.3: my_numerical_gradient(f, theta, h=1e-6) -> the central differences, one per parameter
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
]

BUGGY_GRADIENT = [  # check_buggy_gradient(answer): the letter of the notebook's wrong gradient
    ("a", PASS), ("A", PASS), (" a ", PASS), ("gradient_a", PASS),
    ("b", "gradient_b agrees with central differences"), ("both", "answer \"a\" or \"b\""),
    (None, "Not implemented yet"), (1, "the answer is an int"), (["a"], "the answer is a list"),
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
]

LEARNING_RATE = [  # check_learning_rate(eta): the pass range itself is tested at both its ends
    (2.0, PASS), (4, PASS), (np.float64(3.0), PASS), (1.5, PASS),
    (0.5, "too small"), (0.01, "raise η"), (10.0, "E rose at step"), (30, "too large"),
    ("2", "without quotes"), (-1.0, "negative"), (0, "never moves"), (float("nan"), "nan"),
    (float("inf"), "infinite"), ([2.0], "one number"), (True, "True/False"), (None, "Not implemented yet"),
]
