"""ipywidgets' and IPython's private internals, all of them, in one place (written against ipywidgets 8.1.9 and
IPython 9.18.1, the pins of requirements.txt; tests/test_private_internals.py fails when what is used here changes).

- `links_between`: the `jslink`s between given widgets, found in ipywidgets' registry of live widgets
  (`Widget._instances`), so that closing an explorer closes its links too.
- `forget_picture`: a closed figure's picture taken out of the output bundles IPython 9 keeps for every execution
  (`history_manager.outputs`), so that a re-run does not keep the old one.
"""
PINS = {"ipywidgets": "8.1.9", "ipython": "9.18.1"}


def links_between(widget_ids):
    """The live `jslink`/`link` widgets whose source or target is one of the widgets whose id() is in `widget_ids`."""
    from ipywidgets.widgets.widget import _instances
    from ipywidgets.widgets.widget_link import Link
    return [w for w in list(_instances.values()) if isinstance(w, Link)
            and (id(w.source[0]) in widget_ids or id(w.target[0]) in widget_ids)]


def forget_picture(png):
    """Take a closed figure's picture (image/png, and the text/html holding it) out of IPython's output history."""
    try:
        from IPython import get_ipython
        history = get_ipython().history_manager.outputs
    except Exception:  # not in IPython, or an IPython that keeps no outputs
        return
    if png is None:  # never displayed: no bundle holds it (and a stream's bundle has no image/png to compare)
        return
    for outputs in history.values():
        for output in outputs:
            bundle = getattr(output, "bundle", None)
            if isinstance(bundle, dict) and bundle.get("image/png") is png:
                bundle.pop("image/png", None)
                bundle.pop("text/html", None)
