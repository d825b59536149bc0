"""Small helpers shared by the tests of ``neuron``'s command line: run it in
this process, and write a CSV file with a header."""
import numpy as np

from neuron.cli import main


def run(capsys, *argv):
    """``(exit code, stdout, stderr)`` of ``neuron ARGV``."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(path, header, rows):
    """``rows`` as a CSV file at ``path`` with the column names ``header``."""
    np.savetxt(path, rows, delimiter=",", header=",".join(header), comments="")
    return path
