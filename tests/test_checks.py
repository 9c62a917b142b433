"""The exercise checks: each catches the mistakes it promises to, names them, and passes good code.

Each wrong version below is a mistake a learner makes; the check must answer with the likely cause.
"""
import math

import numpy as np
import pytest

import mlmath_helpers as mh


def naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


SIGMOID_CASES = [  # (learner's function, words the feedback must contain)
    (lambda z: None, "Not implemented yet"),
    (naive_sigmoid, "overflow"),
    (lambda z: 1 / (1 + np.exp(z)), "sign is flipped"),
    (lambda z: 1 / (1 + math.exp(-z)), "not vectorised"),
    (lambda z: np.exp(-z) / (1 + np.exp(-z)), "sign is flipped"),
    (lambda z: 1 / (1 + np.exp(-2 * z)), "expected 0.622459"),
    (lambda z: 1 / 0, "raised ZeroDivisionError"),
    (lambda z: naive_sigmoid(z) if np.ndim(z) == 0 else [0.5], "not vectorised"),
]


def test_check_sigmoid_passes_a_stable_sigmoid():
    def learner_sigmoid(z):
        z = np.asarray(z, dtype=float)
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1 / (1 + e), e / (1 + e))

    result = mh.check_sigmoid(learner_sigmoid)
    assert result.passed and result.message.startswith("✓")
    assert repr(result) == result.message  # what the notebook shows


PREDICT_CASES = [
    (lambda W, x, b: None, "Not implemented yet"),
    (lambda W, x, b: mh.sigmoid(W * x), "bias b is missing"),
    (lambda W, x, b: mh.sigmoid(-(W * x + b)), "sign is flipped"),
    (lambda W, x, b: mh.sigmoid(W * x + b), "scalar-only"),
    (lambda W, x, b: mh.sigmoid(x @ W + b), "raised"),  # @ refuses plain numbers
    (lambda W, x, b: mh.sigmoid(np.dot(x, W)) + b, "expected 0.6177478747692490"),
    (lambda W, x, b: naive_sigmoid(np.dot(x, W) + b), "stable sigmoid"),
]


def test_check_predict_passes_a_vectorised_predict():
    assert mh.check_predict(lambda W, x, b: mh.sigmoid(np.dot(x, W) + b)).passed


CROSS_ENTROPY_CASES = [
    (lambda y, p: None, "Not implemented yet"),
    (lambda y, p: np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)), "minus sign is missing"),
    (lambda y, p: -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)), "sum, not the mean"),
    (lambda y, p: -np.mean(y * np.log(p)) + np.mean((1 - y) * np.log(1 - p)), "whole bracket"),
    (lambda y, p: -np.mean(y * np.log(p)), "term for the label-0 points is missing"),
    (lambda y, p: -np.mean(y * np.log(1 - p) + (1 - y) * np.log(p)), "swapped"),
    (lambda y, p: -(y * np.log(p) + (1 - y) * np.log(1 - p)), "one number"),
    (lambda y, p: -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)), "log(0)"),  # the article's, naive
    (lambda y, p: -np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)), "expected 0.5"),
]


def test_check_cross_entropy_passes_a_clipped_mean():
    def learner(y, p):
        p = np.clip(p, 1e-15, 1 - 1e-15)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    assert mh.check_cross_entropy(learner).passed
    assert mh.check_cross_entropy(mh.cross_entropy).passed


def _step(sign=-1.0, mean=True, eta_used=True, bias="right"):
    """A gradient step with one deliberate mistake switched on."""
    def step(X, y, W, b, learning_rate):
        r = mh.sigmoid(X @ W + b) - y
        m = len(y) if mean else 1
        eta = learning_rate if eta_used else 1.0
        db = {"right": r.mean(), "with x": np.mean(r * X[:, 0]), "label minus prediction": -r.mean(),
              "none": 0.0}[bias]
        return W + sign * eta * X.T @ r / m, b + sign * eta * db
    return step


GRADIENT_STEP_CASES = [
    (lambda X, y, W, b, eta: None, "Not implemented yet"),
    (_step(sign=+1.0), "sign is flipped"),
    (_step(mean=False), "sum, not the mean"),
    (_step(eta_used=False), "learning rate η is missing"),
    (_step(bias="with x"), "no x in it"),
    (_step(bias="label minus prediction"), "bias"),
    (_step(bias="none"), "b did not change"),
    (lambda X, y, W, b, eta: W, "return the pair"),
    (lambda X, y, W, b, eta: (W[:1], b), "shape"),
]


def test_check_gradient_step_passes_a_correct_step():
    assert mh.check_gradient_step(_step()).passed


def _delta_step(at="h", sign=1.0, eta_used=True, transposed=False, with_fprime=True, bias=True):
    """A delta-rule step for W (n, k) with one deliberate mistake switched on."""
    def step(X, y, W, b, learning_rate):
        h = X @ W + b
        error = y - mh.sigmoid(h)
        delta = error * (mh.sigmoid_prime(h if at == "h" else X) if with_fprime else 1.0)
        eta = learning_rate if eta_used else 1.0
        dW = delta.T @ X if transposed else X.T @ delta
        return W + sign * eta * dW, b + (eta * delta.sum(axis=0) if bias else 0.0)
    return step


DELTA_CASES = [
    (lambda X, y, W, b, eta: None, "Not implemented yet"),
    (_delta_step(at="x"), "f' is taken at the input x"),
    (_delta_step(sign=-1.0), "sign is flipped"),
    (_delta_step(eta_used=False), "learning rate η is missing"),
    (_delta_step(transposed=True), "transposed"),
    (_delta_step(with_fprime=False), "f'(h) is missing"),
    (_delta_step(bias=False), "Δb = η Σ_μ δ"),
    (lambda X, y, W, b, eta: (W[:, 0], b), "expected (2, 2)"),
    (lambda X, y, W, b, eta: (W @ X, b), "raised"),
]


def test_check_delta_rule_passes_a_correct_step():
    assert mh.check_delta_rule(_delta_step()).passed


MISTAKES = [(check, fn, words) for check, cases in [
    (mh.check_sigmoid, SIGMOID_CASES), (mh.check_predict, PREDICT_CASES),
    (mh.check_cross_entropy, CROSS_ENTROPY_CASES), (mh.check_gradient_step, GRADIENT_STEP_CASES),
    (mh.check_delta_rule, DELTA_CASES)] for fn, words in cases]


@pytest.mark.parametrize("check,fn,words", MISTAKES,
                         ids=[f"{c.__name__}-{w}" for c, _, w in MISTAKES])
def test_each_check_names_the_mistake_in_its_one_line(check, fn, words):
    result = check(fn)
    assert not result.passed
    assert words in result.message and "\n" not in result.message
