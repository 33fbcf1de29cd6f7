"""One article as the rule families see it: sentences and entity mentions with
absolute character offsets into ``Article.text``.

Long texts are parsed in chunks, so spaCy offsets are chunk-relative; this
view hides that, and gives the rules the few questions they keep asking
("which asset is nearest before this number?").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from newsmine.nlp.price_cues import noun_cue
from newsmine.nlp.quote_marks import Span, quote_spans
from newsmine.nlp.sentence import Mention, SentView
from newsmine.nlp.subjects import (anaphor_owns, causer_of_it, in_noun_phrase, inherited_subject, it_again, price_subject,
                                   relative_clause_coins, relative_owner, sets_scene, subject_asset)

# Subjects that refer back to the asset of the previous sentence.
_ANAPHORIC_SUBJECT = re.compile(
    r"^(?:it|its|the (?:price|coin|token|cryptocurrency|digital (?:currency|asset)|largest cryptocurrency|"
    r"second-largest (?:cryptocurrency|digital currency|token)|world's largest cryptocurrency))\b",
    re.I,
)


# "Ether followed bitcoin lower": an asset after these words is not the subject ("priced in
# bitcoin" names the unit).
_INTO = re.compile(r"\binto\s+$")
_FORMER_LATTER = re.compile(r"\bthe (former|latter)\b", re.I)
_OBJECT_BEFORE = re.compile(
    r"\b(?:followed|following|tracked|tracking|than|against|versus|vs\.?|into|out of|outperform\w*|ahead of|behind|"
    r"outpac(?:ed|es|ing)|outstrip(?:ped|s|ping)|outr[au]n|outrunning|lagg(?:ed|ing)|trail(?:ed|ing|s)|"
    r"beat(?:s|ing)?|as (?:fast|much|far|quickly|sharply|hard) as|along with|"  # "Solana rose twice as fast as bitcoin, gaining 4% to"
    r"underperform\w*|like|including|such as|from|over|relative to|(?:priced|denominated|quoted|measured) in|in terms of|(?:offshoot|fork|spin-?off|cousin|rival) (?:of|to)|"
    # what a coin is built on is not the coin ("DAI, a stablecoin that relies heavily on USDC as collateral, ... slid")
    r"(?:reli(?:es|ed)|relying|rely|depend(?:s|ed|ing)?|backed|collateral[iy][sz]ed) (?:\w+ly )?(?:on|by|with)|"
    # ... nor the chain a token lives on ("The token, TRUMP, went live on Solana late Friday and rose as high as")
    r"(?:live|launched|built|issued|deployed|minted|hosted|based) on)\s+(?:the\s+)?$|"
    # ... nor are the later items of such a list ("STRK against USDT, FDUSD, bitcoin and the Turkish lira")
    # (not the subject after an opening phrase, "Against ether, SOL climbed", nor a new clause, "against Ripple, and litecoin")
    r"\b(?:against|versus|vs\.?|than)\s+(?:(?:[\w$.-]+,\s+){2,4}(?:and\s+|or\s+)?|(?:[\w$.-]+,\s+){1,3}[\w$.-]+,?\s+(?:and|or)\s+|[\w$.-]+\s+(?:and|or)\s+)$|"
    # (not the end of an aside: "quoted against bitcoin rather than dollars, XRP peaked")
    r"(?<=[a-z] )(?<!rather )(?-i:against|versus|than)\s+[\w$.-]+,\s+$",  # the second item, mid-sentence: "... against USDT, FDUSD"
    re.I,
)
# ... but a phrase that opens the sentence leads to its subject ("Measured against tether, bitcoin bottomed at")
_OPENING_AGAINST = re.compile(r"(?:^|[.!?]\s+)[A-Z][a-z]+\s+(?:against|versus|than)\s+[\w$.-]+,\s+$")


# An aside between commas, dashes or brackets ("Ether, which has lagged bitcoin all year,
# traded near $3,050"; "Litecoin, unlike bitcoin, climbed"): an asset named there is not what the clause
# after it is about.
_ASIDE = re.compile(r"[,(—–]\s*(?:which|who|whose|unlike|like|along with|together with|alongside|as well as|"
                    # a participle clause about the coin ("TRUMP, launched by the camp on Solana, changed hands")
                    # (or told any other way: "SUSHI, launched less than a week ago as a copy of the Uniswap exchange,")
                    r"(?:launched|issued|built|created|minted|deployed|based|listed)\b)"
                    r"[^,()—–;]*[,)—–]")
# ... but an aside that gives the subject's ticker names the subject ("The token, which trades under the ticker TRUMP,")
# (or the name it trades as now: "The original token, which now trades as LUNC, fell")
_TICKER_ASIDE = re.compile(r"\bunder the (?:ticker|symbol)\b|\b(?:trades|is traded|is listed) as\b")
# Where a new clause begins inside a sentence ("On Coinbase the low was $3,858, and ether bottomed near $86")
CLAUSE_START = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")
# An apposition after a coin ("Optimism's OP, the token of Arbitrum's closest rival, fell 6%"): a coin
# named inside it only describes the one before.
# (also ", one of the other coins on offer,")
# (or a possessive one: "Optimism's OP token, Arbitrum's closest rival, first traded near", unless a coin
# follows the possessive: "OP, Arbitrum's ARB, and ...")
_APPOSITION_ASIDE = re.compile(r",\s*(?:the|a|an|another|one of|[A-Z][\w.-]*['’]s(?P<possessive>))\s[^,()—–;$]{1,140},")

_COIN_WORD = re.compile(r"(?:\s+(?:token|coin))?")  # what may stand between a coin and its apposition


# A coin's move named as a noun right before the amount ("a sharper fall than bitcoin's retreat to $61,500",
# "ether's climb back to $3,100"): the move, and the amount it ended at, are that coin's, whatever the
# clause's subject.
_POSSESSIVE_MOVE = re.compile(r"['’]s\s+(?P<noun>[\w-]+)\s+(?:back\s+)?(?:to|toward|towards)\s+"
                              r"(?:about |around |roughly |nearly |near |just )?$")


BULLETS = ("•", "▪", "◦", "●", "‣", "∙")  # list rows start with one; the parser keeps each row whole
# Plain text and extracted pages mark a row with a hyphen or an asterisk at the start of a line
# ("- SOL: $141.20, down 6.1%", as trafilatura writes an <li>).
LINE_MARKS = ("-", "*")
_ROW_START = rf"(?:[{''.join(BULLETS)}]|[{re.escape(''.join(LINE_MARKS))}] )"
_ROW = re.compile(_ROW_START)
# A list row labelled by a ticker ("• ENA: $1.08, down 4.7%"): the row is about that coin even
# when the lexicon does not know it, never about the coin of the row before.
# (a line of its own needs no bullet when the amount follows the label at once: "BAL: $6.41 (+4.1%)")
# (or by a ticker and the row's price at once: "• SUSHI $9.12 (+31%): ...")
_TICKER_ROW = re.compile(rf"^(?:{_ROW_START}\s*\$?(?P<ticker>[A-Z][A-Z0-9]{{1,5}})(?::\s|\s+(?=[$€£]\d))|"
                         r"(?P<label>[A-Z][A-Z0-9]{1,5}):\s+(?=[$€£]?\d))")


def _move_owner(sent: SentView, pos: int) -> str | None:
    """The coin whose move, named as a noun with its possessive, ends at the amount at ``pos``
    (``_POSSESSIVE_MOVE``)."""
    move = _POSSESSIVE_MOVE.search(sent.text, max(0, pos - 60), pos)
    if move is None or noun_cue(move.group("noun").lower()) not in ("fall", "rise"):
        return None
    return next((m.key for m in sent.of("ASSET") if m.end - sent.start == move.start()), None)


def is_row(text: str) -> bool:
    """Whether a sentence is a list row: it starts with a bullet, or with a line mark and a space."""
    return _ROW.match(text) is not None


# "0.059 BTC", "12,000 ETH": a coin after a bare number is a unit, not the subject (after
# "$0.53" it starts the next table row: "DOGE -21.4% at $0.53 BTC -3.1% at 56.9k").
_UNIT_BEFORE = re.compile(r"(?<![\d.,$€£¥₩])\d(?:[\d.,]*\d)?\s?$")
# "June 18 bitcoin", "in March 2020 bitcoin lost half its value": a date counts no coins
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY_BEFORE = re.compile(rf"\b{_MONTH} \d{{1,2}}\s?$|\b(?:{_MONTH}|in|since|by|early|late) (?:19|20)\d\d\s?$")
_UNITS = ("BTC", "ETH", "USDT", "USDC")  # "18 bitcoin", and a stablecoin as the quote currency ("104,310 USDT")
# The dollar prices a coin can have, roughly: the least it has fetched on any exchange (bitcoin not since early 2011,
# ether ten cents in a 2017 flash crash on GDAX) and, for the large coins, four or more times the most (ether's
# record is under $5,000, XRP's under $4, solana's under $300; a dollar stablecoin's never $2). A price outside them
# in a sentence that does not name the coin is another coin's ("It bottomed at $0.8774" after a stablecoin's depeg, in
# a story that named bitcoin last; "The coin has held above $100,000" after a paragraph that ended on ether).
_USD_RANGE = {"BTC": (2.0, math.inf), "ETH": (0.1, 20_000.0), "XRP": (0.0, 20.0), "SOL": (0.0, 2_000.0),
              "BNB": (0.0, 10_000.0), "ADA": (0.0, 20.0), "DOGE": (0.0, 5.0), "LINK": (0.0, 500.0),
              "LTC": (0.0, 3_000.0), "AVAX": (0.0, 1_000.0), "DOT": (0.0, 500.0), "MATIC": (0.0, 20.0),
              "TRX": (0.0, 5.0), "TON": (0.0, 100.0), "ARB": (0.0, 20.0), "SHIB": (0.0, 0.01),
              **{coin: (0.0, 2.0) for coin in ("USDT", "USDC", "DAI", "BUSD", "TUSD", "FDUSD", "PYUSD", "PAX", "GUSD")}}


def _fits(asset: str, value: float) -> bool:
    least, most = _USD_RANGE.get(asset, (0.0, math.inf))
    return least <= value <= most


# things a coin's name classifies that are no trade in the coin: its rewards, fees, holders, loans ("offered the
# richest COMP rewards", "paid in ETH fees"); its options, funds and volume are the coin's figures
_NOT_THE_COIN = frozenset("reward rewards fee fees miner miners holder holders whale whales wallet wallets address "
                          "addresses collateral loan loans deposit deposits".split())


def _names_an_object(sent: SentView, m: Mention) -> bool:
    """A coin naming the kind of thing a clause's object is (``_NOT_THE_COIN``) is not what the clause prices."""
    token = sent.token_at(m.end - 1 - sent.start)
    return token is not None and token.dep_ == "compound" and token.head.dep_ in ("dobj", "pobj") and (
        token.head.lower_ in _NOT_THE_COIN)


def _subject_refers_back(sent: SentView) -> bool:
    """A sentence whose subject stands for a coin named before it ("The coin traded at ...,
    or ... for tether"): the first coin it names is not its subject."""
    start = _ANAPHORIC_SUBJECT.match(sent.text)
    return start is not None and not any(m.start - sent.start <= start.end() + 12 for m in sent.of("ASSET"))


@dataclass
class ArticleView:
    text: str
    published: date | None
    sents: list[SentView]
    decimal_comma: bool = False  # the outlet writes "0,39"; ``text`` has its separators swapped to read it

    @cached_property
    def quotations(self) -> list[Span]:
        """The article's quotations (``quote_spans``), paired once for the price rules and the quote rules."""
        return quote_spans(self.text)

    def all_mentions(self, label: str) -> list[Mention]:
        return [m for s in self.sents for m in s.of(label)]

    def new_paragraph(self, index: int) -> bool:
        """Sentence ``index`` opens a paragraph (a blank line before it; the first sentence does not count)."""
        return index > 0 and "\n\n" in self.text[self.sents[index - 1].end : self.sents[index].start]

    def paragraph_start(self, index: int) -> int:
        """The index of the sentence that opens sentence ``index``'s paragraph."""
        while index > 0 and not self.new_paragraph(index):
            index -= 1
        return index

    def main_asset(self) -> str | None:
        """The most mentioned asset, first mention breaking ties; a pair ("ETH/BTC") names two
        assets and is about neither alone, so it is not counted."""
        counts: dict[str, int] = {}
        for m in self.all_mentions("ASSET"):
            if "/" in self.text[m.start:m.end]:
                continue
            counts[m.key] = counts.get(m.key, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None

    def asset_for(self, index: int, pos: int) -> str | None:
        """The asset a number at sentence-relative ``pos`` of sentence ``index`` is about.

        Nearest asset mention before it in the sentence; else the first one
        after it; else, for "It"/"The price" sentences or sentences naming no
        asset, the last asset of the preceding sentences; else the article's
        main asset.
        """
        sent = self.sents[index]
        absolute = sent.start + pos
        row = _TICKER_ROW.match(sent.text)
        if row and row.end() <= pos and not any(m.start - sent.start < row.end() for m in sent.of("ASSET")):
            return row.group("ticker") or row.group("label")
        owner = _move_owner(sent, pos)
        if owner is not None:
            return owner
        inherited = inherited_subject(sent, pos) or relative_owner(sent, pos) or self._former_or_latter(index, pos)
        if inherited is not None:
            return inherited
        assets = sorted((m for m in (*sent.of("ASSET"), *sent.ranked)
                         if not self._object(m) and not _names_an_object(sent, m)
                         and not (m.key in _UNITS and self._counted(m))),
                        key=lambda m: m.start)
        asides = [(sent.start + m.start(), sent.start + m.end()) for m in _ASIDE.finditer(sent.text, 0, pos)
                  if not _TICKER_ASIDE.search(m.group())] + self._appositions(sent, pos) + relative_clause_coins(sent, pos)
        causer = causer_of_it(sent, pos)
        before = [m for m in assets if m.end <= absolute and not any(s <= m.start < e for s, e in asides)
                  and not (causer and causer[0] <= m.start < causer[1])]
        owned = anaphor_owns(sent, pos) or causer is not None
        first_it = it_again(sent, pos) if before else None
        if first_it is not None:
            before = [m for m in before if m.start < first_it or not sets_scene(sent, m)]
        # "it" or "the price" in a later clause is the sentence's subject, not the coin named in between ("WIF had
        # given back the jump, falling as low as $1.61 when bitcoin's slide rippled through altcoins, and it was
        # last quoted at"; "XRP turnover ... more than bitcoin and ether volume, and the won price peaked at")
        # (the last coin of the subject is its head: "Ethena's USDe" is USDe)
        subject = subject_asset(sent, before[::-1]) if len(before) > 1 and (owned or price_subject(sent, pos)) else None
        if before:
            return (subject or before[-1]).key
        anaphoric = _ANAPHORIC_SUBJECT.match(sent.text) or owned
        # a coin first named in a later clause is that clause's ("On Coinbase the low was $3,858, and ether bottomed near $86")
        later = bool(assets) and CLAUSE_START.search(self.text, absolute, assets[0].start) is not None
        if assets and not anaphoric and not later:
            return assets[0].key
        # money or trouble moving into a coin makes it the subject of what follows ("the depeg spilled over
        # into DAI, ..., which slid to"; "investors poured into bitcoin cash, sending the offshoot of bitcoin to")
        entered = [m for m in sent.of("ASSET") if m.end <= absolute and not any(s <= m.start < e for s, e in asides)
                   and _INTO.search(self.text, max(0, m.start - 6), m.start)]
        if entered and not anaphoric:
            return entered[0].key
        for k in range(index - 1, max(-1, index - 4), -1):
            if not anaphoric and self.new_paragraph(k + 1):
                break  # a new paragraph that names no asset is about the article's own
            if anaphoric and _subject_refers_back(self.sents[k]):
                continue  # "The coin traded at ..., or ... for tether. It has swung ...": both are about one coin named earlier
            # an asset compared with ("ahead of DOGE") is not what the story goes on about
            prev_assets = [m for m in self.sents[k].of("ASSET") if not self._object(m)]
            if prev_assets:
                # (the subject, not a coin setting the scene: "when a feud over the future of bitcoin cash split
                # that network in two and bitcoin fell below $6,000. Within two weeks it had sunk")
                main = [m for m in prev_assets if not in_noun_phrase(self.sents[k], m)] or prev_assets
                return main[0].key if anaphoric else (subject_asset(self.sents[k], prev_assets) or prev_assets[-1]).key
        return self.main_asset()

    def price_owner(self, index: int, pos: int, value: float, currency: str) -> str | None:
        """``asset_for`` the price ``value`` in ``currency`` at ``pos`` of sentence ``index``, with two checks the
        amount itself allows. A coin that is the price's own currency is the quote side of a pair: the coin named
        just before it is the base ("Binance's bitcoin-tether pair bottomed at 30,066 USDT"). A dollar price the
        coin cannot have (``_USD_RANGE``), in a sentence that does not name it, is the latest coin named before
        (up to eight sentences back) that the price fits."""
        asset = self.asset_for(index, pos)
        sent = self.sents[index]
        if asset is not None and asset == currency:
            base = [m.key for m in sent.of("ASSET") if m.end <= sent.start + pos and m.key != currency]
            return base[-1] if base else asset
        if currency != "USD" or asset is None or _fits(asset, value):
            return asset
        if value < _USD_RANGE[asset][0] and any(m.key == asset for m in sent.of("ASSET")):
            return asset  # the writer named it ("bitcoin changed hands for 8 cents in 2010")
        for k in range(index, max(-1, index - 9), -1):
            named = [m for m in self.sents[k].of("ASSET") if k < index or m.end <= sent.start + pos]
            fits = next((m.key for m in reversed(named) if _fits(m.key, value)), None)
            if fits is not None:
                return fits
        return asset

    def _appositions(self, sent: SentView, pos: int) -> list[tuple[int, int]]:
        """Article spans of the appositions after a coin before ``pos`` ("Dogecoin, the joke coin ..., sank"), but
        not a possessive that is itself a coin's issuer ("OP, Arbitrum's ARB, and ...")."""
        spans = []
        for m in _APPOSITION_ASIDE.finditer(sent.text, 0, pos):
            start, end = sent.start + m.start(), sent.start + m.end()
            after_coin = any(_COIN_WORD.fullmatch(self.text, a.end, start) for a in sent.of("ASSET"))
            names_coin = m.start("possessive") >= 0 and any(
                sent.start + m.end("possessive") < a.start < end for a in sent.of("ASSET"))
            if after_coin and not names_coin:
                spans.append((start, end))
        return spans

    def _former_or_latter(self, index: int, pos: int) -> str | None:
        """"Solana and Cardano moved apart. The former climbed to $146.20, while the latter slipped to
        $0.3712": the first or the second of the two coins named last before the phrase."""
        sent = self.sents[index]
        # (not an adjective: "TerraUSD Classic, the former stablecoin, was quoted near 3 cents")
        refs = [r for r in _FORMER_LATTER.finditer(sent.text, 0, pos)
                if getattr(sent.token_at(r.start(1)), "dep_", "") != "amod"]
        if not refs or any(refs[-1].end() <= m.start - sent.start and m.end - sent.start <= pos for m in sent.of("ASSET")):
            return None  # no such phrase, or a coin named after it, nearer the amount
        ref = refs[-1]
        named = [m.key for m in sent.of("ASSET") if m.end - sent.start <= refs[0].start()]
        if len(dict.fromkeys(named)) < 2 and index > 0:
            named = [m.key for m in self.sents[index - 1].of("ASSET")] + named
        pair = list(dict.fromkeys(named))[-2:]
        if len(pair) < 2:
            return None
        return pair[0] if ref.group(1).lower() == "former" else pair[1]

    def _counted(self, m: Mention) -> bool:
        """A coin after a number is its unit ("18 bitcoin"), unless the number is a day ("June 18 bitcoin")
        or the coin is a pair or a label that starts a table row ("... 43,560 ETH/USD 2,710", "... 114,050 Ether: 2,485")."""
        before = self.text[max(0, m.start - 20):m.start]
        row = self.text.startswith("/", m.end) or "/" in self.text[m.start:m.end] or self.text.startswith(":", m.end)
        return bool(_UNIT_BEFORE.search(before)) and not _DAY_BEFORE.search(before) and not row

    def _object(self, m: Mention) -> bool:
        # an object of the clause ("bought ether"), or the quote side of a pair ("ZORBO/USDT"): not what is priced
        return bool(_OBJECT_BEFORE.search(self.text[max(0, m.start - 25):m.start])) and not _OPENING_AGAINST.search(
            self.text[max(0, m.start - 60):m.start]) or (
            m.start > 0 and self.text[m.start - 1] == "/" and self.text[m.start - 2:m.start - 1].isalnum())

    def asset_in_sentence(self, index: int, pos: int) -> str | None:
        """Like ``asset_for`` but never looking outside the sentence: market-wide
        figures ("$1 billion of positions were liquidated") name no asset."""
        sent = self.sents[index]
        assets = sent.of("ASSET")
        before = [m for m in assets if m.end <= sent.start + pos]
        return before[-1].key if before else assets[0].key if assets else None

    def list_header(self, index: int) -> SentView | None:
        """The line introducing the bulleted list that sentence ``index`` is a row of
        ("24-hour moves as of 08:00 UTC:"): rows are sentences of their own, but
        share the header's span, date and figure cue ("Net flows by fund:")."""
        if not is_row(self.sents[index].text):
            return None
        for k in range(index - 1, -1, -1):
            prev, nxt = self.sents[k], self.sents[k + 1]
            if "\n\n" in self.text[prev.end:nxt.start]:
                return None  # a list ends with its paragraph (a plain-text list may put each row on a line of its own)
            if not is_row(prev.text):
                return prev if prev.text.endswith(":") else None
        return None

    def venue_near(self, index: int, pos: int) -> str | None:
        """The exchange mentioned nearest to ``pos`` in the sentence, if any."""
        sent = self.sents[index]
        absolute = sent.start + pos
        venues = sent.of("EXCHANGE")
        if not venues:
            return None
        return min(venues, key=lambda m: min(abs(m.start - absolute), abs(m.end - absolute))).key
