"""Event titles: a short who-did-what phrase from the clause that holds the event's date."""

from __future__ import annotations

import pytest

from timeline.titles import TITLE_WORDS, main_clause, make_title


def title(sentence: str, date: str, *others: str) -> str:
    """The title of the event `date` dates; `others` are the sentence's other dates."""
    spans = [(sentence.index(text), sentence.index(text) + len(text)) for text in (date, *others)]
    return make_title(sentence, date=spans[0], other_dates=spans[1:])


@pytest.mark.parametrize(
    ("sentence", "date", "others", "expected"),
    [
        # A wire dateline is not part of who did what.
        (
            "HARWICH — Firefighters put out a blaze at the port on Monday.",
            "Monday",
            [],
            "Firefighters put out a blaze at the port",
        ),
        (
            "OSLO, Norway (AP) -- The central bank raised its main rate on Thursday.",
            "Thursday",
            [],
            "The central bank raised its main rate",
        ),
        (
            "NEW DELHI, March 3 (Reuters) - Monsoon rains flooded two districts on Sunday.",
            "Sunday",
            ["March 3"],
            "Monsoon rains flooded two districts",
        ),
        # Two dates, two clauses: each event gets the clause of its own date.
        (
            "The stadium, which opened in 1994, was last renovated in May 2021.",
            "1994",
            ["May 2021"],
            "The stadium opened",
        ),
        (
            "The stadium, which opened in 1994, was last renovated in May 2021.",
            "May 2021",
            ["1994"],
            "The stadium was last renovated",
        ),
        (
            "The leak was reported late on Tuesday, and the plant was shut down the next morning.",
            "Tuesday",
            ["the next morning"],
            "The leak was reported",
        ),
        (
            "The leak was reported late on Tuesday, and the plant was shut down the next morning.",
            "the next morning",
            ["Tuesday"],
            "The plant was shut down",
        ),
        (
            "The museum, which has hosted 2 million visitors since April 2019, closed its doors "
            "on Sunday.",
            "Sunday",
            ["April 2019"],
            "The museum closed its doors",
        ),
        (
            "The museum, which has hosted 2 million visitors since April 2019, closed its doors "
            "on Sunday.",
            "April 2019",
            ["Sunday"],
            "The museum has hosted 2 million visitors",
        ),
        (
            "The union, whose members walked out on June 3, said talks would resume on Friday.",
            "June 3",
            ["Friday"],
            "The union's members walked out",
        ),
        (
            "The union, whose members walked out on June 3, said talks would resume on Friday.",
            "Friday",
            ["June 3"],
            "Talks would resume",
        ),
        (
            "The company, founded in 1921, filed for bankruptcy in January.",
            "January",
            ["1921"],
            "The company filed for bankruptcy",
        ),
        (
            "The company, founded in 1921, filed for bankruptcy in January.",
            "1921",
            ["January"],
            "The company founded in 1921",
        ),
        (
            "The vote, originally set for March 3, was postponed until April.",
            "April",
            ["March 3"],
            "The vote was postponed until April",
        ),
        (
            "A parliamentary inquiry into how the contract was awarded in 2021 will publish its "
            "findings by December.",
            "2021",
            ["December"],
            "The contract was awarded",
        ),
        (
            "A parliamentary inquiry into how the contract was awarded in 2021 will publish its "
            "findings by December.",
            "December",
            ["2021"],
            "A parliamentary inquiry will publish its findings",
        ),
        (
            "The man who attacked the guard on Monday was arrested in Leeds on Wednesday.",
            "Monday",
            ["Wednesday"],
            "The man attacked the guard",
        ),
        (
            "The treaty, which guarantees free passage, was ratified when the senate voted "
            "last week.",
            "last week",
            [],
            "The senate voted",
        ),
        (
            "Details of the trade deal between Oslo and Seoul, signed during the minister's "
            "visit in March, remain secret.",
            "March",
            [],
            "The trade deal between Oslo and Seoul signed during the minister's visit",
        ),
        (
            "Councillor Ruth Amadi was elected in 2014 and re-elected in 2018.",
            "2018",
            ["2014"],
            "Councillor Ruth Amadi was re-elected",
        ),
        (
            "The mill was built in the 1880s and has stood empty since 2009.",
            "2009",
            ["the 1880s"],
            "The mill has stood empty",
        ),
        (
            "The quake, which struck shortly after 3 a.m. on Monday, destroyed 200 homes.",
            "Monday",
            ["3 a.m."],
            "The quake struck",
        ),
        (
            "The licence was extended last spring, despite an audit in 2021 that found "
            "missing safety records.",
            "2021",
            ["last spring"],
            "An audit found missing safety records",
        ),
        (
            "The panel will ask why the plant stayed open after a 2021 audit found missing "
            "safety records.",
            "2021",
            [],
            "An audit found missing safety records",
        ),
        (
            "Campaigners will march to the town hall before the vote, which is still set "
            "for May 14.",
            "May 14",
            [],
            "The vote is still set",
        ),
        (
            "Following the collapse of a footbridge over the canal in May, the council "
            "closed two more crossings.",
            "May",
            [],
            "The collapse of a footbridge over the canal",
        ),
        (
            "It was not until 1994 that the first women were ordained in the diocese.",
            "1994",
            [],
            "The first women were ordained in the diocese",
        ),
        (
            "The festival was first planned for June, postponed on April 2 and cancelled "
            "a week later.",
            "April 2",
            ["June", "a week later"],
            "The festival was postponed",
        ),
        (
            "She was born in the 1940s and emigrated to Canada in 1967.",
            "1967",
            ["the 1940s"],
            "She emigrated to Canada",
        ),
        (
            "The clinic, opened in 2011, had treated 9,000 patients by the end of 2019.",
            "the end of 2019",
            ["2011"],
            "The clinic had treated 9,000 patients",
        ),
        (
            "The 1998 treaty ended a dispute that began in 1976.",
            "1976",
            ["1998"],
            "A dispute began",
        ),
        (
            "The rebels retook the airport on March 9; government troops had left it "
            "two days earlier.",
            "two days earlier",
            ["March 9"],
            "Government troops had left it",
        ),
        # Who reported it is the citation's business, not the title's.
        (
            "He said the contractor Ridley & Sons had been appointed last month to rebuild "
            "the pier.",
            "last month",
            [],
            "The contractor Ridley & Sons had been appointed to rebuild the pier",
        ),
        (
            "Police told reporters on Saturday that two men had been arrested.",
            "Saturday",
            [],
            "Two men had been arrested",
        ),
        (
            "The ministry said in a statement on Monday that exports fell by 4 percent in March.",
            "March",
            ["Monday"],
            "Exports fell by 4 percent",
        ),
        (
            "Exports fell by 4 percent in March, the ministry said.",
            "March",
            [],
            "Exports fell by 4 percent",
        ),
        (
            "According to the coastguard, the trawler sank on Thursday night.",
            "Thursday night",
            [],
            "The trawler sank",
        ),
        (
            "The mayor's spokesman, Tom Reyes, confirmed on Friday that the pool would stay "
            "closed until September.",
            "Friday",
            ["September"],
            "The pool would stay closed until September",
        ),
        (
            "A regional mediator said she would meet both sides on October 2.",
            "October 2",
            [],
            "A regional mediator said she would meet both sides",
        ),
        (
            "Rescue teams pulled 14 people from the rubble on Wednesday, the regional governor "
            "said, and the search continued into the night.",
            "Wednesday",
            [],
            "Rescue teams pulled 14 people from the rubble",
        ),
        (
            "Speaking at a rally on Sunday, the senator said the tax would be scrapped.",
            "Sunday",
            [],
            "The tax would be scrapped",
        ),
        (
            '"We are not going anywhere," the club\'s chairman told supporters on Saturday.',
            "Saturday",
            [],
            "The club's chairman told supporters",
        ),
        (
            "Auditors found that the agency had overpaid contractors in 2022.",
            "2022",
            [],
            "The agency had overpaid contractors",
        ),
        (
            "A survey in March found dozens of cracked tiles on the roof.",
            "March",
            [],
            "A survey found dozens of cracked tiles on the roof",
        ),
        # Short and whole: no date phrase, no purpose clause, no cut mid-phrase.
        (
            "The school board will hold a special session on April 9 to discuss the budget "
            "shortfall with parents and teachers.",
            "April 9",
            [],
            "The school board will hold a special session",
        ),
        (
            "Hundreds of passengers were stranded at the airport on Sunday evening after a power "
            "cut halted all departures.",
            "Sunday evening",
            [],
            "Hundreds of passengers were stranded at the airport",
        ),
        (
            "Two days of talks between the province's health officials and the nurses' union "
            "ended without agreement, the union said on Friday.",
            "Friday",
            [],
            "Two days of talks ended without agreement",
        ),
        (
            "Volunteers collected more than four tonnes of litter along the northern shore of "
            "the lake between May 4 and 6, organisers said.",
            "May 4 and 6",
            [],
            "Volunteers collected more than four tonnes of litter",
        ),
        (
            "Inspectors visited the site on May 2 and again on May 9, the agency said.",
            "May 9",
            ["May 2"],
            "Inspectors visited the site",
        ),
        (
            "The watchdog fined the operator 2 million pounds in June for failing to report "
            "two leaks at its reservoirs.",
            "June",
            [],
            "The watchdog fined the operator 2 million pounds",
        ),
        (
            "The ministry expects the number of applicants to reach around 40,000 by the end "
            "of the year, officials said.",
            "the end of the year",
            [],
            "The ministry expects the number of applicants to reach around 40,000",
        ),
        (
            "Health officials closed 12 beaches on Tuesday and advised swimmers not to enter "
            "the water until further notice.",
            "Tuesday",
            [],
            "Health officials closed 12 beaches",
        ),
        (
            "The frost of winter 2012 killed half the vines.",
            "winter 2012",
            [],
            "The frost killed half the vines",
        ),
        (
            "The first shots were heard at about 4 a.m. local time.",
            "4 a.m.",
            [],
            "The first shots were heard",
        ),
        (
            "Divers will check the dam every six months from now on.",
            "six months from now",
            [],
            "Divers will check the dam",
        ),
        # A date that the sentence needs stays.
        ("Monday was the deadline for bids.", "Monday", [], "Monday was the deadline for bids"),
        (
            "Shares in the company fell 12 percent in Thursday's trading.",
            "Thursday",
            [],
            "Shares in the company fell 12 percent in Thursday's trading",
        ),
        ("The closing date is 14 February.", "14 February", [], "The closing date is 14 February"),
        (
            "A letter dated 3 May 2019 was read out in court.",
            "3 May 2019",
            [],
            "A letter dated 3 May 2019 was read out in court",
        ),
        (
            "The country voted to leave in Sunday's referendum.",
            "Sunday's",
            [],
            "The country voted to leave in Sunday's referendum",
        ),
        (
            "The road will stay closed until March, the council said.",
            "March",
            [],
            "The road will stay closed until March",
        ),
        # A second verb phrase after ", and" shares the subject, not the first verb's adverb.
        (
            "The ferry first reported engine trouble on Monday, and returned to port two "
            "days later.",
            "two days later",
            ["Monday"],
            "The ferry returned to port",
        ),
        (
            "The ferry first reported engine trouble on Monday, and returned to port two "
            "days later.",
            "Monday",
            ["two days later"],
            "The ferry first reported engine trouble",
        ),
        (
            "The school heard about the fault on May 2, and closed the gym two days later.",
            "two days later",
            ["May 2"],
            "The school closed the gym",
        ),
        (
            "The crack was missed at an inspection in March, and only came to light on Friday.",
            "Friday",
            ["March"],
            "The crack only came to light",
        ),
        (
            "From June 2 to June 6, 2025, the bridge was closed to traffic, the council said.",
            "June 2 to June 6, 2025",
            [],
            "The bridge was closed to traffic",
        ),
        (
            "The pool will reopen later in July, the council said.",
            "July",
            [],
            "The pool will reopen",
        ),
        # A participle with an object is active: no "was" to share.
        (
            "The bridge was opened in 1961, and carried the main road until 2019.",
            "until 2019",
            ["1961"],
            "The bridge carried the main road",
        ),
        # The date of the document the sentence opens with is the author's doing.
        (
            "In a statement issued on Tuesday, the port authority said the quay had been "
            "damaged in March.",
            "Tuesday",
            ["March"],
            "The port authority issued a statement",
        ),
        (
            "In a statement issued on Tuesday, the port authority said the quay had been "
            "damaged in March.",
            "March",
            ["Tuesday"],
            "The quay had been damaged",
        ),
        # A relative clause without "that": the date is its verb's.
        (
            "Lawmakers on Thursday rejected the budget, reversing the cuts the council "
            "approved in April.",
            "April",
            ["Thursday"],
            "The council approved the cuts",
        ),
        (
            "Lawmakers on Thursday rejected the budget, reversing the cuts the council "
            "approved in April.",
            "Thursday",
            ["April"],
            "Lawmakers rejected the budget",
        ),
        (
            "The Dow Jones index rebounded on Friday, ending the week higher.",
            "Friday",
            [],
            "The Dow Jones index rebounded",
        ),
    ],
)
def test_title_is_the_who_did_what_of_the_dates_own_clause(sentence, date, others, expected):
    assert title(sentence, date, *others) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials in the northern province said on Monday that floodwater from the river "
        "had reached the outskirts of four villages and forced hundreds of families to leave.",
        "The ferry operator, which has run the crossing for more than forty years without "
        "a serious accident, suspended its services on Friday after a storm.",
    ],
)
def test_title_is_short_and_does_not_end_on_a_function_word(sentence):
    made = title(sentence, "Friday" if "Friday" in sentence else "Monday")
    words = made.rstrip("…").split()
    assert len(words) <= TITLE_WORDS
    assert words[-1].lower() not in {"will", "of", "the", "to", "and", "a", "in", "on"}


def test_title_without_a_date_is_the_main_clause():
    sentence = "In a surprise move, the central bank has cut its main rate, citing weak demand."
    assert make_title(sentence) == "The central bank has cut its main rate"


def test_title_takes_no_word_the_sentence_does_not_have():
    sentence = "Details of the merger, agreed in secret in August, were leaked to reporters."
    made = title(sentence, "August")
    assert set(made.lower().split()) <= set(sentence.lower().replace(",", "").split())


def test_main_clause_skips_opening_phrase_and_apposition():
    sentence = "On Friday, the mayor, Helen Achterberg, announced an inquiry, saying so."
    assert main_clause(sentence, expression_text="Friday") == "The mayor announced an inquiry"


def test_main_clause_skips_a_date_that_opens_the_sentence_with_its_commas():
    sentence = "From June 2 to June 6, 2025, the bridge was closed to traffic."
    assert (
        main_clause(sentence, expression_text="June 2 to June 6, 2025")
        == "The bridge was closed to traffic"
    )
