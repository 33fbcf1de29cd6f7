"""Domain vocabulary as data: crypto assets, trading venues, and look-alikes.

The EntityRuler patterns are generated from these tables so that adding an
alias is a one-line change. Look-alikes (data providers, brokers, fund
managers, "Binance Coin") get their own labels: a longer match wins in the
ruler, so "Binance Coin" becomes the asset BNB and never counts as Binance.
"""

from __future__ import annotations

import re
from typing import Any

# symbol -> (display name, names matched case-insensitively, tickers matched exactly)
ASSETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "BTC": ("Bitcoin", ("bitcoin", "bitcoins", "bitcoin (btc)"), ("BTC", "XBT", "BTCUSD", "XBTUSD", "BTCUSDT")),
    "ETH": ("Ethereum", ("ether", "ethereum", "ether (eth)", "ethereum (eth)"), ("ETH", "ETHUSD", "ETHUSDT")),
    "BCH": ("Bitcoin Cash", ("bitcoin cash",), ("BCH",)),
    "BSV": ("Bitcoin SV", ("bitcoin sv",), ("BSV",)),
    "ETC": ("Ethereum Classic", ("ethereum classic", "ether classic"), ("ETC",)),
    "LTC": ("Litecoin", ("litecoin", "litecoins"), ("LTC",)),
    "XRP": ("XRP", (), ("XRP",)),
    "SOL": ("Solana", ("solana",), ("SOL",)),
    "BNB": ("BNB", ("binance coin", "bnb chain", "binance smart chain"), ("BNB",)),
    "ADA": ("Cardano", ("cardano",), ("ADA",)),
    "DOGE": ("Dogecoin", ("dogecoin",), ("DOGE",)),
    "SHIB": ("Shiba Inu", ("shiba inu",), ("SHIB",)),
    "DOT": ("Polkadot", ("polkadot",), ("DOT",)),
    "AVAX": ("Avalanche", ("avalanche",), ("AVAX",)),
    "MATIC": ("Polygon", ("polygon",), ("MATIC", "POL")),
    "LINK": ("Chainlink", ("chainlink",), ("LINK",)),
    "TRX": ("Tron", ("tron",), ("TRX",)),
    "XLM": ("Stellar", ("stellar lumens",), ("XLM",)),
    "XMR": ("Monero", ("monero",), ("XMR",)),
    "ZEC": ("Zcash", ("zcash",), ("ZEC",)),
    "EOS": ("EOS", (), ("EOS",)),
    "ATOM": ("Cosmos", (), ("ATOM",)),
    "UNI": ("Uniswap", ("uniswap",), ("UNI",)),
    "AAVE": ("Aave", ("aave",), ("AAVE",)),
    "LUNA": ("Terra", ("terra", "luna"), ("LUNA",)),
    "UST": ("TerraUSD", ("terrausd",), ("UST",)),
    "FTT": ("FTX Token", ("ftx token",), ("FTT",)),
    "USDT": ("Tether", ("tether",), ("USDT",)),
    "USDC": ("USD Coin", ("usd coin",), ("USDC",)),
    "TON": ("Toncoin", ("toncoin",), ("TON",)),
    "ARB": ("Arbitrum", ("arbitrum",), ("ARB",)),
    "APT": ("Aptos", ("aptos",), ("APT",)),
    "SUI": ("Sui", (), ("SUI",)),
    "WIF": ("dogwifhat", ("dogwifhat",), ("WIF",)),
    "PEPE": ("Pepe", (), ("PEPE",)),
    "BONK": ("Bonk", (), ("BONK",)),
    "FIL": ("Filecoin", ("filecoin",), ("FIL",)),
    "NEO": ("NEO", (), ("NEO",)),
    "DASH": ("Dash", (), ("DASH",)),
}

# canonical venue -> aliases (matched case-insensitively, token by token)
EXCHANGES: dict[str, tuple[str, ...]] = {
    "Binance": ("binance",),
    "Binance.US": ("binance.us", "binance us"),
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
    "FTX": ("ftx", "ftx.us", "ftx us"),
    "KuCoin": ("kucoin",),
    "Bithumb": ("bithumb",),
    "Upbit": ("upbit",),
    "Bittrex": ("bittrex",),
    "Poloniex": ("poloniex",),
    "Mt. Gox": ("mt. gox", "mt gox", "mount gox"),
    "Coincheck": ("coincheck",),
    "Bitget": ("bitget",),
    "Crypto.com": ("crypto.com",),
    "bitFlyer": ("bitflyer",),
    "Gate.io": ("gate.io",),
    "Bakkt": ("bakkt",),
}

# Names that look like venues in market copy but are not (GUIDE: providers,
# brokers and fund managers). Their own label keeps them out of the counts and
# lets quote attribution treat them as organisations.
NOT_EXCHANGES: tuple[str, ...] = (
    "tradingview", "coinglass", "bybt", "glassnode", "skew", "coingecko", "coinmarketcap",
    "kaiko", "cryptoquant", "santiment", "messari", "nansen", "chainalysis", "the block",
    "coinshares", "blackrock", "fidelity", "grayscale", "robinhood", "etoro", "bitgo",
    "farside", "farside investors", "bloomberg", "reuters", "ark invest", "vaneck",
    "binance research", "coinbase institutional", "coinbase custody",
)


# Names that are also common English words: matched only when capitalised
# ("an avalanche of selling" is not AVAX, "options skew" is not Skew).
CASED = frozenset({"avalanche", "polygon", "terra", "tron", "luna", "skew", "the block", "gemini"})


def _token_pattern(alias: str, exact: bool) -> list[dict[str, Any]]:
    """One token dict per word; "Mt. Gox" and "Binance.US" are split like spaCy does."""
    words = [w for w in re.findall(r"[\w$&'-]+|[^\w\s]", alias) if w]
    if alias in CASED:
        return [{"ORTH": w[:1].upper() + w[1:]} for w in words]
    key = "ORTH" if exact else "LOWER"
    return [{key: w if exact else w.lower()} for w in words]


def ruler_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: label ASSET / EXCHANGE / NOTEXCH, id = canonical name."""
    patterns: list[dict[str, Any]] = []
    for symbol, (_, names, tickers) in ASSETS.items():
        for name in names:
            patterns.append({"label": "ASSET", "id": symbol, "pattern": _token_pattern(name, False)})
        for ticker in tickers:
            patterns.append({"label": "ASSET", "id": symbol, "pattern": [{"ORTH": ticker}]})
            # "BTC/USD", "ETH-USD" and "$BTC" as spaCy tokenizes them
            for quote in ("USD", "USDT", "EUR"):
                for sep in ("/", "-"):
                    patterns.append({"label": "ASSET", "id": symbol,
                                     "pattern": [{"ORTH": ticker}, {"ORTH": sep}, {"ORTH": quote}]})
                    patterns.append({"label": "ASSET", "id": symbol, "pattern": [{"ORTH": f"{ticker}{sep}{quote}"}]})
    for canonical, aliases in EXCHANGES.items():
        for alias in aliases:
            patterns.append({"label": "EXCHANGE", "id": canonical, "pattern": _token_pattern(alias, False)})
    for name in NOT_EXCHANGES:
        patterns.append({"label": "NOTEXCH", "id": name, "pattern": _token_pattern(name, False)})
    return patterns


ASSET_NAMES = {symbol: display for symbol, (display, _, _) in ASSETS.items()}
