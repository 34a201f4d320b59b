"""Why cleaning took a span out: the reasons shown by ``synopsis clean --explain``."""

BANNER = "change-tracker banner"
OLDER_VERSION = "older version (change tracker)"
JOINED_DUPLICATE = "same text joined twice"
FURNITURE = "page furniture"
CAPTION = "photo caption or credit"
CREDIT = "reporting credit"
WIRE_NOTE = "wire update note"
WIRE_HEADER = "wire header"
AGENCY = "agency line"
SEPARATOR = "separator line"
DATE = "date line"
ARCHIVE = "web-archive notice"
REPEATED = "repeated line"
SHARED = "furniture repeated across documents"
TITLE = "headline"
STANDFIRST = "standfirst"
BYLINE = "byline"
HEADER = "header line"
SUBHEAD = "subhead"
DATELINE = "dateline"
MARKUP = "markup residue"
EMBED = "embedded social-media post"
BRACKETED = "bracketed note or link"
TRAILING = "trailing link or tag"

# Whole documents (``CleanDocument.dropped``), as shown in ``Summary.notes``.
NOTICE_PAGE = "a site notice, not an article (error page, login wall, widget text)"
NOTHING_LEFT = "nothing but page furniture"
OFF_TOPIC = "off-topic: none of it is the story the other sources tell"
OFF_TOPIC_PAIR = (
    "off-topic: shares no story with the only other source, and reads as no news report"
    " (no reported speech or dates, or more first and second person) where that one does"
)
OFF_TOPIC_PAGE = (
    "off-topic: a page that is no article (a product page, a how-to, a fact sheet: it"
    " tells the reader what to do or buy) and shares no story with any other source"
)
OFF_TOPIC_PAIR_PAGE = (
    "off-topic: shares no story with the only other source, neither reads as a news report,"
    " and it is a page that is no article (it tells the reader what to do or buy) where the"
    " other is not"
)
OFF_TOPIC_HEADLINE = (
    "off-topic: shares no story with the only other source, and its text does not tell"
    " its own headline, which the other source's text does"
)
# Two sources kept that share no story (``CleanDocument.note``, shown in ``Summary.notes``).
NO_SHARED_STORY = (
    "documents {} and {} share no story, and neither their kind nor their headlines say"
    " which is the cluster's: both kept, so the summary may mix two stories"
)
