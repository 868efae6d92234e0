"""Sub-commands of the command line; each module offers ``add_parser`` and ``run``.

None of them imports Textual: ``careerfit report``, ``roles`` and ``check`` must start fast.
"""
