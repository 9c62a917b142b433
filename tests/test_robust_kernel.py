"""What learners really do, in a real kernel: the spec of the explorers' and checks' robustness.

One IPython kernel (ipykernel, `%matplotlib widget`, as in the notebooks) driven through jupyter_client. Each
execution request carries the cell's id in its metadata, as JupyterLab, Notebook 7 and VS Code send it
(`{"cellId": ...}`); `cell=None` sends none, as nbclient and nbval do.

- Closing an explorer never raises, whatever was or was not displayed, built or re-built before.
- A check stops a learner's function that does not return within its time limit, keeps its printing from
  flooding the cell, says which limit it met, and leaves the kernel usable.
- Re-running a cell closes what that cell built before; an explorer built in another cell stays alive.
  Without cell ids, building a figure again closes the one built before under its name.
- No key pressed on a figure closes it, rescales it, or switches it into pan or zoom.
- An explorer shown a second time shows a one-line note instead (a second Play would stop after one step).
"""
import itertools
import json
import os
import queue
import time
import uuid
from pathlib import Path

import pytest
from jupyter_client import KernelManager

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SETUP = '%matplotlib widget\nimport sys\nsys.path.insert(0, "..")\nimport mlmath_helpers as mh'
TIME_LIMIT = "5 s"  # the checks' time limit, as the message names it


class Kernel:
    """A kernel started in notebooks/; `run(code, cell)` executes one request and returns what it output."""

    def __init__(self):
        self.manager = KernelManager(kernel_name="python3")
        self.manager.start_kernel(cwd=str(NOTEBOOKS))
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)

    def run(self, code, cell=None, timeout=60):
        """Outputs of one execution request: [{"type": stream name | "result" | "display" | "error", ...}]."""
        content = dict(code=code, silent=False, store_history=True, user_expressions={}, allow_stdin=False,
                       stop_on_error=True)
        request = self.client.session.msg("execute_request", content,
                                          metadata={} if cell is None else {"cellId": cell})
        self.client.shell_channel.send(request)
        msg_id, outputs = request["header"]["msg_id"], []
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.client.get_iopub_msg(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:  # interrupt it, so that the tests after this one find the kernel idle
                self.manager.interrupt_kernel()
                self.run("None", timeout=60)
                raise AssertionError(f"no answer within {timeout} s to {code!r}; outputs so far {outputs[:5]}")
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, body = msg["msg_type"], msg["content"]
            if kind == "status" and body["execution_state"] == "idle":
                return outputs
            if kind == "stream":
                outputs.append({"type": body["name"], "text": body["text"]})
            elif kind in ("execute_result", "display_data"):
                outputs.append({"type": "result" if kind == "execute_result" else "display", "data": body["data"]})
            elif kind == "error":
                outputs.append({"type": "error", "text": f"{body['ename']}: {body['evalue']}"})

    def value(self, expression, cell=None):
        """What `print(expression)` prints, the kernel raising nothing and writing nothing else."""
        outputs = self.run(f"print({expression})", cell)
        assert outputs and {o["type"] for o in outputs} == {"stdout"}, outputs
        return "".join(o["text"] for o in outputs).strip()

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    assert k.run(SETUP) == []
    k.run("import matplotlib.pyplot as plt\nimport ipywidgets.widgets.widget as _widget\n"
          "data2 = mh.make_data(W_true=[2.0, -1.5], b_true=0.5, m=60, seed=1, spread=1.2)")
    yield k
    k.close()


@pytest.fixture(autouse=True)
def close_every_figure(kernel):
    """Each test starts with no figure open (matplotlib warns on stderr beyond 20)."""
    yield
    kernel.run('plt.close("all")')


def new_cell():
    return str(uuid.uuid4())


def problems(outputs):
    """Errors and stderr among a request's outputs."""
    return [o for o in outputs if o["type"] in ("error", "stderr")]


def alive(kernel, name):
    """The explorer `name` is open: its figure and canvas widget, and a slider that still moves its readout."""
    code = (f"_e = {name}\n"
            "_ok = _e.fig is not None and _e.fig.canvas.comm is not None and plt.fignum_exists(_e.fig.number)\n"
            "if _ok:\n"
            "    _s, _before = next(iter(_e.sliders.values())), _e.readout.value\n"
            "    _s.value = _s.max if _s.value != _s.max else _s.min\n"
            "    _ok = _e.readout.value != _before\n"
            "print(_ok)")
    outputs = kernel.run(code)
    assert outputs and {o["type"] for o in outputs} == {"stdout"}, outputs
    return "".join(o["text"] for o in outputs).strip() == "True"


def closed(kernel, name):
    return kernel.value(f"{name}.fig is None and not {name}.sliders") == "True"


# =====================================================================================================================
# 0. Closing an explorer never raises
# =====================================================================================================================

@pytest.mark.parametrize("ids", ["cell ids", "no cell ids"])
def test_the_issue_case_closes_the_earlier_explorers_without_a_traceback(kernel, ids):
    """A cell that printed, a loop building three explorers it never displays, then a cell building two."""
    cell = new_cell if ids == "cell ids" else (lambda: None)
    assert problems(kernel.run('print("hello")', cell())) == []
    assert problems(kernel.run("for W in (1.0, 2.0, 3.0): e = mh.prediction_explorer(W=W)", cell())) == []
    assert problems(kernel.run("a = mh.prediction_explorer(W=1.0)\nb = mh.prediction_explorer(W=2.0)", cell())) == []


STEPS = {  # what a learner does to an explorer, each a cell of its own (a notebook's cells, run in any order)
    "build": "e = mh.prediction_explorer()",
    "display": "e",
    "print": 'print("a stream output")',
    "close": "e.close()",
}


@pytest.mark.parametrize("ids", ["cell ids", "no cell ids"])
def test_building_displaying_and_rebuilding_in_every_order_never_raises(kernel, ids):
    """After one build, every two of the steps in turn, then a re-build: building again re-runs the building cell."""
    cells = {step: new_cell() if ids == "cell ids" else None for step in STEPS}
    failures = []
    for order in itertools.product(STEPS, repeat=2):
        ran = []
        for step in ("build", *order, "build"):
            outputs = kernel.run(STEPS[step], cells[step])
            ran.append(step)
            if problems(outputs):
                failures.append(f"{' → '.join(ran)}: {problems(outputs)}")
                break
    assert failures == []


@pytest.mark.parametrize("ids", ["cell ids", "no cell ids"])
def test_rebuilding_a_static_figure_after_any_output_never_raises(kernel, ids):
    cell = new_cell() if ids == "cell ids" else None
    for code in ["mh.sigmoid_figure()", 'print("a stream output")', "mh.sigmoid_figure()", "_ = mh.sigmoid_figure()",
                 "mh.sigmoid_figure()"]:
        assert problems(kernel.run(code, cell if code.startswith(("mh", "_")) else None)) == [], code


# =====================================================================================================================
# 1. A check never hangs or floods
# =====================================================================================================================

ENDLESS = {
    "a loop that never ends": "def my_sigmoid(z):\n    while True:\n        pass",
    "a loop that prints forever": 'def my_sigmoid(z):\n    while True:\n        print("z is", z)',
    "a loop that catches everything": ("def my_sigmoid(z):\n    while True:\n        try:\n            z = z + 0\n"
                                       "        except:\n            pass"),
}


@pytest.mark.parametrize("answer", ENDLESS)
def test_a_function_that_never_returns_is_stopped_at_the_time_limit(kernel, answer):
    assert kernel.run(ENDLESS[answer], new_cell()) == []
    start = time.monotonic()
    outputs = kernel.run("print(mh.check_sigmoid(my_sigmoid))", new_cell(), timeout=30)
    took = time.monotonic() - start
    assert problems(outputs) == []
    text = "".join(o.get("text", "") for o in outputs)
    assert len(text.splitlines()) == 1 and len(text) < 400, f"one line, not a flood: {text[:400]!r}"
    assert text.startswith("✗ ") and f"did not return within {TIME_LIMIT}: a loop that never ends?" in text, text
    if "print" in ENDLESS[answer]:
        assert "printed" in text, text
    assert took < 10, f"the check answered after {took:.1f} s"
    assert kernel.value("1 + 1", new_cell()) == "2", "the kernel stays usable"
    time.sleep(0.5)
    assert kernel.value("sum(range(10**6))", new_cell()) == "499999500000", "nothing is left to go off later"


def test_a_call_that_cannot_be_stopped_is_named_when_the_limit_passes(kernel):
    """A function inside a call Python cannot interrupt (time.sleep here) runs on, and the cell says so at the limit."""
    kernel.run("import time\ndef my_sigmoid(z):\n    time.sleep(8)\n    return 1 / (1 + np.exp(-z))", new_cell())
    kernel.run("import numpy as np")
    outputs = kernel.run("print(mh.check_sigmoid(my_sigmoid))", new_cell(), timeout=30)
    assert problems(outputs) == []
    lines = "".join(o.get("text", "") for o in outputs).splitlines()
    assert len(lines) == 2, lines
    assert "cannot be stopped" in lines[0] and "interrupt the kernel" in lines[0], lines
    assert lines[1].startswith("✗ ") and f"did not return within {TIME_LIMIT}" in lines[1], lines
    assert kernel.value("1 + 1", new_cell()) == "2"


def test_a_correct_answer_still_passes_and_its_printing_stays_out_of_the_cell(kernel):
    kernel.run('def my_sigmoid(z):\n    print("computing σ of", z)\n    return mh.sigmoid(z) + 0', new_cell())
    text = kernel.value("mh.check_sigmoid(my_sigmoid).passed", new_cell())
    assert text == "True"


# =====================================================================================================================
# 2. Re-running a cell closes what that cell built before; another cell's explorer stays alive
# =====================================================================================================================

def test_a_second_explorer_in_another_cell_leaves_the_first_alive(kernel):
    first, second = new_cell(), new_cell()
    assert problems(kernel.run("prediction = mh.prediction_explorer(W=2.0, x=1.0, b=-1.0)\nprediction", first)) == []
    assert problems(kernel.run("compare = mh.prediction_explorer(W=5.0, x=0.0, b=0.0)", second)) == []
    assert alive(kernel, "prediction") and alive(kernel, "compare")


def test_two_explorers_built_in_one_cell_both_stay_alive(kernel):
    assert problems(kernel.run("a = mh.prediction_explorer(W=1.0)\nb = mh.prediction_explorer(W=2.0)", new_cell())) == []
    assert alive(kernel, "a") and alive(kernel, "b")


def test_rerunning_a_cell_closes_what_it_built_and_nothing_else(kernel):
    first, second = new_cell(), new_cell()
    kernel.run("prediction = mh.prediction_explorer()\nprediction", first)
    kernel.run("compare = mh.prediction_explorer(W=5.0)", second)
    kernel.run("old = prediction")
    widgets = kernel.value("len(_widget._instances)")
    assert problems(kernel.run("prediction = mh.prediction_explorer()\nprediction", first)) == []
    assert closed(kernel, "old"), "the re-run cell's old explorer is closed"
    assert alive(kernel, "prediction") and alive(kernel, "compare"), "the new one and the other cell's stay alive"
    assert kernel.value("len(_widget._instances)") == widgets, "the old explorer's widgets are gone"


def test_rerunning_a_cell_that_no_longer_builds_still_closes_what_it_built(kernel):
    cell = new_cell()
    kernel.run("field = mh.prediction_explorer()", cell)
    kernel.run("old = field")
    assert problems(kernel.run('print("the learner changed this cell")', cell)) == []
    assert closed(kernel, "old")


def test_without_cell_ids_building_again_closes_the_one_built_before_under_its_name(kernel):
    kernel.run("prediction = mh.prediction_explorer()\nprediction")
    kernel.run("old = prediction")
    assert problems(kernel.run("prediction = mh.prediction_explorer()\nprediction")) == []
    assert closed(kernel, "old") and alive(kernel, "prediction")


# =====================================================================================================================
# 3. No key closes, rescales or pans a figure
# =====================================================================================================================

KEYS = ["l", "k", "L", "g", "G", "p", "o", "h", "r", "home", "c", "v", "left", "right", "backspace", "f", "ctrl+f",
        "s", "ctrl+s", "a", "q", "ctrl+w"]  # the closing keys last: a closed figure tells nothing more
# The state a key of matplotlib's default keymap (rcParams["keymap.*"]) would change, as text.
STATE = ("json.dumps([{0}.fig.canvas.comm is not None, plt.fignum_exists({0}.fig.number), {0}.fig.canvas.toolbar.mode,"
         " [[ax.get_xscale(), ax.get_yscale(), list(ax.get_xlim()), list(ax.get_ylim()),"
         " [g.get_visible() for g in ax.get_xgridlines() + ax.get_ygridlines()]] for ax in {0}.fig.axes]])")


def press(kernel, name, key):
    """The key as ipympl's browser side sends it ("k" + key after any modifiers), the pointer inside the first axes."""
    modifiers, _, base = key.rpartition("+")
    code = (f"_c = {name}.fig.canvas; _b = {name}.fig.axes[0].bbox\n"
            f"_c.manager.handle_json({{'type': 'motion_notify', 'x': _b.x0 + _b.width / 2,"
            f" 'y': _c.figure.bbox.height - _b.y0 - _b.height / 2,"
            f" 'button': 0, 'buttons': 0, 'modifiers': [], 'guiEvent': {{}}}})\n"
            f"_c.manager.handle_json({{'type': 'key_press', 'key': {(modifiers + '+' if modifiers else '') + 'k' + base!r},"
            f" 'guiEvent': {{}}}})")
    return kernel.run(code)


@pytest.mark.parametrize("builder", ["mh.prediction_explorer()", "mh.sigmoid_figure()"])
def test_no_key_closes_rescales_or_pans_a_figure(kernel, builder):
    kernel.run(f"import json\nfigure = {builder}\nfigure", new_cell())
    before = kernel.value(STATE.format("figure"))
    assert json.loads(before)[:3] == [True, True, ""]
    changed = {}
    for key in KEYS:
        assert problems(press(kernel, "figure", key)) == [], key
        now = kernel.value(STATE.format("figure"))
        if now != before:
            changed[key], before = now, now
    assert changed == {}


# =====================================================================================================================
# 6. The same explorer shown twice
# =====================================================================================================================

def widget_view(outputs):
    return [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]


def note(outputs):
    (output,) = outputs
    assert "application/vnd.jupyter.widget-view+json" not in output["data"]
    return output["data"]["text/plain"]


def test_an_explorer_shown_again_in_another_cell_shows_a_note_instead(kernel):
    built = kernel.run("training = mh.training_explorer(data2, learning_rate=0.5, steps=150)\ntraining", new_cell())
    assert len(widget_view(built)) == 1
    text = note(kernel.run("training", new_cell()))
    assert "\n" not in text and "already shown above" in text, text
    assert "move" in text, "it says how to move it"
    assert len(widget_view(kernel.run("display(training)", new_cell()))) == 0


def test_an_explorer_shown_twice_by_one_cell_shows_a_note_the_second_time(kernel):
    kernel.run("training = mh.training_explorer(data2, learning_rate=0.5, steps=150)", new_cell())
    outputs = kernel.run("display(training)\ndisplay(training)", new_cell())
    assert len(outputs) == 2 and len(widget_view(outputs[:1])) == 1
    assert "already shown above" in note(outputs[1:])


def test_rerunning_the_cell_that_shows_an_explorer_shows_it_again(kernel):
    """Its earlier output is replaced by the re-run: the explorer is shown in one place still."""
    kernel.run("training = mh.training_explorer(data2, learning_rate=0.5, steps=150)", new_cell())
    shows = new_cell()
    assert len(widget_view(kernel.run("training", shows))) == 1
    assert len(widget_view(kernel.run("training", shows))) == 1
    assert "already shown above" in note(kernel.run("training", new_cell()))
