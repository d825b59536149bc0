"""``python -m neuron`` runs the ``neuron`` command line."""
import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while NumPy and SymPy load
    print("neuron: interrupted", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
