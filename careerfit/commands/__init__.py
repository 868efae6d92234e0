"""Sub-commands of the command line; each module offers ``add_parser`` and ``run``.

None of them imports Textual: ``careerfit report``, ``roles`` and ``check`` must start fast.

May import: anything but ``careerfit.app``; Textual never (a test inspects ``sys.modules``).
"""
