"""The setup, as a spec: the pins install from wheels alone on every platform and Python of the README's table,
`tasks.py` answers every setup failure in words, and the maintainers' GitHub workflow passes actionlint.

The matrix asks the package registry (uv's resolver, metadata only): skipped with a one-line reason when it cannot
be reached, except under CI=true, where it must run.
"""
import ast
import os
import platform
import shutil
import subprocess
import sys
import urllib.request
import venv
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import tasks

ROOT = Path(__file__).resolve().parent.parent
INDEX = "https://pypi.org/simple"

# --- the supported matrix: every platform x Python installs the pins from wheels alone --------------------------

# The README's table, one row per platform: (uv's --python-platform, macOS deployment target, marker environment).
PLATFORMS = {
    "linux-x86_64": ("x86_64-manylinux_2_28", None, dict(sys_platform="linux", platform_system="Linux",
                                                         os_name="posix", platform_machine="x86_64")),
    "linux-aarch64": ("aarch64-manylinux_2_28", None, dict(sys_platform="linux", platform_system="Linux",
                                                           os_name="posix", platform_machine="aarch64")),
    "macos-arm64": ("aarch64-apple-darwin", "11.0", dict(sys_platform="darwin", platform_system="Darwin",
                                                         os_name="posix", platform_machine="arm64")),
    "macos-x86_64": ("x86_64-apple-darwin", "11.0", dict(sys_platform="darwin", platform_system="Darwin",
                                                         os_name="posix", platform_machine="x86_64")),
    "windows-x86_64": ("x86_64-pc-windows-msvc", None, dict(sys_platform="win32", platform_system="Windows",
                                                            os_name="nt", platform_machine="AMD64")),
}
# 3.11.0: the oldest the README promises (soupsieve's pin changes at 3.11.5); then each newer minor version.
PYTHONS = ["3.11.0", "3.12.0", "3.13.0", "3.14.0"]
# Each platform x Python gets both files (requirements-test.txt includes requirements.txt); the notebooks alone
# also go back to macOS 10.15 on Intel (greenlet, under Playwright, has no Intel wheel for macOS before 11).
QUERIES = [(name, python, "requirements-test.txt", None) for name in PLATFORMS for python in PYTHONS]
QUERIES += [("macos-x86_64", python, "requirements.txt", "10.15") for python in PYTHONS]


def marker_environment(name, python):
    env = default_environment()
    env.update(PLATFORMS[name][2], python_version=python.rsplit(".", 1)[0], python_full_version=python,
               implementation_name="cpython", platform_python_implementation="CPython")
    return env


def pinned(requirements, environment):
    """{name: version} of every pin in `requirements` (following -r) whose marker holds in `environment`."""
    pins = {}
    for line in (ROOT / requirements).read_text().splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r"):
            pins.update(pinned(line[2:].strip(), environment))
        elif line:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(environment):
                pins[canonicalize_name(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return pins


def resolve(name, python, requirements, macos):
    """What uv's resolver picks for that platform and Python from wheels alone: ({name: version}, error)."""
    uv_platform, default_macos, _ = PLATFORMS[name]
    env = dict(os.environ)
    if macos or default_macos:
        env["MACOSX_DEPLOYMENT_TARGET"] = macos or default_macos
    from uv import find_uv_bin
    # This interpreter only stands in (no sdist is built); never download one of the target version.
    command = [find_uv_bin(), "pip", "compile", str(ROOT / requirements), "--quiet", "--no-config",
               "--no-python-downloads", "--python", sys.executable, "--index-url", INDEX,
               "--python-platform", uv_platform, "--python-version", python,
               "--only-binary", ":all:", "--no-header", "--no-annotate"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        return None, result.stderr.strip()
    lines = [line.split("==") for line in result.stdout.splitlines() if "==" in line]
    return {canonicalize_name(n): v.strip() for n, v in lines}, None


@pytest.fixture(scope="module")
def resolutions():
    """Every query of the matrix, asked in parallel: {(platform, python, file, macos): (resolved, error)}."""
    try:
        urllib.request.urlopen(INDEX + "/pip/", timeout=15).close()
    except OSError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the package registry is unreachable ({INDEX}): {error}")
        pytest.skip(f"the package registry is unreachable ({INDEX}), so the matrix cannot be checked")
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(QUERIES, pool.map(lambda query: resolve(*query), QUERIES)))


@pytest.mark.parametrize("query", QUERIES, ids=[f"{n}-py{p}-{r.removesuffix('.txt')}" + (f"-macos{m}" if m else "")
                                                for n, p, r, m in QUERIES])
def test_pins_install_from_wheels_alone(resolutions, query):
    """The resolver finds a wheel for every pin, and picks nothing that is not pinned (platform-only ones too)."""
    name, python, requirements, _ = query
    resolved, error = resolutions[query]
    assert error is None, f"{requirements} does not install from wheels alone on {name}, Python {python}:\n{error}"
    expected = pinned(requirements, marker_environment(name, python))
    unpinned = {n: v for n, v in resolved.items() if n not in expected}
    assert not unpinned, f"pulled in on {name}, Python {python} but not pinned (pin it with a marker): {unpinned}"
    assert resolved == expected


def test_pins_cover_this_machine():
    """The markers pick the pin this interpreter installs (soupsieve 2.x before Python 3.11.5, 4.x after)."""
    pins = pinned("requirements.txt", default_environment())
    assert pins["soupsieve"].startswith("2." if sys.version_info < (3, 11, 5) else "4.")
    assert ("pywinpty" in pins) == (os.name == "nt") and ("appnope" in pins) == (platform.system() == "Darwin")


# --- tasks.py answers in words ------------------------------------------------------------------------------------

def test_tasks_parses_as_python_3_6_so_old_pythons_reach_the_version_message():
    ast.parse((ROOT / "tasks.py").read_text(), feature_version=(3, 6))


@pytest.mark.parametrize("version", [(3, 10, 12), (3, 8, 0), (3, 6, 15)])
def test_an_unsupported_python_is_named_with_the_one_needed(version):
    with pytest.raises(tasks.SetupError) as error:
        tasks.check_python(version)
    found = ".".join(map(str, version))
    assert str(error.value).startswith(f"Python {found} found; these notebooks need 3.11 or newer: ")


@pytest.mark.parametrize("version", [(3, 11, 0), (3, 11, 2), (3, 14, 0)])
def test_supported_pythons_pass_the_check(version):
    tasks.check_python(version)


def older_pythons():
    """Real interpreters older than 3.11 on this machine (on PATH, or pyenv's), each one of a kind."""
    found = {}
    candidates = [shutil.which(f"python3.{minor}") for minor in range(6, 11)]
    candidates += sorted(str(p) for p in Path.home().glob(".pyenv/versions/3.*/bin/python3"))
    for candidate in filter(None, candidates):
        try:
            probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2] < (3, 11))"],
                                   capture_output=True, text=True, timeout=20)
        except OSError:
            continue
        if probe.returncode == 0 and probe.stdout.strip() == "True":
            found.setdefault(Path(candidate).resolve(), candidate)
    return sorted(found.values())


def test_an_older_python_running_tasks_gets_the_message_not_a_traceback():
    pythons = older_pythons()
    if not pythons:
        pytest.skip("no Python older than 3.11 on this machine to run tasks.py with")
    for python in pythons:
        result = subprocess.run([python, str(ROOT / "tasks.py"), "test"], capture_output=True, text=True,
                                timeout=60, env=dict(os.environ, MLMATH_VENV=os.devnull))
        assert result.returncode == 1, (python, result.stderr)
        assert "found; these notebooks need 3.11 or newer" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """tasks.py pointed at a folder of its own: its requirements files and environment, not the project's."""
    (tmp_path / "requirements.txt").write_text("--no-index\nmlmath-no-such-package==1.0\n")
    (tmp_path / "requirements-test.txt").write_text("-r requirements.txt\n")
    environment = tmp_path / "venv"
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "VENV", environment)
    monkeypatch.setattr(tasks, "BIN", environment / ("Scripts" if os.name == "nt" else "bin"))
    monkeypatch.setattr(tasks, "PYTHON", tasks.BIN / ("python.exe" if os.name == "nt" else "python"))
    return tmp_path


def run_tasks(capfd, *argv):
    code = tasks.main(list(argv))
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err
    return code, err


def test_a_python_without_ensurepip_is_told_to_install_python3_venv(sandbox, monkeypatch, capfd):
    """Debian's python3 without the python3-venv package has no ensurepip."""
    real_find_spec = tasks.importlib.util.find_spec
    monkeypatch.setattr(tasks.importlib.util, "find_spec",
                        lambda name, *a: None if name == "ensurepip" else real_find_spec(name, *a))
    code, err = run_tasks(capfd, "test")
    assert code == 1
    assert "has no venv/ensurepip module" in err and "sudo apt install python3-venv" in err
    assert not tasks.VENV.exists()


def test_a_venv_that_fails_to_get_pip_is_removed_and_explained(sandbox, monkeypatch, capfd):
    """What venv.create raises when ensurepip is there but fails (a Debian Python without its wheels)."""
    def failing_create(env_dir, with_pip):
        Path(env_dir, "bin").mkdir(parents=True)
        raise subprocess.CalledProcessError(1, ["python", "-m", "ensurepip"], output=b"ensurepip is disabled\n")
    monkeypatch.setattr(venv, "create", failing_create)
    code, err = run_tasks(capfd, "lab")
    assert code == 1
    assert "Could not create" in err and "ensurepip is disabled" in err and "sudo apt install python3-venv" in err
    assert not tasks.VENV.exists()


@pytest.fixture
def sandbox_env(sandbox):
    """The sandbox with a real environment (pip included) that tasks.py made itself."""
    tasks.create_venv()
    return sandbox


def test_a_failed_pip_install_names_the_file_pips_last_error_and_what_to_try(sandbox_env, capfd):
    code, err = run_tasks(capfd, "test")
    assert code == 1
    assert (f"pip could not install requirements-test.txt into {tasks.VENV}:\n"
            "    ERROR: No matching distribution found for mlmath-no-such-package==1.0\n"
            "What to try: check the internet connection") in err
    assert not (tasks.VENV / ".installed-requirements-test").exists()


def test_jupyterlab_failing_to_start_is_answered_in_words(sandbox_env, capfd):
    """An environment that looks installed but has no JupyterLab in it."""
    (sandbox_env / "requirements.txt").write_text("# nothing\n")
    (tasks.VENV / ".installed-requirements").write_text(tasks.requirements_digest("requirements.txt"))
    code, err = run_tasks(capfd, "lab")
    assert code == 1
    assert "JupyterLab did not start, or stopped with an error (exit status 1)" in err
    assert "No module named jupyter" in err  # JupyterLab's own last words, above the answer


def test_an_unknown_command_prints_the_usage(capfd):
    code, err = run_tasks(capfd, "build")
    assert code == 2 and "python3 tasks.py lab" in err


# --- the maintainers' GitHub workflow --------------------------------------------------------------------------

def test_github_workflows_pass_actionlint():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if actionlint is None:
        if os.environ.get("CI") == "true" and not (sys.platform == "darwin" and platform.machine() == "x86_64"):
            pytest.fail("CI=true but actionlint is missing: requirements-test.txt installs it")
        pytest.skip("actionlint is not installed here (requirements-test.txt has no wheel of it for this platform)")
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run([actionlint, "-no-color", *map(str, workflows)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# --- JupyterLab saves each figure as its picture -------------------------------------------------------------------

def test_a_saved_figure_keeps_its_picture_and_description_and_drops_the_dead_widget_view():
    view = {"model_id": "3f2a", "version_major": 2, "version_minor": 0}
    figure = {"output_type": "display_data", "metadata": {}, "data": {
        tasks.WIDGET_VIEW: dict(view), "image/png": "iVBOR", "text/html": "<img alt='E(W)'>", "text/plain": "E(W)"}}
    slider = {"output_type": "display_data", "metadata": {}, "data": {tasks.WIDGET_VIEW: dict(view),
                                                                      "text/plain": "FloatSlider(value=0.0)"}}
    model = {"type": "notebook", "content": {"cells": [
        {"cell_type": "markdown", "source": "# 01"},
        {"cell_type": "code", "source": "e", "outputs": [figure, slider]}]}}
    tasks.keep_pictures_on_save(model=model, path="01_prediction.ipynb", contents_manager=None)
    saved = model["content"]["cells"][1]["outputs"]
    assert sorted(saved[0]["data"]) == ["image/png", "text/html", "text/plain"], "the picture, not the view"
    assert tasks.WIDGET_VIEW in saved[1]["data"], "a widget without a picture is saved as it is"
    tasks.keep_pictures_on_save(model={"type": "file", "content": "text"}, path="notes.txt", contents_manager=None)
