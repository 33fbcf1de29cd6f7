"""Domain vocabulary as data: crypto assets, trading venues, and look-alikes.

The EntityRuler patterns are generated from these tables so that adding an
alias is a one-line change. Look-alikes (data providers, brokers, fund
managers, "Binance Coin") get their own labels: a longer match wins in the
ruler, so "Binance Coin" becomes the asset BNB and never counts as Binance.
"""

from __future__ import annotations

from typing import Any

from newsmine.taxonomy import EXCHANGES as VENUES

# symbol -> (display name, names matched case-insensitively, tickers matched exactly)
ASSETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "BTC": ("Bitcoin", ("bitcoin", "bitcoins"), ("BTC", "XBT", "BTCUSD", "XBTUSD", "BTCUSDT")),
    "ETH": ("Ethereum", ("ether", "ethereum"), ("ETH", "ETHUSD", "ETHUSDT")),
    "BCH": ("Bitcoin Cash", ("bitcoin cash",), ("BCH",)),
    "BSV": ("Bitcoin SV", ("bitcoin sv",), ("BSV",)),
    "BTG": ("Bitcoin Gold", ("bitcoin gold",), ("BTG",)),
    "ETC": ("Ethereum Classic", ("ethereum classic", "ether classic"), ("ETC",)),
    "LTC": ("Litecoin", ("litecoin", "litecoins"), ("LTC",)),
    "XRP": ("XRP", (), ("XRP",)),
    "SOL": ("Solana", ("solana",), ("SOL",)),
    "BNB": ("BNB", ("binance coin", "bnb chain", "binance smart chain"), ("BNB",)),
    "ADA": ("Cardano", ("cardano",), ("ADA",)),
    "DOGE": ("Dogecoin", ("dogecoin",), ("DOGE",)),
    "SHIB": ("Shiba Inu", ("shiba inu",), ("SHIB",)),
    "DOT": ("Polkadot", ("polkadot",), ("DOT",)),
    "AVAX": ("Avalanche", ("Avalanche",), ("AVAX",)),
    "MATIC": ("Polygon", ("Polygon",), ("MATIC", "POL")),
    "LINK": ("Chainlink", ("chainlink",), ("LINK",)),
    "TRX": ("Tron", ("Tron",), ("TRX",)),
    "XLM": ("Stellar", ("stellar lumens", "Stellar"), ("XLM",)),
    "XMR": ("Monero", ("monero",), ("XMR",)),
    "ZEC": ("Zcash", ("zcash",), ("ZEC",)),
    "XEM": ("NEM", (), ("XEM", "NEM")),
    "EOS": ("EOS", (), ("EOS",)),
    "ATOM": ("Cosmos", (), ("ATOM",)),
    "XTZ": ("Tezos", ("tezos",), ("XTZ",)),
    "ALGO": ("Algorand", ("algorand",), ("ALGO",)),
    "NEAR": ("NEAR Protocol", ("near protocol",), ("NEAR",)),
    "ICP": ("Internet Computer", (), ("ICP",)),
    "FTM": ("Fantom", ("fantom",), ("FTM",)),
    "HBAR": ("Hedera", ("hedera",), ("HBAR",)),
    "UNI": ("Uniswap", ("uniswap",), ("UNI",)),
    "AAVE": ("Aave", ("aave",), ("AAVE",)),
    "MKR": ("Maker", (), ("MKR",)),
    "LDO": ("Lido DAO", (), ("LDO",)),
    "CRV": ("Curve DAO", (), ("CRV",)),
    "LUNA": ("Terra", ("Terra", "Luna"), ("LUNA",)),
    # the original chain's token after Terra's 2022 collapse (the new chain took the LUNA ticker)
    "LUNC": ("Terra Classic", ("luna classic", "terra classic"), ("LUNC",)),
    "UST": ("TerraUSD", ("terrausd",), ("UST",)),
    "USTC": ("TerraUSD Classic", ("terrausd classic", "terraclassicusd"), ("USTC",)),  # UST after the May 2022 fork
    "FTT": ("FTX Token", ("ftx token",), ("FTT",)),
    "CEL": ("Celsius Network token", (), ("CEL",)),
    "USDT": ("Tether", ("tether",), ("USDT",)),
    "USDC": ("USD Coin", ("usd coin",), ("USDC",)),
    "DAI": ("Dai", ("Dai",), ("DAI",)),
    "BUSD": ("Binance USD", ("binance usd",), ("BUSD",)),
    "stETH": ("Lido Staked Ether", ("staked ether", "lido staked ether"), ("stETH",)),  # the ticker as Lido writes it
    "wstETH": ("Wrapped stETH", ("wrapped staked ether",), ("wstETH",)),  # liquid-staking tokens, as their issuers write them
    "rETH": ("Rocket Pool ETH", ("rocket pool ether",), ("rETH",)),
    "cbETH": ("Coinbase Wrapped Staked ETH", (), ("cbETH",)),
    "USDE": ("Ethena USDe", (), ("USDe",)),
    "WBETH": ("Wrapped Beacon ETH", ("wrapped beacon eth",), ("wBETH", "WBETH")),
    "BNSOL": ("Binance Staked SOL", ("binance staked sol",), ("BNSOL",)),
    "MONA": ("Monacoin", ("monacoin",), ("MONA",)),
    "WBTC": ("Wrapped Bitcoin", ("wrapped bitcoin",), ("WBTC",)),
    "TON": ("Toncoin", ("toncoin",), ("TON",)),
    "NOT": ("Notcoin", ("notcoin",), ()),  # its ticker is an English word in capitals: matched by name only
    "DOGS": ("DOGS", (), ("DOGS",)),
    "ARB": ("Arbitrum", ("arbitrum",), ("ARB",)),
    "OP": ("Optimism", (), ("OP",)),  # the ticker only: "optimism" is a mood far more often
    "APT": ("Aptos", ("aptos",), ("APT",)),
    "SUI": ("Sui", ("Sui",), ("SUI",)),
    "STX": ("Stacks", (), ("STX",)),
    "INJ": ("Injective", ("Injective",), ("INJ",)),
    "WIF": ("dogwifhat", ("dogwifhat",), ("WIF",)),
    "PEPE": ("Pepe", ("pepe",), ("PEPE",)),
    "BONK": ("Bonk", ("bonk",), ("BONK",)),
    "FLOKI": ("Floki", ("floki", "floki inu"), ("FLOKI",)),
    "KAS": ("Kaspa", ("kaspa",), ("KAS",)),
    "ICX": ("ICON", (), ("ICX",)),
    "BOME": ("Book of Meme", ("book of meme",), ("BOME",)),
    "POPCAT": ("Popcat", ("popcat",), ("POPCAT",)),
    "BRETT": ("Brett", (), ("BRETT",)),
    "TIA": ("Celestia", ("celestia",), ("TIA",)),
    "ENA": ("Ethena", ("Ethena",), ("ENA",)),
    "ONDO": ("Ondo", (), ("ONDO",)),
    "TAO": ("Bittensor", ("bittensor",), ("TAO",)),
    "RENDER": ("Render", (), ("RENDER", "RNDR")),
    "FET": ("Fetch.ai", ("fetch.ai",), ("FET",)),
    "STRK": ("Starknet", ("starknet",), ("STRK",)),
    "PYTH": ("Pyth Network", ("pyth network",), ("PYTH",)),
    "JUP": ("Jupiter", (), ("JUP",)),
    "RAY": ("Raydium", ("raydium",), ("RAY",)),
    "PENGU": ("Pudgy Penguins", (), ("PENGU",)),
    "AXS": ("Axie Infinity", ("axie infinity shards",), ("AXS",)),
    "RON": ("Ronin", (), ("RON",)),
    "SLP": ("Smooth Love Potion", ("smooth love potion",), ("SLP",)),
    "MANA": ("Decentraland", ("decentraland",), ("MANA",)),
    "SAND": ("The Sandbox", ("The Sandbox",), ("SAND",)),
    "FXS": ("Frax Share", ("frax share",), ("FXS",)),
    "USDD": ("USDD", (), ("USDD",)),
    "CHZ": ("Chiliz", ("chiliz",), ("CHZ",)),
    "ENS": ("Ethereum Name Service", ("ethereum name service",), ("ENS",)),
    "FIL": ("Filecoin", ("filecoin",), ("FIL",)),
    "NEO": ("NEO", (), ("NEO",)),
    "DASH": ("Dash", ("Dash",), ("DASH",)),
    "CRO": ("Cronos", ("Cronos",), ("CRO",)),
    "OKB": ("OKB", (), ("OKB",)),
    "LEO": ("UNUS SED LEO", (), ("LEO",)),
    "WLD": ("Worldcoin", ("worldcoin",), ("WLD",)),
    "TRUMP": ("Official Trump", ("official trump",), ("TRUMP",)),
    "MELANIA": ("Official Melania Meme", ("official melania meme", "melania meme"), ("MELANIA",)),
    "HT": ("Huobi Token", ("huobi token",), ("HT",)),
    "BGB": ("Bitget Token", ("bitget token",), ("BGB",)),
    "KCS": ("KuCoin Token", ("kucoin token",), ("KCS",)),
    "ETHW": ("EthereumPoW", ("ethereumpow",), ("ETHW",)),
    "HYPE": ("Hyperliquid token", (), ("HYPE",)),  # the venue's own name stays the exchange
    "YFI": ("yearn.finance", ("yearn finance", "yearn.finance"), ("YFI",)),
    "APE": ("ApeCoin", ("apecoin",), ("APE",)),
    "COMP": ("Compound", (), ("COMP",)),  # the ticker only: "compound" is a common word
    "SUSHI": ("SushiSwap", (), ("SUSHI",)),
    "BAND": ("Band Protocol", ("band protocol",), ("BAND",)),
    "FRAX": ("Frax", ("frax",), ("FRAX",)),
    "SNX": ("Synthetix", ("synthetix",), ("SNX",)),
    "MOG": ("Mog Coin", ("mog coin",), ("MOG",)),
    "FDUSD": ("First Digital USD", ("first digital usd",), ("FDUSD",)),
    "TUSD": ("TrueUSD", ("trueusd",), ("TUSD",)),
    "PYUSD": ("PayPal USD", ("paypal usd",), ("PYUSD",)),
    "EURC": ("Euro Coin", ("euro coin",), ("EURC",)),  # Circle's euro stablecoin, quoted in dollars
    "BAL": ("Balancer", (), ("BAL",)),
    "IMX": ("Immutable", (), ("IMX",)),  # tickers only: "immutable" and "blur" are common words
    "BLUR": ("Blur", (), ("BLUR",)),
    "ENJ": ("Enjin Coin", ("enjin coin",), ("ENJ",)),
    "GALA": ("Gala", (), ("GALA",)),  # the ticker only: the protocol's name is no price of its token
    "GMX": ("GMX", (), ("GMX",)),
    "LRC": ("Loopring", ("loopring",), ("LRC",)),
    "PENDLE": ("Pendle", ("pendle",), ("PENDLE",)),
    "RPL": ("Rocket Pool", (), ("RPL",)),  # the ticker only: "Rocket Pool" is the protocol (its ether is rETH)
    "BAT": ("Basic Attention Token", ("basic attention token",), ("BAT",)),
    "BEAM": ("Beam", (), ("BEAM",)),  # gaming tokens by ticker only: "beam" and "prime" are common words
    "PRIME": ("Echelon Prime", ("echelon prime",), ("PRIME",)),
    "PAX": ("Paxos Standard", ("paxos standard", "pax dollar"), ("PAX", "USDP")),  # renamed Pax Dollar in 2021
    "GUSD": ("Gemini Dollar", ("gemini dollar",), ("GUSD",)),
}

# DeFi protocols whose token's name or ticker is not the protocol's own: "Lido's governance token" is LDO, "Frax's"
# FXS (not the FRAX stablecoin)
PROTOCOL_TOKENS = {"Lido": "LDO", "Curve": "CRV", "Maker": "MKR", "Compound": "COMP", "Frax": "FXS", "Rocket Pool": "RPL",
                   "Synthetix": "SNX", "Balancer": "BAL", "SushiSwap": "SUSHI", "Uniswap": "UNI", "Aave": "AAVE",
                   "Yearn": "YFI", "Ethena": "ENA", "Arbitrum": "ARB", "Optimism": "OP", "Jupiter": "JUP"}

# listed funds' and crypto companies' stock tickers: a row or a subject named so is a share, not a coin
STOCK_TICKERS = frozenset("IBIT GBTC FBTC ARKB BITB HODL BRRR EZBC BTCO BTCW BITO ETHA ETHE FETH ETHW MSTR COIN MARA RIOT "
                          "CLSK HUT CIFR BTBT HOOD GLXY BITF IREN CORZ WULF SMLR TSLA NVDA AAPL MSFT GOOGL AMZN META "
                          "GME PYPL SQ XYZ BLK GS JPM NDAQ ICE CME CBOE SCHW CRCL BMNR SBET".split())

# canonical venue -> aliases (matched case-insensitively, token by token; a
# capitalised one-word alias such as "Cboe" matches exactly). The canonical
# names themselves are newsmine.taxonomy.EXCHANGES, which the corpus checker
# shares: a venue listed there without an entry here matches its own name.
_ALIASES: dict[str, tuple[str, ...]] = {
    "Binance": ("binance",),
    "Binance.US": ("Binance.US", "Binance US"),
    "Coinbase": ("coinbase", "coinbase pro", "coinbase global", "gdax"),
    "Kraken": ("kraken",),
    "Bitstamp": ("bitstamp",),
    "Bitfinex": ("bitfinex",),
    "BitMEX": ("bitmex",),
    "OKX": ("okx", "okex"),
    "OKCoin": ("okcoin",),
    "Bybit": ("bybit",),
    "Deribit": ("deribit",),
    "CME": ("cme", "cme group", "chicago mercantile exchange"),
    "Huobi": ("huobi", "huobi global"),
    "HTX": ("htx",),
    "Gemini": ("gemini",),
    "FTX": ("ftx", "FTX.US", "FTX US"),
    "KuCoin": ("kucoin",),
    "Bithumb": ("bithumb",),
    "Upbit": ("upbit",),
    "Bittrex": ("bittrex",),
    "Poloniex": ("poloniex",),
    "Mt. Gox": ("Mt. Gox", "Mt Gox", "Mount Gox", "MtGox"),
    "Coincheck": ("coincheck",),
    "Bitget": ("bitget",),
    "Crypto.com": ("Crypto.com",),
    "bitFlyer": ("bitflyer",),
    "Gate.io": ("Gate.io",),
    "Bakkt": ("bakkt",),
    "Cboe": ("Cboe", "CBOE", "cboe global markets", "cboe digital"),
    "Hyperliquid": ("hyperliquid",),
    "dYdX": ("dydx",),
}
EXCHANGES: dict[str, tuple[str, ...]] = {name: _ALIASES.get(name, (name,)) for name in VENUES}

# Names that look like venues in market copy but are not (GUIDE: providers,
# brokers and fund managers). Their own label keeps them out of the counts and
# lets quote attribution treat them as organisations.
NOT_EXCHANGES: tuple[str, ...] = (
    "tradingview", "coinglass", "bybt", "glassnode", "Skew", "coingecko", "coinmarketcap",
    "kaiko", "cryptoquant", "santiment", "messari", "nansen", "chainalysis", "The Block",
    "coinshares", "blackrock", "fidelity", "grayscale", "robinhood", "etoro", "bitgo",
    "farside", "farside investors", "bloomberg", "reuters", "ark invest", "vaneck",
    "binance research", "coinbase institutional", "coinbase custody",
    "mercado bitcoin",  # a Brazilian venue off the list, whose name holds no mention of bitcoin the asset
)


PAIR_QUOTES = ("USD", "USDT", "USDC", "EUR", "JPY", "KRW", "BTC", "ETH")


def _is_cased(alias: str) -> bool:
    """An alias written with a capital is also a common word ("Avalanche", "Skew"): match as written."""
    return alias[:1].isupper() and alias.lower() != alias and " " not in alias and "." not in alias


def ruler_patterns(cased: bool) -> list[dict[str, Any]]:
    """Phrase patterns (label ASSET / EXCHANGE / NOTEXCH, id = canonical name).

    Two rulers share the work, both hash-based PhraseMatchers: one compares
    lower-cased text (names, venues, pairs), the other exact text (tickers
    and cased aliases, so "SOL" matches but "sol" does not). Phrase patterns
    are tokenized by spaCy itself, so "Mt. Gox" splits as it does in text.
    """
    entries: list[tuple[str, str, str, bool]] = []  # label, id, alias, exact
    for symbol, (_, names, tickers) in ASSETS.items():
        entries.extend(("ASSET", symbol, name, _is_cased(name)) for name in names)
        entries.extend(("ASSET", symbol, ticker, True) for ticker in tickers)
        entries.extend(("ASSET", symbol, f"{t}{sep}{q}".lower(), False)
                       for t in tickers for q in PAIR_QUOTES for sep in "/-" if q != t)
    for canonical, aliases in EXCHANGES.items():
        entries.extend(("EXCHANGE", canonical, alias, _is_cased(alias)) for alias in aliases)
    entries.extend(("NOTEXCH", name, name, _is_cased(name)) for name in NOT_EXCHANGES)
    return [{"label": label, "id": key, "pattern": alias} for label, key, alias, exact in entries if exact == cased]


ASSET_NAMES = {symbol: display for symbol, (display, _, _) in ASSETS.items()}
