"""neuron fit --help starts fast: parsing it imports neither SymPy nor the
trainer, and the names it lists are the trainer's own."""
import subprocess
import sys
from pathlib import Path

import pytest

from derive import names

ROOT = Path(__file__).resolve().parent.parent


def modules_after(argv: list[str], module: str) -> tuple[str, set[str]]:
    """stdout of ``python -m module argv`` and the modules it had imported."""
    script = ("import runpy, sys\n"
              f"sys.argv = {[module, *argv]!r}\n"
              "try:\n"
              f"    runpy.run_module({module!r}, run_name='__main__', alter_sys=True)\n"
              "except SystemExit:\n    pass\n"
              "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return result.stdout, set(result.stderr.split())


@pytest.mark.parametrize("argv", [["fit", "--help"], ["--help"], []])
def test_neuron_help_imports_no_sympy(argv):
    out, modules = modules_after(argv, "neuron")
    assert "sympy" not in modules
    assert "derive.descent" not in modules


def test_neuron_fit_help_lists_every_method_init_and_loss():
    out, _ = modules_after(["fit", "--help"], "neuron")
    for name in [*names.METHODS, *names.INITS, *names.LOSSES]:
        assert name in out


def test_the_light_names_are_the_trainers():
    from derive.descent import METHODS
    from neuron.neuron import INITS

    assert tuple(METHODS) == names.METHODS
    assert INITS == names.INITS


def test_import_neuron_is_lazy_but_complete():
    import neuron

    assert neuron.Neuron.__name__ == "Neuron"
    assert issubclass(neuron.TrainingDiverged, ArithmeticError)
    for name in neuron.__all__:
        assert getattr(neuron, name) is not None
