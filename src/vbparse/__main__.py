import sys

from vbparse.cli import main

sys.exit(main())
