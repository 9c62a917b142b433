"""Every interactive figure, driven headless: each slider swept over its whole range and its ends.

The spec: a slider change moves some artist (lines, points, images, text), updates the readout,
re-creates nothing, and raises no exception or warning (pytest turns warnings into errors).
"""
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import mlmath_helpers as mh
from _mlmath._mpl_private import png

ONE_INPUT = mh.make_data([1.5], -0.5, m=24, seed=3, spread=2.0)
TWO_INPUTS = mh.make_data([2.0, -1.5], 0.5, m=60, seed=1, spread=1.2)
BUILDERS = {  # every builder of every notebook
    "prediction": lambda: mh.prediction_explorer(),
    "decision": lambda: mh.decision_explorer(TWO_INPUTS),
    "loss curves": lambda: mh.loss_curves_explorer(),
    "error surface": lambda: mh.error_surface_explorer(ONE_INPUT),
    "gradient field": lambda: mh.gradient_field_explorer(ONE_INPUT),
    "descent": lambda: mh.descent_explorer(ONE_INPUT),
    "training": lambda: mh.training_explorer(TWO_INPUTS),
    "sse vs cross-entropy": lambda: mh.sse_vs_cross_entropy_explorer(ONE_INPUT),
    "training comparison": lambda: mh.training_comparison_figure(ONE_INPUT),
}


def artist_state(fig):
    """Everything a callback may move, as one flat list of arrays and strings."""
    state = []
    for ax in fig.axes:
        for line in ax.lines:
            state += [np.asarray(line.get_xydata(), dtype=float).copy(), line.get_visible()]
        for coll in ax.collections:
            state.append(np.asarray(coll.get_offsets(), dtype=float).copy())
        for image in ax.images:
            state.append(np.asarray(image.get_array()).copy())
        state += [t.get_text() for t in ax.texts]
    return state


def same(a, b):
    return len(a) == len(b) and all(np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y
                                    for x, y in zip(a, b))


def sweep_values(slider):
    """The whole range in 20 steps, then the ends and zero, each reached from a different value.

    A FloatLogSlider's min and max are powers of its base; an IntSlider gets integers.
    """
    lo, hi = slider.min, slider.max
    values = list(np.linspace(lo, hi, 21)) + [hi, lo, 0.0 if lo < 0 < hi else lo, hi]
    values = [round(v / slider.step) * slider.step for v in values]
    if isinstance(slider, widgets.FloatLogSlider):
        return [slider.base ** v for v in values]
    if isinstance(slider, widgets.IntSlider):
        return [int(round(v)) for v in values]
    return values


@pytest.mark.parametrize("name", BUILDERS)
def test_every_slider_moves_its_figure_across_its_range(name):
    explorer = BUILDERS[name]()
    figures_before = plt.get_fignums()
    assert explorer.sliders, "an explorer has sliders"
    for label, slider in explorer.sliders.items():
        for value in sweep_values(slider):
            if np.isclose(value, slider.value):
                continue
            before, readout = artist_state(explorer.fig), explorer.readout.value
            slider.value = value
            assert not same(before, artist_state(explorer.fig)), f"{name}: {label} = {value} moved nothing"
            assert explorer.readout.value != readout, f"{name}: readout stuck at {label} = {value}"
        explorer.fig.canvas.draw()  # renders at the extreme without error
    assert plt.get_fignums() == figures_before, "callbacks must not create figures"


@pytest.mark.parametrize("name", BUILDERS)
def test_rebuilding_closes_the_old_figure(name):
    BUILDERS[name]()
    count = len(plt.get_fignums())
    BUILDERS[name]()
    assert len(plt.get_fignums()) == count


@pytest.mark.parametrize("name", BUILDERS)
def test_sliders_carry_stable_css_classes(name):
    explorer = BUILDERS[name]()
    for label, slider in explorer.sliders.items():
        (css,) = [c for c in slider._dom_classes if c.startswith("mlmath-slider-")]
        assert css.isascii() and (css == f"mlmath-slider-{label}" or not label.isascii())


def test_prediction_explorer_handles_w_zero():
    e = mh.prediction_explorer(W=0.0, x=1.0, b=2.0)
    assert "with W = 0" in e.readout.value
    np.testing.assert_allclose(e.fig.axes[0].lines[0].get_ydata(), mh.sigmoid(2.0))


def test_decision_explorer_counts_correct_points():
    e = mh.decision_explorer(TWO_INPUTS, w1=2.0, w2=-1.5, b=0.5)
    correct = int(np.sum(((TWO_INPUTS.X @ np.array([2.0, -1.5]) + 0.5) > 0) == (TWO_INPUTS.y == 1)))
    assert f"{correct} of 60" in e.readout.value


@pytest.mark.parametrize("name", BUILDERS)
def test_a_slider_change_before_any_draw_draws_in_full_at_once(name):
    explorer = BUILDERS[name]()
    assert explorer._background is None
    slider = next(iter(explorer.sliders.values()))
    slider.value = slider.min if slider.value != slider.min else slider.max
    assert explorer._background is not None, "a full draw happened and the background was kept"


@pytest.mark.parametrize("name", BUILDERS)
def test_a_slider_change_after_a_full_draw_blits_only_the_moving_artists(name):
    explorer = BUILDERS[name]()
    explorer.fig.canvas.draw()  # what the browser asks for when the canvas first shows
    assert explorer._background is not None and all(a.get_animated() for a in explorer.moving)
    slider = next(iter(explorer.sliders.values()))
    before = np.asarray(explorer.fig.canvas.get_renderer().buffer_rgba()).copy()
    slider.value = slider.min if slider.value != slider.min else slider.max
    after = np.asarray(explorer.fig.canvas.get_renderer().buffer_rgba())
    assert not np.array_equal(before, after), "the pixels changed"


@pytest.mark.parametrize("ratio", [1, 2])
@pytest.mark.parametrize("name", BUILDERS)
def test_the_frames_sent_to_the_browser_add_up_to_the_figure(name, ratio):
    """What the browser paints at a device pixel ratio of 1 and 2: the full first frame, then each difference
    frame drawn over it from the top-left corner (zeros transparent), and only the region that moved."""
    explorer = BUILDERS[name]()
    canvas = explorer.fig.canvas
    canvas.syncing_data_url = False  # as once a browser view is there
    canvas.handle_event({"type": "set_device_pixel_ratio", "device_pixel_ratio": ratio})  # as the browser says
    sent = []
    canvas.send_binary = sent.append
    canvas.draw()
    first = sent[-1]
    screen = np.asarray(Image.open(io.BytesIO(first))).copy()  # (h, w, 4)
    assert screen.shape[:2] == tuple(round(ratio * v) for v in explorer.fig.bbox_inches.size[::-1] * 100)
    assert first == png(screen), "made by the fast encoder, not matplotlib's"
    for slider in explorer.sliders.values():
        for full_draw_between in (False, True):
            if full_draw_between:
                canvas.draw()  # what a rotation or a resize does; the figure's layout may settle a pixel
                paint(screen, sent[-1], canvas._current_image_mode)
            slider.value = slider.max if slider.value != slider.max else slider.min
            assert canvas._current_image_mode == "diff"
            changed = paint(screen, sent[-1], "diff")
            assert changed.any() and changed.size < screen[:, :, 0].size or changed.mean() < 1, "a difference frame"
            assert np.array_equal(screen, np.asarray(canvas.get_renderer().buffer_rgba())), "the browser shows it"


def paint(screen, png, mode):
    """Paint a frame as ipympl's browser view does: a full frame replaces the screen; a difference frame is
    drawn from the top-left corner, its zero pixels transparent. Returns where the frame had pixels."""
    frame = np.asarray(Image.open(io.BytesIO(png)))
    if mode == "full":
        screen[...] = frame
        return frame[:, :, 3] > 0
    changed = frame[:, :, 3] > 0
    h, w = changed.shape
    screen[:h, :w][changed] = frame[changed]
    return changed


def test_png_frames_decode_to_the_same_pixels():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)  # (h, w, 4)
    rgba[2:5] = 0  # a stretch of transparent zeros, as in a difference frame
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png(rgba)))), rgba)


def test_error_surface_is_computed_once_and_its_minimum_marked():
    e = BUILDERS["error surface"]()
    W_min, b_min, E_min = mh.minimum(ONE_INPUT)
    dW, db = mh.cross_entropy_gradient(ONE_INPUT.X, ONE_INPUT.y, np.array([W_min]), b_min)
    assert abs(dW[0]) < 1e-6 and abs(db) < 1e-6  # a stationary point of a convex E: the minimum
    assert f"minimum E = {E_min:.4f}" in e.readout.value
    surface = [c for c in e.fig.axes[2].collections]  # the 3-D axes holds the surface
    e.sliders["W"].value = 3.0
    assert [c for c in e.fig.axes[2].collections] == surface, "the surface is never re-created"


def test_loss_surface_matches_the_maths_layer():
    W, b = np.array([[0.5, -1.0]]), np.array([[0.2, 1.5]])
    E = mh.loss_surface(ONE_INPUT, W, b)
    for i in range(2):
        z = ONE_INPUT.X[:, 0] * W[0, i] + b[0, i]
        assert E[0, i] == pytest.approx(mh.cross_entropy_from_logits(ONE_INPUT.y, z))
        S = mh.loss_surface(ONE_INPUT, W, b, loss="sse")[0, i]
        assert S == pytest.approx(mh.sse(ONE_INPUT.y, mh.sigmoid(z)))


BAD = [
    ("data", lambda: mh.error_surface_explorer(TWO_INPUTS)),
    ("data", lambda: mh.minimum(TWO_INPUTS)),
    ("data", lambda: mh.training_explorer(ONE_INPUT)),
    ("data", lambda: mh.decision_explorer(mh.make_data([1.0, 2.0, 3.0], 0.0))),
    ("loss", lambda: mh.loss_surface(ONE_INPUT, 0.0, 0.0, loss="mae")),
    ("b_grid", lambda: mh.loss_surface(ONE_INPUT, np.zeros((2, 2)), np.zeros(3))),
    ("W_grid", lambda: mh.loss_surface(ONE_INPUT, [np.nan], [0.0])),
    ("losses", lambda: mh.descent_status([[1.0, 2.0]])),
    ("losses", lambda: mh.descent_status([1.0, np.inf, 0.5])),
]


@pytest.mark.parametrize("name,call", BAD, ids=[f"{i}-{n}" for i, (n, _) in enumerate(BAD)])
def test_figure_helpers_reject_bad_input_naming_the_argument(name, call):
    with pytest.raises(ValueError, match=rf"^{name}: expected "):
        call()


@pytest.mark.parametrize("name", ["descent", "training"])
def test_playing_every_step_moves_markers_only(name):
    explorer = BUILDERS[name]()
    step = explorer.sliders["step"]
    surfaces = [list(ax.collections) for ax in explorer.fig.axes]
    seen = []
    for k in range(step.max + 1):  # what the Play widget does, one step at a time
        step.value = k
        seen.append(np.concatenate([np.ravel(a.get_xydata()) for a in explorer.moving if hasattr(a, "get_xydata")]))
        assert f"step {k}" in explorer.readout.value
    assert len({s.tobytes() for s in seen}) > step.max // 2, "the markers moved through the steps"
    assert [list(ax.collections) for ax in explorer.fig.axes] == surfaces, "nothing re-created"


def test_descent_with_a_huge_learning_rate_says_so_in_plain_words():
    e = mh.descent_explorer(ONE_INPUT, learning_rate=10 ** 1.5, steps=100)
    e.sliders["step"].value = 100
    assert "η is" in e.readout.value and "nan" not in e.readout.value and "inf" not in e.readout.value


@pytest.mark.parametrize("losses,words", [
    ([1.0, 0.8, 0.7, 0.65], "descending"),
    ([1.0, 0.5, 0.5, 0.5], "converged"),
    ([1.0, 0.5, 0.7, 0.4], "overshooting: E went up on 1 of 3"),
    ([1.0, 2.0, 4.0, 8.0], "diverging"),
    ([1.0, 0.9], "too few steps"),
])
def test_descent_status(losses, words):
    assert words in mh.descent_status(losses)


def test_gradient_field_matches_the_gradient_of_the_maths_layer():
    dW, db = mh.gradient_field(ONE_INPUT, np.array([[0.7]]), np.array([[-1.2]]))
    (gW,), gb = mh.cross_entropy_gradient(ONE_INPUT.X, ONE_INPUT.y, np.array([0.7]), -1.2)
    assert dW[0, 0] == pytest.approx(gW) and db[0, 0] == pytest.approx(gb)


def test_training_explorer_ends_near_the_optimum():
    e = BUILDERS["training"]()
    best = mh.gradient_descent(TWO_INPUTS.X, TWO_INPUTS.y, np.zeros(2), 0.0, 1.0, 3000)
    assert e.history.loss[-1] - best.loss[-1] < 1e-3
    assert e.accuracy[-1] > 0.7


def test_gradient_field_of_sse_matches_the_maths_layer():
    dW, db = mh.gradient_field(ONE_INPUT, np.array([-2.5]), np.array([0.4]), loss="sse")
    (gW,), gb = mh.sse_gradient(ONE_INPUT.X, ONE_INPUT.y, np.array([-2.5]), 0.4)
    assert dW[0] == pytest.approx(gW) and db[0] == pytest.approx(gb)


def test_the_static_figure_of_notebook_04_draws_without_warnings():
    canvas = mh.vanishing_gradient_figure(ONE_INPUT).canvas
    canvas.draw()
    assert canvas.figure.axes


def test_from_a_saturated_start_cross_entropy_learns_and_a_larger_eta_takes_sse_farther_from_its_minimum():
    explorer = mh.training_comparison_figure(ONE_INPUT, W0=-6.0, b0=4.0, steps=300)
    eta = explorer.sliders["η"]
    eta.value = 0.5
    assert "cross-entropy E = <b>0.4571</b> per point (minimum 0.4571)" in explorer.readout.value
    assert "<b>8.14</b> from its minimum (start 8.20)" in explorer.readout.value  # SSE: barely nearer
    eta.value = 10 ** 1.0
    assert "<b>8.81</b> from its minimum (start 8.20)" in explorer.readout.value  # SSE: farther away


@pytest.mark.parametrize("ratio", [1, 2])
@pytest.mark.parametrize("name", BUILDERS)
def test_a_blit_leaves_the_pixels_a_full_draw_makes(name, ratio):
    """Restoring only the regions that moved leaves no trace of the old frame: after each slider change the
    canvas holds what drawing the whole figure gives, at device pixel ratios 1 and 2. Two full draws of the
    figure at different slider values differ by up to 2 levels on a few anti-aliased background pixels (as with
    a whole-figure blit); a stale marker or line would differ by far more."""
    explorer = BUILDERS[name]()
    canvas = explorer.fig.canvas
    canvas.handle_event({"type": "set_device_pixel_ratio", "device_pixel_ratio": ratio})
    frames = []
    while len(frames) < 2 or len(frames) < 6 and not np.array_equal(frames[-1], frames[-2]):
        canvas.draw()  # the constrained layout settles over a few full draws
        frames.append(np.asarray(canvas.get_renderer().buffer_rgba()).copy())
    for slider in explorer.sliders.values():
        for value in sweep_values(slider)[::5]:
            slider.value = value
            blitted = np.asarray(canvas.get_renderer().buffer_rgba()).copy()
            canvas.draw()
            full = np.asarray(canvas.get_renderer().buffer_rgba()).astype(int)
            assert np.abs(blitted - full).max() <= 2, f"{slider.description} = {value}: a trace of the old frame"


def test_a_closed_explorer_displays_a_short_note_not_an_error():
    old = mh.prediction_explorer()
    mh.prediction_explorer()  # its cell run again: the old explorer is closed
    data, _ = old._repr_mimebundle_()
    assert data == {"text/plain": "This explorer was closed when its cell ran again: use the newer one."}
