"""Hypothesis profiles: ``ci`` is derandomized with a fixed number of
examples so CI is repeatable; ``thorough`` runs many more, for local use:

    HYPOTHESIS_PROFILE=thorough pytest
"""
import os
import sys
import tempfile

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# generated source is cached on disk (derive.cache): the tests, and the CLIs
# they start, write to a folder of their own, never the user's ~/.cache
# (DERIVE_NEURON_CACHE=some/folder reuses one, to test warm starts)
os.environ.setdefault("DERIVE_NEURON_CACHE", tempfile.mkdtemp(prefix="derive-neuron-test-cache-"))

if "MUTANT_UNDER_TEST" in os.environ:  # mutmut's trampolines triple the stack depth of the reader's recursion
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    # and the on-disk cache of generated loops would hand a mutant of the code generator
    # (derive.descent.generated_loop) the source the unmutated run wrote: build it every time
    os.environ["DERIVE_NEURON_CACHE"] = "off"
    # the checker's default budget of 3 s a step runs out under mutmut's tracing on busy shared cores,
    # and a step "skipped: no verdict within the time budget" fails a test that is not about time:
    # ten times the budget from the default up (a test of the budget itself passes less, and keeps it)
    # (budgeted_outcome.py's phases of a step, and verdicts.py's own budgeted calls: both look up _within)
    from derive.check import budgeted_outcome as _budgeted, verdicts as _verdicts

    _within = _budgeted._within
    _budgeted._within = _verdicts._within = lambda seconds, function, *args: _within(
        seconds * 10 if seconds >= _verdicts.DEFAULT_SECONDS else seconds, function, *args)


def pytest_collection_modifyitems(config, items):
    """``tools/mutation.py --tests FILE …`` runs a mutant against those files' tests only
    (MUTATION_TEST_FILES): any other test mutmut hands the run is deselected."""
    files = os.environ.get("MUTATION_TEST_FILES")
    if not files:
        return
    chosen = set(files.split(os.pathsep))
    keep = [item for item in items if item.nodeid.split("::")[0] in chosen]
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid.split("::")[0] not in chosen])
    items[:] = keep


@pytest.fixture(autouse=True)
def _fresh_caches_under_mutation_testing():
    """Under mutation testing (tools/mutation.py; mutmut names the mutant in MUTANT_UNDER_TEST)
    each mutant runs in a process forked after the unmutated code filled derive's caches: forget
    them, so a mutant in building a gradient, an objective or a problem is built and run."""
    if "." in os.environ.get("MUTANT_UNDER_TEST", ""):
        from derive.descent.objective import _cached_objective
        from derive.gradient import _cached_gradient
        from neuron.bundle import _FOUND
        from neuron.problem import _cached_problem

        for cache in (_cached_gradient, _cached_objective, _cached_problem):
            cache.cache_clear()
        _FOUND.clear()
    yield
