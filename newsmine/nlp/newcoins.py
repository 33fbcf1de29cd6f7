"""Coins the lexicon does not know, introduced by the article itself.

New tokens appear faster than any table can follow, and stories about them
say what they are the first time: "Nuri Coin (NURI) was listed on Bithumb",
"Euler's governance token, EUL, traded near $6.20", "HMSTR, the token behind the game", or quote it in
a pair ("HMSTR/USDT"). Such an introduction
makes the ticker (and the name written before it) an asset mention for the
whole article, so its prices and moves are told apart from bitcoin's. Only a
token word next to the ticker introduces it: "the Securities and Exchange
Commission (SEC)" introduces nothing.
"""

from __future__ import annotations

import re

from newsmine.nlp.lexicon import ASSETS, EXCHANGES, PROTOCOL_TOKENS, STOCK_TICKERS
from newsmine.nlp.numbers import CURRENCY_SYMBOLS
from newsmine.nlp.regex_guard import guarded
from newsmine.nlp.view import Mention

_TICKER = r"(?P<ticker>(?:[a-z]{1,3})?[A-Z][A-Z0-9]{1,7})"  # "NURI", and a wrapper's or issuer's prefix: "crvUSD", "alETH"
# what a coin is quoted against in a pair ("HMSTR/USDT", "W/EUR")
_QUOTE_CURRENCIES = "USDT|USDC|FDUSD|USD|EUR|KRW|JPY|TRY|BRL|BTC|ETH"
# "Quant (QNT)", "The Graph (GRT)", "Theta Network (THETA)": a capitalised name and its ticker in brackets, the way
# news introduces a coin (an organisation's acronym, "Securities and Exchange Commission (SEC)", is filtered out)
_WORD = r"[A-Z][\w'’-]*(?:\.[a-z]+)?"  # ("Fetch.ai"; not a sentence's last word, "Tuesday.")
_BRACKETED = guarded(rf"\b(?P<name>(?:{_WORD}\s+){{0,2}}{_WORD})\s+\({_TICKER}\)")
_INTRODUCTIONS = (
    # "Nuri Coin (NURI)", "the Pepe token (PEPE)", "Ravencoin (RVN)"
    guarded(rf"\b(?P<name>(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:[Cc]oin|[Tt]oken)|[A-Z][a-z]+coin)\s+\({_TICKER}\)"),
    # a table row's label: a name, its ticker and the price or move ("Ergo (ERG): $2.71", "Melania Meme (MELANIA): -78%")
    re.compile(rf"\b(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})\s+\({_TICKER}\):\s*(?:[$€£]?\d|[-+−]\d[\d.,]*\s?%)"),
    # "its governance token, EUL,", "a memecoin (PNUT)", "the stablecoin, USDX,"
    re.compile(rf"\b(?:token|coin|memecoin|stablecoin|altcoin|cryptocurrency)\s*(?:,\s*|\(){_TICKER}\s*[,)]"),
    # "the Telegram-born memecoin DOGS went live": a ticker in capitals right after the kind of coin it is
    re.compile(rf"\b(?:memecoin|meme coin|token|altcoin)\s+{_TICKER}\b(?![\w'’-])"),
    # "the token, which trades under the ticker TRUMP": a coin's ticker named as such (not a fund's: "the ETF,
    # which trades under the ticker BITO")
    re.compile(rf"\b(?:token|coin|memecoin|cryptocurrency)\b[^.;]{{0,40}}?\bunder the (?:ticker|symbol)(?: symbol)?\s+{_TICKER}\b"),
    _BRACKETED,
    # a movers line's ticker, its price and its change ("SHIB $0.00002874 -4.2% FLOKI $0.0002991 +11.6% MYRO $0.2231")
    re.compile(rf"(?:^|\s){_TICKER}\s+[$€£]\d[\d.,]*\s+[-+−]\d[\d.,]*%"),
    # a ticker opening a sentence with its move to a dollar price ("LIBRA spiked to $4.56", "AERO added 9% to $1.74",
    # "SLND lost 14% over the weekend to $0.58", "CETUS fell from $0.268"), also after a colon ("Ankr's own token
    # fared badly: ANKR dropped as much as 17% to") and in a list ("SAND each lost 15%, FLOW dipped to $0.58, and")
    re.compile(rf"(?:^|(?<=[.!?:,]\s)|(?<=\band\s)|(?<=\n)){_TICKER}\s+"
               r"(?:spiked|surged|jumped|soared|rallied|climbed|rose|added|gained|plunged|plummeted|crashed|collapsed|"
               r"cratered|tumbled|sank|slid|fell|dropped|slipped|dipped|eased|lost|shed)\s+"
               r"(?:as (?:high|low) as|to|from(?: about| around| roughly)?|(?:as much as )?\d[\d.]*% (?:\w+ ){0,4}to)"
               r"\s+\$\d"),
    # a ticker after its issuer's name ("Magic Eden's ME, which began trading", "BitTorrent's BTT slid", "ZKsync's
    # ZK, airdropped in June,")
    # ("smaller tokens such as Numeraire's NMR rising 6% to $15.40", "The first, BitTorrent's BTT, sold at")
    # ("Juventus's JUV, often traded as a proxy", "Marinade's mSOL slipped to 1.05 SOL")
    guarded(rf"\b[A-Z][\w.]+(?: [A-Z][\w.]+)?['’]s {_TICKER}(?:,\s+(?:which|(?:often |still |now |long )?[a-z]+ed|sold|rose|"
            r"fell)\b|\s+(?:token|coin|rose|fell|slid|slipped|dipped|eased|jumped|surged|soared|climbed|dropped|sank|"
            r"plunged|tumbled|gained|lost|added|traded|was|is|rising|falling|sliding|jumping|climbing|dropping|sinking|"
            r"gaining|losing|adding|trading)\b)"),
)
# Introductions that open with the ticker: the text's ticker-shaped words are found in one scan, and each is tried
# against what may follow it, with the least number of capitals it needs (one more search per shape cost a tenth
# of the rules' time).
_TICKER_WORD = re.compile(r"\b(?P<ticker>(?:[a-z]{1,3})?[A-Z][A-Z0-9]{0,7})(?![A-Z0-9])")
_AFTER_TICKER = (
    # "the DOGS memecoin", "received DOGS tokens", "Tron's USDD stablecoin", "the club's KTH fan token": a ticker in
    # capitals naming its coin's kind
    (re.compile(r"\s+(?:(?:fan|governance|utility|gaming|exchange|native|reward) )?(?:tokens?|memecoins?|meme coins?|"
                r"stablecoins?)\b"), 2),
    # "HMSTR, the token behind the game", "alETH, a synthetic version of ether": the ticker, then what it is
    # (not a club or firm whose token it is: "Ribeira Norte FC, a Portuguese side whose token")
    # ("ZMT, the exchange's own token,")
    (re.compile(r",\s+(?:the|a|an)\s+(?:(?!whose\b)[\w'’-]+\s+){0,5}?(?:tokens?|coins?|memecoin|stablecoin|version of)\b"), 2),
    # "MNGO, which still trades on a handful of smaller exchanges": a ticker that trades is a coin
    (re.compile(r",\s+which\s+(?:still\s+|now\s+)?trades\b"), 2),
    # "the first HMSTR/USDT print": a pair names its base coin (one capital is enough: Wormhole's "W/USDT")
    (re.compile(rf"/(?:{_QUOTE_CURRENCIES})\b"), 1),
)
# capitals that follow "token" without being one ("the token ETF", "token sale FAQ")
_NOT_TICKERS = frozenset("ETF ETFS ETP ETN SEC CEO CFO CTO USD EUR GBP JPY NFT NFTS API DAO DEX CEX TVL ATH ICO IPO AI "
                         "US UK EU OTC CME FUD FOMO FAQ TGE ERC ERC20 BEP BEP20 TRC TRC20 BRC BRC20 SPL RWA DEFI DEPIN "
                         "GAMEFI L1 L2 "
                         # time zones: "unlocked at 13:00 UTC, the largest release in the token's history"
                         "UTC GMT ET EST EDT PT PST PDT CET CEST BST HKT SGT JST KST "
                         # indices, agencies and data series written in brackets after their names ("the Dollar Index (DXY)")
                         "DXY SPX NDX VIX DJI DJIA CPI PCE PPI GDP FOMC ECB BOJ BOE PBOC IMF FCA CFTC DOJ FBI IRS OCC FDIC "
                         "FSB BIS ESMA MAS SFC FSA FSC KYC AML CBDC ETPS NYSE LSE TSX ASX HKEX SGX".split())
_ORG_WORDS = frozenset("index fund trust etf etp report act bill authority commission bank exchange association council "
                       "group capital partners research labs foundation markets securities holdings inc corp ltd agency "
                       "reserve ministry office service board".split())
# (nor is a venue's name a new coin: "FTX plunged to")
_KNOWN = (frozenset(t for _, _, tickers in ASSETS.values() for t in tickers) | frozenset(ASSETS) | _NOT_TICKERS
          | STOCK_TICKERS | frozenset(alias.upper() for aliases in EXCHANGES.values() for alias in aliases))


def introduced(text: str) -> dict[str, set[str]]:
    """Tickers the lexicon lacks that ``text`` introduces as coins, each with the names written before it."""
    found: dict[str, set[str]] = {}
    for pattern in _INTRODUCTIONS:
        for m in pattern.finditer(text):
            ticker = m.group("ticker")
            if ticker not in _KNOWN and not (pattern is _BRACKETED and _named_no_coin(m.group("name"), ticker)):
                names = found.setdefault(ticker, set())
                if "name" in pattern.groupindex:
                    names.add(" ".join(m.group("name").split()))
    for m in _TICKER_WORD.finditer(text):
        ticker = m.group("ticker")
        capitals = len(ticker.lstrip("abcdefghijklmnopqrstuvwxyz"))
        if ticker not in _KNOWN and any(capitals >= least and after.match(text, m.end()) for after, least in _AFTER_TICKER):
            found.setdefault(ticker, set())
    return found


def _named_no_coin(name: str, ticker: str) -> bool:
    """``ticker`` in brackets after ``name`` is no coin's: an organisation's acronym ("Financial Conduct Authority
    (FCA)"), a dateline's agency ("PARIS (APS)"), an index's or a firm's code ("the Northmark Digital 10 Index (ND10)")
    or a currency ("Upbit (KRW)")."""
    words = name.split()
    initials = "".join(word[0] for word in words if word[0].isupper())
    # (a coin's ticker starts as its name does, "Quant (QNT)", "The Graph (GRT)"; the tail of a longer name
    # does not, "the Central Board of Direct Taxes (CBDT)")
    first = words[1] if words[0] == "The" and len(words) > 1 else words[0]
    return (len(initials) > 1 and ticker.upper() == initials.upper() or name.isupper() or first[0] != ticker[0].upper()
            or words[-1].lower() in _ORG_WORDS or ticker in CURRENCY_SYMBOLS.values())


def coin_mentions(text: str, offset: int, coins: dict[str, set[str]], taken: list[Mention]) -> list[Mention]:
    """An ASSET mention (offsets plus ``offset``) for every occurrence in ``text`` of a ticker or name of
    ``coins`` (see ``introduced``), and for a known protocol's token named by its role ("Lido's governance
    token"), that no asset or venue mention in ``taken`` already covers."""
    covered = [(m.start, m.end) for m in taken if m.label in ("ASSET", "EXCHANGE")]
    found = [Mention(offset + m.start(), offset + m.end(), "ASSET", PROTOCOL_TOKENS[m.group("name")])
             for m in _ROLE_TOKEN.finditer(text) if m.group("name") in PROTOCOL_TOKENS]
    if coins:
        words = {word: ticker for ticker, names in coins.items() for word in (ticker, *names)}
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b")
        found += [Mention(offset + m.start(), offset + m.end(), "ASSET", words[m.group()])
                  for m in pattern.finditer(text)]
    return [m for m in found if not any(s < m.end and m.start < e for s, e in covered)]


# A protocol's token named by its role ("Lido's governance token rose 14% to $2.86"), unless its ticker follows to
# name it ("Frax's governance token, FXS, slid")
_ROLE_TOKEN = guarded(r"\b(?P<name>[A-Z]\w+(?: [A-Z]\w+)?)['’]s (?:governance|native|utility) token\b"
                         r"(?!\s*[,(]\s*[a-z]*[A-Z]{2,})")
