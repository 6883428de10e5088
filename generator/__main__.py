"""``python -m generator`` is the ``newsbrief`` command."""

from generator.cli import main

main()
