"""derive.worker: the killable worker of `derive check`; derive.gradient
never starts it."""
import _thread
import math
import subprocess
import sys
import textwrap
import time

import pytest

from derive.worker import WorkerError, run_with_budget, start_method


def test_an_exception_in_the_worker_keeps_its_type():
    with pytest.raises(ValueError, match="math domain error") as caught:
        run_with_budget(math.sqrt, (-1.0,), 60)
    assert isinstance(caught.value, WorkerError)  # and says where it came from
    with pytest.raises(ZeroDivisionError):
        run_with_budget(divmod, (1, 0), 60)


def test_an_os_error_in_the_worker_keeps_its_type_and_errno():
    with pytest.raises(FileNotFoundError) as caught:
        run_with_budget(open, ("/nonexistent/derive-neuron",), 60)
    assert caught.value.errno == 2


def test_an_exception_that_cannot_travel_is_a_worker_error_with_its_name():
    from derive.worker import _reraised

    err = _reraised(None, (), "Unpicklable: details")
    assert type(err) is WorkerError and str(err) == "Unpicklable: details"


def test_a_native_thread_rules_out_fork():
    # a thread started below the threading module, as JAX or BLAS start theirs
    _thread.start_new_thread(time.sleep, (3,))
    time.sleep(0.05)
    assert start_method() != "fork"


def test_the_first_gradient_starts_no_process():
    script = textwrap.dedent("""
        import multiprocessing, os
        from derive import gradient, losses
        g = gradient(losses.logistic_cross_entropy(losses.linear(3)), ["w_1", "w_2", "w_3", "b"])
        g.scalar(*[0.5] * len(g.names))
        children = [t for t in os.listdir("/proc/self/task")
                    if open(f"/proc/self/task/{t}/children").read().strip()]
        print(len(multiprocessing.active_children()), len(children))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "0"]


def test_a_forked_child_starts_its_own_worker_and_leaves_the_parents_running():
    """Catches a child forked after the worker started (a process pool's, a test runner's)
    asking the parent's worker whether it is alive (``multiprocessing`` refuses: "can only test
    a child process"), or stopping it."""
    script = textwrap.dedent("""
        import math, os
        from derive import worker
        from derive.worker import run_with_budget
        assert run_with_budget(math.sqrt, (4.0,), 60) == 2.0  # the parent's worker runs
        first = worker._worker._process.pid
        pid = os.fork()
        if pid == 0:
            try:
                ok = run_with_budget(math.sqrt, (9.0,), 60) == 3.0 and worker._worker._process.pid != first
            except BaseException:
                ok = False
            os._exit(0 if ok else 1)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), run_with_budget(math.sqrt, (16.0,), 60),
              worker._worker._process.pid == first)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "4.0", "True"]
