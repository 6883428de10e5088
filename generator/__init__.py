"""newsbrief: trustworthy briefs of news articles, published as a static site."""

__version__ = "0.1.0"
