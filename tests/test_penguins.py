"""The real data of notebook 05, as a spec: the committed penguins are the source's, `load_penguins` reads them as
promised, and the helper's maths agrees with an independent reference (scikit-learn) at the optimum on them.

palmerpenguins and scikit-learn are test requirements only: the notebooks and the helper never import them.
"""
import csv
import importlib.resources
import io
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

import mlmath_helpers as mh

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notebooks", "data")
COMMITTED = os.path.join(DATA, "penguins_adelie_chinstrap.csv")


def source_rows():
    """The rows the README says were taken: from the palmerpenguins package's own CSV, Adelie and Chinstrap with
    bill length and body mass present, in the source's order, as text."""
    text = importlib.resources.files("palmerpenguins").joinpath("data/penguins.csv").read_text(encoding="utf-8")
    return [[r["species"], r["bill_length_mm"], r["body_mass_g"]] for r in csv.DictReader(io.StringIO(text))
            if r["species"] in ("Adelie", "Chinstrap") and "NA" not in (r["bill_length_mm"], r["body_mass_g"])]


def committed_rows():
    with open(COMMITTED, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


# --- the committed file is the source's ----------------------------------------------------------------------------

def test_the_committed_rows_are_the_packages_rows_in_its_order():
    header, *rows = committed_rows()
    assert header == ["species", "bill_length_mm", "body_mass_g"]
    assert rows == source_rows()


def test_the_committed_rows_are_the_packages_values_read_by_its_own_loader():
    import palmerpenguins
    frame = palmerpenguins.load_penguins()
    frame = frame[frame.species.isin(["Adelie", "Chinstrap"])].dropna(subset=["bill_length_mm", "body_mass_g"])
    data = mh.load_penguins()
    np.testing.assert_array_equal(data.X, frame[["bill_length_mm", "body_mass_g"]].to_numpy(dtype=float))
    np.testing.assert_array_equal(data.y, (frame.species == "Chinstrap").to_numpy(dtype=float))


def test_the_readme_names_the_source_the_licence_and_the_package_version():
    import palmerpenguins  # noqa: F401 (its version, from its metadata)
    from importlib.metadata import version
    readme = Path(DATA, "README.md").read_text(encoding="utf-8")
    assert "Gorman" in readme and "2014" in readme and "CC0" in readme
    assert f"palmerpenguins` {version('palmerpenguins')}" in readme


# --- load_penguins ---------------------------------------------------------------------------------------------------

def test_load_penguins_gives_X_in_the_sources_units_y_in_0_1_and_the_names_as_the_source_spells_them():
    data = mh.load_penguins()
    assert data.X.shape == (219, 2) and data.X.dtype == float and data.y.shape == (219,)
    assert set(np.unique(data.y)) == {0.0, 1.0} and int(data.y.sum()) == 68
    assert data.features == ("bill_length_mm", "body_mass_g") and data.classes == ("Adelie", "Chinstrap")
    assert data.X[0].tolist() == [39.1, 3750.0]  # the source's first Adelie, in mm and g
    assert 30 < data.X[:, 0].min() and data.X[:, 0].max() < 60 and 2500 < data.X[:, 1].min() < data.X[:, 1].max() < 5000


def test_load_penguins_reads_a_copy_elsewhere_and_is_independent_of_the_working_directory(tmp_path, monkeypatch):
    copy = tmp_path / "copy.csv"
    shutil.copy(COMMITTED, copy)
    monkeypatch.chdir(tmp_path)
    np.testing.assert_array_equal(mh.load_penguins().X, mh.load_penguins(copy).X)
    np.testing.assert_array_equal(mh.load_penguins(str(copy)).y, mh.load_penguins().y)


@pytest.mark.parametrize("path, got", [(3, "got 3"), ("no-such-file.csv", "got 'no-such-file.csv'")])
def test_load_penguins_names_a_bad_path(path, got):
    with pytest.raises(ValueError) as error:
        mh.load_penguins(path)
    assert str(error.value).startswith("path: expected the penguins CSV file") and str(error.value).endswith(got)


HEADER = "species,bill_length_mm,body_mass_g\n"


@pytest.mark.parametrize("text, words", [
    ("", "expected a header species,bill_length_mm,body_mass_g and rows of a species and two numbers"),
    ("species,bill_length_mm,flipper_length_mm\nAdelie,39.1,181\nChinstrap,46.5,195\n",
     "got the header 'species,bill_length_mm,flipper_length_mm'"),
    (HEADER + "Adelie,39.1,3750\n", "for two species; got the header .* and the species \\('Adelie',\\)"),
    (HEADER + "Adelie,39.1,3750\nChinstrap,46.5\n", "rows of a species and two numbers"),
    (HEADER + "Adelie,39.1,NA\nChinstrap,46.5,3500\n", "two finite numbers on every row after the species"),
    (HEADER + "Adelie,39.1,inf\nChinstrap,46.5,3500\n", "two finite numbers on every row .*expected finite numbers"),
])
def test_load_penguins_names_a_file_that_is_not_the_penguins(tmp_path, text, words):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=words):
        mh.load_penguins(path)


# --- an independent reference: scikit-learn's unregularised optimum ----------------------------------------------

def test_at_scikit_learns_unregularised_optimum_the_helpers_loss_agrees_and_its_gradient_vanishes():
    # scikit-learn and scipy have no wheels for Apple-silicon macOS 11, where requirements-test.txt leaves them out.
    # Unregularised: C = ∞ (scikit-learn 1.8 deprecated penalty=None for it); tol 1e-12 so its optimum is tight.
    linear_model = pytest.importorskip("sklearn.linear_model", reason="scikit-learn is not installed on this platform")
    from sklearn.metrics import log_loss
    data = mh.load_penguins()
    Z, _ = mh.standardize(data.X, data.X)                    # (219, 2)
    model = linear_model.LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(Z, data.y)
    W, b = model.coef_[0], float(model.intercept_[0])        # (2,), a number
    E = mh.cross_entropy_from_logits(data.y, Z @ W + b)
    assert E == pytest.approx(log_loss(data.y, model.predict_proba(Z)[:, 1]), rel=1e-9)
    dW, db = mh.cross_entropy_gradient(Z, data.y, W, b)
    assert np.linalg.norm(np.append(dW, db)) < 1e-6
    # and the helper's own descent finds the same optimum
    run = mh.gradient_descent(Z, data.y, np.zeros(2), 0.0, learning_rate=20.0, steps=5000)
    np.testing.assert_allclose(run.W[-1], W, rtol=1e-5)
    assert run.b[-1] == pytest.approx(b, rel=1e-5)
    assert run.loss[-1] == pytest.approx(E, rel=1e-9)
    assert np.mean((Z @ W + b > 0) == (data.y == 1)) == pytest.approx(216 / 219)  # 98.6%, not separable
