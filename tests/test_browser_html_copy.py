"""`python3 tasks.py html`: a static copy of every notebook that shows every figure without a kernel.

Opened in headless Chromium with every request to another host refused, as on a machine without a network: every
formula is typeset by the copy's own MathJax (dist/html/mathjax/, from the pinned jupyter-server-mathjax); every figure is an <img> that loaded, with the figure's description as its alt text; each explorer says it is
interactive in JupyterLab; no widget repr, "Loading widget" or error text; links between notebooks lead to pages.
"""
import json
import subprocess
import sys

import pytest

from browser import ROOT, chromium, require_browser

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIGURED = [n for n in NOTEBOOKS if not n.name.startswith("00_")]  # 00, the notation card, has no figure
OUT = ROOT / "dist" / "html"
NOT_SHOWN = ["VBox(", "HBox(", "Canvas(", "FloatSlider(", "Loading widget", "Error displaying widget", "model_id",
             "No description has been provided"]

require_browser("the HTML copy's tests")


def figures(notebook):
    """(description, is an explorer) of every figure the notebook displays, from its stored outputs."""
    found = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                found.append(("".join(data["text/plain"]), "mlmath-static-note" in "".join(data["text/html"])))
    return found


@pytest.fixture(scope="module")
def copy():
    done = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "html"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    with chromium() as browser:
        yield browser


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("notebook", FIGURED, ids=[n.stem for n in FIGURED])
def test_every_figure_is_a_picture_with_its_description(copy, notebook):
    page = open_page(copy, OUT / f"{notebook.stem}.html")
    try:
        expected = figures(notebook)
        assert expected, "the notebook displays figures"
        images = page.eval_on_selector_all(
            "img", "es => es.map(e => ({alt: e.getAttribute('alt'), width: e.naturalWidth, complete: e.complete}))")
        assert [i["alt"] for i in images] == [description for description, _ in expected], "alt = description"
        assert all(i["complete"] and i["width"] > 100 for i in images), "every picture loaded"
        assert all(len(i["alt"]) > 60 for i in images), "a real alt text, a sentence"
        notes = page.locator(".mlmath-static-note")
        # each explorer's picture carries a note; a notebook of figures drawn once (05) has none
        assert notes.count() == sum(explorer for _, explorer in expected)
        assert notes.count() > 0 or "_explorer(" not in notebook.read_text(encoding="utf-8")
        assert all("Interactive when run in JupyterLab" in t for t in notes.all_text_contents())
        text = page.locator("body").text_content()
        assert not [s for s in NOT_SHOWN if s in text], "no widget repr, no loading or error text"
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        page.locator("img").first.scroll_into_view_if_needed()
        page.screenshot(path=str(ROOT / "test-artifacts" / f"html-{notebook.stem}.png"))
    finally:
        page.close()


def test_links_between_notebooks_lead_to_the_pages(copy):
    page = open_page(copy, OUT / "index.html")
    try:
        assert [a for a in page.eval_on_selector_all("a", "es => es.map(e => e.getAttribute('href'))")] == [
            f"{n.stem}.html" for n in NOTEBOOKS]
        page.click("text=01 · Prediction")
        page.wait_for_url("**/01_prediction.html")
        for notebook in NOTEBOOKS:
            page.goto((OUT / f"{notebook.stem}.html").as_uri())
            hrefs = page.eval_on_selector_all("a[href]", "es => es.map(e => e.getAttribute('href'))")
            assert not [h for h in hrefs if ".ipynb" in h], "links to notebooks are rewritten to pages"
            local = [h for h in hrefs if h.endswith(".html")]
            assert local and all((OUT / h).exists() for h in local), "the next notebook's page is there"
    finally:
        page.close()


# Every rendered formula is a MathJax output element; the TeX source stays only in MathJax's own <script> elements.
TYPESET = """async () => {
  if (!(window.MathJax && MathJax.Hub)) return null;
  await new Promise(done => MathJax.Hub.Queue(done));
  const prose = [...document.querySelectorAll('.jp-MarkdownOutput')].map(e => e.innerText).join('\\n');
  return {formulas: document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_SVG').length,
          errors: document.querySelectorAll('.MathJax_Error, merror').length,
          raw: ['$$', '\\\\frac', '\\\\sigma', '\\\\hat'].filter(s => prose.includes(s))};
}"""


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_formulas_are_typeset_without_a_network(copy, notebook):
    page = open_page(copy, OUT / f"{notebook.stem}.html")
    try:
        loaded = page.evaluate("() => new Promise(done => { const t0 = performance.now(); (function wait() { "
                               "if (window.MathJax && MathJax.isReady) done(true); else if (performance.now() - t0 > 20000) "
                               "done(false); else setTimeout(wait, 100); })(); })")
        assert loaded, "MathJax loaded from the copy itself within 20 s"
        result = page.evaluate(TYPESET)
        assert result["formulas"] > 5, "the notebook's formulas are MathJax output"
        assert result["errors"] == 0, "MathJax typeset every formula without an error"
        assert not result["raw"], f"no LaTeX source left in the prose: {result['raw']}"
    finally:
        page.close()
