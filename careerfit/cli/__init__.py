"""The command line: ``main`` (the console script), its parser, and one module per command
under ``commands``. A thin shell: it parses arguments, calls the core through the file
layer, prints, and turns the project's errors into one line and exit 2.

Imports stay lazy (inside functions) so ``careerfit --help`` starts fast; only ``main``
opens the app, and only from inside a function.

May import: everything but ``careerfit.app`` (``main`` alone may, lazily) and Textual.
"""
