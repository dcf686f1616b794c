"""English resources for finding and typing names.

Every list is hand-written, lower-case. English capitalises titles ("President
Lula") and headlines, so the finder strips :data:`TITLES` from the front of a
name and checks headline words against :data:`STOP_CAPITALISED`. Demonyms live
with the countries in the knowledge base (``nlp/kb/data``).
"""

from __future__ import annotations

from parallax.lang.en import MONTHS, WEEKDAYS

CONNECTORS: frozenset[str] = frozenset(
    {"of", "of the", "de", "da", "do", "dos", "das", "del", "van", "von", "der", "bin", "al"}
)

ORG_CONNECTORS: frozenset[str] = frozenset({"and", "&"})

TITLES: frozenset[str] = frozenset(
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord",
        "lady", "president", "vice president", "prime minister", "minister", "foreign minister",
        "finance minister", "chancellor", "senator", "sen.", "rep.", "representative", "governor",
        "gov.", "mayor", "king", "queen", "prince", "princess", "pope", "general", "gen.",
        "colonel", "col.", "captain", "capt.", "judge", "justice", "secretary", "secretary of state",
        "ambassador", "premier", "archbishop", "bishop", "cardinal", "father", "rev.", "reverend",
        "chairman", "chairwoman", "chief", "commissioner", "speaker", "leader", "spokesman",
        "spokeswoman", "spokesperson", "former", "ex-president", "officer", "sgt.", "lt.",
        "attorney general", "director", "ceo", "coach", "defence secretary", "defense secretary",
        "home secretary", "foreign secretary", "treasury secretary", "deputy", "sheikh", "emir",
        "crown prince", "president-elect", "superintendent", "inspector", "detective", "constable",
    }
)  # fmt: skip

ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "president": ("president",),
    "vice president": ("vice_president",),
    "vice-president": ("vice_president",),
    "prime minister": ("prime_minister", "head_of_government"),
    "premier": ("prime_minister", "head_of_government"),
    "chancellor": ("chancellor", "finance_minister"),
    "head of state": ("head_of_state",),
    "head of government": ("head_of_government",),
    "leader": ("head_of_government", "head_of_state"),
    "foreign minister": ("foreign_minister",),
    "finance minister": ("finance_minister",),
    "health minister": ("health_minister",),
    "justice minister": ("justice_minister",),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "foreign secretary": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "treasury secretary": ("finance_minister",),
    "minister": ("minister",),
    "secretary-general": ("secretary_general",),
    "secretary general": ("secretary_general",),
    "director-general": ("director_general",),
    "director general": ("director_general",),
    "managing director": ("managing_director",),
    "governor": ("governor",),
    "mayor": ("mayor",),
    "king": ("king",),
    "queen": ("king",),
    "pope": ("pope",),
    "pontiff": ("pope",),
    "senator": (),
    "congressman": (),
    "congresswoman": (),
    "lawmaker": (),
    "spokesman": (),
    "spokeswoman": (),
    "spokesperson": (),
    "judge": (),
    "prosecutor": (),
    "general": (),
    "ambassador": (),
    "candidate": (),
    "singer": (),
    "actor": (),
    "actress": (),
    "player": (),
    "coach": (),
    "businessman": (),
    "businesswoman": (),
    "economist": (),
    "lawyer": (),
    "professor": (),
    "researcher": (),
    "scientist": (),
    "doctor": (),
    "journalist": (),
    "writer": (),
    "author": (),
    "analyst": (),
    "official": (),
    "chief executive": (),
    "ceo": (),
    "founder": (),
    "son": (),
    "daughter": (),
    "wife": (),
    "husband": (),
    "mother": (),
    "father": (),
    "former president": (),
    "resident": (),
}

PORTFOLIOS: dict[str, str] = {
    "finance": "finance_minister",
    "economy": "finance_minister",
    "foreign affairs": "foreign_minister",
    "foreign": "foreign_minister",
    "health": "health_minister",
    "justice": "justice_minister",
    "defence": "defence_minister",
    "defense": "defence_minister",
    "education": "education_minister",
    "environment": "environment_minister",
    "interior": "interior_minister",
}

INSTITUTION_ROLE_PREPOSITIONS: frozenset[str] = frozenset({"of", "of the"})

ORG_CUES: frozenset[str] = frozenset(
    {
        "ministry", "department", "bank", "university", "college", "school", "agency", "party",
        "supreme", "court", "committee", "council", "commission", "foundation", "institute",
        "association", "union", "federation", "police", "senate", "congress", "parliament",
        "assembly", "house", "office", "organization", "organisation", "corporation", "company",
        "group", "army", "navy", "air", "forces", "force", "guard", "hospital", "church", "club",
        "board", "authority", "bureau", "service", "fund", "center", "centre", "museum", "network",
        "federal", "national", "international", "world", "european", "united", "general",
        "securities", "reserve", "treasury", "tribunal", "cabinet", "administration", "coalition",
        "alliance", "movement", "front", "league", "academy", "laboratory", "labs",
    }
)  # fmt: skip

ORG_SUFFIXES: frozenset[str] = frozenset(
    {"inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "co.", "group", "s.a.", "ag", "gmbh"}
)

LOC_CUES: frozenset[str] = frozenset(
    {
        "street", "st.", "avenue", "ave.", "road", "square", "river", "lake", "mount", "mountains",
        "island", "islands", "bay", "beach", "gulf", "sea", "ocean", "strait", "bridge", "park",
        "district", "province", "county", "state", "city", "region", "valley", "desert", "forest",
        "airport", "port", "station", "peninsula", "cape", "north", "south", "east", "west",
    }
)  # fmt: skip

LOC_CONTEXT: tuple[str, ...] = (
    "city of", "state of", "town of", "village of", "province of", "region of", "district of",
    "capital", "in the city of", "outskirts of", "born in", "lives in", "travelled to", "traveled to",
    "arrived in", "visit to", "visited", "near", "outside", "on the way to", "bound for",
)  # fmt: skip

LOC_PREPOSITIONS: frozenset[str] = frozenset({"in", "to", "from", "near", "across", "toward", "towards"})

SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "said", "says", "told", "stated", "added", "explained", "argued", "warned", "noted",
        "declared", "announced", "insisted", "claimed", "denied", "admitted", "wrote", "tweeted",
        "posted", "replied", "asked", "urged", "promised", "pledged", "vowed", "stressed",
        "acknowledged", "confirmed", "criticised", "criticized", "praised", "died", "was", "has",
    }
)  # fmt: skip

STOP_CAPITALISED: frozenset[str] = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "if", "in", "on", "at", "to", "of", "for", "from",
        "by", "with", "without", "as", "after", "before", "during", "since", "until", "while",
        "when", "where", "why", "how", "what", "who", "which", "that", "this", "these", "those",
        "there", "here", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
        "our", "my", "your", "not", "no", "yes", "also", "still", "yet", "already", "now", "then",
        "today", "yesterday", "tomorrow", "tonight", "according", "however",
        "meanwhile", "although", "though", "despite", "because", "so", "some", "many", "most",
        "more", "less", "all", "both", "each", "every", "other", "another", "such", "only", "even",
        "just", "about", "over", "under", "up", "down", "out", "off", "into", "onto", "upon",
        "against", "between", "among", "amid", "across", "through", "is", "are", "was", "were",
        "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "must",
        "might", "do", "does", "did", "advertisement", "read", "watch", "listen", "see",
        "photo", "video", "image", "file", "updated", "published", "share", "subscribe", "sign",
        "follow", "related", "latest", "news", "opinion", "analysis", "editorial", "live",
        "breaking", "exclusive", "new", "old", "first", "last", "says", "said", "top", "key", "big",
        "former", "government", "president",
        "minister", "police", "state", "country", "city", "capital", "nation", "world", "north",
        "south", "east", "west", "people", "year", "years", "day", "days", "week", "weeks", "month",
        "months", "hours", "deadly", "dead", "killed", "fire", "blaze", "floods", "flood", "storm",
        "attack", "deal", "talks", "vote", "election", "elections", "court", "rules", "ruling",
        "law", "bill", "plan", "calls", "call", "warns", "urges", "vows", "pledges", "seeks",
        "slams", "backs", "hits", "faces", "wins", "loses", "leaves", "rise", "rises", "fall",
        "falls", "cut", "cuts", "set", "sets", "least", "leaders", "leader", "summit", "meeting", "crisis",
        "war",
        "peace", "trade", "tariffs", "tariff", "economy", "rate", "rates", "interest", "inflation",
        "central", "bank", "officials", "official", "spokesperson", "reuters", "staff", "reporting",
        "editing", "writing", "nightclub", "club", "killing", "kills", "dozens", "scores",
        "thousands", "hundreds", "million", "billion", "record", "report", "reports", "probe",
        "investigation", "search", "rescue", "victims", "survivors", "families", "mourn", "mourns",
    }
) | frozenset({*WEEKDAYS, *MONTHS})  # fmt: skip

GENERIC_CAPITALISED: frozenset[str] = frozenset(
    {"president", "government", "state", "minister", "prime", "premier", "police", "federal", "national"}
)

FIRST_NAMES: frozenset[str] = frozenset(
    {
        "adam", "alan", "albert", "alex", "alexander", "alice", "amanda", "amy", "andrew", "angela",
        "ann", "anna", "anne", "anthony", "antony", "barbara", "ben", "benjamin", "bernie", "bill",
        "bob", "boris", "brian", "catherine", "charles", "charlotte", "chris", "christine",
        "christopher", "daniel", "david", "donald", "douglas", "edward", "elizabeth", "elon",
        "emily", "emma", "eric", "frank", "gary", "george", "gordon", "grace", "harry", "helen",
        "henry", "hillary", "jack", "jacob", "james", "jane", "janet", "jason", "jeff", "jeffrey",
        "jennifer", "jeremy", "jerome", "jessica", "jim", "joe", "john", "jonathan", "joseph",
        "joshua", "julia", "justin", "karen", "kate", "keir", "kevin", "kamala", "kristi", "larry",
        "laura", "liz", "lisa", "margaret", "mark", "marco", "mary", "matthew", "michael",
        "michelle", "mike", "nancy", "nicholas", "nick", "oliver", "patrick", "paul", "peter",
        "philip", "rachel", "richard", "rishi", "robert", "ron", "ryan", "sam", "samuel", "sarah",
        "scott", "sean", "sophie", "stephen", "steve", "steven", "susan", "theresa", "thomas",
        "tim", "timothy", "tom", "tony", "victoria", "william", "olivia", "jordan",
        "taylor", "kim", "lee", "ursula", "volodymyr", "vladimir", "emmanuel", "friedrich", "olaf",
        "narendra", "cyril", "javier", "xi", "li", "recep", "giorgia", "shigeru", "claudia", "gustavo",
        "nicolas", "nicolás", "gabriel", "mohammed", "muhammad",
        "ali", "ahmed", "hassan", "omar", "abdul", "sergei", "sergey", "dmitry", "alexei", "ivan",
        "yuri", "andrzej", "viktor", "mette", "pedro", "antónio", "antonio", "jair", "luiz",
    }
)  # fmt: skip

ORG_CONTEXT: frozenset[str] = frozenset(
    {
        "company", "firm", "newspaper", "group", "party", "organization", "organisation", "agency",
        "bank", "club", "team", "network", "broadcaster", "carrier", "airline", "startup", "maker",
        "giant", "lender", "insurer", "retailer", "miner", "automaker", "institute", "outlet",
    }
)  # fmt: skip

PRONOUNS: frozenset[str] = frozenset({"he", "she"})

DETERMINERS: frozenset[str] = frozenset({"the", "this", "that"})

MISC_CUES: frozenset[str] = frozenset(
    {
        "act", "bill", "law", "operation", "festival", "cup", "championship", "prize", "award",
        "war", "revolution", "summit", "conference", "games", "olympics", "treaty", "accord", "pact",
        "plan", "programme", "program",
    }
)  # fmt: skip

PERSON_PREFIXES: frozenset[str] = frozenset()

ROLE_CLASSES: dict[str, str] = {
    **{
        noun: "expert"
        for noun in ("professor", "researcher", "analyst", "economist", "scientist", "expert", "academic")
    },
}

NOT_NAMES: frozenset[str] = frozenset(
    {
        "gdp",
        "ceo",
        "cfo",
        "tv",
        "covid",
        "covid-19",
        "hiv",
        "aids",
        "dna",
        "ok",
        "us$",
        "ai",
        "icu",
        "km",
        "kg",
    }
)
