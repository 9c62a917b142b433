"""Every interactive figure, driven headless: each slider swept over its whole range and its ends.

The spec: a slider change moves some artist (lines, points, images, text), updates the readout,
re-creates nothing, and raises no exception or warning (pytest turns warnings into errors).
"""
import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlmath_helpers as mh

BUILDERS = {
    "prediction": lambda: mh.prediction_explorer(),
    "decision": lambda: mh.decision_explorer(mh.make_data([2.0, -1.5], 0.5, m=60, seed=1, spread=1.2)),
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
    """The whole range in 20 steps, then the ends and zero, each reached from a different value."""
    values = list(np.linspace(slider.min, slider.max, 21))
    values += [slider.max, slider.min, 0.0 if slider.min < 0 < slider.max else slider.min, slider.max]
    return [round(v / slider.step) * slider.step for v in values]


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
        assert f"mlmath-slider-{label}" in slider._dom_classes


def test_prediction_explorer_handles_w_zero():
    e = mh.prediction_explorer(W=0.0, x=1.0, b=2.0)
    assert "with W = 0" in e.readout.value
    np.testing.assert_allclose(e.fig.axes[0].lines[0].get_ydata(), mh.sigmoid(2.0))


def test_decision_explorer_counts_correct_points():
    data = mh.make_data([2.0, -1.5], 0.5, m=60, seed=1, spread=1.2)
    e = mh.decision_explorer(data, w1=2.0, w2=-1.5, b=0.5)
    correct = int(np.sum(((data.X @ np.array([2.0, -1.5]) + 0.5) > 0) == (data.y == 1)))
    assert f"{correct} of 60" in e.readout.value


def test_decision_explorer_rejects_data_that_is_not_two_inputs():
    with pytest.raises(ValueError, match="^data: expected X of shape"):
        mh.decision_explorer(mh.make_data([1.0, 2.0, 3.0], 0.0))
