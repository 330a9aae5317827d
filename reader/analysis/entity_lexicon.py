"""Closed word classes the entity rules lean on: grammar words, titles, name heads.

These are small hand-kept lists of English *function* vocabulary (determiners,
honorifics, organisation and place head nouns). Open-ended knowledge — places,
countries, given names — comes from data packages through ``gazetteer``.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that start sentences and are never names on their own (lower-cased).
FUNCTION_WORDS = word_set(
    """
    a an the this that these those there here it its it's he she they we i you him her them us our
    his their my your me who whom whose which what when where why how whether if unless until while
    whilst although though because since as so than then thus hence therefore however moreover
    furthermore meanwhile nevertheless nonetheless otherwise instead also still yet even just only
    and or but nor for of in on at by to from with without within into onto upon about above below
    after before during between among amid amidst against across along around through throughout
    over under despite via per toward towards beyond near off out up down like unlike
    all any some no none each every both either neither many much more most few several other
    another such same own one two three four five six seven eight nine ten first second third
    last next not never always often sometimes usually already again once twice perhaps maybe
    former interim acting indeed overall instead today yesterday tomorrow tonight now later earlier recently currently
    finally eventually initially originally additionally similarly likewise accordingly consequently
    ultimately clearly obviously apparently reportedly allegedly increasingly specifically
    generally particularly especially notably importantly interestingly unfortunately fortunately
    according regarding including following given based asked told said says say says
    nothing everything something anything nobody everybody somebody anybody everyone someone anyone
    hurrah hurray hooray bravo
    is are was were be been being am do does did done have has had having will would shall should
    can could may might must ought let lets yes no oh ah eh ha hm alas hey hello well please thanks
    thank ok okay mr mrs ms
    dear sir madam chapter part book section volume page figure table note notes see
    """
)

ORDINAL_WORDS = word_set("first second third fourth fifth sixth seventh eighth ninth tenth half total")

# Honorifics and office titles that precede a name; stripped from the name, kept as role.
TITLES = word_set(
    """
    mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. professor sir dame lord lady
    sen sen. senator rep rep. representative congressman congresswoman councilman councilwoman
    gov gov. governor lt lt. gen gen. col col. maj maj. capt capt. sgt sgt. adm adm. cmdr
    president vice premier chancellor minister secretary attorney general judge justice
    mayor sheriff ambassador commissioner chairman chairwoman chair speaker
    king queen prince princess emperor empress pope bishop archbishop cardinal rev rev. father
    sister brother rabbi imam sheikh saint st st. chief director coach captain officer monsieur
    madame mademoiselle herr frau señor signor field marshal
    detective inspector deputy agent prime admiral assistant associate undersecretary ceo cfo colonel major sergeant lieutenant corporal private
    count countess duke duchess baron baroness marquis princess tsar czar
    """
)
# Titles that take a portfolio word before them ("Agriculture Secretary", "Foreign Minister").
PORTFOLIO_TITLES = word_set("secretary minister commissioner undersecretary spokesman spokeswoman")
# Titles that are honorifics only (a role from an appositive beats them).
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. sir dame lord lady rev rev.")
# Title words that only count as a title when another title word or a name follows.
WEAK_TITLES = word_set(
    "general chief director officer agent saint st st. father sister brother count major private field"
)

# Person-name particles written in lower case inside names.
PARTICLES = word_set("de da das do dos du del della di van von der den ter bin ibn al el la le y")

# Last words that make a name an organisation.
ORG_HEADS = word_set(
    """
    inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv gmbh lp llp group holdings company
    corporation incorporated association associates agency administration department ministry bureau
    office service services center centre institute institution university college school academy
    foundation fund trust alliance coalition council committee commission board authority
    federation union league club society organization organisation network party parliament
    congress senate assembly court tribunal police army navy force forces guard command bank bancorp
    exchange airlines airline airways motors industries systems technologies labs laboratories
    news times post journal herald tribune gazette press magazine review daily telegraph television
    radio broadcasting media records studios pictures partners capital securities investments
    insurance pharmaceuticals energy oil petroleum telecom communications church mission hospital
    clinic project initiative program programme campaign caucus secretariat commerce reserve
    forum cabinet treasury pentagon government regime junta team fc united rovers wanderers athletic
    """
)
# Heads after which "of", "for", "on", "to" continue the same name ("Department of State").
OF_HEADS = ORG_HEADS | word_set(
    """
    house chamber museum library society order republic kingdom state states province university
    bank secretary minister ministry war battle act law bill treaty charter declaration
    authorization convention day cup championship games festival prize award statue tower gulf bay
    sea isle isles island islands cape lake mount mountains river straits strait port duke prince
    king queen earl bishop archbishop mayor governor president church cathedral federation
    """
)
# Company suffixes: "Kia Motor Corp of South Korea" is a company *in* a place.
COMPANY_SUFFIXES = word_set(
    "inc inc. corp corp. co co. ltd ltd. llc plc ag sa nv gmbh lp llp bancorp holdings"
)
# Heads after which "on" / "to" continue a name ("War on Drugs", "Center to Prevent Gun Violence").
ON_HEADS = word_set("war commission committee conference council convention summit task force panel")
TO_HEADS = word_set(
    "center centre committee campaign fund coalition alliance foundation project league society"
)

# Last words that make a name a place.
PLACE_HEADS = word_set(
    """
    street st. road avenue ave boulevard lane square park bridge river lake sea ocean bay gulf
    mountain mountains mount hills valley island islands isle peninsula coast desert forest
    county province region district city town village hemisphere canyon falls airport
    station harbour harbor strait straits channel plains border heights springs beach
    """
)
# First words that make a name a place ("Fort Hancock", "San Diego").
PLACE_PREFIXES = word_set(
    "fort mount lake port cape san santa santo sao são saint st. st los las el new north south east west upper lower greater"
)
# Last words of laws, events and other named things that are not people, places or orgs.
MISC_HEADS = word_set(
    """
    act law bill treaty accord accords agreement convention doctrine amendment war wars battle
    cup championship championships open games olympics tournament series prize award awards
    festival day week summit conference plan program programme strategy crisis revolution era
    fellowship scholarship movement medal trophy
    """
)
# First words of laws, operations and wars ("War on Drugs", "Authorization for Use of ...").
MISC_FIRST = word_set("authorization war battle operation treaty")

MONTHS = word_set("january february march april may june july august september october november december")
MONTH_ABBREVS = word_set(
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec."
)
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")

# Political groups written as plural proper nouns.
GROUP_WORDS = word_set(
    """
    republicans democrats conservatives liberals democrat republican democratic tories socialists communists
    labourites greens libertarians progressives
    """
)

# Role head nouns: an appositive whose head is one of these is a role.
ROLE_NOUNS = word_set(
    """
    founder cofounder co-founder director president chairman chairwoman chair chief head leader
    spokesman spokeswoman spokesperson secretary minister senator representative governor mayor
    expert analyst professor researcher scientist economist historian lawyer attorney advocate
    writer editor author journalist reporter columnist correspondent member fellow manager officer
    executive ceo cfo coo partner adviser advisor consultant strategist official commissioner
    ambassador judge justice coordinator organizer organiser activist candidate nominee
    speaker teacher student doctor physician nurse toxicologist chemist pharmacist investigator
    agent detective sheriff owner publisher producer host anchor coach captain player striker
    midfielder defender goalkeeper manager champion winner leader deputy aide assistant associate
    vice staff staffer staffers confidant confidante representative delegate envoy negotiator veteran survivor mother
    father son daughter wife husband sister brother friend resident citizen worker employee
    """
)
ROLE_SUFFIXES = ("or", "er", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")

# Words that open a clause, not an appositive, after "Name,".
NOT_APPOSITIVE = word_set(
    """
    who which that said says told added asked continued argued wrote and but or as if when while
    where after before because although though since so however meanwhile he she they it we i you
    according including like unlike with without in on at by for from to of not also too whom whose
    has had have is was were are will would could should may might did does do been being
    """
)

# Widely known acronyms and their long forms (linked even when the text never spells them out).
WELL_KNOWN_ACRONYMS = {
    "US": ("United States", "PLACE"),
    "U.S.": ("United States", "PLACE"),
    "USA": ("United States", "PLACE"),
    "U.S.A.": ("United States", "PLACE"),
    "UK": ("United Kingdom", "PLACE"),
    "U.K.": ("United Kingdom", "PLACE"),
    "UAE": ("United Arab Emirates", "PLACE"),
    "EU": ("European Union", "ORG"),
    "E.U.": ("European Union", "ORG"),
    "UN": ("United Nations", "ORG"),
    "U.N.": ("United Nations", "ORG"),
    "NATO": ("North Atlantic Treaty Organization", "ORG"),
    "FBI": ("Federal Bureau of Investigation", "ORG"),
    "CIA": ("Central Intelligence Agency", "ORG"),
    "NSA": ("National Security Agency", "ORG"),
    "DEA": ("Drug Enforcement Administration", "ORG"),
    "ATF": ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "ORG"),
    "CBP": ("Customs and Border Protection", "ORG"),
    "DHS": ("Department of Homeland Security", "ORG"),
    "FDA": ("Food and Drug Administration", "ORG"),
    "CDC": ("Centers for Disease Control and Prevention", "ORG"),
    "EPA": ("Environmental Protection Agency", "ORG"),
    "IRS": ("Internal Revenue Service", "ORG"),
    "NASA": ("National Aeronautics and Space Administration", "ORG"),
    "WHO": ("World Health Organization", "ORG"),
    "IMF": ("International Monetary Fund", "ORG"),
    "WTO": ("World Trade Organization", "ORG"),
    "OPEC": ("Organization of the Petroleum Exporting Countries", "ORG"),
    "GAO": ("Government Accountability Office", "ORG"),
    "DOJ": ("Department of Justice", "ORG"),
    "GOP": ("Republican Party", "ORG"),
    "DNC": ("Democratic National Committee", "ORG"),
    "RNC": ("Republican National Committee", "ORG"),
}
# Country-like acronyms are places; the rest of the all-caps words default to organisations.
PLACE_ACRONYMS = frozenset(k for k, (_, t) in WELL_KNOWN_ACRONYMS.items() if t == "PLACE")
