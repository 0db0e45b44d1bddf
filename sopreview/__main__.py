"""`python -m sopreview` runs the CLI."""

from sopreview.cli import main

raise SystemExit(main())
