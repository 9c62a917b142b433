"""Writes notebooks/05_penguins.ipynb (unexecuted) in the worktree given as argv[1]."""
import sys
import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code, new_notebook

root = sys.argv[1]
cells = []
M = lambda s: cells.append(md(s.strip("\n")))
C = lambda s, **meta: cells.append(code(s.strip("\n"), metadata=meta) if meta else code(s.strip("\n")))
HIDDEN = {"jupyter": {"source_hidden": True}, "tags": ["solution"]}

M(r"""
# 05 · Real data: the Palmer penguins

Every data set so far was made from a seed, with inputs of about the same size. Real measurements come in their own
units. This capstone trains the sigmoid unit of notebooks 01–03 to tell two species of penguin apart by bill length
(millimetres) and body mass (grams): gradient descent on the raw numbers crawls, and on the same numbers, standardised,
it arrives in a few steps. It uses everything from notebooks 01–03 and adds one idea, feature scaling.

**By the end of this notebook you can**

1. hold out test points chosen from a seed, and keep them out of everything the model learns;
2. find the largest learning rate $\eta$ for which the error never rises, and say why the steepest direction of the
   error surface sets it;
3. standardise features with the training set's means and standard deviations, and explain with the curvature why
   that turns a long, thin valley into a round bowl;
4. turn weights learned on standardised features back into millimetres and grams, and draw the decision boundary there;
5. measure the accuracy on held-out penguins.
""")

M(r"""
**Notation.** The series' [notation card](00_notation.ipynb) holds every symbol; this notebook uses that of notebooks 02
and 03:

- $m$ points, index $i = 1 \dots m$; $n = 2$ inputs (**features**), index $j$: $x_{i1}$ is penguin $i$'s bill length in
  mm and $x_{i2}$ its body mass in g. $X$ is $(m, 2)$, one row per penguin.
- Labels $y_i \in \{0, 1\}$: $0$ for an Adelie, $1$ for a Chinstrap.
- Weights $W = (w_1, w_2)$ and bias $b$; the logit $z = XW + b$; $\hat{y} = \sigma(z)$, the predicted probability of a
  Chinstrap.
- $E(W, b) = \frac1m\sum_i \ell_i$, the **mean** cross-entropy; $\partial E/\partial W = \frac1m X^\top(\hat{y} - y)$,
  $\partial E/\partial b = \operatorname{mean}(\hat{y} - y)$; gradient descent $W \leftarrow W - \eta\,\partial E/\partial W$,
  $b \leftarrow b - \eta\,\partial E/\partial b$ with learning rate $\eta$.
- New here: $\bar{x}_j$ and $s_j$, the mean and standard deviation of feature $j$ over the training points;
  $\tilde{x}_{ij} = (x_{ij} - \bar{x}_j)/s_j$, the **standardised** feature; $\tilde{W}, \tilde{b}$, weights learned on
  $\tilde{x}$.
""")

C(r"""
%matplotlib widget
import sys
sys.path.insert(0, "..")  # mlmath_helpers.py sits one folder up, beside notebooks/

import numpy as np
import mlmath_helpers as mh
""")

M(r"""
## 1. The penguins

Kristen Gorman and the Palmer Station Long Term Ecological Research programme measured penguins on three islands near
Palmer Station, Antarctica (Gorman, Williams and Fraser 2014; the data are free to use, CC0). `mh.load_penguins()` reads
the Adelie and Chinstrap penguins whose bill length and body mass were both recorded, from `data/` beside this notebook
(its README says where the file comes from and how it was made); nothing is read from the network.
""")

C(r"""
data = mh.load_penguins()
X, y = data.X, data.y                                        # (m, 2) in mm and g, (m,) in {0, 1}
print(f"features {data.features}; y = 0: {data.classes[0]}, y = 1: {data.classes[1]}")
print(f"X {X.shape}, y {y.shape}: {int(np.sum(y == 0))} {data.classes[0]}, {int(np.sum(y == 1))} {data.classes[1]}")
for j, name in enumerate(data.features):
    print(f"{name:>15}: mean {X[:, j].mean():8.2f}, standard deviation {X[:, j].std():7.2f}")
print(f"body mass spreads {X[:, 1].std() / X[:, 0].std():.1f} times as far as bill length")
""")

M(r"""
Both features are far from 0, and their spreads differ about 80 times: a gram is a small unit for a penguin, a
millimetre a fair one for a bill. Nothing about the birds says that one feature should count 80 times more than the
other; the units do. Chinstraps have longer bills than Adelies of the same mass, but the two clouds touch: no straight
line separates them all. They are not linearly separable: $E$ has a minimum at finite weights, where 98.6% of the 219
penguins are on their side of the boundary (for separable points $E$ would keep falling as the weights grow, without
a minimum).
""")

M(r"""
## 2. Training and held-out penguins

A model is judged on points it has never seen. We hold out a quarter of the penguins, drawn at random from a seed, and
keep them out of everything that is learned: the weights, and (section 5) the scaling of the features.
""")

C(r"""
rng = np.random.default_rng(2)
order = rng.permutation(len(y))                              # (m,) the penguins in a random order
test, train = order[:len(y) // 4], order[len(y) // 4:]
X_train, y_train, X_test, y_test = X[train], y[train], X[test], y[test]
for name, part in (("training", y_train), ("held out", y_test)):
    print(f"{name:>9}: {len(part):3d} penguins, {int(np.sum(part == 0)):3d} {data.classes[0]}, "
          f"{int(np.sum(part == 1)):2d} {data.classes[1]}")
""")

M(r"""
*What to look at:* Adelies as circles, Chinstraps as triangles; the hollow ones are the held-out penguins. Chinstraps
have the longer bills for their mass, and the two clouds touch.
""")

C(r"""
penguins = mh.penguins_figure(data, test)
penguins
""")

M(r"""
## 3. Gradient descent on the raw features

We run the helper's `mh.gradient_descent`, which is the loop you wrote in notebook 03's training-loop exercise
(`check_training_loop`) and keeps every step, from $W = 0$, $b = 0$. First: how large may $\eta$ be? Too large an $\eta$
makes $E$ rise (notebook 03). We look for the largest $\eta$ for which $E$ never rises in 1000 steps, by **bisection**:
between an $\eta$ that works and one that does not, try the middle (on a log scale) and keep the half where the answer
changes, until the two agree to three digits.
""")

C(r"""
def never_rises(X, y, eta, steps=1000):
    # True if E never rises (beyond rounding, 1e-12) in `steps` steps of gradient descent from W = 0, b = 0
    run = mh.gradient_descent(X, y, np.zeros(2), 0.0, learning_rate=eta, steps=steps)
    return bool(np.all(np.diff(run.loss) <= 1e-12))

def largest_eta(X, y, low, high):
    # bisection on a log scale between an η that works (low) and one that does not (high)
    assert never_rises(X, y, low) and not never_rises(X, y, high)
    while high / low > 1.001:
        middle = np.sqrt(low * high)
        low, high = (middle, high) if never_rises(X, y, middle) else (low, middle)
    return low

eta_raw = largest_eta(X_train, y_train, 1e-9, 1e-3)
print(f"raw features: the largest η for which E never rises is {eta_raw:.3g}")
""")

M(r"""
Six zeros after the decimal point. With that $\eta$, 20 000 steps:
""")

C(r"""
def accuracy(X, y, W, b):
    return np.mean((X @ W + b > 0) == (y == 1))              # ŷ > 0.5 predicts y = 1

raw = mh.gradient_descent(X_train, y_train, np.zeros(2), 0.0, learning_rate=eta_raw, steps=20_000)
for k in (0, 1, 10, 100, 1000, 10_000, 20_000):
    print(f"step {k:6d}: w1 = {raw.W[k, 0]:9.2e}, w2 = {raw.W[k, 1]:9.2e}, b = {raw.b[k]:9.2e}, "
          f"E = {raw.loss[k]:.4f}, accuracy {accuracy(X_train, y_train, raw.W[k], raw.b[k]):.1%}")
print(f"calling every penguin an {data.classes[0]}: accuracy {np.mean(y_train == 0):.1%}")
""")

M(r"""
After 20 000 steps $E$ has come down from $\ln 2$ only a little, the weights are still near 0, and the unit still
calls every penguin an Adelie: its accuracy is the share of Adelies. The contour map of $E$ over $(w_1, w_2)$ shows why.
(The bias has barely moved either, so the map is drawn at the bias the descent ended with.)

*What to look at:* left, the contours are long, thin ellipses, a valley, and the path runs along its floor. Right, the
first 30 steps close up: the path jumps across the valley, back and forth in $w_2$ (the body-mass weight), while it
creeps along it in $w_1$. The $w_2$ axes are stretched (the description says how much): drawn to scale, the valley
would look like a line.
""")

C(r"""
valley_raw = mh.valley_figure(X_train, y_train, raw, "raw", zoom=30)
valley_raw
""")

M(r"""
*Try this:* run the descent again with a third of the largest $\eta$, `learning_rate=eta_raw / 3`, and draw its valley.
Does the path still zig-zag, and does it get further?

<details><summary>Answer</summary>

No zig-zag: each step across the valley now falls short of the valley floor instead of jumping past it, so $w_2$ creeps
down to the floor from one side and its step no longer changes direction. It does not get further: after 20 000 steps $E$
is higher than with the full $\eta$, because the steps along the valley are a third as long. Going slower across the valley
costs speed along it; section 4 says why no $\eta$ helps both.

</details>
""")

M(r"""
## 4. Why the raw descent crawls: curvature

How steep a valley's walls are is its **curvature**: how fast the slope changes as you move. For $E(w_1, w_2, b)$ the
curvatures are the second derivatives, the **Hessian** $H$. Differentiating $\partial E/\partial w_j =
\frac1m\sum_i(\hat{y}_i - y_i)\,x_{ij}$ once more, with $\partial\hat{y}_i/\partial w_k = \sigma'(z_i)\,x_{ik} =
\hat{y}_i(1-\hat{y}_i)\,x_{ik}$,

$$H = \frac1m \sum_{i=1}^{m} \hat{y}_i(1-\hat{y}_i)\; \hat{x}_i \hat{x}_i^\top, \qquad \hat{x}_i = (x_{i1}, x_{i2}, 1),$$

a $3 \times 3$ matrix (the 1 stands for the bias). Its **eigenvectors** are the directions of the valley's axes and its
**eigenvalues** $\lambda$ the curvatures along them: a large $\lambda$ is a steep, narrow direction, a small one a long,
flat one. Near the bottom, along a direction of curvature $\lambda$, one step multiplies the distance to the floor by
$1 - \eta\lambda$. So

- the descent settles only if $\eta\lambda < 2$ in **every** direction: the steepest one, $\lambda_\text{max}$, caps
  $\eta$ below $2/\lambda_\text{max}$;
- for $1 < \eta\lambda < 2$ the factor is negative: each step jumps past the floor, the zig-zag;
- along the flattest direction the distance shrinks only by $1 - \eta\lambda_\text{min}$ per step, about
  $1/(\eta\lambda_\text{min})$ steps for each factor $e$.

At the start, $W = 0$ and $b = 0$, every $\hat{y}_i = \frac12$ and $H = \frac1{4m}\sum_i \hat{x}_i\hat{x}_i^\top$:
only the sizes of the inputs count. And since $\hat{y}(1-\hat{y}) \le \frac14$ everywhere, no curvature anywhere is
larger than the start's, so $\eta < 2/\lambda_\text{max}$ there is safe everywhere. We compute $H$ and check it against
central differences of the gradient (notebook 03), then its eigenvalues:
""")

C(r"""
def hessian(X, y, W, b):
    # the second derivatives of E over (w1, ..., wn, b): (1/m) Σᵢ ŷᵢ(1 − ŷᵢ) x̂ᵢ x̂ᵢᵀ with x̂ᵢ = (xᵢ, 1)
    X_hat = np.column_stack([X, np.ones(len(X))])            # (m, n + 1)
    y_hat = mh.sigmoid(X @ W + b)                            # (m,)
    return X_hat.T @ (X_hat * (y_hat * (1 - y_hat))[:, None]) / len(X)   # (n + 1, n + 1)

def gradient(theta, X, y):                                   # ∇E at θ = (w1, ..., wn, b), one array
    dW, db = mh.cross_entropy_gradient(X, y, theta[:-1], theta[-1])
    return np.append(dW, db)

theta = np.array([0.02, -0.0004, -0.01])                     # a point on the raw path's way
numeric = np.array([mh.numerical_gradient(lambda t: gradient(t, X_train, y_train)[k], theta, h=1e-9)
                    for k in range(3)])
H = hessian(X_train, y_train, theta[:2], theta[2])
print(f"largest relative gap to central differences: {np.max(np.abs(numeric - H)) / np.max(np.abs(H)):.0e}")

lam_raw, axes_raw = np.linalg.eigh(hessian(X_train, y_train, np.zeros(2), 0.0))   # (3,) ascending, (3, 3) columns
print("raw curvatures at the start:", ", ".join(f"{v:.3g}" for v in lam_raw))
for name, k in (("steepest", -1), ("flattest", 0)):
    print(f"{name} direction (w1, w2, b): ({', '.join(f'{v:+.4f}' for v in axes_raw[:, k] * np.sign(axes_raw[:, k].sum()))})")
print(f"steepest / flattest: {lam_raw[-1] / lam_raw[0]:.2g}")
print(f"2/λ_max = {2 / lam_raw[-1]:.3g}   (the largest η found: {eta_raw:.3g})")
print(f"flattest direction: ×{1 - eta_raw * lam_raw[0]:.10f} per step, "
      f"about {1 / (eta_raw * lam_raw[0]):.1e} steps for each factor e")
""")

M(r"""
The steepest direction is, almost entirely, the body-mass weight $w_2$: body masses are thousands of grams, and $H$
grows with the squares of the inputs. It caps $\eta$ near $2/\lambda_\text{max}$ (the bisection found a little more,
because the curvature falls as the descent leaves the start). The flattest direction, almost entirely the bias, has a curvature more than a billion times smaller, and at that $\eta$ it would need hundreds of millions
of steps for each factor $e$. Notebook 02's surface, steeper in $W$ than in $b$, and notebook 03's zig-zag at
$\eta = 10$ were the same effect, mild: there the curvatures at the minimum are close, and $\eta = 10$ is just above
$2/\lambda_\text{max}$.
""")

C(r"""
small = mh.make_data(W_true=[1.5], b_true=-0.5, m=24, seed=3, spread=2.0)   # notebook 03's one-input data
W_small, b_small, _ = mh.minimum(small)
lam_small = np.linalg.eigvalsh(hessian(small.X, small.y, np.array([W_small]), b_small))
print(f"notebook 03's data at its minimum: steepest / flattest {lam_small[-1] / lam_small[0]:.2f}, "
      f"2/λ_max = {2 / lam_small[-1]:.2f}")
""")

M(r"""
## 5. Exercise: standardise the features

The cure is to put every feature on the same scale: subtract its mean and divide by its standard deviation,

$$\tilde{x}_{ij} = \frac{x_{ij} - \bar{x}_j}{s_j}, \qquad \bar{x}_j = \frac1m\sum_{i=1}^{m} x_{ij}, \qquad
s_j = \sqrt{\frac1m\sum_{i=1}^{m}\left(x_{ij} - \bar{x}_j\right)^2},$$

with the means and standard deviations taken over the **training** points only, one per feature (per column of $X$),
and then applied, the same numbers, to the held-out points. $\bar{x}_j$ and $s_j$ are part of the model, like $W$ and
$b$: a held-out penguin is scaled as the model would scale a penguin it meets tomorrow, on its own. Each standardised
feature has mean 0 and standard deviation 1 on the training points. ($s_j$ here divides by $m$, numpy's default for
`np.std`; dividing by $m - 1$ is accepted too: it changes $s_j$ by about 0.3% here.)

Write `my_standardize(X_train, X_test)` that returns the pair (`X_train` standardised, `X_test` standardised), each of
the shape it came in, for any number of features $n$.
""")

C(r'''
def my_standardize(X_train, X_test):
    """Both sets scaled by the training set's per-feature mean x̄ⱼ and standard deviation sⱼ."""
    # Your code here: x̄ⱼ and sⱼ over the training rows, one per feature j (column); the answer is
    # the pair ((X_train − x̄) / s, (X_test − x̄) / s), each shaped as it came.
    return None
''')

M(r"""
<details><summary>Hint 1</summary>

A feature is a column of $X$: its mean and standard deviation run down the rows (over the points $i$), giving one number
per column. The held-out set gets no statistics of its own.

</details>

<details><summary>Hint 2</summary>

`X_train.mean(axis=0)` and `X_train.std(axis=0)` have shape $(n,)$. Subtracting and dividing an $(m, n)$ array by
arrays of shape $(n,)$ works column by column (broadcasting), for both sets.

</details>
""")

C(r"""
mh.check_standardize(my_standardize)
""")

C(r"""
def solution_standardize(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)   # (n,), (n,) over the training points
    return (X_train - mean) / std, (X_test - mean) / std

mh.check_standardize(solution_standardize)
""", **HIDDEN)

M(r"""
## 6. Gradient descent on the standardised features

From here on the helper's `mh.standardize` does what your function does. The same curvatures and the same bisection,
on the standardised features:
""")

C(r"""
Z_train, Z_test = mh.standardize(X_train, X_test)            # (165, 2), (54, 2)
print("training means", np.round(Z_train.mean(axis=0), 12) + 0, "standard deviations", Z_train.std(axis=0).round(12))
lam_std = np.linalg.eigvalsh(hessian(Z_train, y_train, np.zeros(2), 0.0))
print("standardised curvatures at the start:", ", ".join(f"{v:.3g}" for v in lam_std))
print(f"steepest / flattest: {lam_std[-1] / lam_std[0]:.2f}  (raw: {lam_raw[-1] / lam_raw[0]:.2g}); "
      f"2/λ_max = {2 / lam_std[-1]:.2f}")
eta_std = largest_eta(Z_train, y_train, 1e-3, 1e4)
print(f"standardised features: the largest η for which E never rises is {eta_std:.3g}, "
      f"{eta_std / eta_raw:.1e} times the raw one")
""")

M(r"""
The valley has become a bowl: the curvatures differ by a factor of about 2 instead of more than a billion, and $\eta$
may be over a hundred million times larger. (It may even exceed $2/\lambda_\text{max}$ at the start, since the curvature falls as the
weights grow and the penguins are classified with more confidence.) How many steps does the descent take now? We count
the steps to **99% of the way down**: until $E - E_\text{min}$ is at most 1% of $E$'s fall from the start, $\ln 2 -
E_\text{min}$. $E_\text{min}$ comes from a long run, where the gradient has vanished; the minimum is the same for the
raw features, as the weights of one turn into the weights of the other (section 7).
""")

C(r"""
best = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, learning_rate=20.0, steps=5000)
E_min, E_start = best.loss[-1], best.loss[0]
dW, db = mh.cross_entropy_gradient(Z_train, y_train, best.W[-1], best.b[-1])
print(f"E_min = {E_min:.6f}, |∇E| there {np.linalg.norm(np.append(dW, db)):.0e}")

def steps_to_99(run):
    there = np.nonzero(run.loss - E_min <= 0.01 * (E_start - E_min))[0]
    return f"{there[0]:5d}" if there.size else "never"

for eta in (1.0, 5.0, 20.0, 50.0, eta_std):
    run = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, learning_rate=eta, steps=2000)
    print(f"standardised, η = {eta:6.2f}: 99% of the way down after {steps_to_99(run)} steps")
print(f"raw,   η = {eta_raw:.3g}: after 20 000 steps {(E_start - raw.loss[-1]) / (E_start - E_min):.0%} of the way "
      f"down ({steps_to_99(raw)} in 20 000 steps)")
""")

M(r"""
Hundreds of steps at a cautious $\eta = 1$, a handful at $\eta$ = 20 to 50, where the raw features got 16% of the way
in 20 000; the largest $\eta$ is not the fastest, as it swings across the bowl before it settles. Near the minimum
the bowl is less round than at the start (only the penguins near the boundary still have $\hat{y}(1-\hat{y})$ well
above 0), but far rounder than the raw valley:
""")

C(r"""
mean, std = mh.feature_scale(X_train)                        # x̄ and s of the training set, (2,) each
W_raw_min, b_raw_min = mh.to_original_units(best.W[-1], best.b[-1], mean, std)   # the minimum in mm and g (section 7)
for name, (Xs, W_at, b_at) in {"raw": (X_train, W_raw_min, b_raw_min),
                               "standardised": (Z_train, best.W[-1], best.b[-1])}.items():
    lam = np.linalg.eigvalsh(hessian(Xs, y_train, W_at, b_at))
    print(f"{name:>12} features at the minimum: steepest / flattest {lam[-1] / lam[0]:.2g}")
""")

M(r"""
We keep $\eta = 20$ and draw its path.

*What to look at:* the contours are wide ellipses now. The first step covers most of the way, and the rest of the
path runs down the valley floor to the bottom without zig-zagging across it. (The map is drawn at the bias the descent
ended with; the bias moved on the way.)
""")

C(r"""
standardised = mh.gradient_descent(Z_train, y_train, np.zeros(2), 0.0, learning_rate=20.0, steps=200)
valley_std = mh.valley_figure(Z_train, y_train, standardised, "standardised")
valley_std
""")

M(r"""
*Try this:* draw the path for $\eta$ = `eta_std`, the largest that never makes $E$ rise. Is it the fastest?

<details><summary>Answer</summary>

No. Its first steps throw the weights far past the minimum, and it spends many steps coming back along the bowl's
flattest direction: the table above counts its steps to 99% of the way down against those of $\eta = 20$. "Never
rises" is a property of a safe $\eta$, not of a fast one.

</details>
""")

M(r"""
## 7. Exercise: back to millimetres and grams

The weights $\tilde{W}, \tilde{b}$ were learned on $\tilde{x}$, but a penguin arrives in millimetres and grams. Putting
$\tilde{x}_j = (x_j - \bar{x}_j)/s_j$ into the logit,

$$z = \sum_j \tilde{w}_j\,\frac{x_j - \bar{x}_j}{s_j} + \tilde{b}
    = \sum_j \underbrace{\frac{\tilde{w}_j}{s_j}}_{w_j}\, x_j
    + \underbrace{\tilde{b} - \sum_j \frac{\tilde{w}_j\,\bar{x}_j}{s_j}}_{b},$$

the same unit, with weights $w_j$ and bias $b$ for the features in their own units. Write
`my_original_units(W, b, mean, std)`: given $\tilde{W}$ (shape $(n,)$), $\tilde{b}$ (a number), and the training set's
$\bar{x}$ and $s$ (shape $(n,)$ each), return the pair $(W, b)$ in the original units.
""")

C(r'''
def my_original_units(W, b, mean, std):
    """Weights W̃, b̃ learned on standardised features, as (W, b) for the features in their own units."""
    # Your code here: wⱼ = w̃ⱼ / sⱼ for each feature j, and b = b̃ − Σⱼ w̃ⱼ x̄ⱼ / sⱼ (one number);
    # the answer is the pair (W, b).
    return None
''')

M(r"""
<details><summary>Hint 1</summary>

Each weight is divided by its own feature's standard deviation. The bias collects what subtracting the means did:
one number, a sum over the features.

</details>

<details><summary>Hint 2</summary>

`W / std` divides entry by entry, shape $(n,)$; the bias is `b - np.sum(W * mean / std)`, or with the new weights,
`b - new_W @ mean`.

</details>
""")

C(r"""
mh.check_original_units(my_original_units)
""")

C(r"""
def solution_original_units(W, b, mean, std):
    W_original = W / std                                     # (n,) w_j = w̃_j / s_j
    return W_original, b - W_original @ mean                 # b = b̃ − Σ_j w_j x̄_j

mh.check_original_units(solution_original_units)
""", **HIDDEN)

M(r"""
With the helper's `mh.to_original_units`, the weights of the standardised run in millimetres and grams; the error in
the original units is the same number, as it is the same unit:
""")

C(r"""
W, b = mh.to_original_units(best.W[-1], best.b[-1], mean, std)
print(f"standardised: w̃ = ({best.W[-1, 0]:.4f}, {best.W[-1, 1]:.4f}), b̃ = {best.b[-1]:.4f}")
print(f"original    : w = ({W[0]:.4f} per mm, {W[1]:.6f} per g), b = {b:.4f}")
print(f"E, standardised {mh.cross_entropy_from_logits(y_train, Z_train @ best.W[-1] + best.b[-1]):.6f}; "
      f"E, original units {mh.cross_entropy_from_logits(y_train, X_train @ W + b):.6f}")
""")

M(r"""
*What to look at:* the decision boundary $w_1x_1 + w_2x_2 + b = 0$ over the penguins in millimetres and grams: a
heavier penguin needs a longer bill to be called a Chinstrap. Held-out penguins on the wrong side are ringed.
""")

C(r"""
boundary = mh.penguins_figure(data, test, W, b)
boundary
""")

C(r"""
print(f"training accuracy: {accuracy(X_train, y_train, W, b):.1%} of {len(y_train)}")
print(f"held-out accuracy: {accuracy(X_test, y_test, W, b):.1%} of {len(y_test)} "
      f"({int(round(accuracy(X_test, y_test, W, b) * len(y_test)))} right)")
""")

M(r"""
The held-out penguins, which shaped neither the weights nor the scaling, are classified about as well as the training
ones: the unit has learned the species, not the particular birds.

## Summary

- Real features come in their own units. Raw, they can differ in size by orders of magnitude (here body mass spreads
  about 80 times as far as bill length), and gradient descent then crawls.
- The curvatures of $E$ are the eigenvalues of its Hessian $H = \frac1m\sum_i\hat{y}_i(1-\hat{y}_i)\hat{x}_i\hat{x}_i^\top$.
  The steepest one caps $\eta$ below about $2/\lambda_\text{max}$; the flattest then sets how slowly the descent creeps.
  Raw penguins: curvatures more than a billion times apart, a zig-zag across the valley and a crawl along it.
- Standardising with the **training** set's $\bar{x}_j$ and $s_j$ makes the curvatures alike, a round bowl: a far larger
  $\eta$, and a handful of steps instead of an endless crawl.
- Weights learned on standardised features turn back into the original units: $w_j = \tilde{w}_j/s_j$,
  $b = \tilde{b} - \sum_j w_j\bar{x}_j$.
- Accuracy is measured on held-out points, which shape nothing the model learns.

This is the last notebook of the series. The symbols of all five are on the [notation card](00_notation.ipynb); the
gradient and the descent come from [notebook 03](03_gradient_descent.ipynb).
""")

nb = new_notebook(cells=cells)
nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
               "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                                 "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                                 "pygments_lexer": "ipython3", "version": "3.11.7"}}
for k, c in enumerate(nb.cells):
    c["id"] = f"cell-{k:02d}"
nbformat.write(nb, f"{root}/notebooks/05_penguins.ipynb")
print("written", len(cells), "cells")
