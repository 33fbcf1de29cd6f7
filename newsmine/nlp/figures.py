"""Market figures: price moves, liquidations, open interest, funding, volume,
ETF flows, basis and market caps (GUIDE "Figures").

Cues come from a spaCy PhraseMatcher component ("open interest", "funding",
"liquidated", ...) and from the amount finder; an amount takes the kind of the
nearest cue in its sentence, and its side, venue, asset and period from the
words around it. Percentages without a cue are price moves only when a
movement verb says which way (the sign comes from the verb).
"""

from __future__ import annotations

import re

from newsmine.nlp.moves import signed_move
from newsmine.nlp.periods import figure_period
from newsmine.nlp.numbers import Amount, find_basis_points, find_money, find_percents
from newsmine.nlp.timeref import resolve_date
from newsmine.nlp.view import ArticleView, SentView
from newsmine.records import Figure

# figure kind -> cue phrases (matched case-insensitively by a PhraseMatcher)
CUE_PHRASES: dict[str, tuple[str, ...]] = {
    "liquidations": ("liquidation", "liquidations", "liquidated", "liquidating", "liquidate", "wiped out", "wiping out",
                     "wipe out", "wipes out", "forced out", "forced the closure", "forced closure",
                     "wipeout", "rekt", "forced selling", "forced liquidations", "forced closures", "force-closed",
                     "forcibly closed", "liqs", "flush", "flushed", "of longs", "of shorts"),
    "open_interest": ("open interest", "OI", "expire", "expires", "expiring"),  # options notional expiring (GUIDE)
    "funding_rate": ("funding", "funding rate", "funding rates", "eight-hour rate", "eight-hour rates",
                     "8-hour rate", "8-hour rates"),
    "volume": ("volume", "volumes", "turnover", "turned over", "traded", "vol"),
    "etf_flow": ("inflow", "inflows", "outflow", "outflows", "redemption", "redemptions", "withdrawal",
                 "withdrawals", "net flows", "etf flows", "fund flows", "took in", "taking in", "take in",
                 "takes in", "taken in", "net", "creations", "pulled", "drew", "drawing", "draws", "attracted",
                 "attracting", "pulling", "bleed",
                 "bled", "bleeding", "haul", "poured", "absorbed", "hoovered", "lured", "gathered", "amassed", "new money"),
    "basis": ("basis",),
    "market_cap": ("market cap", "market capitalization", "market capitalisation", "market value", "market-cap",
                   "mcap", "total value", "combined value", "valued"),
}
PERCENT_KINDS = ("funding_rate", "basis")
STOCK_KINDS = ("open_interest", "market_cap")  # levels, not amounts over a period
_WHOLE_MARKET = re.compile(r"crypto(?:currency)? market|all (?:crypto|cryptocurrencies|coins|digital)|total market|whole market", re.I)
_MARKET_WIDE = re.compile(
    r"market-wide|\bcrypto(?:currency)? (?:market|exchange-traded|funds|products|ETPs)\b|\ball (?:crypto|coins|tokens)\b|"
    r"\b(?:most|several|some|many|all|other) (?:major |big |large )?(?:venues|exchanges|contracts|perpetual|platforms|"
    r"memecoin|tokens|coins)", re.I)
_LONG = re.compile(r"\blongs?\b|long positions|bulls", re.I)
_SHORT = re.compile(r"\bshorts?\b|short positions|bears|short squeeze", re.I)
_FLOW_OUT = re.compile(r"outflow|redemption|pulled(?! in\b)|withdrew|withdrawn|withdrawals?|bled|bleed|exodus|\bleft\b|leaving|\bshed\b|"
                       r"\bout of\b|"
                       r"\blost\b", re.I)
_FLOW_IN = re.compile(r"inflow|creations|new money|\b(?:took|taking|takes?|taken|pulled|pulling) in\b|\bdrew\b|attract|poured|absorbed|gathered|"
                      r"amassed|\bhaul", re.I)
# "an exchange that had been valued at $32 billion": a company's valuation, not a market cap
_VALUATION = re.compile(r"\b(?:exchange|company|firm|startup|lender)\b[^.;]{0,40}\bvalued\b|\bvaluation\b|funding round|"
                        r"\b(?:company|firm|miner|group|stock)['’]s market (?:value|cap\w*)|"
                        r"fully[- ]diluted",
                        re.I)
_NOT_BASIS_AFTER = re.compile(r"\s*points?\b", re.I)
_NOT_BASIS_BEFORE = re.compile(r"\b(?:on|at)\s+(?:an?|the|a\s+\w+)\s+(?:[\w-]+\s+)?$", re.I)
# "Longs accounted for $860 million of that": a share of the figure the sentence before gave
_SHARE_OF = re.compile(r"\s+of (?:that|those|them|it\b|(?P<total>(?:the|this|that|its|[\w-]+['’]s) (?:[\w-]+ )?total))\b")
# "Hyperliquid accounted for more than $10 billion": a part of the figure a sentence before gave
_ACCOUNTED_FOR = re.compile(r"\baccount(?:ed|s|ing)? for\s+(?:more than |about |roughly |nearly |some |around |close to |over )?"
                            r"(?:US)?$", re.I)
_NET_RESULT = re.compile(r"\s*(?:income|loss|losses|profits?|revenues?|earnings|worth|margins?)\b", re.I)
_ETF = re.compile(r"\bETFs?\b|exchange-traded|\bfunds?\b|\btrusts?\b|\bproducts\b|iShares|\bIBIT\b|\bGBTC\b|\bETPs?\b", re.I)
# A fund that "lost" or "shed" money saw outflows ("the group of spot bitcoin ETFs lost about $157 million",
# "the Grayscale Ethereum Trust (ETHE) lost"), unless its holders did ("investors in the fund lost $40 million").
_FUND_LOST = re.compile(r"(?<!investors in the )(?<!holders of the )\b(?:ETFs?|funds?|trusts?|ETPs?|products|GBTC|IBIT|ETHE)"
                        r"(?: \([A-Z]{3,5}\))? (?:\w+ly )?(?:lost|shed|leaked) "
                        r"(?:about |roughly |nearly |some |around |a net |another |a further )?(?:US)?$", re.I)
# An amount added to the figure before it takes its kind ("lost $484 million ... and a further $327 million",
# "took in $483 million, led by IBIT with $188 million").
# So does the other end of a change ("has fallen to roughly $130 billion ... from a peak of about $187 billion") and
# the next entry of a breakdown ("Binance accounted for about $210m of the total, Bybit for roughly $180m").
_CONTINUED = re.compile(r"(?:^[^.;$]{0,80}\b(?:(?:and|plus) (?:a further|another|an additional)|(?:led|followed) by [^.;$]{1,60} with|"
                        r"from (?:an? |its |the )?(?:[\w-]+ )?(?:peak|high|low|record|level)? ?(?:of )?)|"
                        r"^[^.;$]{0,20}?(?:,|\band)\s+(?-i:[A-Z])[\w.]*(?: (?-i:[A-Z])[\w.]*)? for)\s*"
                        r"(?:about |roughly |nearly |some |around |close to )?(?:US)?$", re.I)
# Money's worth of something that changed hands is turnover ("About $1.1 billion of ETF shares changed hands");
# a coin that "changed hands at" an amount was priced there.
_CHANGED_HANDS = re.compile(r"\s+(?:worth\s+)?of\s+[^,.;$]{0,40}?\bchang(?:ed|es|e|ing) hands\b", re.I)
# A figure of a commodity or of stocks told beside the coin's ("a rise of roughly 5% for bullion", "$15tn worth of gold")
_NOT_CRYPTO_AFTER = re.compile(r"\s+(?:worth\s+)?(?:of|for|in)\s+(?:gold|silver|bullion|oil|stocks|equities)\b", re.I)
# The other end of a rate's swing takes the rate's kind ("from about 0.01% every eight hours ... to as low as -0.03%")
_SWING_TO = re.compile(r"^[^.;%]{0,60}\bto (?:as (?:low|high) as |about |roughly |nearly |around )?[-+−]?$")
# "0.03% per eight hours ..., an annualised cost of nearly 33%": the same rate, per year
_ANNUALISED = re.compile(r"\bannuali[sz]ed(?: [a-z]+)?(?: of| at| near| around)?\s*(?:about |roughly |nearly |north of |some )?$",
                         re.I)
_PRICE_LEFT = re.compile(
    r"\b(?:traded|trading|trades|changed hands|changing hands)\s+(?:at|near|around|as (?:high|low) as)\s*"
    r"(?:about |around |roughly )?$", re.I)


def _cues(sent: SentView) -> list[tuple[str, int, int, int]]:
    """(kind, start, end, reach) of every figure cue in the sentence, sentence-relative. A bare "net"
    marks a fund flow only right next to its amount ("a net $510 million", "+$158M net") and never
    in a company's results ("net income of $771 million")."""
    cues = []
    for m in sent.of("CUE"):
        s, e = m.start - sent.start, m.end - sent.start
        weak = e - s == 3 and sent.text[s:e].lower() == "net"
        if m.key == "basis" and (_NOT_BASIS_AFTER.match(sent.text, e) or _NOT_BASIS_BEFORE.search(sent.text, 0, s)):
            continue  # "75 basis points" of a rate hike, "on an annualized basis": no spread over spot
        if not (weak and _NET_RESULT.match(sent.text, e)):
            cues.append((m.key, s, e, 12 if weak else 90))
    return cues


def _nearest(cues: list[tuple[str, int, int, int]], a: Amount, kinds: tuple[str, ...] | None = None) -> str | None:
    """Kind of the cue nearest the amount (left within its reach, right within reach/1.8)."""
    best, best_dist = None, 10**9
    for kind, s, e, reach in cues:
        if kinds is not None and kind not in kinds:
            continue
        dist = a.start - e if e <= a.start else (s - a.end) * 1.8 if s >= a.end else 0
        if dist <= reach and dist < best_dist:
            best, best_dist = kind, dist
    return best


def _new_clause_moves(view: ArticleView, index: int, cues, a: Amount) -> bool:
    """A later clause with its own asset and move verb owns the percentage, not the rate cue before it
    (a comma ends the cue's clause: "funding on Binance's bitcoin perpetual fell to 0.003%" keeps it)."""
    sent = view.sents[index]
    cue_end = max((e for _, s, e, _ in cues if e <= a.start), default=None)
    if cue_end is None or not any(
            cue_end < m.start - sent.start < a.start and "," in sent.text[cue_end:m.start - sent.start] for m in sent.of("ASSET")):
        return False
    return signed_move(view, index, a, None) is not None  # a verb must say it moved: a sign alone is the rate's


def _written_sign(text: str, a: Amount) -> str | None:
    """"+" or "-" when the percentage is written with its sign ("+14.6%", "-3.1%")."""
    sign = text[max(0, a.start - 1):a.start + 1]
    arrow = text[max(0, a.start - 2):a.start]  # a ticker's arrows may stand apart: "▼ 5.8%"
    if "+" in sign or "▲" in arrow:
        return "+"
    return "-" if a.value < 0 or "▼" in arrow else None


def _flow_side(text: str, a: Amount) -> str:
    """"out" for a signed outflow ("-$344.7m") or when the nearest flow word is an outflow's:
    one sentence may carry both ("took in $100.8 million, reversing $200.2 million of outflows")."""
    if a.value < 0:
        return "out"
    words = [(a.start - m.end() if m.end() <= a.start else (m.start() - a.end) * 1.8, side)
             for side, pattern in (("out", _FLOW_OUT), ("in", _FLOW_IN))
             for m in pattern.finditer(text, max(0, a.start - 70), a.end + 70)]
    return min(words, default=(0, "in"))[1]


def find_figures(view: ArticleView) -> list[Figure]:
    """Distinct (kind, value, asset) figures, each with its first occurrence."""
    figures: list[Figure] = []
    seen: set[tuple] = set()
    for index, sent in enumerate(view.sents):
        found: list[tuple[Amount, str, float, str]] = []  # amount, kind, value, unit
        shares: dict[int, Figure | Amount] = {}  # amount start -> the earlier figure it is a share of
        periods: dict[int, str | None] = {}  # amount start -> its period, for shares of it
        cues = _cues(sent)
        header = view.list_header(index)
        # a list row reads its header as its own first clause ("Net flows by fund: • FBTC: -$344.7m")
        row_cues = [(kind, 0, 0, 90) for kind, _, _, _ in _cues(header)] if header else []
        for a in find_percents(sent.text):
            if _NOT_CRYPTO_AFTER.match(sent.text, a.end):
                continue
            kind = _nearest(cues, a, PERCENT_KINDS)
            value = a.value
            if kind is None and found and found[-1][1] in PERCENT_KINDS and (
                    _ANNUALISED.search(sent.text, 0, a.start) or _SWING_TO.match(sent.text[found[-1][0].end:a.start])):
                kind = found[-1][1]
            if kind is not None and _new_clause_moves(view, index, cues, a):
                kind = None  # "The last time funding ran this hot, on March 5, bitcoin dropped 14% in a day."
            if kind is None:
                move = signed_move(view, index, a, _written_sign(sent.text, a))
                if move is None:
                    continue
                kind, value = "percent_change", move
            found.append((a, kind, value, "percent"))
        for a in find_basis_points(sent.text):  # bps quote only a rate that a cue names ("basis points" is none)
            kind = _nearest([c for c in cues if c[2] <= a.start or c[1] >= a.end], a, PERCENT_KINDS)
            if kind is not None:
                found.append((a, kind, a.value, "percent"))
        for a in find_money(sent.text):
            if not (a.scaled or abs(a.value) >= 1e6):
                continue
            if _PRICE_LEFT.search(sent.text[max(0, a.start - 30):a.start]) or _NOT_CRYPTO_AFTER.match(sent.text, a.end):
                continue  # "traded at ¥1.22 million" is a price in yen, not a traded amount
            # a cue after a percentage of the amount is the percentage's ("$7 billion of the coin, 2.3% of its market value")
            near = [c for c in cues if c[1] < a.end or "%" not in sent.text[a.end:c[1]]]
            kind = _nearest(near or row_cues, a, tuple(k for k in CUE_PHRASES if k not in PERCENT_KINDS))
            if _FUND_LOST.search(sent.text[max(0, a.start - 80):a.start]):
                kind = "etf_flow"
            elif kind is None and _CHANGED_HANDS.match(sent.text, a.end):
                kind = "volume"
            elif kind is None and found and found[-1][3] != "percent" and _CONTINUED.match(sent.text[found[-1][0].end:a.start]):
                kind = found[-1][1]
                if found[-1][0].start in shares:
                    shares[a.start] = shares[found[-1][0].start]
            # ... unless what it accounted for is named ("accounted for $1 billion of stolen funds")
            share = _SHARE_OF.match(sent.text, a.end)
            if share is None and kind is None and not re.match(r"\s+(?:worth )?of\b", sent.text[a.end:]):
                share = _ACCOUNTED_FOR.search(sent.text, 0, a.start)
            if share:
                whole = next((f for f in reversed(found) if f[3] != "percent" and (f[1] == kind or kind is None)), None)
                if whole is not None:  # "$19.2 billion ... in 24 hours, and $16.7 billion of that was longs"
                    kind, shares[a.start] = whole[1], whole[0]
                else:  # a share of an amount (never of a percentage) given up to two sentences back, or five when
                    # the sentence says "the total" (an explainer may put a paragraph of background in between)
                    total = next((f for f in reversed(figures) if f.unit != "percent"), None)
                    back = 5 if share.groupdict().get("total") else 2
                    if kind is None and total is not None and index and total.start >= view.sents[max(0, index - back)].start:
                        kind, shares[a.start] = total.kind, total
            if kind == "market_cap" and _VALUATION.search(sent.text[max(0, a.start - 80):a.end + 40]):
                continue  # GUIDE: valuations are no figures
            if kind == "etf_flow" and not _ETF.search(" ".join(s.text for s in view.sents[max(0, index - 2):index + 1])):
                kind = None  # "took in $X" about an ETF only when a fund is in sight
            signed = _written_sign(sent.text, a)
            if kind in STOCK_KINDS and signed:
                continue  # "OI $33.9bn, +$1.4bn d/d": a signed amount is the change, not a level
            if kind is None and signed and found and found[-1][3] != "percent":
                kind = found[-1][1]  # a row of signed amounts shares one kind: "+$158M net; FBTC +$56M, ARKB +$51M"
            if kind is not None:
                found.append((a, kind, abs(a.value), a.currency or "USD"))
        framed, shift = (f"{header.text} {sent.text}", len(header.text) + 1) if header else (sent.text, 0)
        when = resolve_date(framed, view.published) if found else None
        for a, kind, value, unit in found:
            whole = shares.get(a.start)
            period = periods[a.start] = (
                whole.period if isinstance(whole, Figure) else periods.get(whole.start) if whole is not None
                else None if kind in STOCK_KINDS else figure_period(framed, a.start + shift, a.end + shift, kind))
            window = sent.text[max(0, a.start - 70):a.end + 70]
            side = None
            if kind == "liquidations":
                side = "long" if _LONG.search(window) else "short" if _SHORT.search(window) else None
            elif kind == "etf_flow":
                side = _flow_side(sent.text, a)
            if kind == "percent_change":
                asset = view.asset_for(index, a.start)
            elif kind == "market_cap" and _WHOLE_MARKET.search(window):
                asset = None
            elif kind == "liquidations" or any(m.end - sent.start <= a.start for m in sent.of("ASSET")):
                asset = view.asset_in_sentence(index, a.start)  # liquidations are often market-wide
            else:
                # no asset before the amount: the story's asset ("Funding on BitMEX rose to 0.1%",
                # "Its market capitalization ..."), unless the figure spans the market
                asset = None if _MARKET_WIDE.search(sent.text) else view.asset_for(index, a.start)
            key = (kind, round(value, 6), asset)
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(kind, value, unit, sent.text, sent.start + a.start, sent.start + a.end,
                                  asset=asset, venue=view.venue_near(index, a.start), side=side,
                                  period=period, date=when))
    return figures
