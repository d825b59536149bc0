"""Mutation testing of the core modules with mutmut 3: plant one bug at a time, run the tests.

mutmut copies the project into ``mutants/``, learns once which tests call which function
(``mutants/mutmut-stats.json``), and runs for each mutant only the tests that reach it, so a
module is checked against its own tests.  This script picks the mutants of the named modules
(all of them, or a fixed random sample), forgets any earlier verdict on them so new tests count,
runs them in one ``mutmut run`` under ``nice -n 19`` with a time limit, and prints the kill rate per module and the survivors:

    python tools/mutation.py derive/parse.py --sample 40
    python tools/mutation.py --core --sample 30 --seed 1
    python tools/mutation.py --checker --sample 30           # the checker's judging: verdicts, algebra and the modules split from it
    python tools/mutation.py derive/losses.py --all --show    # every mutant, with the diffs
    python tools/mutation.py --core --sample 30 --report      # the last verdicts on that sample, run nothing
    python tools/mutation.py derive/check/claims.py --sample 10 \
        --tests tests/test_kill_check_claims.py tests/test_check_trust.py   # against these files' tests only

``--tests FILE …`` runs each mutant against only the named files' tests (those of them that reach
the mutated function), for a module nearly every test reaches, where the whole suite costs minutes a
mutant. Its kill rate is a lower bound on the whole suite's: a mutant those tests kill, the suite kills
too (it runs them), and a survivor may still be killed by a test outside them.

"Killed" counts mutants a test failed on, timed out on, or that crashed the run; "no tests"
means no selected test reaches the mutated function, and counts as a survivor.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).with_name("mutmut")

CORE = [
    "derive/parse.py", "derive/gradient.py", "derive/losses.py", "derive/symbols.py",
    "derive/descent/affine.py", "derive/descent/scan.py", "derive/descent/moments.py",
    "derive/descent/methods.py", "derive/descent/divergence.py", "derive/descent/schedule.py",
    "derive/descent/generated_loop.py", "derive/descent/reference.py",
    # the training engines split from methods/compiled: the blocked mean pass, the numba kernels'
    # runner, the SGD loop, the stacked linear maps, a saved model's objective, the engine's cost
    "derive/descent/fused.py", "derive/descent/numba_loop.py", "derive/descent/loop_runner.py",
    "derive/descent/affine_maps.py", "derive/descent/stored.py", "derive/descent/cost.py",
    "derive/testing/checks.py", "derive/testing/numeric.py",
    "neuron/validate.py", "neuron/persist.py", "neuron/safe_json.py",
]
#: the checker's judging: the functions that decide proved / numeric / wrong / skipped
CHECKER = ["derive/check/verdicts.py", "derive/check/budgeted_outcome.py", "derive/check/rereadings.py",
           "derive/check/second_readings.py", "derive/check/binary_labels.py", "derive/check/equation_chains.py",
           "derive/check/algebra.py",
           "derive/check/expansion.py", "derive/check/points.py", "derive/check/rounding.py", "derive/check/expected.py",
           # what is claimed and under which condition decides what is judged and how
           "derive/check/claims.py", "derive/check/chains.py", "derive/check/derivation.py",
           "derive/check/conditions.py", "derive/check/piecewise.py", "derive/check/decimals.py"]
#: exit codes of a mutant's test run that mean the tests noticed it: a failure (1), an error,
#: a timeout or a crash; 2 is pytest's "interrupted": the mutant let a Ctrl-C (KeyboardInterrupt)
#: that the code turns into a result escape, or raised one (the runs are unattended)
KILLED = {1, 2, 3, 36, -24, 24, 152, 255, -11, -9}


def _meta(module: str) -> Path:
    return ROOT / "mutants" / (module + ".meta")


#: Hypothesis's derandomized profile (tests/conftest.py): the same examples for the unmutated run and
#: every mutant, so a mutant is never "killed" by an input that fails without it
ENV = {**os.environ, "HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "ci")}


#: mutmut's record of which tests reach which function, and how long each takes
STATS = ROOT / "mutants" / "mutmut-stats.json"


def _test_files(names: list[str]) -> list[str]:
    """The test files ``names`` (paths such as tests/test_parse.py), as mutmut names them."""
    files = []
    for name in names:
        path = (ROOT / name).resolve()
        if not path.is_file() or path.suffix != ".py":
            raise SystemExit(f"mutation: no test file {name}")
        files.append(path.relative_to(ROOT).as_posix())
    return files


@contextmanager
def _only_tests(files: list[str] | None):
    """Within the block, mutmut's statistics say that only the tests of ``files`` reach each
    function, and ``tests/conftest.py`` deselects any other test a run is handed (one mutmut
    found new and collected itself); the statistics are put back afterwards."""
    if not files:
        yield ENV
        return
    saved = STATS.read_text()
    data = json.loads(saved)
    data["tests_by_mangled_function_name"] = {
        function: [t for t in tests if t.split("::")[0] in files]
        for function, tests in data["tests_by_mangled_function_name"].items()}
    STATS.write_text(json.dumps(data))
    try:
        yield {**ENV, "MUTATION_TEST_FILES": os.pathsep.join(files)}
    finally:
        STATS.write_text(saved)


def _refresh_copies() -> None:
    """mutmut copies a source file it does not mutate into ``mutants/`` once and never again:
    drop the copies that differ from their source, so the run copies them afresh (a fix in,
    say, ``derive/worker.py`` is then what the mutants run with)."""
    for folder in ("derive", "neuron"):
        for source in (ROOT / folder).rglob("*.py"):
            module = source.relative_to(ROOT).as_posix()
            copy = ROOT / "mutants" / module
            if copy.exists() and not _meta(module).exists() and copy.read_bytes() != source.read_bytes():
                copy.unlink()


def _generate() -> None:
    """Let mutmut copy the project, write the mutants and collect its test statistics."""
    subprocess.run(["nice", "-n", "19", str(MUTMUT), "run", "no.such.mutant"], cwd=ROOT, env=ENV,
                   stdout=subprocess.DEVNULL, check=False)


def _names(module: str) -> list[str]:
    return sorted(json.loads(_meta(module).read_text())["exit_code_by_key"])


def _forget(module: str, names: list[str]) -> None:
    """Drop earlier verdicts so the mutants are run again against the current tests."""
    path = _meta(module)
    data = json.loads(path.read_text())
    for name in names:
        data["exit_code_by_key"][name] = None
    path.write_text(json.dumps(data, indent=4))


def _verdicts(module: str, names: list[str]) -> dict[str, int | None]:
    codes = json.loads(_meta(module).read_text())["exit_code_by_key"]
    return {name: codes.get(name) for name in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="paths such as derive/parse.py")
    parser.add_argument("--core", action="store_true", help="every core module")
    parser.add_argument("--checker", action="store_true", help="the checker's judging (verdicts, algebra, expansion, points, rounding, expected, claims, chains, ...)")
    parser.add_argument("--sample", type=int, default=40, help="mutants per module (default 40)")
    parser.add_argument("--all", action="store_true", help="every mutant, no sampling")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for the whole run")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (mutmut's --max-children)")
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument("--tests", nargs="+", metavar="FILE",
                        help="run the mutants against only these test files (a lower bound on the kill rate)")
    parser.add_argument("--report", action="store_true",
                        help="run nothing: print the verdicts the last run left on the same sample")
    args = parser.parse_args(argv)
    modules = (CORE if args.core else []) + (CHECKER if args.checker else []) + args.modules
    if not modules:
        parser.error("name a module or pass --core or --checker")
    files = _test_files(args.tests) if args.tests else None
    if not all(_meta(m).exists() for m in modules) or not STATS.exists():
        _generate()
    chosen = {}
    for module in modules:
        names = _names(module)
        if not args.all and len(names) > args.sample:
            names = sorted(random.Random(f"{args.seed}:{module}").sample(names, args.sample))
        chosen[module] = names
        if not args.report:
            _forget(module, names)
    if not args.report:
        _refresh_copies()
        _run(chosen, args, files)
    _print(chosen, args)
    return 0


def _run(chosen: dict[str, list[str]], args: argparse.Namespace, files: list[str] | None) -> None:
    # one mutmut run for every module: the test statistics are loaded and the tests listed once
    with _only_tests(files) as env:
        run = subprocess.Popen(["nice", "-n", "19", str(MUTMUT), "run", f"--max-children={args.jobs}",
                                *(n for names in chosen.values() for n in names)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            run.wait(timeout=args.timeout)
        except (subprocess.TimeoutExpired, KeyboardInterrupt) as stop:  # stop mutmut and its workers (its session)
            os.killpg(run.pid, signal.SIGTERM)
            run.wait()
            print("stopped by Ctrl-C" if isinstance(stop, KeyboardInterrupt) else
                  f"stopped after {args.timeout:.0f} s", "; counting what finished", sep="")


def _print(chosen: dict[str, list[str]], args: argparse.Namespace) -> None:
    total_killed = total = 0
    for module, names in chosen.items():
        verdicts = _verdicts(module, names)
        done = {n: c for n, c in verdicts.items() if c is not None}
        killed = [n for n, c in done.items() if c in KILLED]
        survivors = [n for n in done if n not in killed]
        total_killed += len(killed)
        total += len(done)
        rate = 100 * len(killed) / len(done) if done else float("nan")
        print(f"{module}: {len(killed)}/{len(done)} killed ({rate:.0f}%)"
              + ("" if args.all else f", sample of {len(names)} of {len(_names(module))}")
              + (f", against {len(args.tests)} test file(s) only: a lower bound" if args.tests else ""))
        for name in survivors:
            print(f"  survived ({done[name]}): {name}")
            if args.show:
                shown = subprocess.run([str(MUTMUT), "show", name], cwd=ROOT,
                                       capture_output=True, text=True).stdout
                print("    " + shown.strip().replace("\n", "\n    "))
    if total:
        print(f"all: {total_killed}/{total} killed ({100 * total_killed / total:.0f}%)")


if __name__ == "__main__":
    sys.exit(main())
