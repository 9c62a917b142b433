"""Every claim a lesson makes that a number can check, checked: a table of (notebook, the sentence, the computation).

Each row is a function decorated with `@claim(notebook, sentence)`. The sentence is quoted from the notebook's
prose (its markdown, whitespace collapsed) and must still be there, so a claim cannot drift from the words it
checks; the function recomputes the claim from the helper's public API and asserts it. Claims that a notebook
computes in a visible cell beside the sentence are checked by nbval instead and are not repeated here.
The rows are grouped by notebook, in the order of the lessons.
"""
import json
import re
from pathlib import Path

import numpy as np
import pytest

import mlmath_helpers as mh

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CLAIMS = []


def prose(notebook):
    """The markdown of the notebook whose name starts with `notebook` ("01"), whitespace collapsed to single spaces."""
    (path,) = NOTEBOOKS.glob(f"{notebook}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return re.sub(r"\s+", " ", text)


def claim(notebook, sentence):
    """Register the decorated function as the check of `sentence` in `notebook`."""
    def register(check):
        CLAIMS.append(pytest.param(notebook, sentence, check, id=f"{notebook}: {sentence[:60]}"))
        return check
    return register


# =====================================================================================================================
# Notebook 01 · Prediction
# =====================================================================================================================


# =====================================================================================================================
# Notebook 02 · The error function
# =====================================================================================================================


# =====================================================================================================================
# Notebook 03 · Gradient descent
# =====================================================================================================================


# =====================================================================================================================
# Notebook 04 · Squared errors and the delta rule
# =====================================================================================================================


# =====================================================================================================================
# Notebook 05 · Real data: the Palmer penguins
# =====================================================================================================================


# =====================================================================================================================


@pytest.mark.parametrize("notebook, sentence, check", CLAIMS)
def test_claim(notebook, sentence, check):
    assert re.sub(r"\s+", " ", sentence) in prose(notebook), f"notebook {notebook} no longer says: {sentence!r}"
    check()


def test_every_notebook_has_claims():
    counted = {param.values[0] for param in CLAIMS}
    assert counted == {path.name[:2] for path in NOTEBOOKS.glob("0*.ipynb")}
