"""The machinery behind mlmath_helpers, which a learner need not read. Notebooks reach all of it as `mh.<name>`.

    figures.py         one builder per figure, in notebook order (add a figure here)
    style.mplstyle     line widths, font sizes, the Okabe-Ito palette of every figure
    explorer.py        the Explorer: sliders that move data, blitting, closing on re-run; figure(), slider()
    pictures.py        what a figure leaves without a kernel: a PNG and a one-sentence description
    a11y.py, a11y.js   names for screen readers and Tab out of the figure, in the page (an anywidget)
    harness.py         the check harness: run the learner's function safely, answer in one line; CheckResult
    checks_01.py …     each notebook's exercises: per exercise its mistakes, exception causes, check and probes
                       (add an exercise here)
    _mpl_private.py    every use of matplotlib's and ipympl's private internals (the frame encoder)
    _kernel_private.py every use of ipywidgets' and IPython's private internals (closing on re-run)

_mlmath imports mlmath_helpers, never the reverse.
"""
