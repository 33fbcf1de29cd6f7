"""The attributions around a quote, as patterns: verbs of speech, who speaks, and where.

``quotes`` reads a quote's left and right context with these: '"X," said Jane Doe',
'Doe said: "X"', '"X," — Doe, trader at Y', 'a note from Y called it "X"'. Each
pattern's comment shows the copy it was written for.
"""

from __future__ import annotations

import re

from newsmine.nlp.speakers import HANDLE_VERB, NAME, ORG_NOUNS, ROLE_NOUNS

SAY = (
    r"said|says|say|told|tells|added|adds|wrote|writes|noted|notes|explained|explains|argued|argues|warned|"
    r"warns|cautioned|stated|states|commented|remarked|continued|insisted|observed|posted|tweeted|suggested|"
    r"predicted|concluded|acknowledged|admitted|asked|asks|replied|recalled|quipped|emphasi[sz]ed|stressed|"
    r"believes|thinks|reckons|maintained|contended|countered|conceded|put it|wrote in|summed up|"
    r"gushed|joked|mused|sighed|laughed|declared|reiterated|recounted|elaborated|pointed out|texted|messaged|emailed|"
    # translated copy keeps the source language's verbs of speech ("evaluated", "indicated", "opined")
    r"evaluated|indicated|assessed|assesses|evaluates|opined|affirmed|assured|highlighted|underlined|analy[sz]es|analy[sz]ed|continues|"
    # an office's or a firm's words put to a purpose ("the State Council vowed to "...", "which the company blamed on "..."")
    r"vowed|pledged|blamed|offered"
)
# forum and social handles ("u/gasfeegoblin", "@tidepool") speak as names do
HANDLE = r"(?:u/|@)[\w-]{2,30}"
NAME_OF = re.compile(rf"(?P<person>{NAME})\s+(?:of|at|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}$")  # "at the broker X"
# ... or with the person's role between ("Tomasz Elwood-Achebe, chief executive of Harrowgate Asset Management, ...")
NAME_ROLE_OF = re.compile(rf"(?P<person>{NAME}),\s+(?:[a-z][\w-]*\s+){{1,5}}(?:of|at)\s+(?:the\s+)?$")
WHO = (
    # "one hundred thousand dollars" and "one day" are no one
    # ("The site later wrote": an adverb after the reference is no part of it)
    rf"(?P<who>he|she|they|(?:[Tt]he|[Tt]his|[Tt]hat) [a-z][\w-]*(?: (?!(?:later|also|then|again|once|earlier)\b)[a-z][\w-]*){{0,2}}|"
    rf"\b(?:[Oo]ne(?! (?:hundred|thousand|million|billion|day|week|month|year)\b)|[Aa]n?|[Aa]nother|[Ss]ome|[Tt]wo|[Ss]everal) "
    # (a dot only inside a word: "lumen.eth"; a place is no one: "in Bristol")
    # (not past a comma that opens a new clause: "an independent trader, though he added")
    rf"(?:(?!,\s+(?:though|but|and|while|although|yet)\b)[\w\s,'’-]|\.(?=\w)){{0,60}}?|{HANDLE}|(?<!\bin )(?!(?:We|I|You|It|There)\b){NAME})"
)
# the role may stand between the verb and the name ('"X," said analyst Dana Kirby'); never a time or a place
# ("said on Tuesday", "told reporters in London")
# ("wrote the analyst Kaveh Lindmark-Osei": "the" before a role and a name)
ROLE_AFTER_VERB = (r"(?:the\s+(?=[a-z]))?(?:(?!(?:an?|the|one|another|some|at|of|for|from|with|in|on|by|to|and|or|that|this|last|late|"
                    r"early|earlier|later|reporters|journalists|clients|investors|analysts)\s)[a-z][\w-]*\s+){0,4}(?=[A-Z][a-z])")
# or the employer's role set off by a comma ('"X," said Bluefin Labs's co-founder, Marta Kowalczyk'; "said her
# manager, Desmond Achterberg-Kole")
OWNED_ROLE = (r"(?:(?:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}['’]s|his|her|their|its)\s+"  # "Bluefin Labs's", "her"
               r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+(?=[A-Z][a-z]))")  # "head of research, "
# ('"X," read one post that circulated on X': a post or a sign speaks for nobody named)
RIGHT_VERB_FIRST = re.compile(rf"^[\s,—–-]*(?:{SAY}|read|per|according to)\s+(?:{OWNED_ROLE}|{ROLE_AFTER_VERB})?{WHO}"
                               rf"(?=[\s,.;:]|$)")
# unnamed people of a named firm after the quote ('"X," analysts at Ferrant & Lowe wrote'; GUIDE: speaker null)
RIGHT_ROLES_AT = re.compile(rf"^[\s,—–-]*(?P<role>(?i:{ROLE_NOUNS})s)\s+(?:at|of|from)\s+(?:the\s+)?"
                             rf"(?P<org>[A-Z][^,.;:\"“”]{{1,60}}?)\s+(?:{SAY})\b")
# the speaker revealed after the quote: '"..." That was Jane Doe, head of research at Y, who ...'
# a brief's or a newsletter's signature after the quote: '"X," — Amira Kessel, spot trader at Quillmont Capital.'
RIGHT_DASH = re.compile(rf"^[\s,]*[—–]\s*(?P<who>{NAME})(?=[\s,.;:]|$)")
RIGHT_REVEAL = re.compile(rf"^\s+(?:That|This) (?:was|is)\s+(?:how\s+)?(?P<who>{NAME}),")  # "That is how X, ..., put it"
ACRONYM = r"(?:\s+\((?:[A-Z]{2,6}|@\w+)\))?"  # "The Financial Services Commission (FSC) said", "Tomasz Wierzbicki (@TW_waves) told"
# a role may come first: '"X," Ridgeback's chief financial officer, Harriet Lindqvist-Moore, told analysts',
# '"X," my old desk boss Marguerite Haldane, now a portfolio manager at Y, texted me'
ROLE_FIRST = (r"(?:(?:my|our|his|her|their)\s+(?:[a-z][\w-]*\s+){0,3}(?=[A-Z])|"
               r"(?:[A-Z][\w&.'’-]*['’]s\s+)?(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+(?=[A-Z])|"
               # an office written with capitals: '"X," Chief Financial Officer Anselm Kovačić said'
               r"(?:(?:Chief|Executive|Financial|Operating|Technology|Investment|Information|Officer|Head|Director|Senior|"
               r"Managing|Vice|President|Chair|Chairman|Chairwoman|General|Counsel|CEO|CFO|COO|CTO|CIO|"
               r"Assistant|U\.S\.|District|Attorney|Detective|Inspector|Sergeant)\s+){1,5}(?=[A-Z][a-z])|"
               # '"X," Tallyglass Analytics lead analyst Ruben Achterberg wrote': the employer, the role, the name
               r"(?:(?:[A-Z][\w&.'’-]*|&)\s+){1,4}(?:[a-z][\w-]*\s+){1,3}(?=[A-Z][a-z])|"
               # '"X," chief financial officer Priya Deshmane said' (not "an official at the Commission")
               # (nor a new clause: '"degraded performance," while Coinbase said')
               r"(?:(?!(?:an?|the|one|another|some|at|of|for|from|with|in|on|by|to|and|or|while|whereas|but|as|when|"
               r"although|though|because|after|before|if)\s)[a-z][\w-]*\s+){1,4}"
               r"(?=[A-Z][a-z]))?")
# (an agency by its initials may take "the": '"X," the CNMV warned')
RIGHT_WHO_FIRST = re.compile(
    rf"^[\s,—–-]*(?:as\s+)?(?:[Tt]he\s+(?=[A-Z]{{2,6}}\s))?{ROLE_FIRST}{WHO}{ACRONYM}(?P<appo>,[^,\"“”]{{3,140}},)?,?\s+"
    rf"(?:also\s+|later\s+|then\s+|has\s+|had\s+|likes to\s+|used to\s+)?(?:{SAY})\b"
)
# '..., who called the move "X"', 'a rate Oren calls "X"' and 'As Jane Doe used to put it: "X"' name their speaker too
LEFT_SAY = re.compile(
    # (a role may take a descriptor of the firm: "X, chief financial officer at Ridgeback Mining, a Texas operator, said")
    rf"{WHO}{ACRONYM}(?P<appo>,[^,\"“”]{{3,140}},|,\s+[a-z][^,\"“”]{{2,140}},\s+(?:an?|the)\s[^,\"“”]{{3,80}},)?"
    rf"(?:,?\s*who\b)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|used to\s+|"
    rf"likes to\s+)?(?:{SAY}|calls|called|describes|described)\b(?:[^.!?\"“”]|\.(?=\d)){{0,160}}?[:,]?\s*$"  # "said $1.50 and "..."
)
# After a quote that ends its sentence, 'A merchant ... said he had stopped ...' reports what that speaker
# said next: an attribution to the quote before it would be followed by the time or place, not by a clause.
REPORTED = re.compile(r"\s+(?:that|the|he|she|they|it|we|its|his|her|their)\b")
# the verb before the name, as features open a paragraph: 'Says Imogen Thackeray-Bose, a portfolio manager at Y: "X"'
LEFT_VERB_FIRST = re.compile(rf"^\s*(?:Says|Said|Adds|Added|Writes|Wrote|Warns|Warned)\s+(?P<who>{NAME})(?:,[^\"“”:]{{3,140}})?:\s*$")
# an unnamed source introduced by a colon: 'One SG-based options trader: "X"', 'from a day trader: "X"',
# also as a numbered post of a thread ('12/ A market maker I trust sent me this: "X"')
# (a clause that names where the words came from is read from there: "A more cautious note came from one market maker:")
LEFT_COLON = re.compile(r"(?:^\s*(?:\d+/\s*)?(?![^:\"“”]*\b[Ff]rom\s+(?:[Oo]ne|[Aa]n?|[Aa]nother)\s)|\b[Ff]rom\s+)(?P<who>(?:[Oo]ne|[Aa]n?|[Aa]nother)\s[^:\"“”]{3,80}):\s*$")
# a named speaker introduced by a colon after a clause of their own: 'Tomasz Reyes, a portfolio manager at Y,
# pointed to the ETFs instead: "X"', 'Our head of trading, Yusuf Brandt-Ilori, summed up the tape: "X"'
LEFT_NAMED_COLON = re.compile(
    rf"^\s*(?P<role>(?:[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[A-Z][\w&.'’-]*['’]s)\s+(?:[a-z][\w-]*\s+){{0,4}}[a-z][\w-]*,\s+"
    # ... or a role with no comma before the name, the name with the handle it posts under: 'Popular analyst
    # Veda Ramaswamy (@vedacharts) wrote on X:'
    rf"|(?:[A-Z][a-z]+\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{ROLE_NOUNS})\s+(?=[A-Z]))?"
    rf"(?P<who>{NAME}|[Tt]he (?:[a-z][\w-]* )?(?:{ROLE_NOUNS})\b|[Hh]e|[Ss]he)(?:\s+\(@[\w.-]+\))?"
    rf"(?P<appo>,[^,\"“”]{{3,140}},(?:\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,)?)?,?\s+[a-z][^\"“”:]{{0,160}}:\s*$"  # "in Bristol, Connecticut,"
)
# ... unless the clause hands the words to a document or someone else ('pointed to the SEC statement:', 'read out
# the exchange notice:', 'shared a message from a client:')
OTHER_SOURCE = re.compile(r"\b(?:statements?|notices?|filings?|posts?|tweets?|letters?|orders?|rulings?|reports?|releases?|"
                           r"memos?|messages?|emails?|announcements?|notes? from|words of|from (?:a|an|one|the|his|her|their))\b")
# a short sentence that introduces an unnamed speaker whose words follow on their own: 'One Singapore-based
# market maker was blunter. "X"'
ANONYMOUS_INTRO = re.compile(r"(?:^|(?<=[.!?]\s))(?P<who>(?:One|An?|Another)\s[^\"“”.!?:]{3,80})[.:]\s*$")
# ... or who reports that speaker's words before the quote, so that its pronoun means them: 'Outside the hall, a
# trader at a Jakarta firm, who asked not to be named, said the reversal caught him. "X," he said.' (an opening
# phrase of lower-case words may come first; a name with its apposition, "X, a trader at Y, said", is no one unnamed)
ANONYMOUS_SAID = re.compile(rf"^(?:[A-Z][a-z]+(?:\s+[a-z][\w'’-]*){{1,5}},\s+)?"
                             rf"(?P<who>(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ii]ts|[Tt]he (?:[a-z][\w-]* )?[a-z][\w-]*['’]s)"
                             rf"\s[^\"“”]{{3,160}}?)\s+(?:{SAY})\b[^\"“”]*$")
# a participle of saying after the main clause: its subject speaks ("Binance walked away from the deal, saying the
# holes were "far beyond anything we could fix"", "Analyst Celine Mortimer lifts her target, writing that ...")
# (or a second verb of the clause: 'Bitfinex called the filings "misleading" and said customers could "..."')
PARTICIPLE_SAY = re.compile(r"(?:,\s+(?P<verb>saying|adding|noting|warning|arguing|writing|explaining)|"
                             r"\s+and\s+(?P<finite>said|added|wrote|told))\b[^\"“”]*$")
LEFT_ACCORDING = re.compile(rf"\b[Aa]ccording to {WHO}[^\"“”]{{0,120}}$")
# "at X in Düsseldorf", "an analyst at the research shop Copperfield Quant": the employer, not a new person
IN_APPOSITION = re.compile(rf"\b(?:at|of|with|for|from|in|based|maker|provider|shop|house|outfit|desk|boutique|protocol|"
                            rf"{ORG_NOUNS})\s+$")
# A short marked phrase is speech when a speech verb introduces it ('said it was
# "reviewing the decision"', 'citing "extreme market conditions"'), and a term
# when it is named ('traders call "selling the news"').
PARTIAL_QUOTE = re.compile(
    rf"\b(?:{SAY}|described|describing|citing|cited|calling it|called it|warning)\b(?:(?!\b(?:call|calls|dubbed|"
    r"known as|so-called|term|termed)\b)[^.!?])*$",
    re.I,
)
# An unnamed speaker introduced by the handle they post under, lower case or not ("a user who posts as arbmaxi_42")
HANDLE_AFTER = re.compile(rf"(?P<phrase>(?:[Oo]ne|[Aa]n?|[Aa]nother)\s[^,.;:\"“”]{{0,60}}?)\s+{HANDLE_VERB}\s+(?P<handle>@?[\w.-]*\w(?:\s+[A-Z][\w.-]*\w)?)")
ANONYMOUS = re.compile(r"^(?:one|a|an|another|some|two|several)\b", re.I)
# the sentences around a quote: a named speaker reporting ("X, chief executive of Y, said ..."), a name opening
# a sentence, a role in apposition after a name, and a time closing a phrase ("a note from Y on Monday")
# (after an opening phrase, with up to two appositions, and saying it as a speech or a note does: 'In a speech in London,
# X, chair of Y and a former official, said', 'X, head of research at Y, who spent a decade at Z, spoke about the law')
NAMED_SAID = re.compile(rf"^(?:[^,\"“”]{{3,60}},\s+)?(?!(?:He|She|They|It|We|I)\b)(?P<who>{NAME})(?:,[^,\"“”]{{3,140}}){{0,2}},?\s+"
                        rf"(?:{SAY}|spoke|laid (?:it|this) out|set (?:it|this) out|took a moment|"
                        # ... or who is introduced by how they sounded: 'X, head of research at Y, was blunter.'
                        rf"was (?:(?:more|less|even) [a-z]+|[a-z]+er)\.$)\b")
OPENING_NAME = re.compile(rf"\s*(?:{HANDLE}|{NAME})")
ROLE_APPOSITION = re.compile(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}(?:{ROLE_NOUNS})\b")
TIME_TAIL = re.compile(r"\s+(?:on|last|this|early|late|earlier)\s+\w+$")
INNER_REF = re.compile(rf"\b(?:the|this|that) [\w-]+(?: [\w-]+)?$|\b{NAME}$")
