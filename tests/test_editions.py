"""The learner edition: the committed (instructor) notebooks without their solutions, and still whole.

`python3 tasks.py learner` writes it to dist/learner/ by removing every cell tagged `solution` with nbconvert's
TagRemovePreprocessor. It must hold no solution code, keep everything else as it is, run top to bottom with
every check answering "not implemented yet", and turn every check to a pass once the scaffolds hold the
instructor's solutions.
"""
import ast
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import tasks

ROOT = Path(__file__).resolve().parents[1]
LEARNER = ROOT / "dist" / "learner-under-test"  # not dist/learner/, which an instructor may have made
LEARNER_NOTEBOOKS = LEARNER / "notebooks"


def is_solution(cell):
    return "solution" in cell.metadata.get("tags", [])


def is_check(cell):
    return cell.cell_type == "code" and cell.source.startswith("mh.check_")


def lines(cells):
    return {line.strip() for cell in cells for line in cell.source.splitlines() if line.strip()}


def answers(nb):
    """The text each check cell of `nb` answered, in order."""
    return ["".join(out.get("data", {}).get("text/plain", "")) for cell in nb.cells if is_check(cell)
            for out in cell.outputs]


INSTRUCTOR = {path.name: nbformat.read(path, as_version=4) for path in sorted((ROOT / "notebooks").glob("*.ipynb"))}
# the lessons with exercises; 00_notation.ipynb, the notation card, is markdown alone
LESSONS = [name for name, nb in INSTRUCTOR.items() if any(cell.cell_type == "code" for cell in nb.cells)]


@pytest.fixture(scope="module")
def learner():
    assert tasks.write_learner_edition(sys.executable, LEARNER) == 0
    return {path.name: nbformat.read(path, as_version=4) for path in sorted(LEARNER_NOTEBOOKS.glob("*.ipynb"))}


@pytest.mark.parametrize("name", LESSONS)
def test_every_exercise_has_a_tagged_solution_and_a_scaffold(name):
    nb = INSTRUCTOR[name]
    solutions = [cell for cell in nb.cells if is_solution(cell) and cell.cell_type == "code"]
    scaffolds = [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.startswith("def my_")]
    assert solutions and len(solutions) == len(scaffolds) == sum(not is_solution(c) for c in nb.cells if is_check(c))


def test_the_learner_edition_has_every_notebook_and_what_runs_them(learner):
    assert list(learner) == list(INSTRUCTOR)
    assert "00_notation.ipynb" in INSTRUCTOR and len(LESSONS) == len(INSTRUCTOR) - 1  # the card has no code cells
    shipped = ["mlmath_helpers.py", "requirements.txt", "runtime.txt", "tasks.py",
               *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "_mlmath").glob("*")) if p.is_file())]
    assert {"_mlmath/a11y.js", "_mlmath/style.mplstyle", "_mlmath/figures.py"} <= set(shipped)
    for name in shipped:
        assert (LEARNER / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert (LEARNER / "README.md").read_bytes() == (ROOT / "docs" / "learner-README.md").read_bytes()
    assert "collapsed" not in (LEARNER / "README.md").read_text(encoding="utf-8")  # no hidden solution to look for


def test_the_learner_edition_holds_the_data_the_notebooks_read(learner):
    data = [p.relative_to(ROOT / "notebooks") for p in sorted((ROOT / "notebooks" / "data").rglob("*")) if p.is_file()]
    assert data and all((LEARNER_NOTEBOOKS / p).read_bytes() == (ROOT / "notebooks" / p).read_bytes() for p in data)


@pytest.mark.parametrize("name", LESSONS)
def test_the_learner_edition_holds_no_solution_code(learner, name):
    nb = INSTRUCTOR[name]
    # lines that only the solution cells have (a solution may repeat a line of the teaching code)
    solution_only = lines(c for c in nb.cells if is_solution(c)) - lines(c for c in nb.cells if not is_solution(c))
    assert solution_only
    assert not solution_only & lines(learner[name].cells)
    assert "solution_" not in nbformat.writes(learner[name])


@pytest.mark.parametrize("name", INSTRUCTOR)
def test_the_learner_edition_keeps_everything_else_as_it_is(learner, name):
    nb = INSTRUCTOR[name]
    assert learner[name].cells == [cell for cell in nb.cells if not is_solution(cell)]  # sources and outputs
    assert learner[name].metadata == nb.metadata


@pytest.mark.parametrize("name", LESSONS)
def test_every_check_in_the_learner_edition_answers_not_implemented_yet(learner, name):
    got = answers(learner[name])
    assert got and all(text.startswith("Not implemented yet") for text in got), got


def test_nbval_passes_on_the_learner_edition(learner):
    """Run top to bottom in fresh kernels, the learner edition reproduces its stored outputs: no error, no
    stderr, and every check still answers "not implemented yet"."""
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", str(LEARNER_NOTEBOOKS)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def filled_with_solutions(name, nb):
    """`nb` (learner edition) with each scaffold `def my_x` replaced by the instructor's `def solution_x`."""
    nb = nbformat.from_dict(nb)
    for cell in INSTRUCTOR[name].cells:
        if not (is_solution(cell) and cell.cell_type == "code"):
            continue
        tree = ast.parse(cell.source)
        (function,) = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        mine = function.name.replace("solution_", "my_", 1)
        body = ast.get_source_segment(cell.source, function).replace(function.name, mine, 1)
        (scaffold,) = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith(f"def {mine}(")]
        scaffold.source = body
    return nb


@pytest.mark.parametrize("name", LESSONS)
def test_scaffolds_filled_with_the_solutions_pass_every_check(learner, name):
    nb = filled_with_solutions(name, learner[name])
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(LEARNER_NOTEBOOKS)}}).execute()
    stderr = [out for cell in nb.cells for out in cell.get("outputs", []) if out.get("name") == "stderr"]
    assert not stderr
    got = answers(nb)
    assert got and all(text.startswith("✓") for text in got), got


def test_the_html_copy_of_the_learner_edition_holds_no_solution():
    done = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "html", "--learner"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in INSTRUCTOR:
        page = (ROOT / "dist" / "html-learner" / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        assert "solution_" not in page and ("check_" in page) == (name in LESSONS)  # exercises there, no solutions


def test_the_learner_edition_cannot_make_a_learner_edition_and_says_so_in_words(learner):
    done = subprocess.run([sys.executable, "tasks.py", "learner"], cwd=LEARNER, capture_output=True, text=True)
    assert done.returncode == 1 and "learner edition already" in done.stderr and "Traceback" not in done.stderr
