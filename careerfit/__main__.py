"""``python -m careerfit``."""

import sys

from careerfit.cli.main import main

sys.exit(main())
