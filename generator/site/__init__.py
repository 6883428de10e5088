"""The site: catalog, entity keys and aliases, page views, rendering, escaping and writing.

Everything here works on the model (``generator.model``) and asks word lists
of the lexicon: it never imports ``generator.extract``, so pages are built,
and tested, from briefs alone: entity and brief pages, list pages and
pagination, related briefs, JSON-LD, feeds and "who is quoted".
"""
