"""``careerfit --help``, pre-rendered by ``python -m careerfit.cli.parser`` (a test keeps it current).

May import: nothing (data)."""

MAIN_HELP = (
    'usage: careerfit [-h] [--version] COMMAND ...\n'
    '\n'
    'Which data/ML role fits you today, and what is the easiest pivot from here? Run\n'
    'without a command to open the assessment app.\n'
    '\n'
    'options:\n'
    '  -h, --help  show this help message and exit\n'
    '  --version   show the version and exit\n'
    '\n'
    'commands:\n'
    '  COMMAND\n'
    '    report    write the gap report for a saved profile\n'
    '    roles     list the role profiles and what each asks of every area\n'
    '    check     validate a question bank folder\n'
    '    title     name the roles closest to a job title, with the deciding words\n'
    '    posting   analyse a job posting: the role it reads like, the evidence and,\n'
    '              with a profile, your fit\n'
    '    postings  scan many postings: which roles they really are, what the market\n'
    '              asks, and what to learn\n'
    '\n'
    'Examples: careerfit | careerfit ada.toml | careerfit --bank mybank ada.toml |\n'
    'careerfit report ada.toml --target ml_engineer | careerfit roles\n'
)
