"""Who is speaking: names, appositions ("Jason Lau, chief operating officer of
San Francisco-based exchange OKCoin") and back-references ("he", "the analyst",
"Lau said").

A ``SpeakerRegistry`` follows the article in reading order. Every introduced
person is recorded with the title and organisation of their first apposition,
so a later "Lau said" or "the strategist said" resolves to the full name with
the same title and organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Capitals and lower-case letters of the Latin alphabets, accented ones too ("Łukasz", "Nguyễn Thị Thu Hà"):
# a lower-case letter is any letter that is not an ASCII capital.
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LOWER = r"[^\W\dA-Z_]"
_NAME_WORD = rf"(?:[{_UPPER}][\w'’.-]*{_LOWER}[\w'’.-]*|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{{2,6}}\b)"  # "U.S." in an office
NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|du|dos|das|del|della|van|von|der|den|ten|da|di|bin|al|la|le)){{0,3}}"
# Words that start a capitalised run but never name a speaker.
NOT_NAMES = frozenset(
    "The A An One Another Some Many Most Several Analysts Traders Investors Experts He She They It We I You "
    "This That These Those Its Their His Her Our But And Yet Still So Also However Meanwhile Then Now As "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Bitcoin Ether Crypto "
    "When While After Before If Once Since Until Although Though Because "  # "When Musk ... called the coin"
    "January February March April May June July August September October November December "
    # unnamed people in the plural ("Prosecutors wrote in the indictment that": GUIDE speaker null)
    "Prosecutors Officials Regulators Lawyers Authorities Police Researchers Strategists Economists Critics "
    "Mr Ms Mrs Dr Prof Mr. Ms. Mrs. Dr. Prof.".split()  # honorifics: "Ms Teague" is the Rosalind Teague named before
)
PRONOUNS = frozenset({"he", "she", "they", "him", "her"})
ROLE_NOUNS = (
    "analyst|strategist|trader|economist|executive|founder|co-founder|ceo|researcher|investor|manager|official|"
    "spokesperson|spokesman|spokeswoman|chief|head|partner|director|expert|veteran|boss|chair|chairman|cio|cfo|coo|cto|"
    "economist|president|lawyer|attorney|professor|commissioner|regulator|developer|merchant|dealer|broker|"
    "host|co-host|anchor|co-anchor|presenter|moderator|"  # broadcasts: "the host said"
    "officer|"  # "the chief investment officer wrote"
    "planner|historian|adviser|advisor|agent|accountant|"  # personal finance and features: "the planner added"
    "detective|inspector|sergeant|prosecutor"  # courts and police: "the detective said"
)
ORG_NOUNS = (r"exchange|company|firm|platform|fund|bank|agency|regulator|venue|group|project|foundation|team|startup|"
             r"commission|issuer|brokerage|lender|custodian|consultancy")
# a reference may run on into the time or place of the saying: 'said the strategist on Tuesday'
_TRAILER = r"(?:\s+(?:on|in|at|to|for|by|during|after|before|late|early|earlier|later|yesterday|today|then)\b.*)?$"
_ROLE_REF = re.compile(rf"^(?:the|this|that) (?:[\w-]+ ){{0,2}}(?P<role>{ROLE_NOUNS}){_TRAILER}", re.I)
# "the exchange", "the research firm" (not a name: "The Starknet Foundation said" is the foundation itself)
_ORG_REF = re.compile(rf"^(?:[Tt]he|[Tt]his|[Tt]hat) (?:[a-z][\w-]* )?(?:{ORG_NOUNS}){_TRAILER}")
_DESCRIPTOR = r"(?:(?:an?\s+)?(?:(?!(?:at|of|with|for|from|in|and)\s)[a-z][\w-]*\s+){0,4})"  # "research firm", "the liquidity provider"
_ORG_WORD = r"[A-Z0-9&][\w&'’-]*(?:\.[\w&'’-]+)*"  # dots only inside: "Crypto.com", not "Markets."
_ORG = rf"(?P<org>{_ORG_WORD}(?:\s+(?:{_ORG_WORD}|of|and|for|de|du)(?=\s+{_ORG_WORD}|[\s,.;)]|$))*)"
# "a partner at the Washington law firm Rooke & Vantongeren": a place names the kind of firm that follows
_PLACE = rf"(?:[A-Z][\w.]*\s+){{1,2}}(?=(?:[a-z][\w-]*\s+){{0,2}}(?:{ORG_NOUNS})\b)"
# An employer written in the possessive before a role ("Lumen Capital's head of research")
_OWNER = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
_APPOSITION = re.compile(
    r"^,\s+(?:who is\s+|now\s+)?(?:an?\s+|the\s+|our\s+)?(?!(?:who|which|whose|where|when)\b)"
    rf"(?:(?P<owner>{_OWNER})['’]s\s+)?"  # "Coulee Hash's general manager"
    r"(?P<title>(?:[A-Za-z][\w&/-]*\s+){0,6}?[A-Za-z][\w&/-]*)"
    r"(?:\s+now)?"
    # "a portfolio manager who runs a basis-trading book at Penrose Capital": the employer after a short clause
    r"(?:\s+who\s+(?:runs|works|leads|heads|manages|oversees|trades|covers)\b[^,.;\"“”]{0,50}?(?=\s+(?:at|with|for)\s))?"
    r"(?:\s+(?:at|of|with|for|from)\s+(?:the\s+)?(?:(?:[A-Z][\w.]*\s+)*[\w.]+-based\s+|" + _PLACE + r")?"
    + _DESCRIPTOR + _ORG + r")?"
    # wire style names the employer after a second comma: "Jane Doe, head of trading, Lumen Capital."
    r"(?:,\s+" + _ORG.replace("?P<org>", "?P<org2>") + r"(?=\s*[.;)]|\s*$))?"
    r"(?=\s*[,.;)]|\s+(?:in|who|on|and|told|said|says|wrote|to)(?![\w-])|\s*$)"  # "on-chain" is no "on"
)
# "Lukas Brenner of Bluefin Labs said": the employer joined by "of", "at" or "from", with no title
_EMPLOYER_AFTER = re.compile(rf"^\s+(?:of|at|from)\s+(?:the\s+)?{_ORG}")
_TITLE_WORDS = re.compile(rf"\b(?:{ROLE_NOUNS}|officer|vice|adviser|advisor|member|portfolio|operator|lead|principal|"
                          rf"senior|trader|economist|associate|fellow|editor|secretary|governor|planner|engineer|maker|"
                          rf"auditor|consultant|counsel|host|accountant|banker|broker|teacher|nurse|reader|student|"
                          rf"helper|worker|merchant|driver|owner|vendor|seller|dealer|shopkeeper|retiree|pensioner|"
                          rf"freelancer|entrepreneur|programmer|designer|tester|holder|user)\b", re.I)


@dataclass
class Person:
    name: str
    title: str | None = None
    organization: str | None = None


# An office or role written before the name, capitalised as wires and broadcasts do ("Fed Chair Jerome
# Powell", "Treasury Secretary Janet Yellen", "Sen. Cynthia Lummis", "CEO Brian Armstrong", "Co-anchor
# Kelsey Ng"): the title, not part of the name.
_CAP_TITLE = (r"(?:(?:Fed|SEC|CFTC|ECB|Treasury|Federal Reserve)\s+)?(?P<cap>(?:Vice |Deputy |Prime |Finance |Acting |Presiding |Chief |Associate )?"
              r"(?:Chair|Chairman|Chairwoman|President|Governor|Gov\.|Senator|Sen\.|Rep\.|Representative|Commissioner|"
              r"Secretary|Judge|Justice|Minister|Chancellor|Mayor|CEO|CFO|COO|CTO|CIO|Founder|Co-founder|Anchor|Co-anchor|"
              r"Host|Co-host|Guest|Analyst|Strategist|Economist|Professor|Prof\.|Managing Director|Executive Director|"
              r"Chartist|Trader|Investor|Technician|Market Technician|"
              # police, prosecutors and officers ("Detective Inspector Callum Reyes", "Sgt. Ana Ruiz")
              r"Sergeant|Sgt\.|Detective(?: Chief)?(?: Inspector| Sergeant| Superintendent| Constable)?|Inspector|"
              r"Superintendent|Constable|Lieutenant|Lt\.|Captain|Capt\.|Sheriff|Special Agent|Prosecutor|Officer|"
              r"(?:Assistant )?(?:U\.S\. |United States |District )?Attorney(?: General)?|"
              r"Chief (?:Executive|Financial|Operating|Investment|Technology|Market|Commercial|Risk|Legal|Compliance)"
              r"(?: Officer| Strategist| Economist)?|Chief Economist|Chief Strategist))")
# (the office's owner may come first, cut short by the name's four-word limit: "Reserve Chair Jerome Powell")
_LEADING_TITLE = re.compile(rf"^(?:[A-Z][\w&.-]*\s+){{0,2}}?{_CAP_TITLE}\s+(?=[A-Z])")
_TITLE_BEFORE = re.compile(rf"\b{_CAP_TITLE}\s+$")


# The employer in the possessive before a name: "Tallyglass Analytics' Ruben Achterberg", "Halvard's Noor Amadi"
_OWNER_BEFORE = re.compile(r"^(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*(?:s['’]|['’]s)\s+(?=[A-Z][a-z])")


def clean_name(raw: str) -> str | None:
    """A person or organisation name from a capitalised run, or None for "The", "Analysts"..."""
    raw = re.sub(r"['’]s$", "", raw.strip(" ,.;:"))
    raw = re.sub(r"\s+[“\"‘'][A-Z][\w.-]*[”\"’']\s+", " ", raw)  # a nickname: 'Giancarlo “Gio” Bertolini'
    raw = _LEADING_TITLE.sub("", re.sub(r"^[A-Z][\w.-]*-based\s+", "", raw))  # "Mumbai-based WazirX"
    raw = _OWNER_BEFORE.sub("", raw)
    words = raw.split()
    while words and (words[0] in NOT_NAMES or words[0] == "the"):  # (the parser's span may take in "the")
        words = words[1:]
    return " ".join(words) or None


def apposition(after: str) -> tuple[str | None, str | None]:
    """(title, organization) from the text right after a name, if it is an apposition
    (or, with no title, the firm in "Lukas Brenner of Bluefin Labs put it")."""
    m = _APPOSITION.match(after[:200])
    if not m or not _TITLE_WORDS.search(m.group("title")):
        employer = _EMPLOYER_AFTER.match(after[:120])
        return (None, employer.group("org")) if employer and _ORG_WORDS.search(employer.group("org")) else (None, None)
    title = _NOT_ROLE.sub("", m.group("title").strip())
    org = m.group("org") or m.group("org2") or m.group("owner")
    if org:
        org = re.sub(r"\s+(?:of|and|for|de|du)$", "", org.strip()).rstrip(".")
    else:  # the employer before the role: "a JPMorgan analyst", "a Grant County commissioner" (GUIDE: "a Coinbase spokesperson")
        words = title.split()
        caps = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
        if 0 < caps < len(words) and not any(_TITLE_WORDS.search(w.lower()) for w in words[:caps]):
            org, title = " ".join(words[:caps]), " ".join(words[caps:])
    return title, org or None


# Title before the name: "co-founder Darren Kwok", "Lumen Capital's head of research Mara Quinn"
# (the title may be set off by a comma: '"X," said Bluefin Labs's co-founder, Marta Kowalczyk')
_PRE_TITLE = re.compile(rf"(?:(?P<org>{_OWNER})['’]s\s+)?(?P<title>(?:\b[a-z][\w-]*\s+){{0,3}}\b[a-z][\w-]*),?\s+$")
# A lower-case title that opens its sentence, so its first word is capitalised
_OPENING_TITLE = re.compile(r"(?:^|[.!?]\s+|\n)(?P<title>[A-Z][a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+$")
_ORG_WORDS = re.compile(
    r"\b(?:Labs?|Capital|Partners|Inc|Corp|Group|Foundation|Commission|Bank|Exchange|Markets|Research|Securities|"
    r"Digital|Ventures|Advisory|Fund|Trust|Protocol|Network|Ltd|LLC|LLP|Holdings|Investments|Management|"
    r"Analytics|Trading|Asset|Assets|Financial|Global|Institute|Association|Council|Department|Ministry|"
    r"Agency|Authority|Court|Reserve|Office|Treasury|Board|Service|Brokers?|Brokerage|Advisors|Advisers|Associates|"
    r"Solutions|Technologies|Strategies|Wealth|Insights|Derivatives|Planning)\b"
)
# Where a speaker is based, and how well known or named they are, is no part of the role (GUIDE: "one
# Singapore-based trader" -> trader; "popular analyst", "pseudonymous trader" -> analyst, trader)
_NOT_ROLE = re.compile(r"^(?:(?:[A-Z][\w.'’]*\s+)*[\w.'’]*-based\s+|"
                       r"(?:popular|pseudonymous|anonymous|well-known|prominent|influential|widely[- ]followed)\s+)+")


# A pseudonymous author: "a trader who posts as Tidepool", "an analyst known online as"
# the words that introduce the handle itself ("who posts as", "known online as", "goes by")
HANDLE_VERB = r"(?:who\s+)?(?:posts|tweets|writes|goes|trades|is known|known)(?:\s+online)?\s+(?:as|by|under)"
_HANDLE_INTRO = re.compile(rf"\b(?:an?|one|the)\s+(?P<title>(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)\s+{HANDLE_VERB}\s+$")


def pre_title(before: str) -> tuple[str | None, str | None]:
    """(title, organization) written just before a name."""
    m = _TITLE_BEFORE.search(before[-60:])
    if m:
        return m.group("cap"), None
    m = _OPENING_TITLE.search(before[-60:])
    if m and _TITLE_WORDS.search(m.group("title")):
        return m.group("title")[0].lower() + m.group("title")[1:], None  # "Chief executive Mathieu Belanger-Roy said"
    m = _HANDLE_INTRO.search(before[-80:])
    if m and _TITLE_WORDS.search(m.group("title")):
        return m.group("title"), None
    m = _PRE_TITLE.search(before[-80:])
    if not m:
        return None, None
    words = m.group("title").split()
    for cut in ("from", "by", "with", "to", "and", "said", "says", "told", "as", "that", "wrote", "according"):
        if cut in words:
            words = words[len(words) - words[::-1].index(cut):]
    whole = len(words) == len(m.group("title").split())
    while words and words[0] in ("its", "their", "his", "her", "the", "a", "an", "our"):
        words = words[1:]  # "Binance and its founder Changpeng Zhao": the role, not the possessive
    title = _NOT_ROLE.sub("", " ".join(words))
    if not title or not _TITLE_WORDS.search(title):
        return None, None
    return title, m.group("org") if m.group("org") and whole else None


# "a self-described day trader": the hedge is the writer's, not part of the role
_HEDGES = frozenset({"self-described", "self-styled", "self-proclaimed", "so-called"})
_TRADE_TERMS = frozenset({"P2P", "OTC", "DeFi", "NFT", "ETF"})
# Where the person's description stops: a place, an employer, a clause, or the verb of the sentence
# ("One Singapore-based market maker was blunter: ...")
_PHRASE_ENDS = frozenset("in on near at with from who for of I we that was were is are had has put went took sounded "
                         "summed offered kept saw sees struck seemed".split())
_ANONYMOUS_ORG = re.compile(r"^(?:at|for|with|from) (?:the )?" + _ORG.replace("?P<org>", "?:"))


def anonymous_person(phrase: str) -> Person | None:
    """An unnamed speaker: "options trader" from "one options trader in Hong Kong", with the employer
    when the phrase names it ("a VanEck spokesperson", "a spokesperson for the Arbitrum Foundation");
    None when no role is named."""
    words: list[str] = []
    org: list[str] = []  # the capitalised run just before the role
    rest = phrase.split(None, 1)[1] if " " in phrase else ""
    for word in rest.split():
        if word in _PHRASE_ENDS or not word[:1].isalpha():
            break
        rest = rest.split(None, 1)[1] if " " in rest else ""
        if word.lower() in ("a", "an", "one", "another"):
            words, org = [], []  # "a move one trader described as": the role starts again
        elif word.endswith("-based"):
            org = []
        elif word in _TRADE_TERMS:
            words.append(word)  # "a P2P merchant", "an OTC trader": the kind of trade is part of the role
        elif word[:1].isupper():
            org.append(word)
        elif word not in _HEDGES:
            words.append(word.strip(","))
            if word.endswith(",") and _TITLE_WORDS.search(words[-1]):
                break  # "its chief executive, writing on X,": the role ends at its comma
    title = " ".join(words)
    if not title or not _TITLE_WORDS.search(title.split()[-1]):
        return None
    after = _ANONYMOUS_ORG.match(rest)
    employer = after.group().split(None, 1)[1].removeprefix("the ") if after else " ".join(org) or None
    return Person("", title, employer)


_PERSON_ROLES = frozenset("helper worker merchant driver vendor seller dealer shopkeeper retiree pensioner freelancer "
                          "entrepreneur programmer designer tester user trader analyst strategist economist "
                          "founder co-founder researcher investor lawyer attorney professor teacher nurse student".split())


def is_person(name: str, after: str, before: str = "") -> bool:
    """A two- or three-word name that is no organisation's, with a person's role in apposition or before it."""
    if not 2 <= len(name.split()) <= 3 or looks_like_org(name):
        return False
    title = pre_title(before)[0]
    # a role before the name makes it a person only when no organisation has that role ("market maker X")
    return apposition(after)[0] is not None or title is not None and title.split()[-1].lower() in _PERSON_ROLES


def is_role(words: str) -> bool:
    """Whether ``words`` name a person's role ("her co-founder", "head of trading")."""
    return bool(_TITLE_WORDS.search(words))


def looks_like_org(name: str) -> bool:
    return bool(_ORG_WORDS.search(name)) or name.isupper()


def _initials(name: str) -> str:
    """The capitals that start the words of a name ("Bangko Sentral ng Pilipinas" -> "BSP")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class SpeakerRegistry:
    """People and organisations named so far, in reading order."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.last_person: Person | None = None
        self.last_org: str | None = None
        self.orgs: list[str] = []  # organisations named so far, to expand "Cinderblock" to "Cinderblock Analytics"

    def introduce(self, name: str, after: str, before: str = "") -> Person:
        """Record ``name`` (full or surname) seen in the text between ``before`` and ``after``."""
        person = self.lookup(name)
        if person is None:
            person = self.people.setdefault(name, Person(name))
        if person.title is None and person.organization is None:
            person.title, person.organization = apposition(after)
            if person.title is None:  # a title before the name; the firm may still come after ("X of Y Labs said")
                title, org = pre_title(before)
                person.title, person.organization = title, org or person.organization
            person.organization = self.full_org(person.organization)
        self.last_person = person
        return person

    def lookup(self, name: str) -> Person | None:
        """The person called ``name``, or whose surname (or first name) ``name`` is."""
        if name in self.people:
            return self.people[name]
        for full, person in reversed(list(self.people.items())):
            parts = full.split()
            if len(parts) > 1 and name in (parts[-1], parts[0]):
                return person
        return None

    def note_org(self, name: str) -> None:
        name = re.sub(r"^[Tt]he ", "", name)  # the parser may take in the article: "the Bangko Sentral ..."
        self.last_org = name
        self.orgs.append(name)

    def full_org(self, org: str | None) -> str | None:
        """The full name of an organisation first named in full ("Cinderblock" -> "Cinderblock Analytics",
        "FSA" -> "Financial Services Agency", "BSP" -> "Bangko Sentral ng Pilipinas")."""
        if org is None or " " in org:
            return org
        acronym = org.isupper() and 2 <= len(org) <= 6
        return next((full for full in reversed(self.orgs)
                     if full.startswith(org + " ") or acronym and _initials(full) == org), org)

    def resolve(self, who: str) -> Person | None:
        """A speaker reference ("he", "the analyst", "the exchange", a name) -> Person or None."""
        low = who.lower()
        if low in PRONOUNS:
            return self.last_person
        ref = _ROLE_REF.match(who)
        if ref:
            role = ref.group("role").lower()
            for person in reversed(list(self.people.values())):
                # (an office by its initials: "the CIO" is the chief investment officer named before)
                if person.title and (role in person.title.lower() or role == "".join(w[0] for w in person.title.lower().split())):
                    return person
            return self.last_person
        if _ORG_REF.match(who) and self.last_org:
            org = self.full_org(self.last_org)  # "the company" is the firm as first named in full, not a later short form
            return Person(org, None, org)
        return None
