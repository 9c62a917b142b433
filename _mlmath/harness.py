"""The check harness behind every ``check_*``: run the learner's function safely, then answer in one line.

It calls the learner's function on copies of telling inputs (plain numbers, 1-D, 2-D and integer arrays,
z = ±1000, confidently wrong predictions, m ≠ n ≠ k, h away from 0) and looks at what happened in this order:
an exception (named, with the learner's line), changed inputs, None (not implemented / no return / print instead
of return), the type, the shape, then the values at the precision of what came back. Each exercise, in its
notebook's ``checks_0N`` module, brings its probes and its catalogue of mistakes (the value a known mistake gives
-> what to change, in the notebook's notation). A check answers in one line and never raises (except
KeyboardInterrupt, so a learner can still interrupt the kernel).

A check never hangs and never floods (DESIGN, "Exercise checks"): each call of the learner's function runs under a
time limit, `TIME_LIMIT` seconds; past it the function is stopped and the answer says so ("… did not return within
5 s: a loop that never ends?"). What the function prints never reaches the cell: the first `PRINT_LIMIT` characters
are kept (to tell "printed instead of returning"), the rest only counted. The limit stops Python code wherever it
loops; a call that Python cannot interrupt (time.sleep, input(), one very long numpy operation) runs on, and the
cell is told so when the limit passes, with how to interrupt the kernel; so is a Python without CPython's
PyThreadState_SetAsyncExc, where nothing can be stopped.
"""
from __future__ import annotations

import ast
import contextlib
import copy
import inspect
import io
import os
import re
import sys
import sysconfig
import textwrap
import threading
import time
import traceback
import warnings
from dataclasses import dataclass

import numpy as np

import mlmath_helpers as mh

TIME_LIMIT = 5  # seconds one call of the learner's function may take in a check
PRINT_LIMIT = 10_000  # characters of what it prints that a check keeps; the rest is only counted
SCAFFOLD_MARK = "# Your code here"  # a committed scaffold: this comment above a bare `return None`
NOT_IMPLEMENTED = "Not implemented yet: {} returned None. Fill in the cell above, run it, then run this check again."
NO_RETURN = "end the function with `return` and the answer, and check that every path (each branch, after each loop) " \
            "ends in a return"
# Relative agreement asked of an answer, by the precision it came back in. 1e-5 for float64 leaves room for
# the common guard log(ŷ + 1e-7); every catalogued mistake is off by far more.
RTOL = {np.dtype(np.float64): 1e-5, np.dtype(np.float32): 1e-4}
FLOAT32_NOTE = ("Note: your answer is float32 (about 7 digits), and agrees to that precision; numpy's "
                "default, float64, keeps about 16.")
FLOOR_DIVISION = "it rounds down, as floor division // does: divide with /"  # a slip of any exercise that divides
# Where library code lives: a traceback frame outside these (and outside the helper and _mlmath/) is the learner's.
_LIBRARY_DIRS = tuple(os.path.normcase(os.path.realpath(d)) + os.sep for d in
                      {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
                       sysconfig.get_paths()["platlib"], os.path.dirname(np.__file__), os.path.dirname(__file__)})
_HELPER = os.path.normcase(os.path.realpath(mh.__file__))


@dataclass(frozen=True)
class CheckResult:
    """The answer of a check_* function; a notebook shows `message`, tests read `passed`."""
    passed: bool
    message: str

    def __repr__(self):
        return self.message


class Verdict(Exception):
    """Raised anywhere inside a check to answer at once with `result`."""

    def __init__(self, result):
        super().__init__(result.message)
        self.result = result


def _fail(message):
    return CheckResult(False, "✗ " + message)


def stop(message):
    raise Verdict(_fail(message))


def _one_line(text, limit=90):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _a(kind):
    """'an array', 'a dict': a type's name with its article."""
    kind = "array" if kind == "ndarray" else kind
    return ("an " if kind[:1].lower() in "aeiou" else "a ") + kind


def fmt(values, digits=4):
    """A short one-line display of numbers: a number, or a list (the first 6 entries of a large array)."""
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 0:
        return f"{float(arr):.{digits}g}"
    flat = [f"{v:.{digits}g}" for v in arr.ravel()[:6]]
    return "[" + ", ".join(flat) + (", …]" if arr.size > 6 else "]") + (f" (shape {arr.shape})" if arr.ndim > 1 else "")


def disagreement(got, want):
    """'X, expected Y' for the worst entry, with just enough digits that X and Y read differently."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    where = ""
    if got.size > 1:
        with np.errstate(invalid="ignore"):
            gap = np.abs(got - want)
        gap[np.isnan(gap)] = np.inf
        index = tuple(int(i) for i in np.unravel_index(int(np.argmax(gap)), got.shape))
        where = f" at index {index[0] if len(index) == 1 else index}"
        got, want = got[index], want[index]
    g, w = float(np.ravel(got)[0]), float(np.ravel(want)[0])
    for digits in range(6, 18):
        a, b = f"{g:.{digits}g}", f"{w:.{digits}g}"
        if a != b:
            break
    return f"{a}{where}, expected {b}"


def _learner_frame(tb):
    """The deepest traceback frame in the learner's code, or None."""
    frames = [f for f in traceback.extract_tb(tb)
              if os.path.normcase(os.path.realpath(f.filename)) != _HELPER
              and not os.path.normcase(os.path.realpath(f.filename)).startswith(_LIBRARY_DIRS)]
    return frames[-1] if frames else None


def _learner_line(tb):
    """' (line N: `source`)' for the deepest traceback frame in the learner's code; '' if there is none.
    Only the line number and its text: in a notebook the file is a kernel temp path, never shown."""
    frame = _learner_frame(tb)
    if frame is None:
        return ""
    text = _one_line(frame.line or "", 60)
    return f" (line {frame.lineno}: `{text}`)" if text else f" (line {frame.lineno})"


def _builtin_max(line):
    """For a line calling Python's max or min on two things (an array among them: 'truth value … ambiguous'):
    'max(z, 0) compares a whole array with 0: use np.maximum(z, 0), elementwise'; '' for any other line."""
    for call in re.finditer(r"(?<![\w.])(max|min)\(", line):
        depth, args = 1, [""]
        for char in line[call.end():]:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                break
            if char == "," and depth == 1:
                args.append("")
            else:
                args[-1] += char
        args = [a.strip() for a in args]
        if depth == 0 and len(args) == 2 and all(args):
            numbers = [a for a in args if re.fullmatch(r"[-+]?[\d.]+(e[-+]?\d+)?", a)]
            versus = f"a whole array with {numbers[0]}" if numbers else "a whole array at once"
            return (f"{call[1]}({args[0]}, {args[1]}) compares {versus}: use np.{call[1]}imum({args[0]}, {args[1]}), "
                    f"elementwise")
    return ""


# Exceptions whose cause is the same in every exercise: (type, words of its message) -> what to change.
_MATH_EXP = "math.exp takes one number: use np.exp, which works elementwise"
_WHOLE = "use numpy operations on the whole input"
_LOOPS = "it loops over its input, which fails for a plain number: " + _WHOLE
_NUMBER = ("a plain number has no array methods, axes or indices: start with np.asarray(…, dtype=float), or use "
           "operations that take numbers and arrays alike (np.dot, np.where)")
EXCEPTION_CAUSES = [
    (ValueError, "truth value of an array", "an `if` (or and/or) on an array is ambiguous: compute on the whole "
                                            "array, np.where(condition, a, b)"),
    (TypeError, "only 0-dimensional arrays", _MATH_EXP),
    (TypeError, "only length-1 arrays", _MATH_EXP),
    (TypeError, "must be real number", _MATH_EXP),
    (OverflowError, "math range error", "math.exp overflowed: e^z for z near 1000 is beyond float64; "
                                        "use e = exp(−|z|), which is at most 1"),
    (TypeError, "not iterable", _LOOPS),
    (TypeError, "iteration over a 0-d array", _LOOPS),
    (TypeError, "has no len()", "len() fails for a plain number: " + _WHOLE),
    (TypeError, "len() of unsized object", "len() fails for a plain number: " + _WHOLE),
    (AttributeError, "'float' object has no attribute", _NUMBER),
    (AttributeError, "'int' object has no attribute", _NUMBER),
    (TypeError, "object is not subscriptable", _NUMBER),
    (ValueError, "for array of dimension 0", _NUMBER),
    (NameError, "", "define or import that name first (np for numpy, mh.sigmoid for the helper's sigmoid)"),
]


def _advice(exc, causes):
    for kind, words, advice in list(causes) + EXCEPTION_CAUSES:
        if isinstance(exc, kind) and words in str(exc):
            return advice
    return ""


def _scaffold(fn):
    """True if `fn` is still the committed scaffold: the marker comment and a body that only returns None."""
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        if SCAFFOLD_MARK not in source:
            return False
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, ValueError):
        return False
    funcs = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    if len(funcs) != 1:
        return False
    body = [s for s in funcs[0].body
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and isinstance(s.value.value, str))]
    return (len(body) == 1 and isinstance(body[0], ast.Return)
            and (body[0].value is None or (isinstance(body[0].value, ast.Constant) and body[0].value.value is None)))


def none_answer(name, learner, why=""):
    """The verdict for a value check given None, as `check(my_x())` is called: "Not implemented yet" while the
    caller's function `learner` is the unfilled scaffold (or cannot be found), else that it returned None."""
    frame = sys._getframe(1)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith(("_mlmath", "mlmath_helpers")):
        frame = frame.f_back
    fn = None if frame is None else frame.f_locals.get(learner, frame.f_globals.get(learner))
    if fn is None or not callable(fn) or _scaffold(fn):
        return CheckResult(False, NOT_IMPLEMENTED.format(name))
    return _fail(f"{learner}() returned None: {NO_RETURN}{why}.")


def _rounded_only(before, after):
    """(index, before, after) of the largest change if float `after` differs from `before` by rounding alone, else
    None: an input nudged and then put back by arithmetic (θ + h − 2h + h)."""
    try:
        b, a = np.asarray(before), np.asarray(after)
        if b.shape != a.shape or b.dtype.kind != "f" or a.dtype.kind != "f" or b.size == 0:
            return None
        gap = np.abs(a - b)
        if not np.all(gap <= 1e-12 * np.maximum(1.0, np.abs(b))):
            return None
        index = int(np.argmax(gap))
        return index, float(b.ravel()[index]), float(a.ravel()[index])
    except Exception:
        return None


def _unchanged(before, after):
    if callable(before):  # a function given to the learner's (f in numerical_gradient): copying keeps it itself
        return before is after
    try:
        return (np.shape(before) == np.shape(after)
                and bool(np.array_equal(np.asarray(before), np.asarray(after), equal_nan=True)))
    except Exception:
        return False


class _TimeLimit(BaseException):
    """Raised inside the learner's function when it has run for TIME_LIMIT seconds (a BaseException, so that an
    `except Exception` in the learner's loop does not swallow it)."""


class _Printed(io.TextIOBase):
    """Where the learner's function prints to: the first PRINT_LIMIT characters kept, the rest only counted."""

    def __init__(self):
        super().__init__()
        self.kept, self.size = [], 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        room = PRINT_LIMIT - self.size  # what is kept is the first min(size, PRINT_LIMIT) characters
        if room > 0:
            self.kept.append(text[:room])
        self.size += len(text)
        return len(text)

    def getvalue(self):
        return "".join(self.kept)


def _raise_in(thread_id, exception):
    """Raise `exception` in the thread `thread_id` at its next Python instruction (None: cancel one not yet raised).
    False where the Python has no such call (only CPython's C API, PyThreadState_SetAsyncExc, has it)."""
    try:
        import ctypes
        set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (ImportError, AttributeError):
        return False
    set_async_exc(ctypes.c_ulong(thread_id), None if exception is None else ctypes.py_object(exception))
    return True


class _Watchdog:
    """Stops the function the calling thread runs once it has run TIME_LIMIT seconds: a thread of its own raises
    _TimeLimit in it, again every 0.1 s while it still runs (a bare `except:` in a loop catches one). If it still
    runs a second later (inside a call Python cannot interrupt, or on a Python that cannot raise in another thread),
    the cell is told, once, through `cell` (the stdout before the check captured it).

    `stop()` ends the watch with no exception left to come: it takes no lock, so a _TimeLimit that arrives while it
    runs cannot leave a lock held; `running` and `raising` are written by one thread each (Dekker's handshake)."""

    def __init__(self, what, cell):
        self.what, self.cell, self.target = what, cell, threading.get_ident()
        self.running, self.raising, self.expired, self.told = True, False, False, False

    def start(self):
        try:
            threading.Thread(target=self._watch, name="mlmath check time limit", daemon=True).start()
        except RuntimeError:  # a Python without threads: no time limit
            self.running = False

    def _watch(self):
        started = time.monotonic()
        while self.running:
            elapsed = time.monotonic() - started
            if elapsed >= TIME_LIMIT:
                self.raising = True
                stoppable = self.running and _raise_in(self.target, _TimeLimit)
                self.expired = self.expired or self.running
                self.raising = False
                if self.running and not self.told and (elapsed >= TIME_LIMIT + 1 or not stoppable):
                    self.told = True
                    self._tell(elapsed, stoppable)
            time.sleep(0.1 if elapsed >= TIME_LIMIT else min(0.05, TIME_LIMIT - elapsed + 0.001))

    def _tell(self, elapsed, stoppable):
        where = ("inside a call that cannot be stopped from here (time.sleep, input(), one very long numpy operation)"
                 if stoppable else "and cannot be stopped on this Python")
        try:
            self.cell.write(f"{self.what} is still running after {elapsed:.0f} s, {where}: interrupt the kernel "
                            f"(■ in the toolbar, or I twice) if it does not return.\n")
            self.cell.flush()
        except Exception:  # a closed or odd stdout: the check's own answer still says it
            pass

    def stop(self):
        while True:
            try:
                self.running = False
                while self.raising:  # the watch may be raising right now: let it finish
                    time.sleep(0.001)
                _raise_in(self.target, None)  # nothing raised later, outside the learner's function
                return
            except _TimeLimit:  # it arrived while stopping: the time was up all the same
                self.expired = True


class _Run:
    """One check of the learner's function `fn` for the exercise `name`, called as `signature`.

    `exceptions` is the exercise's own (type, words, advice) list, tried before the common ones.
    Notes (float32, lists) are collected and added to the pass message.
    """

    def __init__(self, fn, name, signature, exceptions=()):
        self.fn, self.name, self.signature, self.exceptions = fn, name, signature, exceptions
        self.notes = []
        self.copy_as = {}   # input name -> how to copy it, when name.copy() is not enough (an integer theta)
        self.restore = {}   # input name -> why nudging it and putting it back by arithmetic changed it (by rounding)
        self.inputs = {}  # the last call's inputs, by the learner's argument names

    def _limited(self, watchdog, copies):
        watchdog.start()
        try:
            return self.fn(*copies)
        finally:
            watchdog.stop()

    def call(self, what, **inputs):
        """fn(*copies of inputs) -> (result, RuntimeWarning texts); a verdict for anything else that happened,
        a call that did not return within TIME_LIMIT seconds too."""
        self.inputs = inputs
        copies = [copy.deepcopy(v) for v in inputs.values()]
        printed = _Printed()
        watchdog = _Watchdog(what, sys.stdout)
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(printed), \
                contextlib.redirect_stderr(printed), \
                np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            warnings.simplefilter("always")
            started = time.monotonic()
            try:
                out = self._limited(watchdog, copies)
            except KeyboardInterrupt:
                raise
            except _TimeLimit:
                watchdog.expired = True
            except BaseException as exc:  # SystemExit too: a learner's exit() is an answer, not an exit
                advice = _advice(exc, self.exceptions)
                if isinstance(exc, TypeError) and "positional argument" in str(exc):
                    advice = f"the check calls {self.signature}"
                if isinstance(exc, ValueError) and "truth value of an array" in str(exc):
                    frame = _learner_frame(exc.__traceback__)
                    advice = _builtin_max((frame.line or "") if frame else "") or advice
                stop(f"{what} raised {type(exc).__name__}: {_one_line(exc)}{_learner_line(exc.__traceback__)}"
                      + (f"; {advice}." if advice else "."))
        if watchdog.expired and watchdog.told:  # it ran on inside a call that could not be stopped
            stop(f"{what} did not return within {TIME_LIMIT} s (it returned after {time.monotonic() - started:.0f} s): "
                 f"does it wait (time.sleep, input()) or compute far more than it needs?")
        if watchdog.expired:
            stop(f"{what} did not return within {TIME_LIMIT} s: a loop that never ends?"
                 + (f" It printed {printed.size:,} characters meanwhile, not shown." if printed.size else ""))
        for name, before, after in zip(inputs, inputs.values(), copies):
            if not _unchanged(before, after):
                copied = self.copy_as.get(name, f"{name}.copy()")
                rounded = name in self.restore and _rounded_only(before, after)
                if rounded:
                    index, was, now = rounded
                    at = f" at index {index}" if np.ndim(before) else ""
                    stop(f"{what} gave {name} back changed, by {abs(now - was):.1g}{at} ({was!r} → {now!r}): "
                         f"{self.restore[name]}"
                         f"; work on a copy, {copied}, or save the old value and restore it.")
                stop(f"{what} changed its input {name} in place (`out = {name}` shares the array, and "
                      f"`{name} -= …` or `{name}[…] = …` write into it): work on a copy, {copied}, "
                      f"or build a new array.")
        if out is None:
            if _scaffold(self.fn):
                raise Verdict(CheckResult(False, NOT_IMPLEMENTED.format(self.name)))
            if printed.getvalue().strip():
                stop(f"{what} printed {_one_line(printed.getvalue(), 30)!r} and returned None: use return, not "
                      f"print, to give the answer back.")
            stop(f"{what} returned None: {NO_RETURN}.")
        return out, [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]

    def numbers(self, out, what, alone):
        """The learner's result as a numeric array; a verdict naming its type if it is not numbers.
        `alone` says what a single result should be (for a tuple's message)."""
        kind = type(out).__name__
        if isinstance(out, (str, bytes)):
            stop(f"{what} returned the text {_one_line(repr(out), 30)}: return {alone} itself, not a formatted "
                  f"string.")
        if isinstance(out, tuple):
            stop(f"{what} returned a tuple of {len(out)} items: return {alone} alone.")
        if isinstance(out, (dict, set, frozenset)) or inspect.isgenerator(out) or inspect.isfunction(out):
            stop(f"{what} returned {_a(kind)}: return {alone} as a number or a numpy array.")
        try:
            arr = np.asarray(out)
            if arr.dtype == object:
                arr = arr.astype(float)
        except Exception as exc:
            stop(f"{what} returned {_a(kind)} that is not numbers ({type(exc).__name__}: {_one_line(exc, 50)}): "
                  f"return {alone} as a number or a numpy array.")
        if arr.dtype.kind not in "iuf":
            values = {"U": "text", "S": "text", "b": "True/False", "c": "complex"}.get(arr.dtype.kind, str(arr.dtype))
            stop(f"{what} returned {values} values, not real numbers: return {alone} as real numbers.")
        return arr

    def pair(self, out, what, names=("new W", "new b"), code="W_new, b_new"):
        """The two results (one shaped like the input W, one like b: a step's new W, b or the gradient's ∂E/∂W,
        ∂E/∂b); a verdict unless `out` is a pair of them, naming a None inside or the two in the wrong order."""
        fix = f"return the pair ({names[0]}, {names[1]}), `return {code}`"
        if not isinstance(out, (tuple, list)):
            stop(f"{what} returned {_a(type(out).__name__)}: {fix}.")
        if len(out) != 2:
            stop(f"{what} returned {len(out)} items: {fix}.")
        for name, item in zip(names, out):
            if item is None:
                stop(f"{what}: {name} is None: compute it and return ({code}).")
        try:
            got, want = [np.shape(item) for item in out], [np.shape(self.inputs[k]) for k in ("W", "b")]
        except Exception:  # no inputs W and b, or a ragged item: the shape checks that follow name it
            return out
        if want[0] != want[1] and got == want[::-1]:
            stop(f"{what}: the pair is in the wrong order: return {code} ({names[0]}, shape {want[0]}, first).")
        return out

    def shape(self, arr, want, what, hints=()):
        """A verdict naming the shape if arr's is not `want`; hints: (shape, message) for known causes."""
        if arr.shape != want:
            hint = dict(hints).get(arr.shape, "")
            stop(f"{what} has shape {arr.shape}, expected {want}" + (f": {hint}." if hint else "."))

    def precision(self, arr, what):
        """The relative tolerance for what came back; float32 passes with a note, less precise fails."""
        if arr.dtype.kind in "iu" or arr.dtype.itemsize > 8:
            return RTOL[np.dtype(np.float64)]
        if arr.dtype not in RTOL:
            stop(f"{what} came back as {arr.dtype}, which keeps about 3 digits: compute in float64, "
                  f"numpy's default.")
        return RTOL[arr.dtype]

    def values(self, got, want, what, wrong=(), hint=""):
        """Compare got with want at got's precision; on a mismatch name the first catalogued mistake
        (value or predicate -> message) it matches, else show the disagreement."""
        rtol = self.precision(got, what)
        if close(got, want, rtol):
            if got.dtype == np.float32:
                self.notes.append(FLOAT32_NOTE)
            return
        f32 = " (your answer is float32)" if got.dtype == np.float32 else ""
        for value, cause in wrong:
            with np.errstate(all="ignore"):
                hit = value(got) if callable(value) else close(got, value, rtol)
            if hit:
                stop(f"{what} gave {fmt(got)}{f32}: {cause}.")
        if got.dtype.kind in "iu":
            stop(f"{what} gave integers {fmt(got)}, expected {fmt(want)}: the result kept an integer type "
                  f"(np.zeros_like or np.empty_like of an integer array, or out = z); make it float, "
                  f"e.g. np.zeros(np.shape(z)) or z = np.asarray(z, dtype=float) first.")
        stop(f"{what} gave {disagreement(got, want)}{f32}" + (f": {hint}." if hint else "."))


def close(got, want, rtol):
    """All entries agree to rtol (and to an absolute rtol·1e-3 of the largest for entries near 0)."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if got.shape != want.shape:
        return False
    finite = np.abs(want[np.isfinite(want)])
    atol = rtol * 1e-3 * max(1.0, float(finite.max()) if finite.size else 1.0)
    with np.errstate(all="ignore"):
        return bool(np.all(np.isclose(got, want, rtol=rtol, atol=atol)))


def _helper_called(fn, answered_by):
    """The name of the helper function of `answered_by` that `fn` calls (as mh.x or imported), else None."""
    codes, names = [getattr(fn, "__code__", None)], set()
    while codes:
        code = codes.pop()
        if code is not None:
            names.update(code.co_names)
            codes += [c for c in code.co_consts if hasattr(c, "co_names")]  # inner functions and lambdas
    namespace = getattr(fn, "__globals__", {})
    via_module = any(namespace.get(n) is mh for n in names)
    enclosed = [cell.cell_contents for cell in getattr(fn, "__closure__", None) or ()]
    for helper in answered_by:
        name = helper.__name__
        if (name in names and (via_module or namespace.get(name) is helper)) or any(v is helper for v in enclosed):
            return name
    return None


def run_check(fn, name, signature, probes, exceptions=(), answered_by=()):
    """The shared harness: run `probes(run)`, which returns the pass message or raises a verdict.

    `name` is the exercise's, `signature` how the learner's function is called, e.g. "my_sigmoid(z)";
    `exceptions` the exercise's own (type, words of the message, what to change), tried before the common
    `EXCEPTION_CAUSES`; `answered_by` the helper functions (mh.sigmoid, …) that answer the exercise: an answer
    that calls one passes, with a note saying so. Each `run.call` of the learner's function has TIME_LIMIT seconds
    and keeps PRINT_LIMIT characters of its printing (see the module's docstring).
    """
    if not callable(fn):
        learner = signature.split("(")[0]
        got = "None" if fn is None else _a(type(fn).__name__)
        return _fail(f"the check needs the function {learner} itself, got {got}: pass it without calling it, "
                     f"without (…) after {learner}.")
    run = _Run(fn, name, signature, exceptions)
    try:
        message = probes(run)
    except Verdict as verdict:
        return verdict.result
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # inspecting a strange result went wrong: still one line, never a traceback
        return _fail(f"the check could not read what {name} returned ({type(exc).__name__}: "
                     f"{_one_line(exc, 60)}): return plain numbers or numpy arrays.")
    try:
        helper = _helper_called(fn, answered_by)
    except Exception:  # a strange callable: no note rather than an error
        helper = None
    if helper:
        run.notes.append(f"Note: it calls the helper's own {helper}, so this checks the helper; the exercise is to "
                         f"write it yourself.")
    return CheckResult(True, " ".join([message, *dict.fromkeys(run.notes)]))
