"""What a displayed figure leaves in a notebook for readers without a kernel (GitHub, nbviewer, nbconvert's HTML,
screen readers): beside the live widget view, a PNG of the figure as first drawn, and a one-sentence description,
computed from the data and printed in a fixed format, as text/plain and as the picture's alt text.
"""
import base64
import html
import io
import re

import numpy as np
import pytest
from PIL import Image

import mlmath_helpers as mh
from _mlmath.pictures import num
from test_widgets import BUILDERS, ONE_INPUT

PENGUINS = mh.load_penguins()  # notebook 05's data, raw and standardised
STANDARDISED, _ = mh.standardize(PENGUINS.X, PENGUINS.X)
FIGURES = {  # every figure a notebook displays: the explorers, and the figures drawn once
    **BUILDERS,
    "sigmoid": lambda: mh.sigmoid_figure(),
    "tangent step": lambda: mh.tangent_step_figure(ONE_INPUT),
    "vanishing gradient": lambda: mh.vanishing_gradient_figure(ONE_INPUT),
    "05 penguins": lambda: mh.penguins_figure(PENGUINS, [0, 5, 200]),
    "05 valley raw": lambda: mh.valley_figure(PENGUINS.X, PENGUINS.y, mh.gradient_descent(
        PENGUINS.X, PENGUINS.y, np.zeros(2), 0.0, 6e-7, 100), "raw", zoom=30),
    "05 valley standardised": lambda: mh.valley_figure(STANDARDISED, PENGUINS.y, mh.gradient_descent(
        STANDARDISED, PENGUINS.y, np.zeros(2), 0.0, 20.0, 50), "standardised"),
    "05 boundary": lambda: mh.penguins_figure(PENGUINS, [0, 5, 200], [2.6, -0.0144], -61.1),
}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def displayed(figure):
    """The data and metadata IPython stores when a cell ends with `figure`."""
    data, metadata = figure._repr_mimebundle_(include=None, exclude=None)
    return data, metadata


@pytest.mark.parametrize("name", FIGURES)
def test_a_displayed_figure_carries_the_widget_a_png_and_a_description(name):
    figure = FIGURES[name]()
    data, metadata = displayed(figure)
    assert set(data) == {WIDGET_VIEW, "image/png", "text/html", "text/plain"}
    widget = figure.widget if isinstance(figure, mh.Explorer) else figure.canvas
    assert data[WIDGET_VIEW]["model_id"] == widget.model_id, "JupyterLab shows the live widget"

    png = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
    assert png.size == figure.fig.canvas.get_width_height(), "the whole figure, at the canvas's size"
    drawn = np.asarray(figure.fig.canvas.get_renderer().buffer_rgba())[:, :, :3]  # (h, w, 3) the first full draw
    pixels = np.asarray(png.convert("RGB"))
    assert np.abs(pixels.astype(int) - drawn).mean() < 3, "the PNG is the figure as drawn (256 colours)"

    description = data["text/plain"]
    assert description[0].isupper() and description.endswith(".") and "\n" not in description
    assert not re.search(r"\w+\(\w+=", description) and "object at 0x" not in description, "not a Python repr"
    assert metadata["image/png"]["alt"] == description
    (alt,) = re.findall(r'alt="([^"]*)"', data["text/html"])
    assert html.unescape(alt) == description, "the picture's alt text in nbconvert's HTML is the description"
    assert f'src="data:image/png;base64,{data["image/png"]}"' in data["text/html"]


@pytest.mark.parametrize("name", FIGURES)
def test_the_description_is_deterministic_and_in_a_fixed_format(name):
    first = displayed(FIGURES[name]())[0]["text/plain"]
    assert displayed(FIGURES[name]())[0]["text/plain"] == first
    assert "-" not in re.sub(r"\d-\D|e-\d|\w-\w", "", first), "negative numbers carry a true minus sign (−)"
    assert "−0.00" not in first and "nan" not in first and "inf" not in first


@pytest.mark.parametrize("name", BUILDERS)
def test_an_explorer_is_drawn_once_when_displayed_and_says_it_is_interactive(name):
    explorer = BUILDERS[name]()
    assert explorer._background is None, "building draws nothing"
    draws, sent = [], []
    explorer.fig.canvas.mpl_connect("draw_event", draws.append)
    explorer.fig.canvas.send_binary = sent.append
    data, _ = displayed(explorer)
    assert len(draws) == 1, "one full draw makes the PNG and the kept background"
    assert sent == [], "nothing is sent to a browser view that is not there yet (it would stay blank)"
    assert explorer._background is not None
    note = re.search(r'<p class="mlmath-static-note">(.*?)</p>', data["text/html"]).group(1)
    assert "Interactive when run in JupyterLab" in note
    assert all(f" {label}" in note for label in explorer.sliders), "the note names every slider"
    slider = next(iter(explorer.sliders.values()))
    slider.value = slider.min if slider.value != slider.min else slider.max
    assert len(draws) == 1, "a slider change after display blits; it draws nothing in full"


def test_the_description_follows_the_sliders():
    explorer = mh.prediction_explorer(W=2.0, x=1.0, b=-1.0)
    assert displayed(explorer)[0]["text/plain"] == (
        "Curve of the prediction ŷ = σ(Wx + b) over the input x from −6 to 6 at W = 2.00, b = −1.00, crossing "
        "ŷ = 0.5 at x = 0.50, with the point x = 1.00, ŷ = 0.7311 marked.")
    explorer.sliders["W"].value = 0.0
    assert "flat at ŷ = σ(b) = 0.2689 since W = 0" in displayed(explorer)[0]["text/plain"]


def test_the_error_surface_names_its_minimum_as_the_maths_layer_finds_it():
    data = ONE_INPUT
    W_min, b_min, E_min = mh.minimum(data, W=1.0)
    text = displayed(mh.error_surface_explorer(data, W=-2.0, b=2.0))[0]["text/plain"]
    assert f"minimum E = {E_min:.4f} at W = {W_min:.2f}, b = {b_min:.2f}".replace("-", "−") in text
    E_marker = mh.cross_entropy_from_logits(data.y, -2.0 * data.X[:, 0] + 2.0)
    assert f"marker at W = −2.00, b = 2.00 where E = {E_marker:.4f}" in text


@pytest.mark.parametrize("value,digits,text", [(-0.5312, 2, "−0.53"), (0.004, 2, "0.00"), (-0.004, 2, "0.00"),
                                               (3.0, 0, "3"), (-6.0, 0, "−6")])
def test_numbers_in_descriptions(value, digits, text):
    assert num(value, digits) == text


def test_an_explorer_without_its_own_description_still_says_what_it_is():
    explorer = mh.prediction_explorer()
    del explorer.describe  # as an explorer built without `described`
    assert displayed(explorer)[0]["text/plain"] == "Interactive figure “01 prediction” at W = 2.00, x = 1.00, b = −1.00."
