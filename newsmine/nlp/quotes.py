"""Direct quotations and who said them (GUIDE "Quotes").

Quote marks are paired by ``quote_marks``; short marked terms without an
attribution are scare quotes.

The speaker comes from the attribution around the quote ('"X," said Jane Doe,
analyst at Y', 'Doe said: "X"', '"X," she added'); pronouns, "the analyst" and
surnames resolve through the ``SpeakerRegistry``; a quote with no attribution
of its own continues the previous quote of its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsmine.nlp.quote_marks import SENT_END, Span, left_context, quote_spans, right_context, trim_span
from newsmine.nlp.speakers import (HANDLE_VERB, NAME, ORG_NOUNS, ROLE_NOUNS, Person, SpeakerRegistry, anonymous_person,
                                   apposition, clean_name, is_person, is_role, looks_like_org)
from newsmine.nlp.view import CLAUSE_START, ArticleView
from newsmine.records import Quote

SAY = (
    r"said|says|say|told|tells|added|adds|wrote|writes|noted|notes|explained|explains|argued|argues|warned|"
    r"warns|cautioned|stated|states|commented|remarked|continued|insisted|observed|posted|tweeted|suggested|"
    r"predicted|concluded|acknowledged|admitted|asked|replied|recalled|quipped|emphasi[sz]ed|stressed|"
    r"believes|thinks|reckons|maintained|contended|countered|conceded|put it|wrote in|summed up|"
    r"gushed|joked|mused|sighed|laughed|declared|reiterated|recounted|elaborated|pointed out|texted|messaged|emailed|"
    # translated copy keeps the source language's verbs of speech ("evaluated", "indicated", "opined")
    r"evaluated|indicated|assessed|opined|affirmed|assured|highlighted|underlined|analy[sz]es|analy[sz]ed|continues"
)
# forum and social handles ("u/gasfeegoblin", "@tidepool") speak as names do
_HANDLE = r"(?:u/|@)[\w-]{2,30}"
_NAME_OF = re.compile(rf"(?P<person>{NAME})\s+(?:of|at|from)\s+(?:the\s+)?$")
_WHO = (
    # "one hundred thousand dollars" and "one day" are no one
    rf"(?P<who>he|she|they|(?:[Tt]he|[Tt]his|[Tt]hat) [a-z][\w-]*(?: [a-z][\w-]*){{0,2}}|"
    rf"\b(?:[Oo]ne(?! (?:hundred|thousand|million|billion|day|week|month|year)\b)|[Aa]n?|[Aa]nother|[Ss]ome|[Tt]wo|[Ss]everal) "
    # (a dot only inside a word: "lumen.eth"; a place is no one: "in Bristol")
    rf"(?:[\w\s,'’-]|\.(?=\w)){{0,60}}?|{_HANDLE}|(?<!\bin )(?!(?:We|I|You|It|There)\b){NAME})"
)
# the role may stand between the verb and the name ('"X," said analyst Dana Kirby'); never a time or a place
# ("said on Tuesday", "told reporters in London")
# ("wrote the analyst Kaveh Lindmark-Osei": "the" before a role and a name)
_ROLE_AFTER_VERB = (r"(?:the\s+(?=[a-z]))?(?:(?!(?:an?|the|one|another|some|at|of|for|from|with|in|on|by|to|and|or|that|this|last|late|"
                    r"early|earlier|later|reporters|journalists|clients|investors|analysts)\s)[a-z][\w-]*\s+){0,4}(?=[A-Z][a-z])")
# or the employer's role set off by a comma ('"X," said Bluefin Labs's co-founder, Marta Kowalczyk')
_OWNED_ROLE = (r"(?:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}['’]s\s+"  # "Bluefin Labs's"
               r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+(?=[A-Z][a-z]))")  # "head of research, "
# ('"X," read one post that circulated on X': a post or a sign speaks for nobody named)
_RIGHT_VERB_FIRST = re.compile(rf"^[\s,—–-]*(?:{SAY}|read|per|according to)\s+(?:{_OWNED_ROLE}|{_ROLE_AFTER_VERB})?{_WHO}"
                               rf"(?=[\s,.;:]|$)")
# unnamed people of a named firm after the quote ('"X," analysts at Ferrant & Lowe wrote'; GUIDE: speaker null)
_RIGHT_ROLES_AT = re.compile(rf"^[\s,—–-]*(?P<role>(?i:{ROLE_NOUNS})s)\s+(?:at|of|from)\s+(?:the\s+)?"
                             rf"(?P<org>[A-Z][^,.;:\"“”]{{1,60}}?)\s+(?:{SAY})\b")
# the speaker revealed after the quote: '"..." That was Jane Doe, head of research at Y, who ...'
# a brief's or a newsletter's signature after the quote: '"X," — Amira Kessel, spot trader at Quillmont Capital.'
_RIGHT_DASH = re.compile(rf"^[\s,]*[—–]\s*(?P<who>{NAME})(?=[\s,.;:]|$)")
_RIGHT_REVEAL = re.compile(rf"^\s+(?:That|This) (?:was|is)\s+(?:how\s+)?(?P<who>{NAME}),")  # "That is how X, ..., put it"
_ACRONYM = r"(?:\s+\([A-Z]{2,6}\))?"  # "The Financial Services Commission (FSC) said"
# a role may come first: '"X," Ridgeback's chief financial officer, Harriet Lindqvist-Moore, told analysts',
# '"X," my old desk boss Marguerite Haldane, now a portfolio manager at Y, texted me'
_ROLE_FIRST = (r"(?:(?:my|our|his|her|their)\s+(?:[a-z][\w-]*\s+){0,3}(?=[A-Z])|"
               r"(?:[A-Z][\w&.'’-]*['’]s\s+)?(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+(?=[A-Z])|"
               # an office written with capitals: '"X," Chief Financial Officer Anselm Kovačić said'
               r"(?:(?:Chief|Executive|Financial|Operating|Technology|Investment|Information|Officer|Head|Director|Senior|"
               r"Managing|Vice|President|Chair|Chairman|Chairwoman|General|Counsel|CEO|CFO|COO|CTO|CIO)\s+){1,5}(?=[A-Z][a-z])|"
               # '"X," Tallyglass Analytics lead analyst Ruben Achterberg wrote': the employer, the role, the name
               r"(?:[A-Z][\w&.'’-]*\s+){1,3}(?:[a-z][\w-]*\s+){1,3}(?=[A-Z][a-z])|"
               # '"X," chief financial officer Priya Deshmane said' (not "an official at the Commission")
               r"(?:(?!(?:an?|the|one|another|some|at|of|for|from|with|in|on|by|to|and|or)\s)[a-z][\w-]*\s+){1,4}"
               r"(?=[A-Z][a-z]))?")
# (an agency by its initials may take "the": '"X," the CNMV warned')
_RIGHT_WHO_FIRST = re.compile(
    rf"^[\s,—–-]*(?:as\s+)?(?:[Tt]he\s+(?=[A-Z]{{2,6}}\s))?{_ROLE_FIRST}{_WHO}{_ACRONYM}(?P<appo>,[^,\"“”]{{3,140}},)?,?\s+"
    rf"(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?:{SAY})\b"
)
# '..., who called the move "X"' and 'As Jane Doe used to put it: "X"' name their speaker too
_LEFT_SAY = re.compile(
    rf"{_WHO}{_ACRONYM}(?P<appo>,[^,\"“”]{{3,140}},)?(?:,?\s*who\b)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|used to\s+|"
    rf"likes to\s+)?(?:{SAY}|called|described)\b(?:[^.!?\"“”]|\.(?=\d)){{0,160}}?[:,]?\s*$"  # "said $1.50 and "..."
)
# After a quote that ends its sentence, 'A merchant ... said he had stopped ...' reports what that speaker
# said next: an attribution to the quote before it would be followed by the time or place, not by a clause.
_REPORTED = re.compile(r"\s+(?:that|he|she|they|it|we|its|his|her|their)\b")
# an unnamed source introduced by a colon: 'One SG-based options trader: "X"', 'from a day trader: "X"',
# also as a numbered post of a thread ('12/ A market maker I trust sent me this: "X"')
# (a clause that names where the words came from is read from there: "A more cautious note came from one market maker:")
_LEFT_COLON = re.compile(r"(?:^\s*(?:\d+/\s*)?(?![^:\"“”]*\b[Ff]rom\s+(?:[Oo]ne|[Aa]n?|[Aa]nother)\s)|\b[Ff]rom\s+)(?P<who>(?:[Oo]ne|[Aa]n?|[Aa]nother)\s[^:\"“”]{3,80}):\s*$")
# a named speaker introduced by a colon after a clause of their own: 'Tomasz Reyes, a portfolio manager at Y,
# pointed to the ETFs instead: "X"', 'Our head of trading, Yusuf Brandt-Ilori, summed up the tape: "X"'
_LEFT_NAMED_COLON = re.compile(
    rf"^\s*(?P<role>(?:[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w&.'’-]*['’]s)\s+(?:[a-z][\w-]*\s+){{0,4}}[a-z][\w-]*,\s+"
    # ... or a role with no comma before the name, the name with the handle it posts under: 'Popular analyst
    # Veda Ramaswamy (@vedacharts) wrote on X:'
    rf"|(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{ROLE_NOUNS})\s+(?=[A-Z]))?"
    rf"(?P<who>{NAME}|[Tt]he (?:[a-z][\w-]* )?(?:{ROLE_NOUNS})\b|[Hh]e|[Ss]he)(?:\s+\(@[\w.-]+\))?"
    rf"(?P<appo>,[^,\"“”]{{3,140}},(?:\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,)?)?,?\s+[a-z][^\"“”:]{{0,160}}:\s*$"  # "in Bristol, Connecticut,"
)
# ... unless the clause hands the words to a document or someone else ('pointed to the SEC statement:', 'read out
# the exchange notice:', 'shared a message from a client:')
_OTHER_SOURCE = re.compile(r"\b(?:statements?|notices?|filings?|posts?|tweets?|letters?|orders?|rulings?|reports?|releases?|"
                           r"memos?|messages?|emails?|announcements?|notes? from|words of|from (?:a|an|one|the|his|her|their))\b")
# a short sentence that introduces an unnamed speaker whose words follow on their own: 'One Singapore-based
# market maker was blunter. "X"'
_ANONYMOUS_INTRO = re.compile(r"(?:^|(?<=[.!?]\s))(?P<who>(?:One|An?|Another)\s[^\"“”.!?:]{3,80})[.:]\s*$")
# ... or who reports that speaker's words before the quote, so that its pronoun means them: 'Outside the hall, a
# trader at a Jakarta firm, who asked not to be named, said the reversal caught him. "X," he said.' (an opening
# phrase of lower-case words may come first; a name with its apposition, "X, a trader at Y, said", is no one unnamed)
_ANONYMOUS_SAID = re.compile(rf"^(?:[A-Z][a-z]+(?:\s+[a-z][\w'’-]*){{1,5}},\s+)?"
                             rf"(?P<who>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Tt]he (?:[a-z][\w-]* )?[a-z][\w-]*['’]s)"
                             rf"\s[^\"“”]{{3,160}}?)\s+(?:{SAY})\b[^\"“”]*$")
# a participle of saying after the main clause: its subject speaks ("Binance walked away from the deal, saying the
# holes were "far beyond anything we could fix"", "Analyst Celine Mortimer lifts her target, writing that ...")
_PARTICIPLE_SAY = re.compile(r",\s+(?P<verb>saying|adding|noting|warning|arguing|writing|explaining)\b[^\"“”]*$")
_LEFT_ACCORDING = re.compile(rf"\b[Aa]ccording to {_WHO}[^\"“”]{{0,120}}$")
# "at X in Düsseldorf", "an analyst at the research shop Copperfield Quant": the employer, not a new person
_IN_APPOSITION = re.compile(rf"\b(?:at|of|with|for|from|in|based|maker|provider|shop|house|outfit|desk|boutique|protocol|"
                            rf"{ORG_NOUNS})\s+$")
# A short marked phrase is speech when a speech verb introduces it ('said it was
# "reviewing the decision"', 'citing "extreme market conditions"'), and a term
# when it is named ('traders call "selling the news"').
_PARTIAL_QUOTE = re.compile(
    rf"\b(?:{SAY}|described|describing|citing|cited|calling it|called it|warning)\b(?:(?!\b(?:call|calls|dubbed|"
    r"known as|so-called|term|termed)\b)[^.!?])*$",
    re.I,
)
# An unnamed speaker introduced by the handle they post under, lower case or not ("a user who posts as arbmaxi_42")
_HANDLE_AFTER = re.compile(rf"(?P<phrase>(?:[Oo]ne|[Aa]n?|[Aa]nother)\s[^,.;:\"“”]{{0,60}}?)\s+{HANDLE_VERB}\s+(?P<handle>@?[\w.-]*\w)")
_ANONYMOUS = re.compile(r"^(?:one|a|an|another|some|two|several)\b", re.I)
_OPENING_NAME = re.compile(rf"\s*(?:{_HANDLE}|{NAME})")
_ROLE_APPOSITION = re.compile(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}(?:{ROLE_NOUNS})\b")
_INNER_REF = re.compile(rf"\b(?:the|this|that) [\w-]+(?: [\w-]+)?$|\b{NAME}$")


def _nearest_clause_match(pattern: re.Pattern[str], left: str) -> re.Match[str] | None:
    """``pattern``'s match in the last clause of ``left`` that has one, else in all of it: an attribution in
    the last clause is the quote's ("Tessera delisted tokens the SEC had called securities, and chief
    executive Marcus Feld said clients had "paused ..."")."""
    for cut in reversed([m.end() for m in CLAUSE_START.finditer(left)]):
        m = pattern.search(left, cut)
        if m:
            return m
    return pattern.search(left)


class _Attributor:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.registry = SpeakerRegistry()
        self.orgs = {(m.start, m.end) for label in ("EXCHANGE", "NOTEXCH") for m in view.all_mentions(label)}
        self.ner_orgs = {(m.start, m.end) for m in view.all_mentions("ORG")}
        self.people = {m.key for m in view.all_mentions("PERSON")}

    def at_venue(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.orgs)

    def is_org(self, name: str, at: int) -> bool:
        """Venues always; NER organisations only when the name reads like one."""
        if self.at_venue(at):
            return True
        in_ner_org = any(s <= at < e for s, e in self.ner_orgs)
        return looks_like_org(name) or (in_ner_org and len(name.split()) == 1 and self.registry.lookup(name) is None)

    def full_name(self, name: str, at: int) -> tuple[str, int]:
        """Expand a surname to the full name first given before ``at`` (and where it stands)."""
        known = self.registry.lookup(name)
        if len(name.split()) > 1 or known is not None and len(known.name.split()) > 1:
            return name, at  # (a surname the registry holds alone is still expanded to the full name given earlier)
        m = re.search(rf"\b((?:[A-Z][\w'’-]+ ){{1,2}}){re.escape(name)}\b", self.view.text[:at])
        if m and clean_name(m.group(0)) and len(clean_name(m.group(0)).split()) > 1:
            return clean_name(m.group(0)), m.start() + (len(m.group(0)) - len(clean_name(m.group(0))))
        return name, at

    def who(self, raw: str, abs_start: int) -> Person | None:
        """Resolve a ``who`` phrase found at ``abs_start`` in the text."""
        if _ANONYMOUS.match(raw):
            handle = _HANDLE_AFTER.match(self.view.text, abs_start)
            if handle:  # "a Polymarket trader who posts as icarusflats": the handle speaks, in the role given
                role = anonymous_person(handle.group("phrase")) or Person("")
                person = self.registry.people.setdefault(handle.group("handle"), Person(handle.group("handle"), role.title,
                                                                                         role.organization))
                self.registry.last_person = person
                return person
            person = anonymous_person(raw)
            # no role: the phrase may end in the real subject ("a blog post the company", "a forecast
            # Castellano" named before), not in a place ("a New" York-based manager)
            # or after the comma that closes an opening phrase ("In a memo to its customers, Celsius Network"), or
            # whom the words came from ("an endorsement from Federal Reserve Chair Jerome Powell")
            ref = None if person else _INNER_REF.search(raw)
            if ref and (ref.group()[:1].islower() or self.registry.lookup(ref.group())
                        or re.search(r"(?:,|\bfrom)(?:\s+[A-Z][\w&.-]*){0,2}\s*$", raw[:ref.start()])):
                return self.who(ref.group(), abs_start + ref.start())
            return person
        if raw[:2] == "u/" or raw[:1] == "@":
            return self.registry.introduce(raw, self.view.text[abs_start + len(raw):abs_start + len(raw) + 250])
        resolved = self.registry.resolve(raw)
        if resolved is not None or raw.lower() in ("he", "she", "they") or not raw[:1].isupper():
            return resolved
        name = clean_name(raw)
        if name is None:
            return None
        at = abs_start + raw.find(name)
        # the name's regular expression stops at "of": "Singapore" is the tail of "the Monetary Authority of Singapore"
        whole = next((clean_name(self.view.text[s:e]) for s, e in self.ner_orgs if s < at and at + len(name) == e), None)
        # ... and a venue's name starts before its first capital: "bitFlyer said"
        whole = next((self.view.text[s:e] for s, e in self.orgs if s < at < e), whole)
        if whole and whole.endswith(name) and len(whole) > len(name):
            name, at = whole, at + len(name) - len(whole)
        full, full_at = self.full_name(name, at)
        # the surname of a person named before ("Duchamp-Ng wrote"), though the parser may have called them an organisation
        surname = full != name and not self.at_venue(at) and (full in self.people or not looks_like_org(full))
        if not surname and self.is_org(name, at):
            name = self.registry.full_org(name)
            self.registry.note_org(name)
            return Person(name, None, name)
        name, at = full, full_at
        text = self.view.text
        return self.registry.introduce(name, text[at + len(name):at + len(name) + 250], text[max(0, at - 80):at])

    def note_subject(self, sentence_start: int) -> None:
        """A known name opening the sentence before a quote's is whom its pronouns mean ("Tidepool ended
        the thread the way she ends most of them. "Sell the wick." She says ..."), though NER often
        misses a pseudonym there."""
        before = self.sentence_before(sentence_start)
        m = _OPENING_NAME.match(before)
        name = clean_name(m.group()) if m else None
        person = self.registry.lookup(name or "")
        if person is not None:
            self.registry.last_person = person
        elif name and _ROLE_APPOSITION.match(before, m.end()):
            # a new name the parser missed, its role in apposition ("Ambrose Kettleby, a portfolio manager at Y, says")
            self.registry.introduce(name, before[m.end():])

    def attribute(self, right: str, right_at: int, left: str, left_at: int,
                  closed: bool) -> tuple[bool, Person | None]:
        """(found an attribution, speaker) from the contexts around one quote. After a quote that
        ends its sentence ("closed"), 'Robinhood said ...' starts a new sentence: an attribution
        on the left ('Verhoeven said "X."') comes first."""
        right_first = (_RIGHT_VERB_FIRST, _RIGHT_DASH, _RIGHT_REVEAL) if closed else (
            _RIGHT_VERB_FIRST, _RIGHT_DASH, _RIGHT_WHO_FIRST)
        m = None if closed else _RIGHT_ROLES_AT.match(right)  # (after a closed quote they start a sentence of their own)
        if m:
            return True, Person("", m.group("role").lower(), m.group("org"))
        for pattern in right_first:
            m = pattern.match(right)
            if m:
                said = self.said_before(left_at) if m.group("who").lower() in ("he", "she") else None
                return True, said or self.who(m.group("who").strip(), right_at + m.start("who"))
        for pattern in (_LEFT_SAY, _LEFT_ACCORDING):
            m = _nearest_clause_match(pattern, left)
            if m:
                # "Lukas Brenner of Bluefin Labs put it": the person before the firm speaks; "Analysts at
                # Farrowgate Research wrote": unnamed people of that firm (GUIDE: speaker null, title analysts)
                person = _NAME_OF.search(left, 0, m.start("who"))
                role = person.group("person").lower() if person else ""
                if person and re.fullmatch(rf"(?:{ROLE_NOUNS})s", role):
                    return True, Person("", role, m.group("who").strip())
                if person and looks_like_org(m.group("who")):
                    return True, self.who(person.group("person"), left_at + person.start("person"))
                return True, self.who(m.group("who").strip(), left_at + m.start("who"))
        m = _PARTICIPLE_SAY.search(left)
        subject = self.subject_of(left_at + m.start("verb")) if m else None
        if subject is not None:
            return True, self.who(*subject)
        if not left.strip():  # a quote opening its sentence: first, who the sentence before introduced
            introduced = self.introduced_before(left_at)
            if introduced[0]:
                return introduced
        m = _LEFT_COLON.search(left)
        if m:
            speaker = anonymous_person(m.group("who"))
            return speaker is not None, speaker
        m = _LEFT_NAMED_COLON.search(left)
        # (a name the parser missed is still a person's when a role names it: "X, a portfolio manager at Y,",
        # "Her co-founder, X,")
        if m and not _OTHER_SOURCE.search(left, m.end("who")) and (
                self.known(m.group("who").strip()) or m.group("appo") and apposition(m.group("appo"))[0]
                or m.group("role") and is_role(m.group("role"))):
            speaker = self.who(m.group("who").strip(), left_at + m.start("who"))
            if speaker is not None:
                return True, speaker
        m = _RIGHT_WHO_FIRST.match(right) if closed else None
        if m and not _REPORTED.match(right, m.end()):
            return True, self.who(m.group("who").strip(), right_at + m.start("who"))
        return False, None

    def known(self, who: str) -> bool:
        """A pronoun, a role, or a name already met (a capitalised word opening a sentence, "Outside the
        courtroom, she was brief:", names nobody)."""
        if not who[:1].isupper() or who.split()[0] in ("The", "He", "She"):
            return True
        name = clean_name(who)
        return name is not None and (name in self.people or self.registry.lookup(name) is not None or name in self.registry.orgs)

    def subject_of(self, at: int) -> tuple[str, int] | None:
        """The subject (its words and where they start) of the clause that the participle at ``at`` hangs from."""
        sent = next((x for x in self.view.sents if x.start <= at < x.end), None)
        token = sent.token_at(at - sent.start) if sent is not None else None
        if token is None or token.dep_ not in ("advcl", "xcomp", "conj"):
            return None
        subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ not in ("PROPN", "PRON"):
            return None
        # the named entity the subject is part of ("Rival Binance" is Binance), else the subject with its compounds
        words = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None) or subject.doc[
            min([subject.i] + [c.i for c in subject.children if c.dep_ == "compound"]):subject.i + 1]
        return words.text, sent.start + words.start_char - sent.doc_start

    def sentence_before(self, at: int) -> str:
        """The sentence that ends right before ``at`` in its paragraph (at most 300 characters of it)."""
        before = self.view.text[max(0, at - 300):at].rsplit("\n", 1)[-1].rstrip()
        ends = [m.end() for m in SENT_END.finditer(before, 0, max(0, len(before) - 1))]
        return before[ends[-1] if ends else 0:].lstrip()

    def said_before(self, at: int) -> Person | None:
        """The unnamed speaker whose words the sentence before ``at`` reports, if it does."""
        m = _ANONYMOUS_SAID.match(self.sentence_before(at))
        named = m and re.search(rf",\s+{NAME},", m.group("who"))  # "Its chief executive, Anders Lie, said": a name
        return anonymous_person(m.group("who")) if m and not named else None

    def introduced_before(self, at: int) -> tuple[bool, Person | None]:
        """An unnamed speaker the sentence before a quote introduces ("One market maker was blunter.")."""
        before = self.view.text[max(0, at - 200):at].rsplit("\n", 1)[-1].rstrip()
        m = _ANONYMOUS_INTRO.search(before)
        speaker = anonymous_person(m.group("who")) if m else None
        return speaker is not None, speaker


def find_quotes(view: ArticleView) -> list[Quote]:
    text = view.text
    spans = [s for s in quote_spans(text) if s.end > s.start]
    attributor = _Attributor(view)
    # names and organisations outside quotes, in reading order, feed the registry
    events = sorted(
        (m.start, m) for label in ("PERSON", "ORG", "EXCHANGE") for m in view.all_mentions(label)
    )
    quotes: list[Quote] = []
    prev: tuple[Span, Person | None] | None = None
    ei = 0
    starts = [s.start for s in spans]
    for i, span in enumerate(spans):
        while ei < len(events) and events[ei][0] < span.start:
            _, m = events[ei]
            ei += 1
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < spans[k].end:
                continue  # a name inside a quotation is not an introduction
            if m.label == "PERSON":
                name = clean_name(m.key)
                if name and not attributor.is_org(name, m.start) and not _IN_APPOSITION.search(text[max(0, m.start - 30):m.start]):
                    # a surname alone ("Fairbrother's bigger worry") is the person named in full before
                    name, at = attributor.full_name(name, m.start)
                    attributor.registry.introduce(name, text[at + len(name):at + len(name) + 250], text[max(0, at - 80):at])
            elif m.label == "ORG" and is_person(m.key, text[m.end:m.end + 200], text[max(0, m.start - 80):m.start]):
                # the NER's "organisation" is a person: "Marcus Ilunga-Reyes, a research analyst at Greyhaven",
                # "domestic helper Marites Calderon"
                attributor.registry.introduce(m.key, text[m.end:m.end + 250], text[max(0, m.start - 80):m.start])
            else:
                attributor.registry.note_org(m.key)
        start, end = trim_span(text, span.start, span.end)
        body = text[start:end]
        next_start = spans[i + 1].start if i + 1 < len(spans) else None
        prev_end = spans[i - 1].end if i > 0 else None
        right = right_context(text, span, next_start)
        left = left_context(text, span, prev_end)
        closed = body[-1:] in ".!?" and right.lstrip()[:1].isupper()
        attributor.note_subject(span.start - 1 - len(left))
        found, speaker = attributor.attribute(right, span.end + 1, left, span.start - 1 - len(left), closed)
        if not found and prev is not None and (
            prev[0].paragraph == span.paragraph or (prev[0].runs_on and prev[0].paragraph == span.paragraph - 1)
        ):
            found, speaker = True, prev[1]
        elif not found and not left.strip() and len(attributor.registry.people) == 1:
            speaker = attributor.registry.last_person  # a quote standing alone in a one-voice piece (a thread)
        words = len(body.split())
        if words < 4 and not (found and body[-1:] in ",.!?") and not _PARTIAL_QUOTE.search(left):
            continue  # a scare-quoted term, not speech
        if not any(c.isalpha() for c in body):
            continue
        quotes.append(Quote(body, start, end, speaker.name or None if speaker else None,
                            speaker.title if speaker else None, speaker.organization if speaker else None))
        if speaker is not None and speaker.name in attributor.registry.people:
            attributor.registry.last_person = speaker
        prev = (span, speaker)
    return quotes
