"""What a displayed figure leaves for readers without a kernel: a PNG of the figure as first drawn and a one-sentence
description (text/plain, and the picture's alt text), beside the live widget view; and `StaticFigure`, a figure
drawn once."""
import base64
import html
import io

import numpy as np

from _mlmath._mpl_private import draw_without_sending


def num(value, digits=2):
    """`value` with a fixed number of decimals and a true minus sign (−), never "−0.00"."""
    text = f"{value:.{digits}f}"
    return text.lstrip("-") if float(text) == 0 else text.replace("-", "−")


class StaticFigure:
    """A figure drawn once, with no sliders (notebook 01 "The sigmoid", notebook 04): `fig`, its ipympl
    `canvas`, and `description`, one sentence saying what it shows. A cell ending with it shows the live
    canvas in JupyterLab, and the picture with the description elsewhere (see `figure_bundle`)."""

    def __init__(self, fig, description):
        self.fig, self.canvas, self.description = fig, fig.canvas, description

    def _repr_mimebundle_(self, **kwargs):
        return figure_bundle(self.canvas, self.fig, self.description)


def snapshot_png(canvas):
    """PNG bytes of what `canvas` last drew, (h, w) pixels in 256 colours: about a third of the bytes
    of full colour and no visible difference on these figures, so the stored notebooks stay small."""
    from PIL import Image
    rgb = Image.fromarray(np.asarray(canvas.get_renderer().buffer_rgba())).convert("RGB")  # (h, w, 3)
    buffer = io.BytesIO()
    rgb.quantize(256).save(buffer, format="png")
    return buffer.getvalue()


def figure_bundle(widget, fig, description, note=None):
    """The outputs of a displayed figure, for every place a notebook is read (the design's "Where learners
    meet the notebooks"): the widget view (JupyterLab), a PNG of the figure as first drawn (image/png, and
    text/html as an <img> whose alt is the description, which nbconvert's HTML and nbviewer show), and the
    description as text/plain (screen readers, plain-text front-ends, nbval). `note` names the controls of
    an explorer: the HTML then says the figure is interactive in JupyterLab. Draws the figure once, in full.
    Returns (data, metadata) as IPython's `_repr_mimebundle_` does.
    """
    import ipywidgets as widgets
    # The first full draw, on the canvas's own renderer (an explorer keeps its background from it), sending the
    # browser nothing (see `draw_without_sending`).
    draw_without_sending(fig.canvas)
    png = base64.b64encode(snapshot_png(fig.canvas)).decode("ascii")
    ratio = getattr(fig.canvas, "device_pixel_ratio", 1) or 1
    width, height = (round(v * fig.dpi / ratio) for v in fig.get_size_inches())  # CSS pixels
    data = widgets.Widget._repr_mimebundle_(widget)  # the widget view alone, without ipympl's own snapshot
    lead = "" if note is None else (
        f'<p class="mlmath-static-note"><em>Interactive when run in JupyterLab:</em> run the notebook to move '
        f"{html.escape(note)}. Shown here: the figure as first drawn.</p>\n")
    data.update({
        "text/plain": description,
        "image/png": png,
        "text/html": f'<div class="mlmath-static">\n{lead}<img src="data:image/png;base64,{png}" '
                     f'alt="{html.escape(description)}" width="{width}" height="{height}">\n</div>',
    })
    fig._mlmath_picture = png  # so that a re-run can take it out of IPython's output history (`close_figure`)
    return data, {"image/png": {"alt": description, "width": width, "height": height}}
