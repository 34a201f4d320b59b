"""The word lists of the dependency rules (:mod:`synopsis.dependencies`): verbs of saying,
pronouns, connectives, titles, and the words that are no person's name.

Kept apart from the rules so that those read as rules; the alternations are regular
expression text (their order is the order the matcher tries them), the sets lower-cased
words.
"""

from __future__ import annotations

# Subjects and possessives that point back to something named before.
PRONOUNS = (
    "he|she|they|it|its|his|her|their|them|this|these|those|that|such|both|"
    "the latter|the former|the same|the two|the pair|the move|the decision|"
    "the announcement|the comments|the remarks|the statement|the incident|the news|"
    "the change|the development|the report|the group|the company|the man|the woman|"
    "the suspect|the victim|the boy|the girl|the couple|the official|the agency|"
    "the organization|the organisation"
)

# Words and phrases that open a sentence by connecting it to the one before.
CONNECTIVES = (
    "but|however|also|still|meanwhile|instead|and|yet|so|moreover|furthermore|"
    "nevertheless|nonetheless|thus|therefore|hence|besides|otherwise|then|later|"
    "afterwards|afterward|likewise|similarly|indeed|additionally|regardless|rather|"
    "even so|in addition|in fact|as a result|in response|at the same time|"
    "on the other hand|by contrast|in contrast|despite this|after that|as well|"
    "for his part|for her part|for their part|not only that|that said|"
    "in turn|to that end|even then|until then|since then|by then"
)

# Verbs of saying; an attribution is one of these outside the quotation marks.
SAY = (
    r"said|says|say|told|tells|added|adds|asked|asks|wrote|writes|tweeted|explained|"
    r"explains|stated|states|noted|notes|insisted|insists|continued|continues|argued|"
    r"argues|warned|warns|declared|declares|recalled|recalls|acknowledged|acknowledges|"
    r"admitted|admits|replied|replies|responded|responds|claimed|claims|announced|"
    r"announces|testified|testifies|posted|posts|according to|confirmed|confirms|"
    r"suggested|suggests|remarked|observed|shouted|yelled|cried|joked|quipped|"
    r"conceded|concedes|complained|complains|reported|reports|predicted|predicts|"
    r"reads|read|screamed|screams|shouts|shout|emailed|emails|texted|texts|"
    r"whispered|pleaded|begged|urged|urges|vowed|vows|promised|promises"
)

# Titles before a person's name ("Lt. Todd Joyce").
TITLES = (
    r"Mr|Mrs|Ms|Dr|Gen|Lt|Sgt|Col|Capt|Cmdr|Adm|Sen|Rep|Gov|Prof|Rev|Det|Insp|Supt|Officer|"
    r"President|Secretary|Minister|Chief|Judge|Justice|Sheriff|Mayor|Prince|King|Queen"
)

# Events a short sentence may name as "the fight", "the talks" (dependencies._DEFINITE).
EVENTS = (
    "fight|attack|attacks|move|deal|talks|war|campaign|crash|shooting|incident|decision|"
    "plan|case|trial|vote|meeting|operation|strike|strikes|raid|blast|explosion|storm|"
    "outbreak|crisis|scandal|investigation|probe|lawsuit|agreement|proposal|effort|"
    "mission|announcement|killing|killings|accident|conflict|dispute|offer|request|"
    "violence|protest|protests|election|race|battle|collapse|fire"
)

# Capitalised runs that end in one of these name an institution, a place or a day, not a
# person who could be "he" or "she".
NOT_SURNAME = frozenset(
    [
        *("ministry", "department", "house", "council", "party", "police", "office"),
        *("agency", "committee", "court", "news", "times", "post", "press", "association"),
        *("university", "college", "school", "army", "forces", "force", "guard", "service"),
        *("services", "administration", "government", "union", "nations", "states"),
        *("company", "inc", "corp", "group", "network", "organization", "organisation"),
        *("republic", "kingdom", "street", "county", "city", "center", "centre"),
        *("institute", "foundation", "commission", "bureau", "authority", "senate"),
        *("congress", "parliament", "assembly", "media", "television", "radio", "magazine"),
        *("journal", "channel", "board", "bank", "fund", "state", "hospital", "airport"),
        *("station", "church", "reuters", "monday", "tuesday", "wednesday", "thursday"),
        *("friday", "saturday", "sunday", "january", "february", "march", "april", "june"),
        *("july", "august", "september", "october", "november", "december", "island"),
        *("islands", "sea", "ocean", "river", "valley", "east", "west", "north", "south"),
        *("america", "africa", "europe", "asia", "command", "fire", "club", "league"),
        *("team", "project", "program", "programme", "initiative", "world", "cup"),
        *("highway", "road", "avenue", "boulevard", "park", "beach", "lake", "bridge"),
        *("mountain", "square", "hall", "complex", "center", "arena", "stadium", "field"),
        *("caption", "photos", "images", "getty", "ap", "afp", "cnn", "bbc", "nbc", "abc"),
    ]
)

# Sentence-initial capitals that are no first name.
NOT_NAME_START = frozenset(
    [
        *("the", "a", "an", "in", "on", "at", "but", "and", "as", "after", "before"),
        *("when", "while", "if", "this", "that", "it", "his", "her", "their", "its", "for"),
        *("with", "by", "from", "of", "to", "last", "next", "police", "officials"),
    ]
)

# Capitalised words next to a verb of saying that are no surname ("Officials said").
NOT_A_NAME = frozenset(
    [
        *("he", "she", "they", "it", "we", "i", "you", "this", "that", "who", "which"),
        *("officials", "authorities", "police", "investigators", "witnesses", "experts"),
        *("analysts", "critics", "officers", "prosecutors", "doctors", "researchers"),
        *("spokesman", "spokeswoman", "spokesperson", "sources", "residents", "reports"),
        *("the", "a", "an", "and", "but", "also", "later", "then", "earlier", "yesterday"),
        *("today", "tonight", "statement", "report", "study", "data", "documents"),
    ]
)

# Common given names, written for :mod:`synopsis.casing`: in lower-cased copy a person is
# recognised by one of these followed by a surname. Names that are also common English
# words ("will", "may", "mark", "grace", "frank", "bill", "rose") are left out: "will
# run" is no person.
FIRST_NAMES = frozenset(
    """
    aaron adam adrian ahmed aidan alan albert alex alexander alexandra alexis ali alice
    alicia allan allen allison amanda amber amy andrea andrew andy angela ann anna anne
    annie anthony antonio arthur ashley barack barbara benjamin bernie beth betty beverly
    bradley brandon brendan brett brian brittany bruce bryan caitlin cameron carl carla
    carlos carmen caroline carol catherine charles charlie charlotte cheryl chris
    christian christina christine christopher cindy claire clarence clint colin connor
    craig cynthia dale damian daniel danielle danny darren david debbie deborah dennis
    derek diana diane donald donna doris dorothy douglas dylan edward elena elizabeth
    ellen emily emma eric erica erik ethan eugene evan francis frederick gary george
    gerald gina gloria gordon gregory hannah harold harry heather helen henry hillary
    howard ian isaac jacob jacqueline james jamie jane janet jared jason javier jean
    jeff jeffrey jennifer jenny jeremy jerry jesse jessica jill joan joanna joe joel john
    johnny jonathan jordan jorge jose joseph joshua joyce juan judith julia julian julie
    justin karen karl kate katherine kathleen kathryn kathy katie keith kelly kenneth
    kevin kimberly kristen kyle larry laura lauren lawrence leah leonard leslie linda
    lindsey lisa logan lori louis louise lucas luis luke lynn madeline manuel marco
    margaret maria marie marilyn mario marjorie martha martin marvin mary matt matthew
    megan melanie melissa michael michele michelle miguel mike mitch mitt mohammed
    monica muhammad nancy natalie nathan nicholas nick nicole noah norman oliver olivia
    omar pamela patricia patrick paul paula pedro peter philip phillip rachel ralph
    randy raymond rebecca richard rick robert roberto roger ronald russell ryan
    samantha samuel sandra sara sarah scott sean sergei shannon sharon shawn sheila
    shirley stephanie stephen steve steven susan tammy teresa terry theresa thomas
    timothy tina todd tom tommy tony tracy travis tyler valerie vanessa victor victoria
    vincent virginia vladimir walter wayne william zachary
    """.split()  # noqa: SIM905 (a list literal of 298 names would not read)
)
