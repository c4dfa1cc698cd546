"""The member guide's build: an MkDocs plugin that puts the engine's answers into the site.

Build time only; never shipped to the browser. Everything starts from :mod:`.plugin`.
"""
