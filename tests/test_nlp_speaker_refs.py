"""How later references find their speaker: a role named after the verb, a colon that
introduces the quote, a handle after a name, and an unnamed speaker whose words the
sentence before reported. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article

INTRO = "Mara Quill, a strategist at Fenwick Partners, said funds were buying. "


def speakers_of(text: str) -> list[str | None]:
    return [q.speaker for q in extract_facts([Article(source="t", text=text)])[0].quotes]


@pytest.mark.parametrize("attribution", [
    '"The dip is a gift," said the strategist on Tuesday.',  # the time after the role is no part of it
    '"The dip is a gift," said the strategist in a note to clients.',
])
def test_a_role_after_the_verb_may_run_on_into_when_and_where(attribution):
    assert speakers_of(INTRO + attribution) == ["Mara Quill"]


def test_a_title_of_several_words_finds_the_person_who_holds_it():
    text = ("Celia Brandt-Oduya, chief investment officer at Larchmont Asset Management, spoke on the second panel. "
            "Tomas Reid of Halden Capital said he had cut risk.\n\n"
            '"The leverage is gone and the buyers are still here," the chief investment officer wrote later.')
    assert speakers_of(text) == ["Celia Brandt-Oduya"]


def test_a_colon_before_the_quote_outranks_a_new_sentence_after_it():
    text = ("Kendra Moye, an analyst at Halvorsen & Pike, put the question to the chief executive: "
            '"How much of this revenue stays when bitcoin is at $40,000?" '
            "Executives said custody fees were growing faster than trading.")
    assert speakers_of(text) == ["Kendra Moye"]


def test_a_role_and_a_handle_around_the_name_before_a_colon():
    text = (INTRO + 'Popular analyst Veda Ramaswamy (@vedacharts) wrote on X: "Record, then a flush. '
            'The trend is still up."')
    assert speakers_of(text) == ["Veda Ramaswamy"]


@pytest.mark.parametrize("reported", [
    "Outside the hall, a trader at a Jakarta proprietary firm, who asked not to be named, said the reversal had caught him out.",
    "On the call, the exchange's finance chief said customers had traded $120 billion in April alone.",
])
def test_a_pronoun_after_an_unnamed_speakers_reported_words_is_that_speaker(reported):
    text = INTRO + reported + ' "April was the busiest month we have had," he said.'
    assert speakers_of(text) == [None]


def test_a_named_speakers_reported_words_still_give_the_pronoun_its_name():
    text = ("Harriet Vossberg, a strategist at Lindqvist & Rao, argued that the run had been built on borrowed money. "
            '"Funding was running at 0.1% every eight hours," she said.')
    assert speakers_of(text) == ["Harriet Vossberg"]


@pytest.mark.parametrize("text,speaker", [
    # the subject after an opening phrase, not the phrase's own noun
    ('In a memo to its 600,000 customers, Kestrel Lending said it was pausing withdrawals because of '
     '"severe market stress."', "Kestrel Lending"),
    ('The rally drew praise from Federal Reserve Chair Jerome Powell, who told a conference in Dallas that bitcoin '
     'was "a competitor for gold."', "Jerome Powell"),
    ('In a statement, Mumbai-based WazirX said trading would stay paused "until the audit is complete."', "WazirX"),
    ('bitFlyer said in a statement that its website had been "temporarily congested" on Monday.', "bitFlyer"),
    # unnamed people of a named firm, before or after the quote (GUIDE: speaker null)
    ('Analysts at Brantley Credit Ratings wrote in a note that the report was "a step, not an audit."', None),
    (INTRO + '"Wednesday is the whole ballgame," analysts at Ferrant & Lowe Securities wrote on Friday.', None),
])
def test_organisations_and_offices_that_speak(text, speaker):
    assert speakers_of(text) == [speaker]


def test_the_company_is_the_firm_as_first_named_in_full():
    text = ("Cinderford Digital Mining sold 2,540 bitcoin in the quarter. Cinderford mined 1,093 more. "
            'The company said in its letter that it "does not expect to sell additional bitcoin" this year.')
    assert speakers_of(text) == ["Cinderford Digital Mining"]


def test_an_unnamed_role_set_off_by_commas_reports_the_words_its_pronoun_speaks():
    text = ('In a statement, Tether said the figures "show the strength of our reserves." Its chief executive, '
            'writing on X, added that the company would keep buying bitcoin. "We are long-term holders," he wrote.')
    assert speakers_of(text) == ["Tether", None]
    named = ("Its chief executive, Anna Lindqvist, said the company would build two more sites. "
             '"Every kilowatt ends up as heat somewhere," he said.')
    assert speakers_of(named) == ["Anna Lindqvist"]


def test_a_firm_named_after_the_role_is_no_new_speaker_for_the_pronoun():
    text = ('"A flush usually follows," said Adaeze Thorvaldsen, a derivatives analyst at the research shop '
            'Copperfield Quant. She added that buyers had stepped back in, and said a shakeout "would not change '
            'the bigger picture."')
    assert speakers_of(text) == ["Adaeze Thorvaldsen", "Adaeze Thorvaldsen"]


def test_the_subject_of_a_clause_speaks_through_its_participle():
    text = ("Rival Binance walked away from a plan to buy FTX on Wednesday, saying the holes it had found were "
            '"far beyond anything we could responsibly fix".')
    assert speakers_of(text) == ["Binance"]


@pytest.mark.parametrize("text,expected", [
    # a brief's signature after the quote
    ('Ether slid. "New listings are the only thing with a bid today," — Amira Kessel-Boateng, spot trader at '
     'Quillmont Capital.', ["Amira Kessel-Boateng"]),
    # where the words came from, after an opening clause: an unnamed speaker, not the one before
    ('"Six figures was a psychological wall," said Lucía Brandvold, head of research at Ostrander Digital. A more '
     'cautious note came from one London-based market maker: "Funding this high is how you get a flush."',
     ["Lucía Brandvold", None]),
    # a place after the employer is no one
    ('Shares fell. Tobias Rennard-Lyle, founder of Quarry Lane Planning in Bristol, Connecticut, put it another '
     'way: "Volatility is the fee you pay for owning this thing."', ["Tobias Rennard-Lyle"]),
    # an agency by its initials, with "the"; a verb of speech kept from the source language
    ('Spain named its supervisor. "Firms without a licence will have to stop," the CNMV warned.', ["CNMV"]),
    ('"The market is pricing a risk nobody can size," analyses Mathilde Quenot, head of digital assets at '
     'Fourvière Gestion.', ["Mathilde Quenot"]),
    # a new name the parser missed, its role in apposition, is whom "he" means next
    ('"Gold was the better hedge," said Ingrid Solberg, an adviser at Tollbridge Wealth.\n\nAmbrose Kettleby, a '
     'portfolio manager at Harrowgate Private Clients in Leeds, England, says the comparison misses the point. '
     '"Gold and bitcoin are both bets against paper money," he said.', ["Ingrid Solberg", "Ambrose Kettleby"]),
    # a planner is a role a later reference names
    ('"Buying the dip only works if you can afford it," said Ottoline Haverkamp, a financial planner at Crestline. '
     'Her colleague disagrees. "Start with a number you could lose," the planner added.',
     ["Ottoline Haverkamp", "Ottoline Haverkamp"]),
    # the second verb of a clause whose subject said the first; a firm's analyst with the firm's name first
    ('The attorney general sued. Bitfinex called the filings "misleading" and said in a statement that customers '
     'could "withdraw as normal" from the exchange.', ["Bitfinex"]),
    ('"Today is about the asset class," said Ravindra Okonkwo, a portfolio manager at Brindlemoor. "Coinbase earns '
     'most when retail is excited," Bexley & Marsh Research analyst Ingrid Solvang-Teo wrote in a note.',
     ["Ravindra Okonkwo", "Ingrid Solvang-Teo"]),
    # an unnamed source who "likes to say"; a clause after "said the" reports, it does not attribute
    ('"Flows are the tide and leverage is the weather," a former colleague, now a trader at a Chicago prop shop, '
     'likes to say.', [None]),
    ('"Seven thousand coins is survivable," said Tobiah Renshaw, chief security officer at Halvard Vault. "The coins '
     'are gone, but nobody\'s balance is." One trader in Seoul said the freeze had left desks "stuck holding coins on '
     'the wrong venue" until withdrawals reopen.', ["Tobiah Renshaw", "Tobiah Renshaw", None]),
    # a new clause after the quote is no attribution; "the exchange" is the venue that opened the sentence before
    ('Binance lagged. Kraken told clients its website was suffering "degraded performance," while Coinbase said some '
     'transactions might be delayed.', ["Kraken"]),
    ('XRP jumped. Coinbase, which had suspended XRP in 2021, said it would relist the token, and Kraken and Gemini '
     'followed. "XRP is coming back to Coinbase," the exchange said in a post on X.', ["Coinbase"]),
    # whom a note came from, after the day it came
    ('Bitcoin rose. A note from Fenwright Research on Monday called the strategy "a one-way bet on a volatile asset '
     'with borrowed money."', ["Fenwright Research"]),
    # a sentence after a closed quote that runs on into the next quote introduces that one
    ('"Nobody on five-cent power is profitable next week," said Dmitri Halvorsen, chief executive of Nordfjell '
     'Hashing. "At this price a lot of machines get unplugged." Analysts at Brightwater Digital wrote in a note on '
     'Saturday that "every previous halving has been followed by a new high."', ["Dmitri Halvorsen"] * 2 + [None]),
    # two appositions before the verb; a known speaker's own clause before a partial quote
    ('Hashrate dropped. Lucía Ferreyra-Holt, chief financial officer at Ridgeback Mining, a Texas operator, said: '
     '"We had budgeted for this for a year."', ["Lucía Ferreyra-Holt"]),
    ('"TIA has further to fall," said Dmitri Halloway, a partner at Crescent Basin Ventures. Allocations vest daily. '
     'Halloway expects the token to test $4 before a floor forms, "probably not this month, but this quarter."',
     ["Dmitri Halloway"] * 2),
    # a named speaker whose words the sentence before reported; an agency by its initials after an opening phrase;
    # a pseudonymous poster introduced by a colon
    ('Joaquín Barrantes, chief executive of Tango Cash, said sign-ups were five times a normal day\'s. "People are '
     'not speculating. They are moving their salary out of pesos."', ["Joaquín Barrantes"]),
    ('The Financial Conduct Authority has ordered Binance Markets Limited to stop. In a consumer warning published '
     'over the weekend, the FCA said the group should not be treated as "a safe home for anyone\'s savings".',
     ["Financial Conduct Authority"]),
    ('The first screenshots appeared on Sunday. One came from a pseudonymous trader who posts as Mango Ledger, with a '
     'single line of advice: "Withdraw now, ask questions later."', ["Mango Ledger"]),
])
def test_signatures_sources_and_places_around_the_quote(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a police rank is a title, not part of the name
    ('Detective Sergeant Ines Marlow-Quaye said: "Nobody from your bank will ask for your seed phrase."',
     ["Ines Marlow-Quaye"]),
    # the parser's span may take in "the"; a short form is the organisation named in full before
    ('In Frankfurt, the Federal Financial Supervisory Authority said it would "watch the market closely".',
     ["Federal Financial Supervisory Authority"]),
    ('Vantor Lending froze withdrawals on Sunday. Vantor said it acted "to protect all customers alike".',
     ["Vantor Lending"]),
    # the speaker's role set off by a comma after the verb, with a possessive before it
    ('"She bought it because she liked it," said her agent, Corin Balogun-Wexley, "not as a trade."',
     ["Corin Balogun-Wexley"] * 2),
    # the person, not the firm in their apposition, puts it
    ('Ilse Varga-Noon, head of research at Pellham Digital, which runs its own fund, put it plainly: "Nobody is '
     'buying this dip."', ["Ilse Varga-Noon"]),
    # a handle in brackets after the name; a pronoun after a comma that opens a new clause
    ('Chartist Wendell Akers (@wick_reader) told his followers that "a retest of $0.50 would be healthy."',
     ["Wendell Akers"]),
    ('"If 40 cents holds, this is a reset," said Nadia Oyelowo-Brandt, an independent trader, though she added that '
     '"the easy money has been made."', ["Nadia Oyelowo-Brandt"] * 2),
    # an office with initials before the name; unnamed people in the plural; analysts at a described firm
    ('"He built false identities for years," Assistant U.S. Attorney Corbin Ashdown-Lee told the court.', ["Corbin Ashdown-Lee"]),
    ('Prosecutors wrote in the indictment that the exchange ran itself as "an unregulated haven" by design.', [None]),
    ('Analysts at the broker Whitlow Harte wrote on Monday that "there is no haven in crypto," and warned of more.', [None]),
    # translated copy's verbs of speech; a planning firm is a firm, not the "she" of the next quote
    ('"The approval removes a doubt for large institutions," assesses Renata Figueira Leal, head of research at '
     'Ipanema Ativos.', ["Renata Figueira Leal"]),
    ('We asked Yolanda Marsh-Tennant, a planner who runs Willowbrook Planning in Asheville, what to take from this. '
     '"The lesson is not that bitcoin went down," she said.', ["Yolanda Marsh-Tennant"]),
    # "the company" is the firm that opened the sentence before, not the bank it named last
    ('Circle Internet Financial issues USDC. Circle said on Friday that the rest of its reserves, held at BNY '
     'Mellon, were safe. "USDC is backed," the company said.', ["Circle"]),
    # a role the person was given before ("the enrolled agent said")
    ('"Report every reward," said Omar Kettering, an enrolled agent in Tucson. "The IRS will ask," the enrolled '
     'agent said.', ["Omar Kettering"] * 2),
])
def test_titles_organisations_and_roles_in_general_press(text, expected):
    assert speakers_of(text) == expected
