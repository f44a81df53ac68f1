"""PyInstaller entry point of the console command line (ptt / ptt.exe); same as the ``ptt`` script."""

import sys

from app.cli import main

sys.exit(main())
