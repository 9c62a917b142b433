"""The project's two commands; needs nothing but Python 3.11+.

    python3 tasks.py lab    set up .venv from requirements.txt if needed, open JupyterLab on notebooks/
    python3 tasks.py test   set up .venv with requirements-test.txt too, run every test (extra args go to pytest)
    python3 tasks.py learner  write the learner edition, the notebooks without their solutions, to dist/learner/

A plain script rather than a Makefile so the same command works wherever Python does (Windows included).
The environment is rebuilt when a requirements file changes (a hash of them is kept in .venv).
"""
import hashlib
import os
import shutil
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


LEARNER = ROOT / "dist" / "learner"
# What a class needs beside the notebooks to run them: the helper, the pins and the `lab` command.
HANDOUT = ["mlmath_helpers.py", "requirements.txt", "runtime.txt", "tasks.py", "README.md", "docs", ".gitignore"]


def write_learner_edition(python):
    """dist/learner/: the notebooks with every cell tagged `solution` removed by nbconvert's
    TagRemovePreprocessor, all else (teaching text, explorers, scaffolds, checks, outputs) as it is."""
    shutil.rmtree(LEARNER, ignore_errors=True)
    LEARNER.mkdir(parents=True)
    for name in HANDOUT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, LEARNER / name)
        elif source.exists():
            shutil.copy2(source, LEARNER / name)
    readme = LEARNER / "README.md"
    readme.write_text("> **Learner edition**: the exercises come without their solutions. Start with "
                      "`python3 tasks.py lab`.\n\n" + readme.read_text(encoding="utf-8"), encoding="utf-8")
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    return subprocess.call([python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--log-level=WARN",
                            "--TagRemovePreprocessor.enabled=True", "--TagRemovePreprocessor.remove_cell_tags=solution",
                            "--output-dir", LEARNER / "notebooks", *notebooks])


def learner(args):
    ensure_env("requirements.txt")
    code = write_learner_edition(PYTHON)
    if code == 0:
        print(f"The learner edition is in {LEARNER.relative_to(ROOT)}/: hand out that folder (see the README).")
    return code


if __name__ == "__main__":
    commands = {"lab": lab, "test": test, "learner": learner}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
