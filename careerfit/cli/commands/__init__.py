"""Sub-commands of the command line; each module offers ``add_parser`` and ``run``.

None of them imports Textual: ``careerfit report``, ``roles`` and ``check`` must start fast.

Its modules may import: ``cli.common``, ``cli.output``, ``careerfit.formats``, ``careerfit.postings``
and ``careerfit.core``, lazily; never ``careerfit.app`` nor Textual (a test inspects ``sys.modules``).
"""
