"""``python -m careerfit``."""

import sys

from careerfit.cli import main

sys.exit(main())
