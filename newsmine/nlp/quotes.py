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

import newsmine.nlp.quote_patterns as patterns
from newsmine.nlp.quote_marks import SENT_END, Span, left_context, right_context, trim_span
from newsmine.nlp.speakers import (NAME, ROLE_NOUNS, Person, SpeakerRegistry, anonymous_person, apposition, clean_name,
                                   is_person, is_role, looks_like_org)
from newsmine.nlp.view import CLAUSE_START, ArticleView
from newsmine.records import Quote


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
        self.venues = [m for label in ("EXCHANGE", "NOTEXCH") for m in view.all_mentions(label)]
        self.orgs = {(m.start, m.end) for m in self.venues}
        self.ner_orgs = {(m.start, m.end) for m in view.all_mentions("ORG")}
        self.people = {m.key for m in view.all_mentions("PERSON")}

    def at_venue(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.orgs)

    def is_org(self, name: str, at: int) -> bool:
        """Venues always; NER organisations only when the name reads like one."""
        if self.at_venue(at):
            return True
        in_ner_org = any(s <= at < e for s, e in self.ner_orgs)
        # (or the short form of an organisation named in full before: "Celsius said" after "Celsius Network")
        short = self.registry.full_org(name) != name
        return looks_like_org(name) or ((in_ner_org or short) and len(name.split()) == 1 and self.registry.lookup(name) is None)

    def full_name(self, name: str, at: int) -> tuple[str, int]:
        """Expand a surname to the full name first given before ``at`` (and where it stands)."""
        known = self.registry.lookup(name)
        if len(name.split()) > 1 or known is not None and len(known.name.split()) > 1:
            return name, at  # (a surname the registry holds alone is still expanded to the full name given earlier)
        m = re.search(rf"\b((?:[A-Z][\w'’-]+ ){{1,2}}){re.escape(name)}\b", self.view.text[:at])
        if m and clean_name(m.group(0)) and len(clean_name(m.group(0)).split()) > 1:
            return clean_name(m.group(0)), m.start() + (len(m.group(0)) - len(clean_name(m.group(0))))
        # a first name alone ("Oren says") is the person named in full before ("derivatives trader Oren Mbeki-Hart"),
        # though the parser may not have tagged them
        m = re.search(rf"\b{re.escape(name)}(?: [A-Z][\w'’-]+){{1,2}}\b", self.view.text[:at])
        full = clean_name(m.group()) if m and not self.at_venue(m.start()) else None
        if full and full.startswith(name + " ") and not looks_like_org(full):
            return full, m.start()
        return name, at

    def who(self, raw: str, abs_start: int) -> Person | None:
        """Resolve a ``who`` phrase found at ``abs_start`` in the text."""
        if patterns.ANONYMOUS.match(raw):
            handle = patterns.HANDLE_AFTER.match(self.view.text, abs_start)
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
            raw = patterns.TIME_TAIL.sub("", raw)  # "a note from Fenwright Research on Monday": the firm, not the day
            ref = None if person else patterns.INNER_REF.search(raw)
            if ref and (ref.group()[:1].islower() or self.registry.lookup(ref.group())
                        or re.search(r"(?:,|\bfrom)(?:\s+(?:the|[A-Z][\w&.-]*)){0,2}\s*$", raw[:ref.start()])):
                return self.who(ref.group(), abs_start + ref.start())
            return person
        office = self.registry.resolve(raw if raw[:4].lower() == "the " else "the " + raw) if raw[-3:].isupper() else None
        if office is not None:  # an office by its initials ("the CIO added") is the officer named before
            return office
        if raw[:4].lower() == "the " and raw[4:5].isupper():
            raw, abs_start = raw[4:], abs_start + 4  # "the FCA", "the Securities and Exchange Commission": the name
        if raw[:2] == "u/" or raw[:1] == "@":
            return self.registry.introduce(raw, self.view.text[abs_start + len(raw):abs_start + len(raw) + 250])
        resolved = self.registry.resolve(raw)
        # ("The company said" opening a sentence is a reference, resolved or not, never a name)
        if resolved is not None or raw.lower() in ("he", "she", "they") or not raw[:1].isupper() or re.match(
                r"(?:The|This|That) [a-z]", raw):
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

    def note_subject(self, sentence_start: int, left: str) -> None:
        """A known name opening the sentence before a quote's is whom its pronouns mean ("Tidepool ended
        the thread the way she ends most of them. "Sell the wick." She says ..."), though NER often
        misses a pseudonym there; a known name opening the quote's own sentence (``left``) comes after it."""
        begin, before = self._sentence_before(sentence_start)
        m = patterns.OPENING_NAME.match(before)
        name = clean_name(m.group()) if m else None
        person = self.registry.lookup(name or "")
        at = begin + m.end() - 1 if m else -1
        venue = next((v.key if v.label == "EXCHANGE" else self.view.text[v.start:v.end]  # a broker as written
                      for v in self.venues if v.start <= at < v.end), None)
        if venue is not None:
            # a venue opening the sentence before is what "the exchange" means next ("Coinbase, which ..., said it
            # would relist the token, and Kraken and Gemini followed. "...," the exchange said")
            self.registry.note_org(venue)
        elif person is not None:
            self.registry.last_person = person
        elif name and name in self.registry.orgs and not any(  # (unless the quote's own sentence names one)
                sentence_start <= o < sentence_start + len(left) for o, _ in (*self.orgs, *self.ner_orgs)):
            # so is an organisation named before ("Circle said late on Friday that the rest of its reserves, held at
            # BNY Mellon, were unaffected. "...," the company said": Circle, not the bank named last)
            self.registry.note_org(name)
        elif name and patterns.ROLE_APPOSITION.match(before, m.end()):
            # a new name the parser missed, its role in apposition ("Ambrose Kettleby, a portfolio manager at Y, says")
            self.registry.introduce(name, before[m.end():])
        own = self.opening_person(left)  # "Farquharson's base case ..., a target she said ... "X""
        if own is not None:
            self.registry.last_person = own

    def opening_person(self, text: str) -> Person | None:
        """The known person whose name opens ``text``, if one does."""
        m = patterns.OPENING_NAME.match(text)
        return self.registry.lookup(clean_name(m.group()) or "") if m else None

    def attribute(self, right: str, right_at: int, left: str, left_at: int,
                  closed: bool, next_quote: int | None) -> tuple[bool, Person | None]:
        """(found an attribution, speaker) from the contexts around one quote. After a quote that
        ends its sentence ("closed"), 'Robinhood said ...' starts a new sentence: an attribution
        on the left ('Verhoeven said "X."') comes first. ``next_quote``: where the next quote opens."""
        right_first = (patterns.RIGHT_VERB_FIRST, patterns.RIGHT_DASH, patterns.RIGHT_REVEAL) if closed else (
            patterns.RIGHT_VERB_FIRST, patterns.RIGHT_DASH, patterns.RIGHT_WHO_FIRST)
        # (after a closed quote, unnamed people of a firm start a sentence of their own)
        m = None if closed else patterns.RIGHT_ROLES_AT.match(right)
        if m:
            return True, Person("", m.group("role").lower(), m.group("org"))
        for pattern in right_first:
            m = pattern.match(right)
            if m:
                said = self.said_before(left_at) if m.group("who").lower() in ("he", "she") else None
                return True, said or self.who(m.group("who").strip(), right_at + m.start("who"))
        for pattern in (patterns.LEFT_SAY, patterns.LEFT_ACCORDING):
            m = _nearest_clause_match(pattern, left)
            if m:
                # "Lukas Brenner of Bluefin Labs put it": the person before the firm speaks; "Analysts at
                # Farrowgate Research wrote": unnamed people of that firm (GUIDE: speaker null, title analysts)
                person = patterns.NAME_OF.search(left, 0, m.start("who")) or patterns.NAME_ROLE_OF.search(left, 0, m.start("who"))
                role = person.group("person").lower() if person else ""
                if person and re.fullmatch(rf"(?:{ROLE_NOUNS})s", role):
                    return True, Person("", role, m.group("who").strip())
                if person and looks_like_org(m.group("who")):
                    return True, self.who(person.group("person"), left_at + person.start("person"))
                return True, self.who(m.group("who").strip(), left_at + m.start("who"))
        m = patterns.PARTICIPLE_SAY.search(left)
        subject = self.subject_of(left_at + m.start(m.lastgroup or "verb")) if m else None
        if subject is not None:
            return True, self.who(*subject)
        if not left.strip():  # a quote opening its sentence: first, who the sentence before introduced
            introduced = self.introduced_before(left_at)
            if introduced[0]:
                return introduced
        m = patterns.LEFT_COLON.search(left)
        if m:  # (through ``who``: "a pseudonymous trader who posts as Mango Ledger, with a line of advice:")
            speaker = self.who(m.group("who"), left_at + m.start("who"))
            return speaker is not None, speaker
        m = patterns.LEFT_VERB_FIRST.search(left)
        if m:
            return True, self.who(m.group("who"), left_at + m.start("who"))
        m = patterns.LEFT_NAMED_COLON.search(left)
        # (a name the parser missed is still a person's when a role names it: "X, a portfolio manager at Y,",
        # "Her co-founder, X,")
        if m and not patterns.OTHER_SOURCE.search(left, m.end("who")) and (
                self.known(m.group("who").strip()) or m.group("appo") and apposition(m.group("appo"))[0]
                or m.group("role") and is_role(m.group("role"))):
            speaker = self.who(m.group("who").strip(), left_at + m.start("who"))
            if speaker is not None:
                return True, speaker
        m = patterns.RIGHT_WHO_FIRST.match(right) if closed else None
        # (a sentence that runs on into the next quote introduces that one: '"X." Analysts at Y wrote that "Z"')
        # (or into the end of the text)
        reach = len(self.view.text) if next_quote is None else next_quote - 2
        into_next = right_at + len(right) >= reach and not (m and SENT_END.search(right, m.end()))
        if m and not patterns.REPORTED.match(right, m.end()) and not into_next:
            return True, self.who(m.group("who").strip(), right_at + m.start("who"))
        # a known speaker's own clause ending in a comma before a partial quote ('Halloway-Senanayake expects the
        # token to test $4 before a floor forms, "probably not this month, but this quarter."')
        person = self.opening_person(left) if left.rstrip().endswith(",") else None
        return person is not None, person

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
        return self._sentence_before(at)[1]

    def _sentence_before(self, at: int) -> tuple[int, str]:
        """``sentence_before`` and where it starts in the text."""
        base = max(0, at - 300)
        line = self.view.text[base:at]
        cut = line.rfind("\n") + 1  # the paragraph's line only
        before = line[cut:].rstrip()
        ends = [m.end() for m in SENT_END.finditer(before, 0, max(0, len(before) - 1))]
        skip = ends[-1] if ends else 0
        sentence = before[skip:].lstrip()
        return base + cut + len(before) - len(sentence), sentence

    def said_before(self, at: int) -> Person | None:
        """The unnamed speaker whose words the sentence before ``at`` reports, if it does."""
        m = patterns.ANONYMOUS_SAID.match(self.sentence_before(at))
        named = m and re.search(rf",\s+{NAME},", m.group("who"))  # "Its chief executive, Anders Lie, said": a name
        return anonymous_person(m.group("who")) if m and not named else None

    def introduced_before(self, at: int) -> tuple[bool, Person | None]:
        """An unnamed speaker the sentence before a quote introduces ("One market maker was blunter.")."""
        before = self.view.text[max(0, at - 200):at].rsplit("\n", 1)[-1].rstrip()
        m = patterns.ANONYMOUS_INTRO.search(before)
        speaker = anonymous_person(m.group("who")) if m else None
        if speaker is None:  # a named speaker whose words the sentence before reports ("X, chief executive of Y, said")
            start, before = self._sentence_before(at + 1)
            named = patterns.NAMED_SAID.match(before)
            speaker = self.who(named.group("who"), start + named.start("who")) if named else None
        return speaker is not None, speaker


def find_quotes(view: ArticleView) -> list[Quote]:
    text = view.text
    spans = [s for s in view.quotations if s.end > s.start]
    attributor = _Attributor(view)
    # names and organisations outside quotes, in reading order, feed the registry
    events = sorted(
        (m.start, m) for label in ("PERSON", "ORG", "EXCHANGE") for m in view.all_mentions(label)
    )
    assets = view.all_mentions("ASSET")
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
                if name and not attributor.is_org(name, m.start) and not patterns.IN_APPOSITION.search(text[max(0, m.start - 30):m.start]):
                    # a surname alone ("Fairbrother's bigger worry") is the person named in full before
                    name, at = attributor.full_name(name, m.start)
                    attributor.registry.introduce(name, text[at + len(name):at + len(name) + 250], text[max(0, at - 80):at])
                elif name and looks_like_org(name):  # the parser's "person" is a firm: "Celsius Network, a lender"
                    attributor.registry.note_org(name)
            elif m.label == "ORG" and is_person(m.key, text[m.end:m.end + 200], text[max(0, m.start - 80):m.start]):
                # the NER's "organisation" is a person: "Marcus Ilunga-Reyes, a research analyst at Greyhaven",
                # "domestic helper Marites Calderon"
                name = clean_name(m.key) or m.key  # "Guest Marcus Tellefsen": the title is no part of the name
                attributor.registry.introduce(name, text[m.end:m.end + 250], text[max(0, m.start - 80):m.start])
            # a token ("VGX") is no organisation, though a firm may bear a coin's name ("Castellan Ether Treasury")
            elif not any(a.start <= m.start and m.end <= a.end for a in assets):
                attributor.registry.note_org(m.key)
        start, end = trim_span(text, span.start, span.end)
        body = text[start:end]
        next_start = spans[i + 1].start if i + 1 < len(spans) else None
        prev_end = spans[i - 1].end if i > 0 else None
        right = right_context(text, span, next_start)
        left = left_context(text, span, prev_end)
        closed = body[-1:] in ".!?" and right.lstrip()[:1].isupper()
        attributor.note_subject(span.start - 1 - len(left), left)
        found, speaker = attributor.attribute(right, span.end + 1, left, span.start - 1 - len(left), closed, next_start)
        if not found and prev is not None and (
            prev[0].paragraph == span.paragraph or (prev[0].runs_on and prev[0].paragraph == span.paragraph - 1)
        ):
            found, speaker = True, prev[1]
        elif not found and not left.strip() and len(attributor.registry.people) == 1:
            speaker = attributor.registry.last_person  # a quote standing alone in a one-voice piece (a thread)
        words = len(body.split())
        if words < 4 and not (found and body[-1:] in ",.!?") and not patterns.PARTIAL_QUOTE.search(left):
            continue  # a scare-quoted term, not speech
        if not any(c.isalpha() for c in body):
            continue
        quotes.append(Quote(body, start, end, speaker.name or None if speaker else None,
                            speaker.title if speaker else None, speaker.organization if speaker else None))
        if speaker is not None and speaker.name in attributor.registry.people:
            attributor.registry.last_person = speaker
        prev = (span, speaker)
    return quotes
