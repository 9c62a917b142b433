"""A class on a real JupyterHub, handed out with nbgitpuller: what the README's hub section promises.

Each test starts JupyterHub on 127.0.0.1 (benchmarks/class_load.py's `Rehearsal`: SimpleLocalProcessSpawner, the dummy
authenticator with a random password, configurable-http-proxy from .hub/) with the learner edition as a local git
repository, and drives learners as a browser does, through the hub's proxy. Skipped where node or npm is missing,
except with CI=true, where they must run (.ci/run installs them).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

if not sys.platform.startswith("linux"):
    pytest.skip("the class rehearsal runs on Linux (JupyterHub's local spawner, memory from /proc)",
                allow_module_level=True)
if shutil.which("node") is None or shutil.which("npm") is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but node or npm is missing: .ci/run installs them for tests/test_hub.py")
    pytest.skip("node and npm are needed for JupyterHub's proxy (configurable-http-proxy)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import class_load  # noqa: E402

pytestmark = pytest.mark.timeout(600)

NOTEBOOK = "01_prediction.ipynb"


@pytest.fixture
def hub():
    rehearsal = class_load.Rehearsal()
    try:
        rehearsal.make_repository()
        rehearsal.start()
        yield rehearsal
    finally:
        rehearsal.cleanup()
    assert not [pid for pid in rehearsal.seen if os.path.exists(f"/proc/{pid}")], "the hub left processes behind"


def learner(hub, name, password=None):
    return class_load.Learner(hub, name, time.monotonic() + 500, password=password)


def listening(pids):
    """{'address:port'} of the TCP sockets the processes `pids` listen on (from /proc/net/tcp and tcp6)."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            pass
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                address, port = fields[1].split(":")
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    host = ".".join(str(b) for b in raw[::-1])
                else:  # four little-endian words
                    host = raw.hex()
                found.add(f"{host}:{int(port, 16)}")
    return found


def test_two_learners_get_the_notebooks_by_the_link_run_one_and_see_a_slider_move_its_figure(hub):
    class_ = [learner(hub, "ada"), learner(hub, "grace")]
    results, errors = {}, []

    def lesson(one):
        try:
            one.login(NOTEBOOK)
            spawn = one.follow_link(NOTEBOOK)
            kernel = one.open_kernel(one.notebook_path(NOTEBOOK))
            try:
                nb = one.read_notebook(one.notebook_path(NOTEBOOK))
                opened = time.monotonic()
                kernel.run_all(nb)
                first = kernel.first_frame_at - opened if kernel.first_frame_at else None
                moved = next(kernel.move_sliders(1, timeout=60))
                results[one.name] = spawn, first, moved, nb
            finally:
                kernel.close()
        except Exception as error:  # reported below, with the hub's log
            errors.append(f"{one.name}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=lesson, args=(one,)) for one in class_]
    for t in threads:
        t.start()
    for t in threads:
        t.join(540)
    assert not errors, "\n".join(errors) + hub.log_tail()
    for name, (spawn, first, moved, nb) in results.items():
        assert spawn > 0, f"{name}'s server was started by following the link"
        assert first is not None, f"{name}'s notebook ran but its figures sent no frame"
        assert moved is not None, f"{name} moved a slider and its figure sent no next frame"
        nbformat.validate(nbformat.from_dict(nb))
        home = hub.dir / "home" / name / class_load.REPO_NAME
        assert (home / "notebooks" / NOTEBOOK).exists(), f"nbgitpuller did not clone into {name}'s home"
    assert sorted(results) == ["ada", "grace"]


def test_the_hub_listens_on_127_0_0_1_only_and_wants_the_password(hub):
    # the same login a learner does, with a wrong password
    with pytest.raises(class_load.RehearsalError, match="refused the login"):
        learner(hub, "mallory", password="not-" + hub.password).login(NOTEBOOK)
    pids = [hub.process.pid] + class_load.descendants(hub.process.pid)
    addresses = listening(pids)
    assert addresses, "no listening socket found for the hub and its proxy"
    assert all(a.startswith("127.0.0.1:") for a in addresses), addresses
    response = class_load.requests.get(hub.url + "/hub/api/users", timeout=10)
    assert response.status_code == 403, "the hub's API answered without a token"


def fill_scaffold(nb, instructor):
    """Fill the first `my_...` scaffold as a learner would, with the body of its solution in the instructor's
    edition; returns (cell index, the learner's code)."""
    for i, cell in enumerate(nb["cells"]):
        name = re.match(r"def my_(\w+)\(", "".join(cell["source"])) if cell["cell_type"] == "code" else None
        if name:
            solution = next(c.source for c in instructor.cells
                            if c.cell_type == "code" and f"def solution_{name.group(1)}(" in c.source)
            body = solution.split(f"def solution_{name.group(1)}(", 1)[1].split("\n\n")[0]
            code = f"def my_{name.group(1)}(" + body + "\n    # written in class"
            cell["source"] = code
            return i, code
    raise AssertionError("the learner edition has no my_... scaffold")


def test_a_learner_keeps_their_code_and_gets_the_new_lesson_when_the_instructor_updates(hub):
    """The README's promise: fill a scaffold and run the notebook (its outputs rewritten, saved as JupyterLab does);
    the instructor changes a markdown cell, re-executes the notebook and commits; the learner follows the link again."""
    path = f"{class_load.REPO_NAME}/notebooks/{NOTEBOOK}"
    instructor = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    one = learner(hub, "ada")
    one.login(NOTEBOOK)
    one.follow_link(NOTEBOOK)
    nb = one.read_notebook(path)
    index, code = fill_scaffold(nb, instructor)
    kernel = one.open_kernel(path)
    try:
        kernel.run_all(nb)
    finally:
        kernel.close()
    one.save_notebook(path, nb)
    stored = one.read_notebook(path)
    assert "".join(stored["cells"][index]["source"]) == code
    # the exercise's check cell: the first cell after the scaffold that calls a check (hints may sit between)
    check_index = next(i for i, c in enumerate(stored["cells"]) if i > index and "mh.check_" in "".join(c["source"]))

    # The instructor: a sentence added to the first markdown cell and to the one just above the exercise, a new
    # cell after its check, the notebook re-executed, a new commit.
    lesson = hub.repo / "notebooks" / NOTEBOOK
    changed = nbformat.read(lesson, as_version=4)
    markdown = [i for i, c in enumerate(changed.cells) if c.cell_type == "markdown"]
    sentences = ["A new sentence in the introduction.", "A new sentence just above the exercise.",
                 "A new cell after the exercise's check."]
    changed.cells[markdown[0]].source += "\n\n" + sentences[0]
    changed.cells[max(i for i in markdown if i < index)].source += "\n\n" + sentences[1]
    changed.cells.insert(check_index + 1, nbformat.v4.new_markdown_cell(sentences[2]))
    nbformat.write(changed, lesson)
    executed = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                               "--inplace", "--log-level=WARN", "--ExecutePreprocessor.store_widget_state=False",
                               lesson.name], cwd=lesson.parent, capture_output=True, text=True)
    assert executed.returncode == 0, executed.stderr
    hub.commit("The lesson changed")

    one.follow_link(NOTEBOOK)
    text = (hub.dir / "home" / "ada" / path).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text, "nbgitpuller left merge conflict markers"
    merged = nbformat.reads(text, as_version=4)  # valid JSON
    nbformat.validate(merged)
    sources = [c.source for c in merged.cells]
    assert code in sources, "the learner's code was lost"
    for sentence in sentences:
        assert any(sentence in s for s in sources), f"the instructor's change did not arrive: {sentence}"
    check = json.dumps(merged.cells[check_index].get("outputs"))
    assert "Not implemented yet" not in check, "the learner's check output went back to the stored one"
