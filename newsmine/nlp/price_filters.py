"""Which currency amounts are prices (GUIDE "Prices", "Does not count").

A sentence's amounts are sizes (market caps, volumes, liquidations, flows),
changes ("shed $2,000"), targets and predictions, unreached support or
resistance, strikes, purchase prices, pegs, costs and stock or commodity
prices as often as they are prices. These filters read the words around one
amount and say which it is (sizes and sums in ``price_sizes``); ``prices`` then
gives the survivors their kind.
"""

from __future__ import annotations

import re

from newsmine.nlp.mood import answers_hypothetical, told_in_aside, told_past, unreal
from newsmine.nlp.coin_worth import coin_worth
from newsmine.nlp.numbers import Amount, find_money
from newsmine.nlp.price_cues import BEST_MANAGED, CROSSED_AFTER, OF_RECORD, named_after, verb_cue
from newsmine.nlp.price_measures import contract_term, is_change, left_clause
from newsmine.nlp.price_other_assets import other_asset
from newsmine.nlp.price_owners import not_coin_before, subject_not_a_coin, traded_in_relative
from newsmine.nlp.price_sizes import is_size, names_a_thing, sized
from newsmine.nlp.price_trades import claim_value, coin_sold_for, no_trade, own_trade, production_cost
from newsmine.nlp.price_watch import forecast_row, listed_to_watch, named_to_watch, support_watched
from newsmine.nlp.regex_guard import guarded
from newsmine.nlp.view import ArticleView, SentView

NOT_REACHED = re.compile(
    r"\b(?:target(?:s|ing|ed)?|head(?:s|ed|ing)? for|forecasts?|predict\w*|could|would|might|(?-i:may)|will|expects?|(?<!than )expected(?!,)|expecting|"
    r"calls? for|call(?:ed|ing) for|whether|toward|towards|(?:getting|got|came|coming) close to|(?<!to the )(?:upside|downside)|strikes?|tick size|(?:minimum )?price increment|average|averaging|cost basis|"
    r"(?:a|another|fresh|second|third) (?:[\w-]+ )?(?:run|shot|crack|stab|tilt) at|"
    r"(?:risk|chance|odds|prospect|threat|room|scope|points? to|pointing to) (?:of |for )?(?:a |another |fresh )?(?:re-?)?test of|"
    r"\btip(?:s|ped)? (?:by [^,]{1,30} )?to (?:hit|reach|top|climb to)|"  # "tipped by Hanul Securities to hit"
    r"year-end (?:marker|target|call|forecast|objective)|"
    r"invalidat\w*|stop[- ]loss|options?|calls|puts|if|unless|needs? to|needs? an? (?:[\w-]+ )?(?:close|break|move)|risks? (?:a|an|another)\b|aim\w*|eyes|eyeing|eye(?=\s+$)|"
    # ("projects" as a verb, not the noun ending an aside: "the merger of three AI projects, fell 8% to")
    r"projects?(?![,;])|projected|sees|see|bets? on|hopes?|reach|retarget\w*|stop|take-profit|goal|scenario|objective|"
    r"(?:base|bull|bear|best|worst)[- ]case|promis\w*|projections?|"
    # a move foreseen, named as a noun ("does not rule out a return to 12,000 dollars")
    r"\b(?:a|any) (?:quick |swift |fast |full )?return (?:of [\w ]{1,20} )?(?:to|over|above)|"
    r"\b(?:exclud\w*|rul(?:e|es|ed|ing) out)\b|"  # "does not exclude a further fall of bitcoin to 20.000 dollar"
    # a level the market never got to ("never got to $60,000", "did not fall below $54,000")
    r"\bnever (?:got|made it)\b|"
    r"\b(?:did not|didn['’]t|does not|doesn['’]t|never) (?:fall|drop|dip|slip|trade|go|break|sink|climb|rise|move|get)s? "
    r"(?:below|above|under|through|past|over|beyond)\b|"
    # a condition on a level to come ("would not sell a single coin before bitcoin reaches $250,000")
    r"(?:before|until|till|once) (?:[\w-]+ ){0,3}(?:reaches|hits|tops|crosses|closes|revisit\w*|returns to)|"
    # ... or yet to come, or set as a goal ("has yet to manage a daily close above", "set their sights on")
    r"\byet to\b|\bsights (?:set )?on\b|"
    # a level named for what may come ("flagged $60,000 as", "cited $20,000 ... as the next level of interest",
    # "still waiting for 44k", "would want to see YFI reclaim", "to win back $2,000", "scope for bitcoin to retest",
    # "expose $0.55", "the line I care about is", "the bulls' line is", "called a push through")
    r"\b(?:flag(?:s|ged|ging)|cit(?:es|ed|ing)|expos(?:e|es|ed|ing))(?=\s+$)|\bwait(?:s|ed|ing)? for\b|"
    r"\bwant(?:s|ed)? to see\b|\bwin(?:s|ning)? back\b|\bscope for\b|\b(?:line|level) (?:I|we|they) (?:care|watch)|"
    r"\b(?:bulls?|bears?)['’] (?:line|level)\b|"
    r"\bcall(?:s|ed|ing)? (?:for )?an? (?:[\w-]+ )?(?:push|move|run|break|rally|drop|fall)\b|"
    r"point(?:s|ed|ing)? to|extensions?|per share|warn\w*|talk\w*|speculat\w*|rate of|fibonacci|"
    r"(?<!after )(?<!since )(?<!upon )(?<!, )reaching(?! (?:an? )?(?:record|all-time|new|fresh|as high|as low|its|their|high|low|"
    r"peak|top|bottom))|"
    r"retracement|moving average|\b\d+-(?:day|week) (?:line|average|MA)\b|\b(?:EMA|SMA|VWAP)s?\b|bollinger|ichimoku|kumo|order block|fair value gap|\bFVG\b|"
    # a Fibonacci ratio's level or a band's edge ("and the 1.618 near $6,700", "the lower band at $52,500")
    r"\b(?:0\.(?:236|382|618|786)|1\.(?:272|414|618)|2\.618)\b|\b(?:upper|lower|middle) band\b|"
    r"(?:demand|supply) zone|(?:down|up)?trend ?line|neckline|\bto watch\b|\bwatch(?:ing|es|ed)(?=\s+(?:the\s+)?$)|\b(?:levels?|lines?) (?:we are|we're|traders are|I am|I'm) watching\b|"
    r"bias|cluster\w*|concentrated|stacked|accumulat\w*|break-?even|max(?:imum)?[- ]pain|"
    r"(?:has|have|had) to|must|as long as|so long as|while the price holds|(?:un)?likely to|"
    # an option's or a note's terms ("the call struck at $80,000", "an initial bitcoin level of $69,400")
    r"struck (?:at|near)|initial (?:[\w-]+ )?(?:level|fixing|price)|knock-?ins?|(?<!below the )(?<!above the )barriers?|"
    r"fair (?:value|price)|intrinsic value|(?:this|that|so) far (?:above|below|from)|odds|chances?|probabilit(?:y|ies)|pencil(?:l?ed|s)? in|"
    # (a futures contract on a derivatives venue is the coin's traded price: "September contract on CME was quoted at")
    r"(?:contracts?|bets?|wagers?) (?:on|that|whether)\b(?! (?:the )?(?:CME|Deribit|Bakkt|Cboe|BitMEX|Binance|OKX|Bybit)\b)[^$]{0,40}|"
    # a near miss ("came within a whisker of $90,000", "within striking distance of")
    r"within (?:a whisker|a hair(?:['’]s breadth)?|inches|a few (?:dollars|cents|points|ticks)|(?:touching|striking|spitting) distance) of)\b",
    re.I,
)
# What "sits at" a level is a described level (max pain, a Fibonacci line), unless it is an
# asset or a pair ("SOL/BTC sits at 0.00261").
# (so does what "comes in at" one, and a level set off in apposition: "the 50% retracement, which comes in at $0.70",
# "the 38.2% retracement of the slide, a level near $1.19 where sellers wait")
# "It sits at US$93,420 in early Asian trade": the coin the story is about; "Ether sank ... and now sits near": the
# coin of the clause before
_IT_SITS = re.compile(r"\b(?:it|and(?: now| still)?) $", re.I)
_SITS = re.compile(r"\b(?:sits|comes in|lies) (?:near|around|at)\s*(?:about |around |roughly )?$|,\s*a level (?:near|around|at)\s*$")
# "Max pain for the December series sat at $85,000": an options statistic, however far before its amount
_MAX_PAIN = re.compile(r"\bmax(?:imum)?[- ]pain\b[^.$]{0,120}$", re.I)
_RIGHT_NOT_REACHED = re.compile(
    r"^[\s,]*(?:would|could|will|might|(?-i:may)|is seen|is the next|(?:the |a )?(?:[\w-]+ ){0,2}(?:price )?"
    r"(?:forecast|prediction|projection|estimate|target)s?\b|"
    # a miner's revenue per unit of hash, a treasury's average cost ("At a $45 hashprice", "the $3,900 average cost")
    r"hash ?price\b|average\b|"
    r"(?-i:[A-Z][a-z]+ )?(?:calls?|puts?)\b|"  # an option by its strike: "the $120,000 December call"
    r"(?:(?:by|in|within|before|over) [^,.;$]{1,25}? )?"  # "a run at $X by the summer is plausible"
    r"(?:is|are|was|were|looks|looked|seems|seemed|remains) [\"“]?(?:\w+ly )?(?:possible|(?:un)?likely|plausible|in play|on the cards|"
    r"achievable|reachable|attainable|realistic|doable)|(?:(?:mark|level|line) )?(?:is|was|remains) (?:the|a) (?:[\w-]+ )?(?:line|level|mark|number) (?:to\b|\w+ (?:would|will) )|"
    r"(?:is|are|would be|will be) (?:needed|required)\b|"  # "a move back above $2 is needed to repair the damage"
    r"(?:into|in) (?:view|play|focus|sight)\b(?! of)|within reach\b|"  # "would bring $33,000-$35,000 into view"
    r"to (?:buy|sell)\b|"  # a dealer's two-sided quote ("₦1,610 to buy and ₦1,700 to sell")
    r"(?:short )?of (?:its|their|the) (?:record|all-time|peak|high|low|top)|as the next|as (?:an?|the) (?:possible |potential |likely |obvious )?"
    r"(?:[\w-]+ )?(?:target|floor|ceiling|bottom|support|resistance|magnet)|as its target|target|strike|calls?\b|puts?\b|options?\b|"
    r"(?:unfilled |open )?(?:CME )?gap\b|"  # "the unfilled 83K gap on the CME chart"
    r"area|zone|region|level is|is key|is a key|order block|fair value gap|FVG\b|(?:\d+-(?:day|week) )?(?:EMA|SMA)\b|"
    r"max(?:imum)?[- ]pain\b|"  # "below the $38,000 max pain point"
    # a level the writer or an analyst names for a role ("$50 as the line that has to hold", "$100 as what
    # she labelled a stretch target"); an average ("$97,000 a coin on average")
    r"(?:as|is) [\"“]?(?:the|a|an) (?:[\w-]+ )?(?:line|level|mark|floor|ceiling|pivot) (?:that|which|to|where|the|bulls|bears|by|everyone|of)\b|"
    r"as (?:the|a|an) (?:[\w-]+ )?(?:objective|target)\b|"
    r"as what \w+ (?:calls?|called|labels?|labell?ed|describe[sd]|dubs|dubbed|terms|termed)\b|"
    r"(?:(?:a|per) (?:coin|token|unit) )?on average\b|"
    # a forecast's condition, a level that caps a range ("and at $2,400 if they slip", "Above, $58,500 caps the range")
    r"(?:if|unless)\b|caps? (?:the|its) (?:range|upside|rally|advance)\b|"
    # a mark the coin has not reached ("the $100,000 mark it has yet to reach", "$1,900, a level it never reached")
    r"(?:(?:a |the )?(?:mark|level|line|handle|barrier|threshold),? )?(?:that |which )?(?:it|the coin|the token|(?!and |but )[\w-]+) "
    r"(?:(?:has|had|have) (?:yet to|never|not yet)|never (?:reached|hit|touched|traded|got))\b|"
    r"(?<!,)(?<!, )(?:below|above|higher than|lower than|off) (?:its|the|where|[A-Z]\w*['’]s)\b)", re.I
)
# A named past extreme was reached even when the sentence around it is conditional
# ("a close below $1,250 would expose the June low near $880", "expects it to retest its March record of $X").
_CITED_EXTREME = re.compile(
    r"\b(?:(?:(?:(?:last|this) )?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: \d{1,2}|['’]s)?|\d{4}|"  # ("last December's peak of $30.94")
    r"previous|prior|earlier|weekend|overnight|cycle|\d+-(?:day|week|month|year)|(?:this|last) (?:year|month|week)['’]s) "
    r"(?:lows?|highs?|peaks?|bottoms?|records?)|\w+day['’]s (?:close|settlement|settle|low|high|peak)),?"
    r"\s*(?:near|of|at|around|about)?\s*(?:about |around |roughly |nearly )?$"
)
# A wire's exchange-rate footer ("($1 = ¥112.2)") converts currencies; it prices no coin.
# ("The won-dollar exchange rate closed at 1,311.5 won")
_EXCHANGE_RATE = re.compile(r"=\s*$|\b(?:won|yen|yuan|euro|dollar|lira|rupee|rupiah|real|peso|pound|r?ouble|dong|naira|rand)[-/ ]"
                            r"(?:dollar|won|yen|euro|yuan) (?:exchange )?rate\b[^$,;]{0,30}$", re.I)
# (or a rate named after it: "the roughly 26,150 dong that commercial banks charge for a dollar")
_EXCHANGE_RATE_RIGHT = re.compile(r"\s*=\s*\S|\s+(?:that|which)\b[^,;.$]{0,40}\b(?:for|per|to) (?:a|one|the|each) (?:US )?dollar\b")
# a dollar of another country quoted in US money ("with the loonie near 72 US cents")
_FIAT_QUOTED = re.compile(r"\b(?:loonie|aussie|kiwi|(?:canadian|australian|new zealand|hong kong|singapore) dollar)\b[^$,;]{0,25}$", re.I)
# An appositive saying the market was there outweighs a hedge before the amount ("whether
# bitcoin can reclaim $6,000, the level it broke down through on Thursday").
_RIGHT_REACHED = re.compile(
    r"^,\s*(?:the|a) (?:[\w-]+ )?(?:level|mark|price|line|threshold) (?:that )?\w+ (?:had |has )?"
    r"(?:broke|fell|dropped|slipped|sank|lost|hit|touched|reached|crossed|traded|gave up)\b|"
    # an extreme the coin set, named after the amount ("just above the $2.15 low the token hit last Tuesday")
    r"^\s+(?:low|high|bottom|peak|top)s? (?:that )?(?:the token|the coin|it|\w+) (?:had |has )?(?:hit|touched|set|reached|made|"
    r"printed|tagged)\b", re.I)
# the modal of the main clause after an amount's own clause ("when bitcoin closed near $31,900, would have done")
_MAIN_MODAL = re.compile(r"^[\s,]*(?:would|could|will|might)\b", re.I)
# A horizon ("above $100,000 by the end of the year"), unless the clause tells the past ("slid to
# about $8 by the end of December"); the end of a session is no horizon.
_BY_END = re.compile(r"^[\s,]*by (?:(?:the )?(?:end|year-end)\b(?! of (?:the )?(?:[\w-]+ )?(?:session|day|trading))|"
                     r"(?:Christmas|spring|summer|autumn|the halving)\b)", re.I)
# A year after publication names a forecast's horizon ("above $400K by 2030", "$180,000 in 2026").
_YEAR_AFTER = re.compile(r"^[^,.;$]{0,12}?\b(?:by|in|for|during|through) (?:(?:the )?end[- ](?:of )?)?(\d{4})\b")
# A correction repeats what the story wrongly said ("An earlier version of this story said ether
# fell to $2,520", "... misstated the price", a wire's "This story corrects the price of ether in paragraph 4
# to $3,437, not $3,473"): nothing in it is a fact.
CORRECTION = re.compile(r"\b(?:earlier|previous|prior) version of this (?:story|article|report|post|piece|column|retrospective|item|note)\b|"
                         r"\b(?:misstated|misreported|incorrectly (?:said|stated|reported|gave))\b|"
                         r"^\(?(?:(?:This|The) (?:story|article|report|item)\b[^.]{0,40}\bcorrects\b|Corrects\b|"
                         r"(?:Updates|Adds)\b[^)]{0,160}\bcorrects\b)", re.I)  # a wire's "(Updates ...; corrects ... to $X)"
# A level the sentence says was never reached ("the $10,000 level was never tested",
# "fell short of $50,000") is no price anywhere in that sentence.
_NEGATED_LEFT = guarded(
    r"\b(?:never|not|yet to|failed to|(?:fell|falls|falling|stopped|stops) short of)\s+(?:been\s+|even\s+|quite\s+)?"
    r"(?:(?:re)?tested|test|reached|reach|hit|touched|touch|seen|crossed|cross|broken|break|topped|top|reclaimed|reclaim)?"
    r"\s*(?:(?:above|below|through|past|over|under)\s+)?(?:the\s+)?$", re.I)
_NEGATED_RIGHT = re.compile(
    r"^\s*(?:level|mark|line|area|handle|threshold)?\s*(?:was|were|has|had|is|have)\s+(?:never|not|yet to)\b"
    r"(?!\s+(?:been\s+)?(?:seen|traded|hit) since)", re.I)
# (also a floor or hurdle the writer names, "$1 psychological floor", "$86,000 as the first hurdle", "¥10.8 million
# as the line bitcoin has to hold", "$25,000 has become the first line of support")
# (a label with its colon names the amounts after it: "$0.7120 Resistance: $0.8000")
# (also a participle of the coin's move after a comma: "Tether traded at a premium, climbing to $1.02")
# a near miss told by its distance, right before the level missed ("came within $150 of $60,000")
# the next level named ("The next level traders cite is $47,000", "the next milestone many desks were watching was")
_NEXT_LEVEL = re.compile(r"\b(?:next|key) (?:level|milestone|hurdle|mark|line|reference|support|resistance|target|stop)s?\b[^.;$]{0,40}\b(?:is|was|are|were)\s*$", re.I)
_WITHIN_OF = re.compile(r"\bwithin (?:(?:about |roughly |just |some )?(?:\$|US\$|€|£)?\d[\d,.]*(?:[kK]|%| dollars| cents| percent)?|"
                        r"(?:a few|several|some) (?:hundred |thousand )?(?:dollars|cents|points|percent))"
                        r" of (?:the )?$", re.I)  # ("came within a few hundred dollars of $100,000")
# (also an apposition with a clause of its own: ", another governance token that would gain from a similar switch,")
_FORECAST_ASIDE = re.compile(r",\s*(?:which|whose|once|tipped|expected|(?:an?|another|the) [\w -]{0,40}?\b(?:that|which))\b[^,;]*,\s*",
                             re.I)
# a participle of a move, or "with" a coin where it stands, after a comma starts a clause of its own
_MOVE_CLAUSE = re.compile(r",\s+(?:\w+ly\s+)?(?:sending|pushing|taking|dragging|lifting|knocking|driving|carrying|pulling|"
                          r"with (?:the )?[A-Za-z]\w+ (?:at|near|around|trading|changing hands)|"
                          # the coin's own verb after an aside about something else ("Bitcoin, already on the back foot
                          # after a lender said it would wind down, fell as low as"): the aside's modal is not its
                          r"(?:fell|sank|dropped|slid|slipped|dipped|tumbled|plunged|rose|climbed|jumped|surged|rallied) "
                          r"(?:as (?:low|high) as|to))\b"
                          r"(?!.*,\s)", re.I)
# a participle of reaching after a move told in the past: the extreme that move touched, whatever the reason given
# before the comma ("had rallied 61% last week on speculation about the listing, touching 86 cents")
_TOUCHED = re.compile(r"\b(?:rallied|rose|climbed|jumped|surged|soared|gained|fell|dropped|slid|sank|tumbled|plunged|"
                      r"slumped)\b(?:(?!\b(?:would|could|might|may|will|if)\b)[^;$])*(?P<clause>,\s+(?:briefly\s+)?"
                      r"(?:touching|hitting|reaching|tagging|topping out at|bottoming out at|peaking at)\s*)$", re.I)
# a mark a move stalled short of ("stalling short of $100,000", "still short of the $100,000 mark it has been chasing");
# not a past price ("still short of the $3,230 it fetched on Aug. 1")
_SHORT_OF = re.compile(r"\b(?:stall\w*|still|again|just|whisker|hair|touch|fraction) short of (?:the )?$", re.I)
_FETCHED_RIGHT = re.compile(r"\s+(?:it|the coin|the token)\s+(?:had |has )?(?:fetched|reached|hit|touched|traded|commanded|peaked)\b",
                            re.I)
# where leveraged positions would be closed out (GUIDE: liquidation clusters are no prices)
LIQUIDATION_LEVELS = re.compile(r"\bliquidation (?:levels?|clusters?|zones?|bands?|heatmap|prices?)\b[^.;$]{0,30}$|"
                                r"\bclusters? of (?:[\w-]+ )?liquidations\b[^.;$]{0,50}$", re.I)
# A stablecoin's peg or redemption value is a promise, not a trade ("lost its one-dollar peg",
# "redeemable for one dollar"); what it traded at off the peg still counts.
_PEG_RIGHT = re.compile(r"^[\s-]*peg\b", re.I)
_PEG_LEFT = re.compile(r"\bpeg\s*:?\s*$|\b(?:peg(?:ged)?|redeemable|redeemed|backed(?: one-to-one| 1:1)?)\s+(?:to|for|at|by|of)\s*"
                       r"(?:about |roughly |exactly )?$|\bpeg of\s*$|"
                       r"\b(?:designed|meant|supposed|built) to (?:hold|keep|maintain|trade at|stay|remain|sit|track)\b[^$.;]{0,20}$|"
                       r"\b(?:its|their) (?:intended|promised|nominal|target) $", re.I)  # "below its intended one-dollar value"
# A yes/no question, in a headline or a subhead, asks whether a level comes ("Can SOL reclaim $200?",
# "BNB price analysis: Is $1,500 next?"); a question about why reports what happened ("Why did it fall to $X?").
# (a decimal point is no full stop: "Can XRP reclaim $2.50?")
_YES_NO_QUESTION = re.compile(r"(?:^|[–—:]\s*|[.!]\s+)(?:Can|Could|Will|Would|Should|Is|Are|Do|Does|May|Might)\b"
                              r"(?:[^?.!]|\.(?=\d))*\?")
# A level come near, not reached ("each time the price approached $95,000")
_APPROACHED = re.compile(r"\bapproach(?:ed|es|ing)?\s+(?:the\s+)?(?:about\s+)?$", re.I)
# what the market did not do, when the phrase leads to the amount ("instead of the $0.50 bulls called for", "rather
# than sliding back to $125"; not "instead of rallying, bitcoin fell to")
_INSTEAD_OF = re.compile(r"\b(?:instead of|rather than)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# a trigger named after the amount ("about $21,000, the level at which a loan would face a margin call")
_TRIGGER_RIGHT = re.compile(r",\s*the (?:level|price|point) (?:at which|where)\b[^.;]{0,100}\b(?:margin calls?|liquidat\w*|would)\b",
                            re.I)
# The level that would prove a chart's call wrong ("The invalidation for bulls is a daily close below $1,080")
_INVALIDATION = re.compile(r"\binvalidat\w*\b[^$.;]*$", re.I)
# between the two ends of a range or band ("$28,154-$33,562", "$5,500 to $6,000")
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")


# "to reach" after a move the clause tells as done is where the move ended ("jumped 11% in 24 hours to
# reach $92"), not a goal ("needs to reach", "a push to reach").
_TO_REACH = re.compile(r"\bto reach\s*(?:about |around |roughly |nearly |almost )?$", re.I)


def is_price(view: ArticleView, index: int, a: Amount) -> bool:
    """Whether amount ``a`` of sentence ``index`` is a price: the filters run from the words
    that settle it either way (a sale above a level, one coin's worth) to the sizes, targets,
    unreached levels and other assets' prices that rule it out."""
    sent = view.sents[index]
    text = sent.text
    if is_size(a) or names_a_thing(text, a):
        return False
    left = left_clause(text, a.start)
    near = left[-45:]
    near = near[_new_clause(sent, a, near):]
    right = text[a.end:a.end + 60]
    if traded_in_relative(sent, a) or coin_sold_for(sent, a):
        return True  # (a coin "which traded at" or "sold for" the amount: its market price, whatever the clause
        # before plans)
    if claim_value(text, a):
        return False  # (a value set on a coin, not its worth in a market: before ``coin_worth``)
    worth = coin_worth(sent, a, near)
    if worth is not None:
        return worth
    if sized(sent, a, left, near, right):
        return False
    if listed_to_watch(view, index) or forecast_row(view, index, a):
        return False
    if production_cost(sent, a) or _MAX_PAIN.search(text, max(0, a.start - 140), a.start) or _future_year(view, right):
        return False
    if _PEG_RIGHT.match(right) or _PEG_LEFT.search(near) or _INVALIDATION.search(left):
        return False
    if "?" in text[a.end:] and any(q.start() <= a.start < q.end() for q in _YES_NO_QUESTION.finditer(text)):
        return False
    if _EXCHANGE_RATE.search(near) or _EXCHANGE_RATE_RIGHT.match(right) or a.currency == "USD" and _FIAT_QUOTED.search(near):
        return False
    if is_change(text, a) or contract_term(text, a) or own_trade(text, a) or no_trade(text, a, left, right):
        return False
    if subject_not_a_coin(sent, a) or not_coin_before(sent, a, near):
        return False
    if _CITED_EXTREME.search(left) or _RIGHT_REACHED.match(right) or CROSSED_AFTER.match(right) or (
            OF_RECORD.match(right)) or named_after(text, a.end) or BEST_MANAGED.search(near):
        return True
    reach = _TO_REACH.search(near)
    told = reach and any(verb_cue(w) in ("rise", "fall") and w.endswith("ed") for w in re.findall(r"[a-z]+", near[:reach.start()]))
    if told:
        near = near[:reach.start()]
    # (an aside may open further back than the clause's window: "Ether, which had outperformed all week on hopes
    # that an ether fund would follow, was the exception, trading at")
    aside = list(_FORECAST_ASIDE.finditer(text, max(0, a.start - 160), a.start))
    if aside and a.start - aside[-1].end() < len(near):  # "Bitcoin, which analysts expect to reach $100,000, fell to"
        near = text[aside[-1].end():a.start]  # the forecast stays in its aside
    touched = _TOUCHED.search(left)
    if touched and len(left) - touched.start("clause") <= len(near):
        near = left[touched.start("clause"):]
    moved = _MOVE_CLAUSE.search(near)
    if moved:  # "how the market would react, sending BTC briefly to $30,000": the move is told, not foreseen
        near = near[moved.start():]
    if NOT_REACHED.search(near) or _INSTEAD_OF.search(near) or _APPROACHED.search(near) or _WITHIN_OF.search(near) or (
            _NEXT_LEVEL.search(left)) or (
            named_to_watch(left, right)) or (
            LIQUIDATION_LEVELS.search(left)) or (
            _SHORT_OF.search(near) and not _FETCHED_RIGHT.match(right)) or _RIGHT_NOT_REACHED.search(right) and not (
            _MAIN_MODAL.match(right) and told_in_aside(sent, a.start, a.end)) or (
            re.search(r"\bstrikes?\b", right[:25])):
        return False
    if _TRIGGER_RIGHT.match(text, a.end):
        return False
    if _BY_END.match(right) and not told_past(sent, a.start, a.end):
        return False
    sits = _SITS.search(text, 0, a.start)
    if sits and not any(m.end - sent.start == sits.start() - 1 for m in sent.of("ASSET")) and not _IT_SITS.search(
            text, 0, sits.start()):
        return False
    if unreal(sent, a.start, a.end) or answers_hypothetical(view, index):
        return False
    if support_watched(sent, a, near, right):
        return False
    return not other_asset(sent, a, right)  # a stock, a currency or a commodity, not a crypto asset


def _new_clause(sent: SentView, a: Amount, near: str) -> int:
    """Where in ``near`` (the words before amount ``a``) a clause about a coin starts after an earlier amount
    ("After reaching $73,800 in March, bitcoin slid to"): the words before it are the earlier amount's."""
    offset = a.start - len(near)  # sentence-relative start of ``near``
    # "a level few expected to see again after bitcoin set a record of $109,350": the coin's own clause
    told = [m.start - sent.start - offset for m in sent.of("ASSET") if 0 <= m.start - sent.start - offset < len(near)
            and _TOLD_AFTER.search(near, 0, m.start - sent.start - offset) and _PAST.match(sent.text, m.end - sent.start)]
    if told:
        return told[-1]
    comma = near.rfind(", ")
    if comma >= 0 and near.startswith(("the price ", "its price "), comma + 2):
        return comma  # "On bitFlyer, Japan's largest exchange by volume, the price touched": the price's own clause
    # cheap tests first: a comma, then a coin named after it, then an amount before it
    if comma < 0 or not any(offset + comma < m.start - sent.start < a.start for m in sent.of("ASSET")):
        return 0
    before = find_money(near[:comma])
    return comma if before else 0


_TOLD_AFTER = re.compile(r"\b(?:after|when|since|because|as|while)\s+$", re.I)
_PAST = re.compile(r"\s+(?:had\s+)?(?:[a-z]+ed|set|hit|fell|rose|sank|broke|ran|slid|dropped|tore|shot|swung)\b")
def _future_year(view: ArticleView, right: str) -> bool:
    m = _YEAR_AFTER.match(right)
    return bool(m and view.published and int(m.group(1)) > view.published.year)


def negated(text: str, a: Amount) -> bool:
    """The sentence says the level was not reached; its other mentions of the value are
    then approaches to it ("buyers showed up just above $10,000"), not prices either."""
    return bool(_NEGATED_LEFT.search(text[max(0, a.start - 40):a.start]) or _NEGATED_RIGHT.match(text[a.end:a.end + 40]))


def band_not_reached(text: str, amounts: list[Amount], j: int) -> bool:
    """The first end of a band the sentence names as a target ("the $5,500 to $6,000 zone in play")."""
    if j + 1 >= len(amounts):
        return False
    a, b = amounts[j], amounts[j + 1]
    return bool(RANGE_JOIN.match(text[a.end:b.start]) and _RIGHT_NOT_REACHED.search(text[b.end:b.end + 60]))
