"""``python -m neuron`` runs the ``neuron`` command line."""
import sys

from .cli import main

sys.exit(main())
