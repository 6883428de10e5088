"""Word lists, gazetteers and lookups: strings in, answers out, no spaCy."""
