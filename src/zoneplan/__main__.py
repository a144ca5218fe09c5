"""``python -m zoneplan`` runs the command line.

The guard matters: worker processes started by ``--jobs`` may import this
module again (as ``__mp_main__``), and must not run the command a second time.
"""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
