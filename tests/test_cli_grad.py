"""`derive grad`: output, exit codes, and refusals without a traceback."""
import json
import subprocess
import sys

import pytest
import sympy as sp

from derive.cli import main

w, b, x, y = sp.symbols("w b x y", real=True)


def run(*argv):
    return subprocess.run([sys.executable, "-m", "derive", *argv], capture_output=True, text=True, timeout=120)


def test_prints_each_partial_derivative(capsys):
    assert main(["grad", "(y - (w*x + b))**2 / 2", "--wrt", "w", "b"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("d/dw = ") and lines[2].startswith("d/db = ")


def test_json_output_parses_and_holds_the_gradient(capsys):
    assert main(["grad", "(y - (w*x + b))**2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["wrt"] == ["w", "b"] and out["args"] == ["w", "b", "x", "y"]
    from derive import parse_expression
    assert sp.simplify(parse_expression(out["gradient"]["w"]) + 2 * (y - w * x - b) * x) == 0


def test_emitted_python_runs(capsys):
    assert main(["grad", "(y - (w*x + b))**2 / 2", "--emit", "python", "--name", "half_se_grad"]) == 0
    namespace = {}
    exec(capsys.readouterr().out, namespace)  # our own generated code
    assert namespace["half_se_grad"](2.0, 1.0, 3.0, 0.0) == (21.0, 7.0)


def test_hostile_expression_exits_2_with_a_message_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    result = run("grad", f"__import__('os').system('touch {marker}')", "--wrt", "w")
    assert result.returncode == 2
    assert "got a call to __import__" in result.stderr and "Traceback" not in result.stderr
    assert not marker.exists()


def test_unknown_parameter_exits_2(capsys):
    assert main(["grad", "(y - w*x)**2", "--wrt", "b"]) == 2
    assert "no symbol b" in capsys.readouterr().err


def test_module_entry_point_and_help():
    result = run("grad", "--help")
    assert result.returncode == 0 and "--wrt" in result.stdout and "--emit" in result.stdout


def test_printed_derivatives_read_back_as_the_same_expressions(capsys):
    from derive import gradient, parse_expression

    text = "abs(y - (w*x + b)) + sigmoid(w) * log(x)"
    assert main(["grad", text, "--wrt", "w", "b", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    g = gradient(parse_expression(text), ["w", "b"])
    for name, printed in out["gradient"].items():
        assert parse_expression(printed) == g.exprs[name]


def test_e_and_pi_print_as_the_reader_writes_them(capsys):
    # SymPy's str prints Euler's number as E, which reads back as a new symbol E
    assert main(["grad", "e*w + pi*w**2", "--wrt", "w"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["loss = pi*w**2 + e*w", "d/dw = 2*pi*w + e"]
    from derive import parse_expression
    assert parse_expression(lines[1].split(" = ")[1]) == 2 * sp.pi * w + sp.E


def test_emitted_docstrings_spell_abs_as_the_reader_does(capsys):
    assert main(["grad", "abs(y - (w*x + b))", "--emit", "python"]) == 0
    out = capsys.readouterr().out
    assert '"""Gradient of abs(b + w*x - y) with respect to w, b."""' in out and "Abs" not in out


def test_grad_help_lists_every_function_the_reader_accepts():
    from derive.symbols import FUNCTIONS

    import re

    words = set(re.findall(r"[a-z]+", run("grad", "--help").stdout))
    assert set(FUNCTIONS) - {"ln"} <= words


def test_a_bug_is_not_reported_as_bad_input(monkeypatch, capsys):
    import derive.cli

    def broken(*args, **kwargs):
        raise TypeError("a programming error")

    monkeypatch.setattr(derive.cli, "grad_text", broken)
    assert main(["grad", "(y - w*x)**2", "--wrt", "w", "--timeout", "inf"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("derive: internal error") and "TypeError: a programming error" in err
    assert len(err.splitlines()) == 1 and "DERIVE_DEBUG" in err


def test_input_errors_share_one_base_class():
    from derive import ExpressionError, InputError, gradient, parse_expression

    assert issubclass(ExpressionError, InputError) and issubclass(InputError, ValueError)
    with pytest.raises(InputError, match="no symbol v"):
        gradient(parse_expression("(y - w*x)**2"), ["v"])


def test_grad_help_imports_no_sympy():
    script = ("import runpy, sys\n"
              "sys.argv = ['derive', 'grad', '--help']\n"
              "try:\n    runpy.run_module('derive', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print('sympy' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "--wrt" in result.stdout and result.stderr.strip() == "False"
