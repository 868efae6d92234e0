"""The posting reader: what role a job posting really describes, and a market of them.

``reader`` reads one posting (sections, lexicon hits, the title as evidence); ``lexicon``
holds the plain records it scans with; ``titles`` reads a title alone; ``market`` and
``market_report`` aggregate many postings. Pure: the lexicon and texts are passed in.

May import: the standard library and ``careerfit.core``. Not textual, rich, pydantic, nor
the file formats, the command line, the app state or the app.
"""
