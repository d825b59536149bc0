"""``python -m derive`` runs the ``derive`` command line."""
import sys

try:
    from .cli import main
except KeyboardInterrupt:
    print("derive: interrupted", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
