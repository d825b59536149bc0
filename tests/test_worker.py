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
