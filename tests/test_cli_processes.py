"""The command lines as processes: no worker outlives its parent, Ctrl-C
ends either command with one line and exit 130, and the exit codes are
reserved (a crash is 3, never 1 or 2)."""
import os
import signal
import subprocess
import sys
import time

import pytest

SLOW_NOTES = r"""# slow

$$\frac{d}{dx} \left( (x+1)^{99} (x+2)^{99} (x + 3)^{99} \right) = 0$$
"""
#: derive grad's worker spends minutes on this (SymPy's derivative of |u| for a u not known to be real).
SLOW_LOSS = "abs(log(b)**999)"


def children(pid: int) -> list[int]:
    """The processes ``pid`` started, from /proc."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie nobody reaped yet has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def start(*argv, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)


def worker_of(process: subprocess.Popen) -> int:
    assert wait_for(lambda: children(process.pid), 60), "no worker started"
    (worker,) = children(process.pid)
    return worker


pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux's /proc")


@pytest.mark.parametrize("argv", [
    ["-m", "derive", "check", "NOTES", "--timeout", "100"],
    ["-m", "derive", "grad", SLOW_LOSS, "--wrt", "b", "--timeout", "100"],
], ids=["check", "grad"])
def test_the_worker_dies_with_its_killed_parent_and_the_pipe_closes(tmp_path, argv):
    notes = tmp_path / "slow.md"
    notes.write_text(SLOW_NOTES)
    process = start(*[str(notes) if a == "NOTES" else a for a in argv])
    worker = worker_of(process)
    process.kill()
    process.wait(10)
    try:
        assert wait_for(lambda: not alive(worker), 5), "the worker outlived its parent"
        out, _ = process.communicate(timeout=5)  # EOF: nobody holds the parent's stdout any more
    finally:
        if alive(worker):
            os.kill(worker, signal.SIGKILL)


def test_ctrl_c_ends_derive_with_one_line_and_130(tmp_path):
    # as a terminal does: SIGINT to the whole foreground group, worker included
    process = start("-m", "derive", "grad", SLOW_LOSS, "--wrt", "b", "--timeout", "100", start_new_session=True)
    worker = worker_of(process)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err == "derive: interrupted\n" and out == ""
    assert wait_for(lambda: not alive(worker), 5)


def test_ctrl_c_ends_neuron_with_130_and_no_traceback():
    process = start("-m", "neuron", "fit", "--method", "loop", "--epochs", "2000000", "--lr", "0.1",
                    start_new_session=True)
    if wait_for(lambda: process.poll() is not None, 4):
        pytest.skip("training finished before Ctrl-C could be sent")
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "neuron: interrupted" in err


BUG_IN_WORKER = """
import importlib
import sys
import derive.worker
gradient_module = importlib.import_module("derive.gradient")
def broken(*args, **kwargs):
    raise KeyError("ComplexInfinity")
gradient_module.gradient = broken
derive.worker.start_method = lambda: "fork"  # the worker inherits the planted bug
from derive.cli import main
sys.exit(main(["grad", "(y - w*x)**2", "--wrt", "w"]))
"""


def test_a_crash_in_the_worker_exits_3_with_one_line(monkeypatch):
    monkeypatch.delenv("DERIVE_DEBUG", raising=False)
    done = subprocess.run([sys.executable, "-c", BUG_IN_WORKER], capture_output=True, text=True, timeout=120)
    assert done.returncode == 3
    assert done.stderr.startswith("derive: internal error (a bug; please report it): KeyError: 'ComplexInfinity'")
    assert len(done.stderr.splitlines()) == 1


def test_the_traceback_of_a_crash_comes_with_derive_debug():
    env = {**os.environ, "DERIVE_DEBUG": "1"}
    done = subprocess.run([sys.executable, "-c", BUG_IN_WORKER], capture_output=True, text=True, timeout=120,
                          env=env)
    assert done.returncode == 3
    assert done.stderr.splitlines()[0].startswith("derive: internal error")
    assert "Traceback (most recent call last)" in done.stderr


@pytest.mark.parametrize("argv, code", [
    (["grad", "(y - (w*x + b))**2"], 0),
    (["grad", "(y-(w*x+b))**2/0"], 2),
    (["grad", "x", "--wrt", "x", "--timeout", "nan"], 2),
    (["grad", "x", "--wrt", "x", "--timeout", "0"], 2),
    (["grad", "x", "--wrt", "x", "--timeout", "inf"], 0),
    (["grad", "x", "--wrt", "x", "--emit", "python", "--name", "lambda"], 2),
])
def test_derive_exit_codes(argv, code):
    done = subprocess.run([sys.executable, "-m", "derive", *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr


def test_a_budget_overrun_is_refused_with_exit_2():
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "derive", "grad", SLOW_LOSS, "--wrt", "b", "--timeout", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.startswith("derive: no result within 1 s")
    assert time.monotonic() - started < 60


def test_derive_check_takes_an_infinite_timeout(tmp_path):
    notes = tmp_path / "n.md"
    notes.write_text("$$\\frac{d}{dw} w^2 = 2 w$$\n")
    done = subprocess.run([sys.executable, "-m", "derive", "check", str(notes), "--timeout", "inf"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


FORK_SERVER_SCRIPT = """
import _thread, sys, time
sys.path.insert(0, {root!r})
from derive.worker import run_with_budget, start_method

if __name__ == "__main__":
    _thread.start_new_thread(time.sleep, (100,))  # a native thread: the worker comes from a fork server
    time.sleep(0.1)
    assert start_method() != "fork"
    print("started", flush=True)
    run_with_budget(time.sleep, (100,), 200)
"""


def test_a_worker_from_the_fork_server_dies_with_the_process_that_asked_for_it(tmp_path):
    script = tmp_path / "asker.py"
    script.write_text(FORK_SERVER_SCRIPT.format(root=os.getcwd()))
    process = start(str(script))
    # the worker is the fork server's child, not the asker's
    descendants = lambda: [g for c in children(process.pid) for g in children(c)]  # noqa: E731
    assert wait_for(descendants, 60), "no worker started"
    everyone = children(process.pid) + descendants()
    process.kill()
    process.wait(10)
    try:
        assert wait_for(lambda: not any(alive(p) for p in everyone), 10), "a worker outlived its parent"
    finally:
        for p in everyone:
            if alive(p):
                os.kill(p, signal.SIGKILL)


def descendants(pid: int) -> list[int]:
    found = children(pid)
    for child in list(found):
        found += descendants(child)
    return found


def test_ctrl_c_on_a_folder_ends_derive_check_with_one_line_and_130_and_no_process_left(tmp_path):
    """The pool's processes used to print a traceback each, and the parent
    waited for the files being checked: now they ignore Ctrl-C and the parent
    stops them."""
    for k in range(3):
        (tmp_path / f"slow{k}.md").write_text(SLOW_NOTES)
    process = start("-m", "derive", "check", str(tmp_path), "--timeout", "100", "--jobs", "2",
                    start_new_session=True)
    # each of the two pool processes has started its budget worker: the files are being judged
    assert wait_for(lambda: len(descendants(process.pid)) >= 4, 60), "the pool did not start"
    started = descendants(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
        assert process.returncode == 130
        assert err == "derive: interrupted\n" and out == ""
        assert wait_for(lambda: not any(alive(p) for p in started), 5), "a process outlived Ctrl-C"
    finally:
        for pid in [process.pid] + started:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
