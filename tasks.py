"""The project's two commands; needs nothing but Python 3.11+.

    python3 tasks.py lab    set up .venv from requirements.txt if needed, open JupyterLab on notebooks/
    python3 tasks.py test   set up .venv with requirements-test.txt too, run every test (extra args go to pytest)
    python3 tasks.py html   set up .venv if needed, write a static HTML copy of every notebook into dist/html/

A plain script rather than a Makefile so the same command works wherever Python does (Windows included).
The environment is rebuilt when a requirements file changes (a hash of them is kept in .venv).
"""
import hashlib
import html as html_text
import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_env(requirements):
    """Create .venv and install `requirements` unless the same files are already installed."""
    files = [ROOT / "requirements.txt", ROOT / requirements]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{Path(requirements).stem}"
    if stamp.exists() and stamp.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        print(f"Creating {VENV.name} ...", flush=True)
        venv.create(VENV, with_pip=True)
    print(f"Installing {requirements} into {VENV.name} (first time only) ...", flush=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", ROOT / requirements],
                   check=True)
    stamp.write_text(digest)


def lab(args):
    ensure_env("requirements.txt")
    cmd = [PYTHON, "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # a container or VM where you are root; the token stays on
    return subprocess.call(cmd + args)


def test(args):
    ensure_env("requirements-test.txt")
    return subprocess.call([PYTHON, "-m", "pytest", *args], cwd=ROOT)


def html(args):
    """A static HTML copy of the committed notebooks in dist/html/, one page each and an index.html: every
    figure is its stored picture with its description as alt text, links between notebooks point to the pages.
    nbconvert does the work; this renames the links (.ipynb -> .html) and gives each page its notebook's title."""
    ensure_env("requirements.txt")
    out = ROOT / "dist" / "html"
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    code = subprocess.call([PYTHON, "-m", "jupyter", "nbconvert", "--to", "html", "--log-level=WARN",
                            f"--output-dir={out}", *notebooks, *args])
    if code:
        return code
    items = []
    for notebook in notebooks:
        heading = "".join(json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"]).splitlines()[0]
        title = html_text.escape(heading.lstrip("# ").split(":")[0])  # "01 · Prediction"
        page = out / f"{notebook.stem}.html"
        text = re.sub(r'href="([\w.-]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', page.read_text(encoding="utf-8"))
        page.write_text(text.replace(f"<title>{notebook.stem}</title>", f"<title>{title}</title>", 1), encoding="utf-8")
        items.append(f'<li><a href="{page.name}">{title}</a></li>')
    (out / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>mlmath notebooks</title></head>\n'
        "<body>\n<h1>mlmath: the foundational mathematics of machine learning</h1>\n<p>A static copy: the figures "
        "as first drawn. Run the notebooks in JupyterLab to move their sliders.</p>\n<ul>\n" + "\n".join(items)
        + "\n</ul>\n</body>\n</html>\n", encoding="utf-8")
    print(f"Wrote {len(notebooks)} notebook pages and index.html to {out.relative_to(ROOT)}{os.sep}")
    return 0


if __name__ == "__main__":
    commands = {"lab": lab, "test": test, "html": html}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
