"""pytest setup shared by tests/ and nbval on notebooks/."""


def pytest_collectstart(collector):
    # A displayed figure stores its PNG snapshot as text/html too (an <img> with alt text): pixels, not to diff.
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("text/html", "application/javascript")
        # A displayed figure's PNG is pixels and its widget view a random model id (nbval skips both by default;
        # said here so it stays so); its text/plain, the figure's description, is compared.
        collector.skip_compare += ("image/png", "application/vnd.jupyter.widget-view+json")
