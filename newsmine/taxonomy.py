"""The label sets of DESIGN.md, in one place."""

NARRATIVES = (
    "profit_taking",
    "over_leverage",
    "alt_rotation",
    "institutional_flows",
    "regulation",
    "macro",
    "security_incident",
)
ARTICLE_SENTIMENTS = ("bullish", "bearish", "neutral", "mixed")
SENTENCE_SENTIMENTS = ("bullish", "bearish", "neutral")
PRICE_KINDS = ("spot", "high", "low", "ath", "atl", "open", "close", "level")
FIGURE_KINDS = (
    "percent_change",
    "liquidations",
    "open_interest",
    "funding_rate",
    "volume",
    "etf_flow",
    "basis",
    "market_cap",
)

# Canonical trading-venue names (spot or derivatives). Data providers and
# brokers are deliberately absent: they are not exchanges.
EXCHANGES = (
    "Binance", "Binance.US", "Coinbase", "Kraken", "Bitstamp", "Bitfinex", "BitMEX",
    "OKX", "OKCoin", "Bybit", "Deribit", "CME", "Huobi", "HTX", "Gemini", "FTX",
    "KuCoin", "Bithumb", "Upbit", "Bittrex", "Poloniex", "Mt. Gox", "Coincheck",
    "Bitget", "Crypto.com", "bitFlyer", "Gate.io", "Bakkt", "Hyperliquid", "dYdX",
    "Cboe",
)
GENRES = (
    "market_wrap", "derivatives", "altcoins", "etf_flows", "regulation", "macro",
    "security", "opinion", "wire", "technical", "off_topic",
)
