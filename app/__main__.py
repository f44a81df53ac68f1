"""``python -m app`` starts the desktop application (on the demo data unless a file is given)."""

import sys

from app.ui.application import main

sys.exit(main())
