"""Every notebook in JupyterLab in headless Chromium: it runs clean, and every slider repaints its figure.

Skipped with a one-line reason when Chromium is missing, except under CI=true, where it must run.
Screenshots go to test-artifacts/.
"""
from pathlib import Path

import pytest

from browser import (PANEL, REPAINTS, ROOT, chromium, lab_server, open_notebook, press_arrow_key, repaints,
                     require_browser)

# 00, the notation card, is markdown alone: no figure to run or move
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb") if not p.name.startswith("00_"))
ARTIFACTS = ROOT / "test-artifacts"

require_browser("browser tests")


@pytest.fixture(scope="module")
def lab():
    with lab_server() as server, chromium() as browser:
        yield browser, server


def wait_for_repaint(page, element, before, what):
    try:
        page.wait_for_function(f"([e, n]) => ({REPAINTS})(e) > n", arg=[element, before], timeout=15000,
                               polling="raf")
    except Exception as error:
        raise AssertionError(f"no repaint within 15 s after {what}") from error


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_and_every_slider_repaints(lab, notebook):
    browser, (base, token, notebooks) = lab
    page = open_notebook(browser, base, token, notebook)
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    try:
        panel = page.locator(PANEL)
        explorers = panel.locator(".mlmath-explorer")
        # a notebook whose figures are all drawn once (05) has no explorer: its figures' canvases show instead
        figures = explorers if "_explorer(" in (ROOT / "notebooks" / notebook).read_text() else \
            panel.locator(".jupyter-matplotlib-canvas-div")
        figures.first.locator("canvas").first.wait_for(timeout=30000)
        page.wait_for_function(f"es => es.every(e => ({REPAINTS})(e) > 0)", arg=figures.element_handles(),
                               timeout=30000)  # every figure's first frame
        text = panel.text_content()  # all text, drawn or not (off-screen cells are skipped by innerText)
        assert "Error displaying widget" not in text
        assert panel.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count() == 0, "stderr or error"
        assert panel.locator(".jp-mod-error, .jp-RenderedText[data-mime-type*='error']").count() == 0

        sliders = panel.locator(".widget-slider")
        assert sliders.count() == panel.locator(".mlmath-explorer .widget-slider").count()
        assert sliders.count() > 0 or figures is not explorers
        for i in range(explorers.count()):
            explorer = explorers.nth(i)
            element = explorer.element_handle()
            for j in range(explorer.locator(".widget-slider").count()):
                slider = explorer.locator(".widget-slider").nth(j)
                name = f"explorer {i + 1}, slider {slider.locator('.widget-label').text_content()!r}"
                handle = slider.locator(".noUi-handle")
                handle.scroll_into_view_if_needed()

                before = repaints(element)
                press_arrow_key(page, handle, name)
                wait_for_repaint(page, element, before, f"an arrow key on {name}")

                before = repaints(element)
                box = handle.bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.mouse.down()
                page.mouse.move(box["x"] - 30, box["y"] + box["height"] / 2, steps=5)
                page.mouse.up()
                wait_for_repaint(page, element, before, f"a mouse drag on {name}")
        assert "Error displaying widget" not in panel.text_content()
        ARTIFACTS.mkdir(exist_ok=True)  # the last figure after its sliders moved: blitted frames as seen
        figures.last.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"{Path(notebook).stem}.png"))
    except Exception as error:  # what a maintainer needs to see why: the page, its console, the kernels' log
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{Path(notebook).stem}-failed.png"))
        log = (notebooks.parent.parent / "lab.log").read_text(errors="replace")[-4000:]
        raise AssertionError(f"{error}\n--- browser console ---\n" + "\n".join(console[-30:])
                             + f"\n--- JupyterLab log ---\n{log}") from error
    finally:
        page.close()
