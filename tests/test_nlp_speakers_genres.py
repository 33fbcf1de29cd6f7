"""Figures and quote speakers in other genres of market copy: desk briefs in shorthand
("d/d", "/8h", "+$158M net Wed"), live blogs ("today"), forum and thread write-ups
(handles), client notes ("our head of research") and wire appositions. Every sentence
is written for these tests."""

from __future__ import annotations

from newsmine.nlp import extract_facts
from newsmine.records import Article


def facts_of(text: str):
    return extract_facts([Article(source="t", text=text, published="2024-03-14T08:00:00+00:00")])[0]


def figures_of(text: str) -> set[tuple]:
    return {(f.kind, round(f.value, 6), f.period) for f in facts_of(text).figures}


def quotes_of(text: str) -> set[tuple]:
    return {(q.text[:20], q.speaker, q.title, q.organization) for q in facts_of(text).quotes}


# --- figures -------------------------------------------------------------------------------

def test_desk_shorthand_periods():
    text = ("ETH last 3,905, +2.7% d/d.\n\nSOL 171.2 (-1.4%), AVAX 52.3 (+6.1%), both w/w.\n\n"
            "Funding OKX ETH perp 0.0125% /8h.\n\nCME ETH basis 11.4% ann.")
    assert figures_of(text) == {("percent_change", 2.7, "day"), ("percent_change", -1.4, "week"),
                                ("percent_change", 6.1, "week"), ("funding_rate", 0.0125, "8h"),
                                ("basis", 11.4, "year")}


def test_desk_shorthand_cues_and_weekday():
    text = ("Liqs $418M/24h, mostly longs.\n\nUS spot BTC ETFs -$96M net Tue; GBTC -$120M, IBIT +$31M.\n\n"
            "Spot ETH vol $2.3bn Tue.\n\nETH perp OI $14.2bn, -$0.6bn d/d.")
    found = figures_of(text)
    assert {(kind, value) for kind, value, _ in found} == {
        ("liquidations", 418e6), ("etf_flow", 96e6), ("etf_flow", 120e6), ("etf_flow", 31e6),
        ("volume", 2.3e9), ("open_interest", 14.2e9)}
    assert {("liquidations", 418e6, "24h"), ("etf_flow", 96e6, "day"), ("volume", 2.3e9, "day")} <= found


def test_net_is_a_flow_only_beside_its_amount():
    text = ("The ether funds booked a net $64 million on the week.\n\n"
            "The fund manager's net income was $250 million, and its shares rose.")
    assert figures_of(text) == {("etf_flow", 64e6, "week")}


def test_live_blog_today_and_worst_day():
    text = ("Solana is up 9% today at $182.\n\n"
            "The March 2020 crash liquidated some $1.2 billion on its worst day.")
    assert figures_of(text) == {("percent_change", 9.0, "day"), ("liquidations", 1.2e9, "day")}


def test_spans_in_hours_and_a_span_opening_the_sentence():
    text = ("In the three hours after the CPI print roughly $280 million of shorts were liquidated.\n\n"
            "Over the same 24 hours OKX saw $150 million of liquidations, Bybit $90 million and Kraken $40 million.")
    assert figures_of(text) == {("liquidations", 280e6, "3h"), ("liquidations", 150e6, "24h"),
                                ("liquidations", 90e6, "24h"), ("liquidations", 40e6, "24h")}


def test_new_cues_for_liquidations_turnover_and_fund_flows():
    text = ("About $640 million of leveraged longs were force-closed in 24 hours.\n\n"
            "The new Toronto bitcoin ETF turned over C$12 million on its first day.\n\n"
            "The European ether ETPs saw net creations of €35 million this week, while the US ether funds "
            "shed a net $70 million and the Hong Kong funds have taken in HK$400 million since launch.")
    assert figures_of(text) == {("liquidations", 640e6, "24h"), ("volume", 12e6, "day"),
                                ("etf_flow", 35e6, "week"), ("etf_flow", 70e6, None),
                                ("etf_flow", 400e6, None)}
    flows = {f.value: f.side for f in facts_of(text).figures if f.kind == "etf_flow"}
    assert flows == {35e6: "in", 70e6: "out", 400e6: "in"}


def test_a_table_header_does_not_date_a_move_measured_from_a_level():
    text = "Where things stood on Monday: ADA changed hands at $0.61, down 22% from Friday's peak."
    assert figures_of(text) == {("percent_change", -22.0, None)}
