"""Accessibility of the notebooks as learners run them in JupyterLab (headless Chromium, after Run All).

axe-core (bundled by the pinned axe-playwright-python) checks the outputs of our cells: no serious or critical
violation. (ipywidgets 8 leaves slider handles and Play buttons unnamed; each explorer's small anywidget names
them, and the test says so by name.) Every slider handle and Play button is reached with Tab and works from the
keyboard.
"""

import pytest

from browser import PANEL, REPAINTS, ROOT, chromium, lab_server, open_notebook, press_arrow_key, require_browser

# 00, the notation card, is markdown alone: no figure to run or move
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb") if not p.name.startswith("00_"))
OUTPUTS = f"{PANEL} .jp-OutputArea-output"

require_browser("accessibility tests")


@pytest.fixture(scope="module")
def lab():
    with lab_server() as server, chromium() as browser:
        yield browser, server


@pytest.fixture(scope="module", params=NOTEBOOKS)
def notebook_page(lab, request):
    """Each notebook opened and run once, for both tests (a second Run All would reuse its kernel session)."""
    browser, (base, token, _) = lab
    page = open_notebook(browser, base, token, request.param)
    # a notebook whose figures are all drawn once (05) has no explorer: its figures' canvases show instead
    figures = page.locator(PANEL).locator(".mlmath-explorer" if has_explorers(request.param)
                                          else ".jupyter-matplotlib-canvas-div")
    figures.first.locator("canvas").first.wait_for(timeout=30000)
    page.wait_for_function(f"es => es.every(e => ({REPAINTS})(e) > 0)", arg=figures.element_handles(),
                           timeout=30000)
    page.mlmath_notebook = request.param
    yield page
    page.close()


def has_explorers(notebook):
    return "_explorer(" in (ROOT / "notebooks" / notebook).read_text(encoding="utf-8")


def require_explorers(page):
    if not has_explorers(page.mlmath_notebook):
        pytest.skip(f"{page.mlmath_notebook} has no explorer: its figures are drawn once, with no slider to reach")


def serious_violations(page):
    """axe-core's serious and critical violations in our cells' outputs."""
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page, context={"include": [[OUTPUTS]]}, options={"resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        for node in violation["nodes"]:
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['html'][:120]}")
    return found


def test_axe_finds_no_serious_violation_in_our_outputs(notebook_page):
    assert serious_violations(notebook_page) == []


def test_a_screen_reader_hears_names_values_as_shown_and_the_readout(notebook_page):
    require_explorers(notebook_page)
    explorers = notebook_page.evaluate(f"""() => [...document.querySelectorAll('{PANEL} .mlmath-explorer')].map(e => ({{
        sliders: [...e.querySelectorAll('.widget-slider')].map(s => [
            s.querySelector('.widget-label').textContent, s.querySelector('.noUi-handle').getAttribute('aria-label'),
            s.querySelector('.widget-readout').textContent.trim(),
            s.querySelector('.noUi-handle').getAttribute('aria-valuetext')]),
        buttons: [...e.querySelectorAll('.widget-play button')].map(b => b.getAttribute('aria-label')),
        figure: e.querySelector('.jupyter-matplotlib-canvas-div').getAttribute('aria-label'),
        live: e.querySelector('.mlmath-readout').getAttribute('aria-live')}}))""")
    assert explorers
    for explorer in explorers:
        for label, name, readout, value in explorer["sliders"]:
            assert name == label and value == readout, explorer["sliders"]  # "η, 0.501", not "η, -0.3000000004"
        assert set(explorer["buttons"]) <= {"play", "pause", "stop and go back to step 0", "repeat"}
        assert None not in explorer["buttons"]
        assert explorer["figure"].endswith("an interactive figure; the text below it says what it shows now")
        assert explorer["live"] == "polite"


def tab_order(page, explorer, presses=40):
    """The explorer's controls in the order Tab reaches them, starting from the element before its first slider;
    fails if Tab cannot leave the explorer (ipympl's canvas keeps every key unless the explorer lets Tab go)."""
    first = explorer.locator(".noUi-handle").first
    first.focus()
    page.keyboard.press("Shift+Tab")
    assert not first.evaluate("e => e === document.activeElement"), "Shift+Tab leaves the first slider"
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        key = explorer.evaluate("""(explorer) => {
          const e = document.activeElement;
          if (!explorer.contains(e)) return null;
          if (e.classList.contains('noUi-handle')) return 'slider ' + e.closest('.widget-slider')
              .querySelector('.widget-label').textContent;
          if (e.closest('.widget-play')) return 'play ' + [...e.parentElement.children].indexOf(e);
          return 'other';
        }""")
        if key is None and reached:
            return reached  # Tab has left the explorer
        if key and key != "other":
            reached.append(key)
    raise AssertionError(f"Tab stayed inside the explorer after {presses} presses (reached {reached})")


def test_every_slider_and_play_button_is_reached_with_tab_and_works_from_the_keyboard(notebook_page):
    require_explorers(notebook_page)
    page = notebook_page
    explorers = page.locator(PANEL).locator(".mlmath-explorer")
    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        labels = explorer.locator(".widget-slider .widget-label").all_text_contents()
        plays = explorer.locator(".widget-play button").count()
        reached = tab_order(page, explorer)
        expected = [f"slider {label}" for label in labels] + [f"play {k}" for k in range(plays)]
        assert reached == expected, f"explorer {i + 1}: Tab reached {reached}, in this order"

        for j, label in enumerate(labels):  # each slider moves with the arrow keys
            press_arrow_key(page, explorer.locator(".widget-slider").nth(j).locator(".noUi-handle"),
                                f"explorer {i + 1}, slider {label}")
        if plays:  # Enter on the Play button plays the steps; Space on stop stops them and goes back to step 0
            step = explorer.locator(".mlmath-slider-step .noUi-handle")
            buttons = explorer.locator(".widget-play button")
            buttons.nth(0).focus()
            page.keyboard.press("Enter")
            page.wait_for_function("h => Number(h.getAttribute('aria-valuenow')) >= 2", arg=step.element_handle(),
                                   timeout=10000)
            buttons.nth(1).focus()
            page.keyboard.press("Space")
            page.wait_for_function("h => Number(h.getAttribute('aria-valuenow')) === 0", arg=step.element_handle(),
                                   timeout=5000)
            page.wait_for_timeout(500)
            assert step.get_attribute("aria-valuenow") in ("0", "0.0"), "stopped"
