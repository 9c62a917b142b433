"""A class rehearsed on one machine: a real JupyterHub, N learners at once, each handed the notebooks by nbgitpuller.

`python3 tasks.py hub --learners N` runs this with the environment's Python, after installing requirements-hub.txt
and the hub's proxy (configurable-http-proxy from npm, pinned by benchmarks/hub/package-lock.json, into .hub/).
It starts JupyterHub on 127.0.0.1 (free ports, SimpleLocalProcessSpawner, the dummy authenticator with a random
password, tokens on), makes the learner edition a local git repository (a file:// URL) and, for each learner at once,
through the hub's proxy as a browser would: logs in, follows the nbgitpuller link, starts the server and waits for it,
lets nbgitpuller clone the repository, then for each notebook opens a kernel (jupyter_server's REST API and the
kernel's websocket), runs every code cell, answers ipympl's canvases as the front-end does (refresh, image mode,
initialized; a draw for each draw request), and moves each slider of each explorer by comm messages (ipywidgets'
"update" of the slider model's value), timing until that explorer's figure sends its next frame (a binary message
on its canvas comm). Memory is PSS from /proc/<pid>/smaps_rollup: a learner's server and its kernels, the hub, the
proxy. CPU seconds per lesson: a learner's server and kernels, per notebook run and its slider moves.

    python benchmarks/class_load.py --learners N [--moves 2] [--notebooks 01 02 ...] [--timeout 1800]

It stops everything it started (the hub, which stops the proxy and the servers, then whatever is left of them),
also on Ctrl-C, a failure or the time limit. Linux only (it reads /proc). Nothing listens beyond 127.0.0.1.
`Rehearsal` and `Learner` are what tests/test_hub.py drives.
"""
import argparse
import atexit
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlencode

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import tasks  # noqa: E402  (the learner edition exactly as `tasks.py learner` writes it)

HUB_NODE = ROOT / ".hub"  # the proxy's npm install (ignored by git)
PROXY = HUB_NODE / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent  # this environment's jupyterhub and jupyterhub-singleuser
HOST = "127.0.0.1"
REPO_NAME = "mlmath-class"  # nbgitpuller clones into ~/mlmath-class
SLIDERS = ("FloatSliderModel", "IntSliderModel", "FloatLogSliderModel")


class RehearsalError(Exception):
    """A step of the rehearsal failed: said in words, with the end of the hub's log."""


def setup_proxy():
    """Install configurable-http-proxy, as pinned, into .hub/node_modules (npm ci); raise RehearsalError without npm."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise RehearsalError("node and npm are needed for JupyterHub's proxy (configurable-http-proxy) and were not "
                             "found: install Node.js 18 or newer (on Debian or Ubuntu: apt install nodejs npm).")
    lock = ROOT / "benchmarks" / "hub" / "package-lock.json"
    stamp = HUB_NODE / "installed-lock.json"
    if PROXY.exists() and stamp.exists() and stamp.read_bytes() == lock.read_bytes():
        return PROXY
    HUB_NODE.mkdir(exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(str(ROOT / "benchmarks" / "hub" / name), str(HUB_NODE / name))
    print("Installing configurable-http-proxy into .hub/ (npm ci, first time only) ...", flush=True)
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=str(HUB_NODE),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if done.returncode != 0 or not PROXY.exists():
        raise RehearsalError("npm could not install configurable-http-proxy into .hub/:\n" + done.stdout[-2000:])
    shutil.copy2(str(lock), str(stamp))
    return PROXY


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.org"] + list(args),
                   cwd=str(cwd), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


# --- /proc: processes, memory, CPU ---------------------------------------------------------------------------------

def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/{}/stat".format(entry)) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def descendants(pid, kids=None):
    kids = children_map() if kids is None else kids
    out, todo = [], [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def pss_mb(pid):
    """Proportional set size of `pid` in MB (shared pages divided among the processes sharing them), 0 if gone."""
    try:
        with open("/proc/{}/smaps_rollup".format(pid)) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid):
    """utime + stime of `pid` in seconds, 0 if gone."""
    try:
        with open("/proc/{}/stat".format(pid)) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def environ_user(pid):
    try:
        with open("/proc/{}/environ".format(pid), "rb") as f:
            for item in f.read().split(b"\0"):
                if item.startswith(b"JUPYTERHUB_USER="):
                    return item.split(b"=", 1)[1].decode()
    except OSError:
        pass
    return None


def cmdline(pid):
    try:
        with open("/proc/{}/cmdline".format(pid), "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


# --- the hub -------------------------------------------------------------------------------------------------------

HUB_CONFIG = """\
import os
c = get_config()  # noqa: F821
c.JupyterHub.ip = {host!r}
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = {host!r}
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://{host}:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///" + {db!r}
c.JupyterHub.cookie_secret_file = {cookie!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["MLMATH_HUB_PASSWORD"]  # random, never written to disk
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {home!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.ip = {host!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
"""


class Rehearsal:
    """A JupyterHub on 127.0.0.1 with the learner edition as a file:// git repository; `stop()` ends all of it."""

    def __init__(self, workdir=None):
        self.dir = Path(workdir or tempfile.mkdtemp(prefix="mlmath-hub-"))
        self.password = secrets.token_urlsafe(16)
        self.port = free_port()
        self.url = "http://{}:{}".format(HOST, self.port)
        self.repo = self.dir / REPO_NAME
        self.process = None
        self.seen = set()  # every pid the hub started, for the last sweep in stop()
        self._stopped = False

    # the instructor's side
    def make_repository(self):
        """The learner edition (as `tasks.py learner` writes it) committed on branch main of a local repository."""
        code = tasks.write_learner_edition(sys.executable, out=self.repo)
        if code != 0:
            raise RehearsalError("nbconvert could not write the learner edition (exit status {})".format(code))
        git("init", "-q", "-b", "main", cwd=self.repo)
        self.commit("The learner edition")

    def commit(self, message):
        git("add", "-A", cwd=self.repo)
        git("commit", "-q", "-m", message, cwd=self.repo)

    def link(self, notebook):
        """The nbgitpuller link a class is given, opening `notebook` (e.g. 01_prediction.ipynb) in JupyterLab."""
        query = urlencode({"repo": self.repo.as_uri(), "branch": "main",
                           "urlpath": "lab/tree/{}/notebooks/{}".format(REPO_NAME, notebook)})
        return "/hub/user-redirect/git-pull?" + query

    def start(self, timeout=120):
        proxy = setup_proxy()
        args = ["--allow-root"] if os.geteuid() == 0 else []  # we may be root in a container; the token stays on
        config = self.dir / "jupyterhub_config.py"
        config.write_text(HUB_CONFIG.format(
            host=HOST, port=self.port, hub_port=free_port(), api_port=free_port(), proxy=str(proxy),
            db=str(self.dir / "jupyterhub.sqlite"), cookie=str(self.dir / "cookie_secret"),
            home=str(self.dir / "home" / "{username}"), singleuser=str(BIN / "jupyterhub-singleuser"), args=args))
        env = dict(os.environ, MLMATH_HUB_PASSWORD=self.password)
        self.log = open(str(self.dir / "hub.log"), "w")
        self.process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=str(self.dir), env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RehearsalError("JupyterHub stopped at start (exit {})".format(self.process.returncode)
                                     + self.log_tail())
            try:
                if requests.get(self.url + "/hub/health", timeout=5).status_code == 200:
                    self.remember()
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RehearsalError("JupyterHub did not answer on {} within {} s".format(self.url, timeout) + self.log_tail())

    def log_tail(self, lines=30):
        try:
            return "\nThe end of the hub's log:\n" + "\n".join(
                (self.dir / "hub.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def remember(self):
        """Note every process the hub started (the proxy, the servers, their kernels), for stop()."""
        if self.process is not None:
            self.seen.update(descendants(self.process.pid))

    def processes(self):
        """{'hub': pid, 'proxy': pid, <learner>: [server and kernel pids]} as they are now."""
        kids = children_map()
        out = {"hub": self.process.pid, "proxy": None}
        for pid in descendants(self.process.pid, kids):
            self.seen.add(pid)
            if "configurable-http-proxy" in cmdline(pid):
                out["proxy"] = pid
            user = environ_user(pid)
            if user and "jupyterhub-singleuser" in cmdline(pid):
                out[user] = [pid] + descendants(pid, kids)
        return out

    def stop(self):
        """Stop the hub (it stops the proxy and the servers), then kill whatever it started that is still there."""
        if self._stopped or self.process is None:
            return
        self._stopped = True
        try:
            self.remember()
        except Exception:
            pass
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for pid in sorted(self.seen | {self.process.pid}):
            for kill in (lambda: os.killpg(os.getpgid(pid), signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
                try:
                    if os.path.exists("/proc/{}".format(pid)):
                        kill()
                except OSError:
                    pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.log.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(str(self.dir), ignore_errors=True)


# --- a learner -----------------------------------------------------------------------------------------------------

def percentile(values, q):
    """The q-th percentile of `values`, linear between the closest ranks (as numpy's default)."""
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)


class Learner:
    """One learner in a browser, as the hub, JupyterLab and the widget front-ends see it: HTTP and a websocket."""

    def __init__(self, hub, name, deadline, password=None):
        self.hub, self.name, self.deadline = hub, name, deadline
        self.password = hub.password if password is None else password
        self.http = requests.Session()
        self.base = hub.url + "/user/" + name
        self.spawn_s = None
        self.first_figure_s = []  # per notebook: opening it (a new kernel) to its first figure's first frame
        self.slider_ms = []
        self.missed_frames = 0
        self.cpu_per_lesson = []
        self.peak_pss = 0.0
        self.kernel_pss = 0.0  # the largest kernel alone
        self.error = None

    def left(self):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise RehearsalError("{}: out of time".format(self.name))
        return remaining

    def xsrf(self, path):
        for cookie in self.http.cookies:
            if cookie.name == "_xsrf" and cookie.path.rstrip("/") == path.rstrip("/"):
                return cookie.value
        return self.http.cookies.get("_xsrf")

    def login(self, notebook):
        """Log in on the hub's login page (the nbgitpuller link as `next`, as a learner sent there by it)."""
        link = self.hub.link(notebook)
        page = self.http.get(self.hub.url + "/hub/login?next=" + quote(link), timeout=self.left())
        page.raise_for_status()
        r = self.http.post(self.hub.url + "/hub/login?next=" + quote(link), timeout=self.left(), allow_redirects=False,
                           data={"username": self.name, "password": self.password, "_xsrf": self.xsrf("/hub/")})
        if r.status_code != 302 or "/hub/login" in r.headers.get("Location", "/hub/login"):
            raise RehearsalError("{}: the hub refused the login ({})".format(self.name, r.status_code))

    def follow_link(self, notebook):
        """Follow the nbgitpuller link: start the server if it is not running (the hub's 'start my server' page,
        then its progress stream), let nbgitpuller pull, open the notebook's JupyterLab URL. Returns the seconds
        from asking for the server to its being ready (0 if it was running)."""
        query = self.hub.link(notebook).split("?", 1)[1]
        puller = self.hub.url + "/user/{}/git-pull?{}".format(self.name, query)
        r = self.http.get(self.hub.url + self.hub.link(notebook), timeout=self.left())
        spawn_s = 0.0
        if not r.url.startswith(self.base + "/git-pull"):  # not running: the hub's page offering to start it
            start = time.monotonic()
            r = self.http.get(self.hub.url + "/hub/spawn/{}?next={}".format(self.name, quote(puller)),
                              timeout=self.left(), allow_redirects=False)
            if r.status_code not in (200, 302, 303):
                raise RehearsalError("{}: /hub/spawn answered {}".format(self.name, r.status_code))
            self.wait_ready()
            spawn_s = time.monotonic() - start
            r = self.http.get(puller, timeout=self.left())  # through the proxy: OAuth with the hub, then the page
        if r.status_code != 200 or not r.url.startswith(self.base + "/git-pull"):
            raise RehearsalError("{}: the nbgitpuller link ended at {} ({})".format(self.name, r.url, r.status_code))
        self.pull(query)
        lab = self.http.get(self.base + "/lab/tree/{}/notebooks/{}".format(REPO_NAME, notebook), timeout=self.left())
        lab.raise_for_status()
        return spawn_s

    def wait_ready(self):
        """Read the hub's progress stream for this server (the spawn-pending page's EventSource) until it is ready."""
        url = self.hub.url + "/hub/api/users/{}/server/progress".format(self.name)
        with self.http.get(url, stream=True, timeout=self.left()) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    if event.get("ready"):
                        return
                    if event.get("failed"):
                        raise RehearsalError("{}: the server failed to start: {}".format(self.name, event))
                self.left()
        raise RehearsalError("{}: the progress stream ended before the server was ready".format(self.name))

    def pull(self, query):
        """nbgitpuller's page opens an EventSource on git-pull/api; read it until 'finished'."""
        with self.http.get(self.base + "/git-pull/api?" + query, stream=True, timeout=self.left()) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    if event.get("phase") == "finished":
                        return
                    if event.get("phase") == "error":
                        raise RehearsalError("{}: nbgitpuller: {}".format(self.name, event.get("message")))
        raise RehearsalError("{}: nbgitpuller's stream ended without 'finished'".format(self.name))

    # the contents API, as JupyterLab uses it
    def api(self, method, path, **kwargs):
        headers = {"X-XSRFToken": self.xsrf("/user/{}/".format(self.name)) or ""}
        r = self.http.request(method, self.base + "/api/" + path, headers=headers, timeout=self.left(), **kwargs)
        if r.status_code >= 400:
            raise RehearsalError("{}: {} api/{} answered {}: {}".format(self.name, method, path, r.status_code,
                                                                       r.text[:300]))
        return r.json() if r.content else None

    def read_notebook(self, path):
        return self.api("GET", "contents/" + quote(path) + "?type=notebook&content=1")["content"]

    def save_notebook(self, path, nb):
        self.api("PUT", "contents/" + quote(path), json={"type": "notebook", "format": "json", "content": nb})

    def open_kernel(self, path):
        session = self.api("POST", "sessions", json={"path": path, "name": Path(path).name, "type": "notebook",
                                                     "kernel": {"name": "python3"}})
        return Kernel(self, session["kernel"]["id"])

    def server_pids(self):
        return self.hub.processes().get(self.name, [])

    def notebook_path(self, notebook):
        return "{}/notebooks/{}".format(REPO_NAME, notebook)

    def lesson(self, notebook, moves):
        """Open `notebook` in a new kernel, run every cell, move each explorer slider `moves` times; returns the nb."""
        path = self.notebook_path(notebook)
        cpu_before = sum(cpu_seconds(p) for p in self.server_pids())
        opened = time.monotonic()
        nb = self.read_notebook(path)
        kernel = self.open_kernel(path)
        try:
            kernel.run_all(nb)
            if kernel.first_frame_at is None:
                raise RehearsalError("{}: {} ran but no figure sent a frame".format(self.name, notebook))
            self.first_figure_s.append(kernel.first_frame_at - opened)
            for ms in kernel.move_sliders(moves):
                if ms is None:
                    self.missed_frames += 1
                else:
                    self.slider_ms.append(ms)
            pids = self.server_pids()
            self.peak_pss = max(self.peak_pss, sum(pss_mb(p) for p in pids))
            self.kernel_pss = max([self.kernel_pss] + [pss_mb(p) for p in pids[1:]])
            self.cpu_per_lesson.append(sum(cpu_seconds(p) for p in pids) - cpu_before)
        finally:
            kernel.close()
        return nb

    def rehearse(self, notebooks, moves):
        try:
            self.login(notebooks[0])
            self.spawn_s = self.follow_link(notebooks[0])
            for notebook in notebooks:
                self.lesson(notebook, moves)
        except Exception as error:  # reported per learner; the run goes on with the others
            self.error = "{}: {}".format(type(error).__name__, error)


class Kernel:
    """A kernel's websocket as JupyterLab and the widget managers use it: execute cells, answer ipympl's canvases,
    send slider updates, see frames. One thread: every wait reads and handles messages until its condition holds."""

    def __init__(self, learner, kernel_id):
        self.learner, self.id = learner, kernel_id
        self.session = uuid.uuid4().hex
        url = learner.base.replace("http://", "ws://") + "/api/kernels/{}/channels?session_id={}".format(
            kernel_id, self.session)
        cookie = "; ".join("{}={}".format(c.name, c.value) for c in learner.http.cookies
                           if ("/user/{}/".format(learner.name)).startswith(c.path.rstrip("/") + "/") or c.path == "/")
        for attempt in range(3):  # JupyterLab, too, connects again when a connection fails
            try:
                self.ws = websocket.create_connection(url, header=["Cookie: " + cookie], timeout=60)
                break
            except (websocket.WebSocketException, OSError):
                if attempt == 2:
                    raise
                time.sleep(1)
        self.models = {}  # comm id -> widget state
        self.canvases = {}  # comm id -> waiting for an image (ipympl's front-end sends one draw at a time)
        self.displayed = []  # widget model ids shown by cells (the explorers' boxes)
        self.frames = []  # (time, canvas comm id) of every binary frame
        self.first_frame_at = None
        self.replies = {}  # msg id -> execute_reply content
        self.idle = set()  # msg ids whose status went idle
        self.outputs = {}  # msg id -> outputs
        self.echoes = 0

    def close(self):
        try:
            self.learner.api("DELETE", "kernels/" + self.id)
        except Exception:
            pass
        self.ws.close()

    def send(self, channel, msg_type, content, buffers=()):
        msg_id = uuid.uuid4().hex
        msg = {"header": {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": "learner",
                          "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())},
               "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}
        self.ws.send(json.dumps(msg))
        return msg_id

    def custom(self, comm_id, content):
        """A message from a widget view to its model in the kernel (ipywidgets' 'custom' method)."""
        self.send("shell", "comm_msg", {"comm_id": comm_id, "data": {"method": "custom", "content": content}})

    def receive(self, timeout):
        self.ws.settimeout(max(0.05, min(timeout, self.learner.left())))
        try:
            raw = self.ws.recv()
        except websocket.WebSocketTimeoutException:
            return None
        if isinstance(raw, bytes):  # jupyter_server's binary frame: count, offsets, the JSON message, its buffers
            count = struct.unpack("!I", raw[:4])[0]
            offsets = struct.unpack("!{}I".format(count), raw[4:4 + 4 * count])
            msg = json.loads(raw[offsets[0]:offsets[1] if count > 1 else None].decode())
            msg["buffers"] = [raw[offsets[i]:offsets[i + 1] if i + 1 < count else None] for i in range(1, count)]
        else:
            msg = json.loads(raw)
        self.handle(msg)
        return msg

    def handle(self, msg):
        kind, content = msg["header"]["msg_type"], msg["content"]
        parent = msg.get("parent_header", {}).get("msg_id")
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            state = content["data"]["state"]
            self.models[content["comm_id"]] = state
            if state.get("_model_name") == "MPLCanvasModel":  # the canvas view is created: what ipympl's view sends
                self.canvases[content["comm_id"]] = False
                for message in ("refresh", "send_image_mode", "initialized"):
                    self.custom(content["comm_id"], {"type": message})
        elif kind == "comm_msg":
            comm, data = content["comm_id"], content["data"]
            if data.get("method") in ("update", "echo_update") and comm in self.models:
                self.models[comm].update(data.get("state", {}))
                self.echoes += data.get("method") == "echo_update"
            elif data.get("method") == "custom" and comm in self.canvases:
                event = json.loads(data["content"].get("data", "{}"))
                if event.get("type") == "binary":
                    now = time.monotonic()
                    self.frames.append((now, comm))
                    self.first_frame_at = self.first_frame_at or now
                    self.canvases[comm] = False
                elif event.get("type") == "draw" and not self.canvases[comm]:
                    self.canvases[comm] = True
                    self.custom(comm, {"type": "draw"})
        elif kind in ("display_data", "execute_result"):
            view = content.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                self.displayed.append(view["model_id"])
        if kind in ("stream", "display_data", "execute_result", "error"):
            self.outputs.setdefault(parent, []).append(output_of(kind, content))
        elif kind == "status" and content.get("execution_state") == "idle":
            self.idle.add(parent)
        elif kind == "execute_reply":
            self.replies[parent] = content

    def wait(self, condition, timeout):
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                return False
            self.receive(end - time.monotonic())
        return True

    def execute(self, code, timeout=600):
        """Run `code`; returns (reply content, outputs as nbformat output dicts)."""
        msg_id = self.send("shell", "execute_request", {"code": code, "silent": False, "store_history": True,
                                                        "user_expressions": {}, "allow_stdin": False,
                                                        "stop_on_error": True})
        if not self.wait(lambda: msg_id in self.replies and msg_id in self.idle, timeout):
            raise RehearsalError("{}: a cell did not finish within {} s".format(self.learner.name, timeout))
        return self.replies[msg_id], self.outputs.get(msg_id, [])

    def run_all(self, nb):
        """Run every code cell in order (Run All); rewrite each cell's outputs and execution count in `nb`."""
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            reply, outputs = self.execute("".join(cell["source"]))
            if reply.get("status") != "ok":
                raise RehearsalError("{}: a cell failed: {}: {}".format(self.learner.name, reply.get("ename"),
                                                                       reply.get("evalue")))
            cell["outputs"], cell["execution_count"] = outputs, reply.get("execution_count")
        # the canvases' first frames: answered draws may still be on their way
        self.wait(lambda: self.first_frame_at is not None and not any(self.canvases.values()), 60)

    def explorers(self):
        """[(slider comm ids, canvas comm ids)] of each displayed box holding both."""
        found = []
        for root in self.displayed:
            sliders, canvases, todo = [], [], [root]
            while todo:
                model = todo.pop()
                state = self.models.get(model, {})
                if state.get("_model_name") in SLIDERS:
                    sliders.append(model)
                elif state.get("_model_name") == "MPLCanvasModel":
                    canvases.append(model)
                todo.extend(c[len("IPY_MODEL_"):] for c in state.get("children", []) if isinstance(c, str))
            if sliders and canvases:
                found.append((sliders, canvases))
        return found

    def move_sliders(self, moves, timeout=30):
        """Move each slider of each explorer `moves` times, as a browser does (one change on its way at a time):
        yields ms from sending the update to the explorer's next frame, None where none came within `timeout`."""
        for sliders, canvases in self.explorers():
            for slider in sliders:
                state = self.models[slider]
                low, high = state["min"], state["max"]
                for k in range(moves):
                    value = low + (high - low) * (0.2 + 0.6 * ((k + 1) % 3) / 2)  # 20 %, 50 %, 80 % of the range
                    if state["_model_name"] == "IntSliderModel":
                        value = int(round(value))
                    elif state["_model_name"] == "FloatLogSliderModel":
                        value = state.get("base", 10) ** value
                    if value == state.get("value"):
                        value = low if value != low else high
                    before = len(self.frames)
                    sent = time.monotonic()
                    self.send("shell", "comm_msg", {"comm_id": slider, "data": {
                        "method": "update", "state": {"value": value}, "buffer_paths": []}})
                    state["value"] = value
                    seen = self.wait(lambda: any(c in canvases for _, c in self.frames[before:]), timeout)
                    yield 1000 * (next(t for t, c in self.frames[before:] if c in canvases) - sent) if seen else None
                    self.wait(lambda: not any(self.canvases.values()), 5)  # the answered draw, if one came


def output_of(kind, content):
    """A kernel message as the nbformat output JupyterLab stores."""
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind == "error":
        return {"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                "traceback": content["traceback"]}
    out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
    if kind == "execute_result":
        out["execution_count"] = content["execution_count"]
    return out


# --- the rehearsal -------------------------------------------------------------------------------------------------

def notebooks_of(selection):
    names = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    names = [n for n in names if not n.startswith("00_")]  # the notation card has no code
    if selection:
        names = [n for n in names if n[:2] in selection]
    return names


def rehearse(learners, moves, notebooks, timeout):
    hub = Rehearsal()
    deadline = time.monotonic() + timeout
    try:
        print("Writing the learner edition into a local git repository ...", flush=True)
        hub.make_repository()
        hub.start()
        print("JupyterHub at {} (proxy, hub and servers on 127.0.0.1 only); {} learners, {} notebooks each, "
              "{} moves of each slider ...".format(hub.url, learners, len(notebooks), moves), flush=True)
        sampler_stop = threading.Event()
        peaks = {"hub": 0.0, "proxy": 0.0}

        def sample():
            while not sampler_stop.wait(1.0):
                procs = hub.processes()
                peaks["hub"] = max(peaks["hub"], pss_mb(procs["hub"]))
                if procs["proxy"]:
                    peaks["proxy"] = max(peaks["proxy"], pss_mb(procs["proxy"]))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        class_ = [Learner(hub, "learner{:02d}".format(i + 1), deadline) for i in range(learners)]
        started = time.monotonic()
        threads = [threading.Thread(target=l.rehearse, args=(notebooks, moves), daemon=True) for l in class_]
        for t in threads:
            t.start()
        for t in threads:
            t.join(max(1.0, deadline - time.monotonic()))
        wall = time.monotonic() - started
        sampler_stop.set()
        sampler.join()
        hub_cpu = cpu_seconds(hub.process.pid)
        procs = hub.processes()
        proxy_cpu = cpu_seconds(procs["proxy"]) if procs["proxy"] else 0.0
        return report(class_, peaks, wall, hub_cpu, proxy_cpu, len(notebooks))
    finally:
        hub.cleanup()


def report(class_, peaks, wall, hub_cpu, proxy_cpu, lessons):
    print()
    print("| learner | spawn s | first figure s (max) | slider p50 ms | slider p95 ms | moves | missed frames "
          "| peak PSS MB (server + kernel) | kernel PSS MB | CPU s per lesson |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for l in class_:
        if l.error or len(l.first_figure_s) < lessons:
            print("| {} | failed: {} |".format(l.name, l.error or "did not finish in time"))
            continue
        print("| {} | {:.1f} | {:.1f} | {:.0f} | {:.0f} | {} | {} | {:.0f} | {:.0f} | {:.1f} |".format(
            l.name, l.spawn_s, max(l.first_figure_s), percentile(l.slider_ms, 50), percentile(l.slider_ms, 95),
            len(l.slider_ms) + l.missed_frames, l.missed_frames, l.peak_pss, l.kernel_pss,
            statistics.mean(l.cpu_per_lesson)))
    done = [l for l in class_ if not l.error and len(l.first_figure_s) == lessons]
    if not done:
        print("\nNo learner finished.")
        return 1
    sliders = [ms for l in done for ms in l.slider_ms]
    firsts = [s for l in done for s in l.first_figure_s]
    spawns = [l.spawn_s for l in done]
    per_learner = statistics.mean(l.peak_pss for l in done)
    cpu = statistics.mean(c for l in done for c in l.cpu_per_lesson)
    print("| **all {} of {}** | p50 {:.1f}, p95 {:.1f} | p50 {:.1f}, p95 {:.1f} | {:.0f} | {:.0f} | {} | {} "
          "| mean {:.0f}, max {:.0f} | max {:.0f} | {:.1f} |".format(
              len(done), len(class_), percentile(spawns, 50), percentile(spawns, 95), percentile(firsts, 50),
              percentile(firsts, 95), percentile(sliders, 50), percentile(sliders, 95),
              len(sliders) + sum(l.missed_frames for l in done), sum(l.missed_frames for l in done), per_learner,
              max(l.peak_pss for l in done), max(l.kernel_pss for l in done), cpu))
    print("\nHub: peak PSS {:.0f} MB, {:.1f} CPU s. Proxy: peak PSS {:.0f} MB, {:.1f} CPU s. Wall time {:.0f} s; "
          "{} lessons per learner.".format(peaks["hub"], hub_cpu, peaks["proxy"], proxy_cpu, wall, lessons))
    print("{} learners: {:.0f} MB per learner, slider p50 {:.0f} ms, p95 {:.0f} ms, first figure p95 {:.1f} s".format(
        len(class_), per_learner, percentile(sliders, 50), percentile(sliders, 95), percentile(firsts, 95)))
    return 0 if len(done) == len(class_) else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=5, help="learners at once (1 to 100)")
    parser.add_argument("--moves", type=int, default=2, help="moves of each slider per learner (1 to 10)")
    parser.add_argument("--notebooks", nargs="*", default=[], help="two-digit numbers (default: all)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds for the whole class (default: "
                                                                    "600 + 120 per learner)")
    args = parser.parse_args(argv)
    if not 1 <= args.learners <= 100 or not 1 <= args.moves <= 10:
        parser.error("--learners must be 1 to 100 and --moves 1 to 10")
    if not sys.platform.startswith("linux"):
        parser.error("the rehearsal reads /proc for memory and CPU: Linux only")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the finally blocks stop the hub
    try:
        return rehearse(args.learners, args.moves, notebooks_of(args.notebooks),
                        args.timeout or 600 + 120 * args.learners)
    except RehearsalError as error:
        sys.stderr.write("\n{}\n".format(error))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped; the hub and everything it started are stopped too.\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
