"""A value typed into a slider's readout means what it says (notebook 03's descent explorer, in JupyterLab).

The readout shows "−4.00" with the true minus sign: editing the digit to "−3.00" and pressing Enter moves W0 to −3;
a decimal comma, "0,5" typed into η, is read as 0.5 (the slider's nearest step), never as its minimum.
"""
import re

import pytest

from browser import PANEL, chromium, lab_server, open_notebook, require_browser

require_browser("the typed-value browser test")


@pytest.fixture(scope="module")
def explorer():
    with lab_server() as (base, token, _), chromium() as browser:
        page = open_notebook(browser, base, token, "03_gradient_descent.ipynb")
        try:
            yield page, page.locator(f"{PANEL} .mlmath-explorer").filter(has=page.locator(".mlmath-slider-W0")).first
        finally:
            page.close()


def type_into(page, explorer, css, text):
    """Click the slider's readout, replace its text by `text` as a learner types it, press Enter; (readout, the
    explorer's text below the figure) once the kernel has answered."""
    readout = explorer.locator(f".mlmath-slider-{css} .widget-readout")
    below = explorer.locator(".mlmath-readout")
    before = below.text_content()
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("([e, t]) => e.textContent !== t", arg=[below.element_handle(), before], timeout=15000)
    except Exception:
        pass  # nothing moved: the assertions below say what the readout shows
    return readout.text_content().strip(), below.text_content()


def test_the_minus_sign_the_readout_shows_is_accepted(explorer):
    page, box = explorer
    assert box.locator(".mlmath-slider-W0 .widget-readout").text_content().strip() == "−4.00"
    shown, below = type_into(page, box, "W0", "−3.00")
    assert shown == "−3.00", f"W0 reads {shown} after typing −3.00 and Enter"
    assert re.search(r"\bW = [-−]3\.000\b", below), f"the explorer moved W0 to −3: {below}"


def test_a_decimal_comma_is_a_decimal_point(explorer):
    page, box = explorer
    shown, _ = type_into(page, box, "eta", "0,5")
    # η's slider moves in steps of 0.05 in log10 η: 0.5 lands on 10^−0.30 = 0.501, 0.25 on 10^−0.60 = 0.251
    assert shown == "0.501", f"η reads {shown} after typing 0,5 and Enter (its minimum is 0.0100)"
    shown, below = type_into(page, box, "eta", "0,25")
    assert shown == "0.251" and "η = 0.251" in below
