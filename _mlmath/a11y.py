"""Accessibility of the live view: an anywidget whose browser side (a11y.js) names each explorer's controls for
screen readers, announces its readout and lets Tab leave the figure."""
from pathlib import Path

_WIDGET = {}


def accessible_names():
    """An empty widget whose browser side makes the explorer it sits in usable by screen reader and keyboard
    (see a11y.js); its `figure` is the figure's accessible name."""
    if "class" not in _WIDGET:
        import anywidget
        import traitlets
        esm = Path(__file__).with_name("a11y.js").read_text(encoding="utf-8")
        _WIDGET["class"] = type("AccessibleNames", (anywidget.AnyWidget,),
                                {"_esm": esm, "figure": traitlets.Unicode().tag(sync=True)})
    return _WIDGET["class"]()
