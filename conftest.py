"""pytest setup shared by tests/ and nbval on notebooks/."""


def pytest_collectstart(collector):
    # ipympl stores a PNG snapshot as text/html beside each canvas: pixels, not something to diff.
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("text/html", "application/javascript")
