"""Hypothesis profiles: ``ci`` is derandomized with a fixed number of
examples so CI is repeatable; ``thorough`` runs many more, for local use:

    HYPOTHESIS_PROFILE=thorough pytest
"""
import os
import tempfile

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
