"""``python -m cellkg``: the same as the ``cellkg`` command."""

import sys

from cellkg.cli.main import main

sys.exit(main())
