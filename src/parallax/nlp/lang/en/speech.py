"""English resources for finding who said what.

Every list is hand-written, lower-case; verb lists hold surface forms.
"""

from __future__ import annotations

from parallax.lang.en import MONTHS, WEEKDAYS


def _forms(*verbs: str) -> frozenset[str]:
    """Regular forms: base, 3rd person, past, gerund ("warn" -> warns, warned, warning)."""
    out: set[str] = set()
    for verb in verbs:
        if verb.endswith("e"):
            out.update({verb, verb + "s", verb + "d", verb[:-1] + "ing"})
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            out.update({verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"})
        elif verb.endswith(("sh", "ch", "ss", "x")):
            out.update({verb, verb + "es", verb + "ed", verb + "ing"})
        else:
            out.update({verb, verb + "s", verb + "ed", verb + "ing"})
    return frozenset(out)


#: Verbs that report speech and take a "that" clause (or a bare clause) or frame a direct quote.
SAY_VERBS: frozenset[str] = frozenset(
    {
        "said",
        "says",
        "saying",
        "told",
        "tells",
        "telling",
        "wrote",
        "writes",
        "written",
        "writing",
        "spoke",
        "speaks",
        "thinks",
        "thought",
        "believes",
        "believed",
        "insisted",
        "insists",
    }
) | _forms(
    "add",
    "state",
    "explain",
    "warn",
    "note",
    "argue",
    "claim",
    "tweet",
    "announce",
    "confirm",
    "deny",
    "admit",
    "acknowledge",
    "stress",
    "emphasize",
    "emphasise",
    "declare",
    "assert",
    "maintain",
    "observe",
    "remark",
    "reply",
    "respond",
    "conclude",
    "predict",
    "caution",
    "recall",
    "suggest",
    "complain",
    "concede",
    "comment",
    "report",
    "reiterate",
    "allege",
    "estimate",
    "testify",
    "vow",
    "promise",
    "pledge",
    "boast",
    "lament",
    "disclose",
    "reveal",
    "indicate",
    "inform",
    "assure",
    "contend",
    "underline",
    "point",
    "post",
    "signal",
    "clarify",
    "repeat",
)

#: Verbs that frame a direct or partial quote but do not introduce reported speech.
FRAME_VERBS: frozenset[str] = frozenset({"began", "begins"}) | _forms(
    "call",
    "describe",
    "ask",
    "urge",
    "criticise",
    "criticize",
    "praise",
    "continue",
    "shout",
    "exclaim",
    "thank",
    "condemn",
    "reject",
    "react",
    "joke",
    "quip",
    "demand",
    "threaten",
    "label",
    "brand",
    "dub",
    "term",
    "question",
    "plead",
    "appeal",
)

COMPLEMENTIZERS: frozenset[str] = frozenset({"that"})

#: English past participles equal the past forms already listed; no auxiliary rule is needed.
PARTICIPLES: frozenset[str] = frozenset()
PERFECT_AUXILIARIES: frozenset[str] = frozenset()

INFINITIVES: frozenset[str] = frozenset({"say", "add", "insist", "warn", "stress", "argue"})
INFINITIVE_GOVERNORS: tuple[str, ...] = ("went on to", "goes on to", "was quick to", "were quick to")

RELATIVES: frozenset[str] = frozenset({"which", "who", "whom", "whose", "that", "where"})

INFINITIVE_ENDINGS: tuple[str, ...] = ()

ATTRIBUTION_PHRASES: tuple[str, ...] = ("according to", "in the words of", "in the view of", "per")

OPINION_PREPOSITIONS: frozenset[str] = frozenset()

SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they"})

DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our",
     "another", "other", "several", "some", "two", "three", "many"}
)  # fmt: skip

ORGANISATION_HEADS: frozenset[str] = frozenset(
    {
        "company", "government", "ministry", "agency", "department", "authorities", "statement",
        "source", "sources", "firm", "group", "organisation", "organization", "campaign", "party",
        "union", "bank", "court", "military", "army", "police", "committee", "council", "board",
        "utility", "insurer", "carmaker", "lender", "retailer", "operator", "officials", "residents",
        "witnesses", "experts", "analysts", "relatives", "workers", "employees",
    }
)  # fmt: skip

SPEAKER_HEADS: frozenset[str] = frozenset(
    {
        "president", "vice-president", "minister", "ministers", "premier", "chancellor", "spokesman",
        "spokeswoman", "spokesperson", "spokespeople", "secretary", "governor", "mayor", "senator",
        "senators", "representative", "lawmaker", "lawmakers", "official", "chief", "director",
        "leader", "leaders", "officer", "officers", "lawyer", "lawyers", "attorney", "prosecutor",
        "prosecutors", "judge", "witness", "resident", "analyst", "economist", "economists", "expert",
        "researcher", "researchers", "scientist", "scientists", "doctor", "doctors", "professor",
        "ceo", "executive", "chairman", "chairwoman", "chair", "founder", "ambassador", "envoy",
        "general", "commander", "colonel", "pope", "king", "queen", "prince", "coach", "manager",
        "player", "survivor", "survivors", "victim", "owner", "candidate", "activist", "activists",
        "diplomat", "diplomats", "aide", "aides", "adviser", "advisor", "negotiator", "investigator",
        "investigators", "inspector", "sheriff", "firefighter", "firefighters", "paramedic", "nurse",
        "father", "mother", "son", "daughter", "brother", "sister", "widow", "friend", "neighbour",
        "neighbor", "neighbours", "neighbors", "soldier", "soldiers", "worker", "employee", "student",
        "students", "passenger", "passengers", "driver", "patient", "journalist", "commentator",
        "regulator", "ombudsman", "monarch", "defence", "defense", "academic", "historian",
        "strategist", "spokesmen",
    }
) | ORGANISATION_HEADS  # fmt: skip

NAME_CONNECTORS: frozenset[str] = frozenset(
    {"de", "da", "do", "dos", "das", "van", "von", "der", "del", "bin", "al"}
)

PREPOSITIONS: frozenset[str] = frozenset(
    {"to", "in", "on", "at", "for", "with", "from", "by", "about", "of", "into", "after", "before",
     "during", "against", "over", "under", "between", "without", "within", "across", "toward",
     "towards", "through", "via", "near", "outside", "inside"}
)  # fmt: skip

FUNCTION_WORDS: frozenset[str] = (
    DETERMINERS
    | PREPOSITIONS
    | SUBJECT_PRONOUNS
    | frozenset(
        {
            "and",
            "or",
            "but",
            "however",
            "if",
            "when",
            "while",
            "as",
            "because",
            "since",
            "so",
            "also",
            "still",
            "already",
            "not",
            "yes",
            "no",
            "today",
            "yesterday",
            "tomorrow",
            "now",
            "then",
            "here",
            "there",
            "very",
            "more",
            "less",
            "only",
            "just",
            "is",
            "was",
            "are",
            "were",
            "be",
            "been",
            "will",
            "would",
            "has",
            "have",
            "had",
            "can",
            "could",
            "may",
            "might",
            "must",
            "should",
            "it",
            "i",
            "we",
            "you",
            "me",
            "him",
            "us",
            "them",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "where",
            "why",
            "how",
            "all",
            "each",
            "every",
            "both",
            "mr",
            "mrs",
            "ms",
            "dr",
            "meanwhile",
            "earlier",
            "later",
            "according",
            "read",
            "see",
            "watch",
            "although",
            "though",
            "despite",
            "yet",
            "even",
            "after",
            "last",
            "next",
            "this",
            "that",
        }
    )
    | frozenset({*WEEKDAYS, *MONTHS})
)

TITLE_CUES: frozenset[str] = frozenset(
    {
        "operation", "programme", "program", "project", "book", "film", "movie", "series", "song",
        "album", "novel", "play", "exhibition", "campaign", "movement", "hashtag", "plan", "act",
        "so-called", "called", "named", "dubbed", "nicknamed", "known", "titled", "entitled",
        "slogan", "motto", "newspaper", "magazine", "website", "blog", "podcast", "column",
        "term", "word", "phrase", "show", "documentary", "channel", "brand", "event", "festival",
        "band",
    }
)  # fmt: skip

#: Title cues that make any quoted fragment after them a name or a term, whatever its case; the other
#: title cues (nouns like "lei", "plano") only a short or capitalised one ("a lei “não tem volta”" is speech).
NAMING_WORDS: frozenset[str] = frozenset(
    {
        "so-called", "called", "named", "dubbed", "nicknamed", "known", "titled", "entitled",
        "slogan", "motto", "term", "word", "phrase", "hashtag",
    }
)  # fmt: skip

INSTITUTION_WORDS: frozenset[str] = frozenset(
    {"health", "finance", "justice", "education", "defence", "defense", "economy", "culture",
     "agriculture", "labour", "labor", "transport", "interior", "foreign", "affairs", "state",
     "treasury", "energy", "environment", "home", "office", "trade", "commerce", "police"}
)  # fmt: skip

VERB_ENDINGS: tuple[str, ...] = ("ed",)

SINGULAR_PRONOUNS: frozenset[str] = frozenset({"he", "she"})

#: Gender of the singular pronouns, to pass over a person of the other gender.
PRONOUN_GENDERS: dict[str, str] = {"he": "m", "she": "f"}
#: English articles carry no gender; titles do ("Mr", "Mrs").
MASCULINE_DETERMINERS: frozenset[str] = frozenset({"mr", "sir"})
FEMININE_DETERMINERS: frozenset[str] = frozenset({"mrs", "ms", "miss", "dame"})

ORGANISATION_WORDS: frozenset[str] = frozenset(
    {
        "ministry", "department", "government", "police", "bank", "institute", "committee", "council",
        "agency", "organisation", "organization", "university", "court", "party", "company",
        "corporation", "group", "union", "association", "federation", "commission", "office", "army",
        "navy", "force", "forces", "house", "senate", "congress", "parliament", "service", "board",
        "foundation", "fund", "centre", "center", "authority",
    }
)  # fmt: skip

#: Words that start a second, circumstantial clause in a headline ("Lula says … as leaders meet").
HEADLINE_CUTS: frozenset[str] = frozenset({"as", "amid", "while", "after", "before", "despite", "during"})

ADVERBS: frozenset[str] = frozenset({"also", "then", "later", "again", "previously"})
CONJUNCTIONS: frozenset[str] = frozenset({"and", "but"})
COORDINATORS: frozenset[str] = frozenset({"and"})
CONTRACTIONS: frozenset[str] = frozenset()

#: Verbs that report a clause without "that" ("Smith said the company would ...").
BARE_CLAUSE_VERBS: frozenset[str] = frozenset(
    {
        "said",
        "says",
        "saying",
        "told",
        "tells",
        "believes",
        "thinks",
        "warned",
        "insisted",
        "argued",
        "claimed",
    }
)
#: Verbs whose object comes before the reported clause ("told reporters that ...").
OBJECT_VERBS: frozenset[str] = frozenset(
    {"told", "tells", "telling", "assured", "informed", "reminded", "warned"}
)
#: Words skipped between a speech verb and a bare clause ("said on Tuesday in a statement ...").
CLAUSE_SKIPPABLE: frozenset[str] = frozenset(
    {"on", "yesterday", "today", "earlier", "later", "last", "week", "month", "night", "this", "in",
     "a", "statement", "an", "interview", ",", "late", "also", "previously", "repeatedly", "again",
     "then", "x"}
) | frozenset(WEEKDAYS)  # fmt: skip
#: Words that open a bare reported clause besides determiners and names ("said it would ...").
CLAUSE_OPENERS: frozenset[str] = frozenset({"it", "we", "i", "you", "there", "they", "he", "she"})
CLITICS: frozenset[str] = frozenset()
