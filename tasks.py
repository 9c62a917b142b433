"""The project's commands: the README's two (lab, test), and learner, html, execute and hub; needs only Python 3.11+.

    python3 tasks.py lab    set up .venv from requirements.txt if needed, open JupyterLab on notebooks/
    python3 tasks.py test   set up .venv with requirements-test.txt too, run every test (extra args go to pytest)
    python3 tasks.py learner  write the learner edition, the notebooks without their solutions, to dist/learner/
    python3 tasks.py html   set up .venv if needed, write a static HTML copy of every notebook into dist/html/
                            (--learner: dist/html-learner/, without the solutions)
    python3 tasks.py execute [notebook ...]  re-execute notebooks in place, as they are committed (all by default)
    python3 tasks.py hub --learners N  rehearse a class of N on a real JupyterHub on this machine and size it
                            (requirements-hub.txt on top, and the hub's proxy from npm into .hub/; Linux)

A plain script rather than a Makefile so the same command works wherever Python does (Windows included).
The environment is rebuilt when a requirements file changes (a hash of them is kept in .venv).
MLMATH_VENV=<folder> keeps the environment there instead of in .venv (.ci/run uses it for a second Python).
Every failure of the setup is answered in words with a non-zero exit, never a traceback; this file uses no
syntax newer than Python 3.6, so an older Python gets that answer too rather than a SyntaxError.
"""
import hashlib
import html as html_text
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

MINIMUM_PYTHON = (3, 11)
ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("MLMATH_VENV") or ROOT / ".venv")
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
SUPPORTED = ("Linux x86_64 or aarch64 with glibc 2.28 or newer, macOS 11 or newer, Windows x86_64; "
             "Python 3.11 to 3.14 (README.md, 'Where it runs')")


class SetupError(Exception):
    """A failure told in words: printed without a traceback, and the command exits with status 1."""


def check_python(version_info=None):
    """Raise SetupError naming the Python found and the one needed, if it is older than MINIMUM_PYTHON."""
    found = tuple((version_info or sys.version_info)[:3])
    if found[:2] < MINIMUM_PYTHON:
        raise SetupError(
            "Python {}.{}.{} found; these notebooks need {}.{} or newer: install Python 3.11 to 3.14 (python.org, "
            "or your system's packages) and run this command with it, e.g. python3.12 tasks.py lab".format(
                *(found + MINIMUM_PYTHON)))


def last_error_line(text):
    """pip's last 'ERROR:' line in `text`, else its last non-empty line."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    return (errors or lines or ["(no message)"])[-1]


def requirements_digest(requirements):
    """A hash of requirements.txt, `requirements` and the files it includes (-r): the environment is reinstalled
    when one changes."""
    files, todo = [ROOT / "requirements.txt"], [ROOT / requirements]
    while todo:
        f = todo.pop(0)
        if not f.exists():
            raise SetupError("{} is missing: this command needs the whole repository (a learner edition has "
                             "`lab` and `html` only); get it with git clone.".format(f.name))
        if f not in files:
            files.append(f)
        todo += [f.parent / line.split(None, 1)[1].strip() for line in f.read_text().splitlines()
                 if line.startswith("-r ") and f.parent / line.split(None, 1)[1].strip() not in files]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()


def create_venv():
    """Make the environment with pip in it, or raise SetupError saying how to get venv and ensurepip."""
    hint = ("On Debian or Ubuntu: sudo apt install python3-venv (python3.X-venv for another python3.X); "
            "Python from python.org includes both.")
    if importlib.util.find_spec("venv") is None or importlib.util.find_spec("ensurepip") is None:
        raise SetupError("This Python ({}) has no venv/ensurepip module, which tasks.py needs to make {}. {}".format(
            sys.executable, VENV, hint))
    import venv
    print("Creating {} ...".format(VENV), flush=True)
    try:
        venv.create(str(VENV), with_pip=True)
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(str(VENV), ignore_errors=True)  # half made: the next run must start afresh
        output = getattr(error, "output", None)
        if isinstance(output, bytes):
            output = output.decode(errors="replace")
        raise SetupError("Could not create {} with venv and ensurepip: {}\n{}".format(
            VENV, last_error_line(output or str(error)), hint))


def install(requirements):
    """pip install -r `requirements` into the environment, or raise SetupError with pip's last error line."""
    print("Installing {} into {} (the first time, and after a requirements file changes) ...".format(
        requirements, VENV), flush=True)
    command = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", str(ROOT / requirements)]
    try:
        result = subprocess.run(command, stderr=subprocess.PIPE, universal_newlines=True)
    except OSError as error:
        result = subprocess.CompletedProcess(command, 1, stderr=str(error))
    sys.stderr.write(result.stderr)  # pip's own messages, warnings included, as pip printed them
    if result.returncode != 0:
        raise SetupError(
            "pip could not install {} into {}:\n    {}\n"
            "What to try: check the internet connection (pip downloads from pypi.org) and run the command again; "
            "if pip mentions building a wheel or finds no matching distribution, this machine may be outside the "
            "supported set ({}); if the environment is damaged, delete {} and run the command again.".format(
                requirements, VENV, last_error_line(result.stderr), SUPPORTED, VENV))


def ensure_env(requirements):
    """Create the environment and install `requirements` unless the same files are already installed."""
    digest = requirements_digest(requirements)
    stamp = VENV / ".installed-{}".format(Path(requirements).stem)
    if stamp.exists() and stamp.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        create_venv()
    install(requirements)
    stamp.write_text(digest)


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def keep_pictures_on_save(model, **_):
    """JupyterLab's pre-save hook (SERVER_OPTIONS): of every output that carries a picture beside a widget view (each
    figure of the notebooks), save the picture and its description, not the view. A widget's model lives in the
    kernel and dies with it; JupyterLab trusts the notebooks it saves and, for a trusted output, prefers the widget
    view to the picture, so a reopened notebook showed "Error displaying widget: model not found" for every figure.
    Saved this way it shows the pictures, as GitHub and the HTML copy do, until it runs again."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    for cell in model["content"].get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            if WIDGET_VIEW in data and "image/png" in data:
                del data[WIDGET_VIEW]


# JupyterLab as the notebooks need it: the pre-save hook above (importable as `tasks`: lab_env() puts this folder on
# the server's path), and the server on 127.0.0.1 with its token.
SERVER_OPTIONS = ["--ServerApp.ip=127.0.0.1", "--ContentsManager.pre_save_hook=tasks.keep_pictures_on_save"]


def lab_env(environ=None):
    """`environ` (os.environ by default) with this folder first on PYTHONPATH, so the server imports the hook."""
    environ = dict(os.environ if environ is None else environ)
    environ["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in [environ.get("PYTHONPATH")] if p])
    return environ


def lab(args):
    ensure_env("requirements.txt")
    cmd = [str(PYTHON), "-m", "jupyter", "lab"] + SERVER_OPTIONS + [
        "--ServerApp.root_dir={}".format(ROOT / "notebooks")]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # a container or VM where you are root; the token stays on
    # Ctrl-C is JupyterLab's own to answer; a Python handler, unlike SIG_IGN, is not inherited by JupyterLab
    interrupt = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        code = subprocess.call(cmd + args, env=lab_env())
    except OSError as error:
        code, detail = 1, str(error)
    else:
        detail = "its own messages are above"
    finally:
        signal.signal(signal.SIGINT, interrupt)
    if code not in (0, 130, -2):  # 130 and -2: stopped with Ctrl-C
        raise SetupError(
            "JupyterLab did not start, or stopped with an error (exit status {}); {}.\n"
            "What to try: run the command again; if it says a module is missing or cannot be imported, delete {} "
            "and run the command again to reinstall; if port 8888 is taken JupyterLab picks another, so use the "
            "http://127.0.0.1:... address it prints.".format(code, detail, VENV))
    return 0


def test(args):
    ensure_env("requirements-test.txt")
    return subprocess.call([str(PYTHON), "-m", "pytest"] + list(args), cwd=str(ROOT))


LEARNER = ROOT / "dist" / "learner"
# What a class needs beside the notebooks to run them: the helper and its _mlmath/ package, the pins and the `lab`
# command, and notebooks/data/ (notebook 05's penguins); its README is docs/learner-README.md.
HANDOUT = ["mlmath_helpers.py", "_mlmath", "requirements.txt", "runtime.txt", "tasks.py", ".gitignore",
           "notebooks/data"]


def write_learner_edition(python, out=LEARNER):
    """`out` (dist/learner/, rewritten): the notebooks with every cell tagged `solution` removed by nbconvert's
    TagRemovePreprocessor, all else (teaching text, explorers, scaffolds, checks, outputs) as it is."""
    shutil.rmtree(str(out), ignore_errors=True)
    out.mkdir(parents=True)
    for name in HANDOUT:
        if (ROOT / name).is_dir():
            shutil.copytree(str(ROOT / name), str(out / name), ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(str(ROOT / name), str(out / name))
    shutil.copy2(str(ROOT / "docs" / "learner-README.md"), str(out / "README.md"))
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    return subprocess.call([python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--log-level=WARN",
                            "--TagRemovePreprocessor.enabled=True", "--TagRemovePreprocessor.remove_cell_tags=solution",
                            "--output-dir", str(out / "notebooks")] + [str(nb) for nb in notebooks])


def learner(args):
    if not (ROOT / "docs" / "learner-README.md").exists():
        raise SetupError("This folder is a learner edition already; `learner` needs the whole repository "
                         "(git clone).")
    ensure_env("requirements.txt")
    code = write_learner_edition(str(PYTHON))
    if code != 0:
        raise SetupError("nbconvert could not write the learner edition (exit status {}); its messages are above."
                         .format(code))
    print("The learner edition is in {}: hand out that folder (README.md, 'Handing the notebooks to a class')."
          .format(LEARNER))
    return 0


# The HTML copy typesets its formulas offline with its own MathJax 2.7, the copy the pinned jupyter-server-mathjax
# wheel ships; it has the STIX-Web fonts only, so the local config (the classic Notebook's own settings) picks them.
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe,local/mlmath"
MATHJAX_LOCAL_CONFIG = """MathJax.Hub.Config({
  "HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web", imageFont: null},
  SVG: {font: "STIX-Web"}
});
MathJax.Ajax.loadComplete("[MathJax]/config/local/mlmath.js");
"""


def copy_mathjax(target):
    """Copy the MathJax that jupyter-server-mathjax installs into the environment to `target`, with its config."""
    where = subprocess.run([str(PYTHON), "-c", "import jupyter_server_mathjax, os; "
                            "print(os.path.join(os.path.dirname(jupyter_server_mathjax.__file__), 'static'))"],
                           stdout=subprocess.PIPE, universal_newlines=True)
    source = Path(where.stdout.strip())
    if where.returncode != 0 or not (source / "MathJax.js").exists():
        raise SetupError("MathJax (the jupyter-server-mathjax package) is missing from {}: delete that folder and "
                         "run the command again to reinstall it.".format(VENV))
    shutil.copytree(str(source), str(target))
    (target / "config" / "local").mkdir(parents=True, exist_ok=True)
    (target / "config" / "local" / "mlmath.js").write_text(MATHJAX_LOCAL_CONFIG, encoding="utf-8")


def html(args):
    """A static HTML copy of the committed notebooks in dist/html/, one page each and an index.html: every
    figure is its stored picture with its description as alt text, links between notebooks point to the pages.
    nbconvert does the work; this renames the links (.ipynb -> .html), gives each page its notebook's title and
    puts MathJax beside the pages (dist/html/mathjax/), so the formulas are typeset without a network.
    With --learner, in dist/html-learner/, the pages are the learner edition's: cells tagged `solution` are left out."""
    ensure_env("requirements.txt")
    out = ROOT / "dist" / ("html-learner" if "--learner" in args else "html")
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    args = list(args)
    if "--learner" in args:
        args.remove("--learner")
        args += ["--TagRemovePreprocessor.enabled=True", "--TagRemovePreprocessor.remove_cell_tags=solution"]
    shutil.rmtree(str(out / "mathjax"), ignore_errors=True)
    copy_mathjax(out / "mathjax")
    code = subprocess.call([str(PYTHON), "-m", "jupyter", "nbconvert", "--to", "html", "--log-level=WARN",
                            "--HTMLExporter.mathjax_url=" + MATHJAX_URL,
                            "--output-dir={}".format(out)] + [str(nb) for nb in notebooks] + args)
    if code:
        raise SetupError("nbconvert could not write the HTML copy (exit status {}); its messages are above."
                         .format(code))
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


def execute(args):
    """Re-run each notebook top to bottom in a fresh kernel and store it as committed: outputs in order, streams
    coalesced, no execution timings and no saved widget state (a saved state could not reconnect to a kernel)."""
    ensure_env("requirements.txt")
    notebooks = [Path(a).resolve() for a in args] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for notebook in notebooks:
        print("Executing {} ...".format(notebook.name), flush=True)
        code = subprocess.call([str(PYTHON), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                                "--inplace", "--log-level=WARN", "--coalesce-streams",
                                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.store_widget_state=False",
                                "--ClearMetadataPreprocessor.enabled=True",
                                "--ClearMetadataPreprocessor.clear_notebook_metadata=False",
                                "--ClearMetadataPreprocessor.preserve_cell_metadata_mask=jupyter",
                                "--ClearMetadataPreprocessor.preserve_cell_metadata_mask=tags",
                                notebook.name], cwd=str(notebook.parent))
        if code != 0:
            raise SetupError("{} did not run to the end (exit status {}); nbconvert's messages are above.".format(
                notebook.name, code))
    return 0


def hub(args):
    """A class rehearsed on this machine: benchmarks/class_load.py with the environment's Python (see its docstring)."""
    if not sys.platform.startswith("linux"):
        raise SetupError("`hub` rehearses a class with JupyterHub's local spawner and reads /proc: it runs on Linux "
                         "only (a Linux machine or container, or a hub itself).")
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        raise SetupError("{} not found: JupyterHub's proxy (configurable-http-proxy) is a Node.js program, installed "
                         "with npm into .hub/. Install Node.js 18 or newer with npm (on Debian or Ubuntu: "
                         "sudo apt install nodejs npm) and run the command again.".format(" and ".join(missing)))
    if shutil.which("git") is None:
        raise SetupError("git not found: nbgitpuller hands out the notebooks with git. Install git and run the "
                         "command again.")
    ensure_env("requirements-hub.txt")
    interrupt = signal.signal(signal.SIGINT, lambda *_: None)  # Ctrl-C reaches the rehearsal, which stops the hub
    try:
        return subprocess.call([str(PYTHON), str(ROOT / "benchmarks" / "class_load.py")] + list(args))
    finally:
        signal.signal(signal.SIGINT, interrupt)


def main(argv):
    """Run the command named in `argv`; every setup failure becomes a message on stderr and exit status 1."""
    commands = {"lab": lab, "test": test, "learner": learner, "html": html, "execute": execute,
                "hub": hub}
    try:
        check_python()
        asked = bool(argv) and argv[0] in ("-h", "--help", "help")
        if asked or not argv or argv[0] not in commands:
            (sys.stdout if asked else sys.stderr).write("{}Usage: python3 tasks.py lab | test [pytest arguments] | learner | html | execute | hub\n"
                             "  lab      open JupyterLab on the notebooks (sets up .venv the first time)\n"
                             "  test     run every test\n"
                             "  learner  write the learner edition (no solutions) to dist/learner/\n"
                             "  html     write a static HTML copy of the notebooks to dist/html/ (--learner: "
                             "dist/html-learner/, without the solutions)\n"
                             "  execute  re-execute the notebooks in place, as committed (maintainers)\n"
                             "  hub      rehearse a class on a real JupyterHub here: hub --learners N\n".format(
                                 "Unknown command '{}'. ".format(argv[0]) if argv and not asked else ""))
            return 0 if asked else 2
        return commands[argv[0]](argv[1:])
    except SetupError as error:
        sys.stderr.write("\n{}\n".format(error))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
