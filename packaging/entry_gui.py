"""PyInstaller entry point of the windowed application (ptt-gui / ptt-gui.exe); same as the ``ptt-gui`` script."""

import sys

from app.ui.application import main

sys.exit(main())
