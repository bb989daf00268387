"""Kinds of news event, each a set of facts with a Norwegian and an English wording.

A fact's nb and en variants say the same thing with the same slot values, so articles in
the two languages about one story have true counterparts, while articles about another
story of the same kind share the wording but not the names and numbers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks import corpus_slots as s
from benchmarks import corpus_values as v


@dataclass(frozen=True, slots=True)
class Fact:
    """One reportable fact. For a quote (``speaker`` set) the texts are the words said."""

    key: str
    #: How likely an article about the story is to report this fact.
    share: float
    nb: tuple[str, ...]
    en: tuple[str, ...]
    speaker: str | None = None
    caption: bool = False


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    make_slots: Callable[[random.Random, dt.date, str], s.Slots]
    #: The first fact is the lead every article opens with.
    facts: tuple[Fact, ...]
    headlines: dict[str, tuple[str, ...]]
    headings: dict[str, tuple[str, ...]]
    #: Sentences with fresh random values, found in one article only.
    filler: dict[str, tuple[str, ...]]
    #: Countries this kind of story happens in; None for anywhere.
    countries: tuple[str, ...] | None = None
    #: Days of the week (0 = Monday) it happens on.
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)


def _base(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    where = v.make_place(rng, code)
    slots = s.place(where)
    slots["day"] = s.day(day)
    slots["day2"] = s.day(day + dt.timedelta(days=1), "weekday")
    previous = day - dt.timedelta(days=1)
    while previous.weekday() > 4:  # the last trading day before
        previous -= dt.timedelta(days=1)
    slots["prevday"] = s.day(previous, "weekday")
    return slots


def _company(rng: random.Random, code: str) -> str:
    nordic = code in ("NO", "SE", "DK", "FI", "IS")
    root = rng.choice(
        ("Nordvik", "Fjordhav", "Polarlys", "Vestkyst", "Skagerak", "Tindra", "Havbris",
         "Stålberg", "Granitt", "Kystnett", "Isfjord", "Brattli", "Lysaker", "Fosen")
        if nordic
        else ("Kestrel", "Brightwater", "Altmark", "Veridian", "Castellan", "Meridian",
              "Solenne", "Halcyon", "Ironbridge", "Lumora", "Redwood", "Aquila", "Vantage",
              "Orbis", "Calder", "Marchetti")
    )
    sector = rng.choice(
        ("Energi", "Shipping", "Bygg", "Data", "Seafood", "Logistikk", "Medical",
         "Eiendom", "Kraft", "Industrier")
        if nordic
        else ("Energy", "Logistics", "Holdings", "Systems", "Therapeutics", "Foods",
              "Telecom", "Minerals", "Robotics", "Materials")
    )
    suffix = {"NO": "ASA", "SE": "AB", "DK": "A/S", "DE": "AG", "GB": "plc", "FR": "SA"}
    if rng.random() < 0.3 and code in suffix:
        return f"{root} {sector} {suffix[code]}"
    return f"{root} {sector}"


def _storm_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    deaths = rng.randint(1, 9)
    evacuated = rng.randrange(100, 4000, 50)
    slots.update(
        storm=s.same(rng.choice(("Ingunn", "Gyda", "Hans", "Dagmar", "Ole", "Berit",
                                 "Frida", "Nina", "Tor", "Elsa", "Ylva", "Knut", "Åsta"))),
        households=s.number(rng.randrange(2000, 90000, 500)),
        wind=s.same(str(rng.randint(24, 46))),
        deaths=s.number(deaths, deaths + rng.randint(1, 3)),
        evacuated=s.number(evacuated, evacuated + rng.randrange(50, 600, 50)),
        flights=s.number(rng.randint(12, 240)),
        rain=s.same(str(rng.randint(60, 190))),
        record_year=s.same(str(rng.randint(1957, 2012))),
        damage=s.money(v.round_money(rng, 8e7, 2.5e9), v.currency_for(code)),
        roads=s.number(rng.randint(6, 80)),
        **s.person("mayor", v.make_person(rng, code), "ordfører", "Mayor"),
        **s.person("met", v.make_person(rng, code), "vakthavende meteorolog",
                   "duty meteorologist"),
        **s.leader("pm", v.make_person(rng, code), code),
    )
    return slots


STORM = EventType(
    "storm",
    _storm_slots,
    (
        Fact("lead", 1.0,
             ("Ekstremværet {storm} har gjort at {households} husstander er uten strøm i og "
              "rundt {city} {day}.",
              "Over {households} husstander mistet strømmen da ekstremværet {storm} traff "
              "{city} {day}."),
             ("Storm {storm} has left {households} households without power in and around "
              "{city} on {day}.",
              "More than {households} households lost power when Storm {storm} hit {city} "
              "on {day}.")),
        Fact("wind", 0.75,
             ("Vinden nådde {wind} meter per sekund i de kraftigste kastene, ifølge "
              "meteorologene.",
              "I kastene ble det målt {wind} meter per sekund, opplyser Meteorologisk "
              "institutt."),
             ("Gusts reached {wind} metres per second at the height of the storm, "
              "forecasters said.",
              "Wind speeds of {wind} metres per second were measured in the strongest gusts, "
              "the meteorological institute said.")),
        Fact("deaths", 0.8,
             ("Minst {deaths} personer har omkommet i uværet, bekrefter politiet.",
              "Politiet bekrefter at {deaths} mennesker har mistet livet som følge av "
              "uværet."),
             ("At least {deaths} people have died in the storm, police confirmed.",
              "Police confirmed that {deaths} people had been killed as a result of the "
              "storm.")),
        Fact("evacuated", 0.6,
             ("Rundt {evacuated} beboere er evakuert fra hjemmene sine i {city} på grunn av "
              "faren for flom og ras.",
              "Myndighetene har evakuert om lag {evacuated} mennesker fra utsatte områder i "
              "{city}."),
             ("Around {evacuated} residents have been evacuated from their homes in {city} "
              "because of the risk of flooding and landslides.",
              "Authorities have evacuated about {evacuated} people from exposed areas of "
              "{city}.")),
        Fact("flights", 0.5,
             ("Totalt ble {flights} flyavganger fra lufthavnen i {city} innstilt i løpet av "
              "dagen.",
              "Flyplassen i {city} måtte innstille {flights} avganger på grunn av vinden."),
             ("A total of {flights} departures from {city} airport were cancelled during "
              "the day.",
              "The airport in {city} had to cancel {flights} departures because of the "
              "wind.")),
        Fact("rain", 0.5,
             ("Det falt {rain} millimeter nedbør i {city} i løpet av ett døgn, det meste "
              "siden {record_year}.",
              "På ett døgn ble det målt {rain} millimeter nedbør i {city}, som er mest siden "
              "{record_year}."),
             ("In 24 hours, {rain} millimetres of rain fell in {city}, the most since "
              "{record_year}.",
              "Some {rain} millimetres of rain were recorded in {city} over 24 hours, the "
              "highest figure since {record_year}.")),
        Fact("damage", 0.45,
             ("Forsikringsbransjen anslår at skadene vil koste rundt {damage}.",
              "Skadene etter uværet er foreløpig anslått til {damage}, ifølge "
              "forsikringsselskapene."),
             ("The insurance industry estimates the damage will cost around {damage}.",
              "Damage from the storm has been provisionally estimated at {damage}, "
              "according to insurers.")),
        Fact("warning", 0.6,
             ("Meteorologene har sendt ut rødt farevarsel for {city} og omegn fram til "
              "{day2}.",
              "Det røde farevarselet for området rundt {city} gjelder til og med {day2}."),
             ("Forecasters have issued a red warning for {city} and the surrounding area "
              "until {day2}.",
              "The red weather warning for the area around {city} remains in force until "
              "{day2}.")),
        Fact("roads", 0.5,
             ("Minst {roads} veier er stengt etter ras og trær som har blåst over ende.",
              "Vegvesenet melder at {roads} veier er stengt på grunn av ras og nedfalne "
              "trær."),
             ("At least {roads} roads have been closed by landslides and fallen trees.",
              "The roads authority said {roads} roads were closed because of landslides "
              "and fallen trees.")),
        Fact("schools", 0.4,
             ("Alle skoler og barnehager i {city} holder stengt {day2}.",
              "Kommunen har bestemt at skolene i {city} skal holde stengt {day2}."),
             ("All schools and nurseries in {city} will stay closed on {day2}.",
              "The municipality has decided that schools in {city} will remain closed on "
              "{day2}.")),
        Fact("mayor_quote", 0.6,
             ("Dette er det verste uværet vi har opplevd her på flere tiår",),
             ("This is the worst storm we have experienced here in decades",),
             speaker="mayor"),
        Fact("met_quote", 0.5,
             ("Vi ber folk holde seg innendørs og ikke legge ut på unødvendige reiser",),
             ("We are asking people to stay indoors and avoid unnecessary travel",),
             speaker="met"),
        Fact("pm", 0.35,
             ("{pm_t} sier at staten vil stille opp for kommunene som er rammet.",
              "{pm_t} lover at staten skal dekke ekstrakostnadene for de rammede "
              "kommunene."),
             ("{pm_t} said the state would support the municipalities that have been "
              "affected.",
              "{pm_t} promised that the state would cover the extra costs of the affected "
              "municipalities.")),
        Fact("caption_waves", 0.3,
             ("Store bølger slo inn over kaiområdet i {city} {day}.",),
             ("Huge waves crashed over the harbour front in {city} on {day}.",),
             caption=True),
        Fact("caption_mayor", 0.2,
             ("{mayor_t} orienterte om situasjonen i {city} {day}.",),
             ("{mayor_t} briefs the media on the situation in {city} on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{storm} herjer: {households} uten strøm", "Ekstremvær rammet {city}"),
        "en": ("Storm {storm} leaves {households} households without power",
               "Deadly storm batters {city}"),
    },
    headings={
        "nb": ("Rødt farevarsel", "Stengte veier", "Verste på flere tiår", "Ber folk holde "
               "seg inne", "Store skader"),
        "en": ("Red warning", "Roads closed", "'Worst in decades'", "Stay indoors",
               "Heavy damage"),
    },
    filler={
        "nb": (
            "Forrige gang {city} ble rammet av et lignende uvær var i {ryear}, da {rn} hus "
            "fikk skader.",
            "{rp}, som driver en butikk i sentrum, forteller at vannet sto flere centimeter "
            "over gulvet.",
            "Ifølge {rorg} har antallet ekstremværhendelser økt med {rpct} de siste tjue "
            "årene.",
            "Mannskaper fra {rcity} ble sendt for å hjelpe til med ryddearbeidet utover "
            "kvelden.",
            "{rp} fra nettselskapet sier det kan ta flere dager før alle får strømmen "
            "tilbake.",
            "Klimaforsker {rp} påpeker at varmere hav gir mer energi til stormene.",
            "Nettselskapet har satt inn {rn_small} ekstra lag for å reparere linjene rundt "
            "{city}.",
            "I {rcity} blåste taket av en idrettshall, men ingen ble skadet.",
            "Over {rn} lynnedslag ble registrert i løpet av natten, ifølge {rorg}.",
        ),
        "en": (
            "The last time {city} was hit by a storm of this kind was in {ryear}, when "
            "{rn} homes were damaged.",
            "{rp}, who runs a shop in the town centre, said the water had risen several "
            "centimetres above the floor.",
            "According to {rorg}, the number of extreme weather events has risen by {rpct} "
            "over the past twenty years.",
            "Crews from {rcity} were sent to help with the clean-up during the evening.",
            "{rp} of the grid operator said it could take several days before everyone has "
            "power again.",
            "Climate scientist {rp} pointed out that warmer seas give storms more energy.",
            "The grid operator has deployed {rn_small} extra crews to repair lines around "
            "{city}.",
            "In {rcity}, the roof was blown off a sports hall, but no one was injured.",
            "More than {rn} lightning strikes were recorded during the night, according to "
            "{rorg}.",
        ),
    },
)


_NO_PARTIES = (
    ("Arbeiderpartiet", "the Labour Party"), ("Høyre", "the Conservative Party"),
    ("Senterpartiet", "the Centre Party"), ("Fremskrittspartiet", "the Progress Party"),
    ("Venstre", "the Liberal Party"), ("SV", "the Socialist Left Party"),
    ("Miljøpartiet De Grønne", "the Green Party"), ("KrF", "the Christian Democrats"),
)
_PARTIES = (
    ("sosialdemokratene", "the Social Democrats"), ("de konservative", "the Conservatives"),
    ("De grønne", "the Greens"), ("liberalerne", "the Liberals"),
    ("Folkepartiet", "the People's Party"), ("Frihetspartiet", "the Freedom Party"),
    ("Sentrumsalliansen", "the Centre Alliance"), ("Venstrealliansen", "the Left Alliance"),
)
_ISSUES = (
    ("strømprisene", "electricity prices"), ("boligmangelen", "the housing shortage"),
    ("innvandring", "immigration"), ("helsekøene", "hospital waiting lists"),
    ("klimapolitikken", "climate policy"), ("de økende levekostnadene", "the rising cost of "
                                            "living"),
    ("skattenivået", "the level of taxation"), ("forsvaret", "defence spending"),
)


def _election_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    winner, loser, partner = rng.sample(_NO_PARTIES if code == "NO" else _PARTIES, 3)
    win = round(rng.uniform(24, 38), 1)
    lose = round(rng.uniform(12, win - 2), 1)
    total = 169 if code == "NO" else rng.choice((101, 120, 150, 179, 200, 349))
    foreign = rng.choice([c for c in ("SE", "DK", "FI", "DE", "FR", "GB") if c != code])
    slots.update(
        winner=s.fixed(*winner), loser=s.fixed(*loser), partner=s.fixed(*partner),
        winner_pct=s.pct(win), loser_pct=s.pct(lose),
        prev_pct=s.pct(round(lose + rng.uniform(2, 9), 1)),
        seats=s.number(round(total * win / 100 * 1.15)), total_seats=s.number(total),
        turnout=s.pct(round(rng.uniform(58, 82), 1)),
        fx=s.pct(round(rng.uniform(0.3, 1.9), 1)),
        parliament=s.fixed("Stortinget", "the Storting") if code == "NO"
        else s.fixed("nasjonalforsamlingen", "parliament"),
        issue=s.fixed(*rng.choice(_ISSUES)),
        **s.person("winner_leader", v.make_person(rng, code), "partileder", "party leader"),
        **s.leader("incumbent", v.make_person(rng, code), code),
        **s.leader("foreign", v.make_person(rng, foreign), foreign),
    )
    return slots


ELECTION = EventType(
    "election",
    _election_slots,
    (
        Fact("lead", 1.0,
             ("{winner} vant valget i {country} {day} med {winner_pct} av stemmene.",
              "{winner} ble største parti ved valget i {country} {day} og fikk {winner_pct} "
              "av stemmene."),
             ("{winner} won the election in {country} on {day} with {winner_pct} of the "
              "vote.",
              "{winner} became the largest party in {country_gen} election on {day}, taking "
              "{winner_pct} of the vote.")),
        Fact("seats", 0.7,
             ("Partiet får dermed {seats} av de {total_seats} setene i {parliament}.",
              "Det gir {seats} mandater i {parliament}, som har {total_seats} seter."),
             ("That gives the party {seats} of the {total_seats} seats in {parliament}.",
              "The result translates into {seats} seats in {parliament}, which has "
              "{total_seats} members.")),
        Fact("loser", 0.7,
             ("{loser}, som har hatt regjeringsmakten, falt til {loser_pct}.",
              "Regjeringspartiet {loser} endte på {loser_pct}, ned fra {prev_pct} ved "
              "forrige valg."),
             ("{loser}, which has been in government, fell to {loser_pct}.",
              "The governing party, {loser}, ended on {loser_pct}, down from {prev_pct} at "
              "the last election.")),
        Fact("turnout", 0.55,
             ("Valgdeltakelsen var {turnout}, ifølge valgmyndighetene.",
              "Valgmyndighetene opplyser at valgdeltakelsen endte på {turnout}."),
             ("Turnout was {turnout}, according to the election authorities.",
              "The election authorities said turnout came in at {turnout}.")),
        Fact("winner_quote", 0.65,
             ("Velgerne har gitt oss et klart mandat til å endre kurs",),
             ("The voters have given us a clear mandate to change course",),
             speaker="winner_leader"),
        Fact("concede", 0.55,
             ("{incumbent_t} innrømmet nederlaget sent på valgnatten.",
              "{incumbent_t} gratulerte vinneren og innrømmet nederlaget like etter "
              "midnatt."),
             ("{incumbent_t} conceded defeat late on election night.",
              "{incumbent_t} congratulated the winner and conceded defeat shortly after "
              "midnight.")),
        Fact("coalition", 0.5,
             ("{winner_leader} må trolig samarbeide med {partner} for å få flertall.",
              "For å sikre flertall vil {winner_leader_last} sannsynligvis måtte forhandle "
              "med {partner}."),
             ("{winner_leader} will probably have to work with {partner} to secure a "
              "majority.",
              "To secure a majority, {winner_leader_last} will likely need to negotiate "
              "with {partner}.")),
        Fact("talks", 0.4,
             ("Regjeringsforhandlingene skal etter planen starte {day2}.",
              "Forhandlingene om en ny regjering ventes å begynne allerede {day2}."),
             ("Coalition talks are scheduled to begin on {day2}.",
              "Negotiations on a new government are expected to start as early as {day2}.")),
        Fact("issue", 0.5,
             ("Valgkampen var preget av debatten om {issue}.",
              "Ifølge målingene var {issue} det viktigste temaet for velgerne i {country}."),
             ("The campaign was dominated by the debate over {issue}.",
              "According to polls, {issue} was the most important issue for voters in "
              "{country}.")),
        Fact("markets", 0.3,
             ("Valutaen styrket seg med {fx} mot euro etter at resultatet ble klart.",),
             ("The currency strengthened by {fx} against the euro after the result became "
              "clear.",)),
        Fact("congratulate", 0.35,
             ("{foreign_t} var blant de første som gratulerte {winner_leader_last} med "
              "seieren.",),
             ("{foreign_t} was among the first to congratulate {winner_leader_last} on the "
              "victory.",)),
        Fact("caption_winner", 0.35,
             ("{winner_leader_t} jubler på valgvaken i {city} {day}.",),
             ("{winner_leader_t} celebrates at the election night party in {city} on "
              "{day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{winner} vant valget", "Valgskred i {country}: {winner} størst"),
        "en": ("{winner} wins {country_gen} election", "Landslide in {country} as "
               "{winner} take {winner_pct}"),
    },
    headings={
        "nb": ("Krevende forhandlinger", "Historisk resultat", "Tapte terreng",
               "Gratulasjoner fra utlandet"),
        "en": ("Difficult talks ahead", "Historic result", "Losing ground",
               "Congratulations from abroad"),
    },
    filler={
        "nb": (
            "Ved valget i {ryear} fikk partiet bare {rpct} av stemmene.",
            "Statsviter {rp} mener resultatet viser at velgerne er mer flyktige enn før.",
            "I {rcity} var køene ved valglokalene lange allerede fra morgenen av.",
            "{rp} fra {rorg} påpeker at unge velgere stemte annerledes enn foreldrene.",
            "Valgforsker {rp} sier det er {rn_small} år siden forrige gang et parti gjorde "
            "et like sterkt valg.",
            "Rundt {rn_small} av de nye representantene til {winner} har aldri sittet i en "
            "folkevalgt forsamling før.",
            "{rp}, som stemte for første gang, sier {rp_pron} bestemte seg først i "
            "stemmeavlukket.",
            "Bare i {city} ble det avgitt {rn} forhåndsstemmer.",
            "Partiet brukte rundt {rmoney} på valgkampen, ifølge {rorg}.",
        ),
        "en": (
            "At the {ryear} election, the party won only {rpct} of the vote.",
            "Political scientist {rp} said the result showed that voters were more "
            "volatile than before.",
            "In {rcity}, queues at polling stations were long from early morning.",
            "{rp} of {rorg} pointed out that young voters had voted differently from "
            "their parents.",
            "Election researcher {rp} said it had been {rn_small} years since a party last "
            "did this well.",
            "Around {rn_small} of the new representatives for {winner} have never sat in an "
            "elected assembly before.",
            "{rp}, a first-time voter, said {rp_pron} only decided in the polling booth.",
            "In {city} alone, {rn} advance votes were cast.",
            "The party spent around {rmoney} on the campaign, according to {rorg}.",
        ),
    },
    weekdays=(0, 6),
)


def _deal_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    currency = v.currency_for(code)
    buyer = _company(rng, rng.choice((code, "GB", "US", "DE", "NO")))
    target = _company(rng, code)
    while target.split()[0] == buyer.split()[0]:
        target = _company(rng, code)
    price = v.round_money(rng, 4e8, 4e10)
    quarter = rng.randint(1, 4)
    year = day.year + (1 if quarter <= (day.month - 1) // 3 + 1 else 0)
    slots.update(
        buyer=s.same(buyer), target=s.same(target), price=s.money(price, currency),
        revenue=s.money(v.round_money(rng, price / 8, price / 2), currency),
        premium=s.pct(round(rng.uniform(12, 55), 1)),
        jump=s.pct(round(rng.uniform(9, 45), 1)),
        employees=s.number(rng.randrange(300, 24000, 50)),
        nations=s.number(rng.randint(3, 40)),
        cuts=s.number(rng.randrange(50, 900, 10)),
        quarter=s.fixed(f"{v.ordinal_word(quarter, 'nb')} kvartal {year}",
                        f"the {v.ordinal_word(quarter, 'en')} quarter of {year}"),
        bank=s.same(f"{rng.choice(('Nordhav', 'Carnegie', 'Halden', 'Arctic', 'Sterling'))} "
                    f"{rng.choice(('Markets', 'Securities', 'Bank', 'Partners'))}"),
        **s.person("ceo", v.make_person(rng, code), "konsernsjef", "chief executive"),
        **s.person("analyst", v.make_person(rng, code), "analytiker", "analyst"),
    )
    return slots


DEAL = EventType(
    "deal",
    _deal_slots,
    (
        Fact("lead", 1.0,
             ("{buyer} kjøper {target} for {price}, opplyste selskapet {day}.",
              "{buyer} har inngått avtale om å kjøpe {target} for {price}."),
             ("{buyer} is buying {target} for {price}, the company said on {day}.",
              "{buyer} has agreed to buy {target} for {price}.")),
        Fact("premium", 0.7,
             ("Budet tilsvarer en premie på {premium} sammenlignet med sluttkursen "
              "{prevday}.",
              "Det er {premium} over det aksjen ble omsatt for ved børsslutt {prevday}."),
             ("The offer represents a premium of {premium} over {prevday}'s closing price.",
              "That is {premium} above where the shares closed on {prevday}.")),
        Fact("jump", 0.6,
             ("Aksjen i {target} steg {jump} på børsen etter nyheten.",
              "{target}-aksjen steg med {jump} i tidlig handel."),
             ("Shares in {target} jumped {jump} on the stock exchange after the news.",
              "{target} shares rose {jump} in early trading.")),
        Fact("employees", 0.55,
             ("{target} har rundt {employees} ansatte fordelt på {nations} land.",
              "Selskapet som kjøpes opp, har {employees} ansatte i {nations} land."),
             ("{target} has around {employees} employees across {nations} countries.",
              "The company being acquired employs {employees} people in {nations} "
              "countries.")),
        Fact("ceo_quote", 0.6,
             ("Sammen blir vi bedre rustet til å konkurrere internasjonalt",),
             ("Together we will be better equipped to compete internationally",),
             speaker="ceo"),
        Fact("approval", 0.5,
             ("Oppkjøpet må godkjennes av konkurransemyndighetene og ventes å være "
              "gjennomført i løpet av {quarter}.",),
             ("The acquisition must be approved by competition authorities and is expected "
              "to close in {quarter}.",)),
        Fact("revenue", 0.5,
             ("{target} hadde i fjor en omsetning på {revenue}.",
              "I fjor omsatte {target} for {revenue}."),
             ("{target} had revenue of {revenue} last year.",
              "Last year {target} reported sales of {revenue}.")),
        Fact("cuts", 0.35,
             ("Ledelsen utelukker ikke at opptil {cuts} stillinger kan forsvinne.",),
             ("Management does not rule out that up to {cuts} jobs could go.",)),
        Fact("adviser", 0.3,
             ("{bank} er finansiell rådgiver for {buyer} i forbindelse med transaksjonen.",),
             ("{bank} is acting as financial adviser to {buyer} on the transaction.",)),
        Fact("analyst_quote", 0.45,
             ("Prisen er høy, men den strategiske logikken er god",),
             ("The price is high, but the strategic logic is sound",),
             speaker="analyst"),
        Fact("hq", 0.4,
             ("Hovedkontoret skal fortsatt ligge i {city}, ifølge selskapet.",),
             ("The headquarters will remain in {city}, according to the company.",)),
        Fact("unions", 0.35,
             ("De tillitsvalgte i {target} sier de er bekymret for arbeidsplassene i "
              "{city}.",),
             ("Employee representatives at {target} say they are worried about jobs in "
              "{city}.",)),
        Fact("caption_ceo", 0.3,
             ("{ceo_t} i {buyer} under pressekonferansen {day}.",),
             ("{buyer} {ceo_t} at the news conference on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{buyer} kjøper {target}", "Milliardoppkjøp: {buyer} sluker {target}"),
        "en": ("{buyer} to buy {target} for {price}", "{buyer} agrees {target} takeover"),
    },
    headings={
        "nb": ("Høy pris", "Bekymret for jobbene", "Må godkjennes", "Steg kraftig"),
        "en": ("Steep price", "Job fears", "Regulatory approval", "Shares surge"),
    },
    filler={
        "nb": (
            "Aksjen har falt med {rpct} hittil i år, i takt med resten av sektoren.",
            "{rp} i {rorg} mener flere oppkjøp i bransjen er ventet i årene som kommer.",
            "Selskapet ble grunnlagt i {rcity} i {ryear} og har vokst kraftig det siste "
            "tiåret.",
            "Analytikere har lenge pekt på {target} som et mulig oppkjøpsobjekt.",
            "{buyer} har gjennomført {rn_small} oppkjøp siden {ryear}.",
            "Styreleder {rp} i {target} anbefaler aksjonærene å takke ja til budet.",
            "Aksjonærer som representerer {rpct} av aksjene, har allerede sagt ja.",
            "I {ryear} forsøkte en konkurrent å kjøpe selskapet, men budet ble avvist av "
            "styret.",
            "Ifølge {rp} er det særlig tilgangen på kunder i utlandet som gjør selskapet "
            "attraktivt.",
        ),
        "en": (
            "The shares had fallen {rpct} so far this year, in line with the rest of the "
            "sector.",
            "{rp} of {rorg} said more deals in the industry were expected in the years "
            "ahead.",
            "The company was founded in {rcity} in {ryear} and has grown rapidly over the "
            "past decade.",
            "Analysts have long pointed to {target} as a possible takeover target.",
            "{buyer} has made {rn_small} acquisitions since {ryear}.",
            "{target} chair {rp} recommended that shareholders accept the offer.",
            "Shareholders representing {rpct} of the shares have already accepted.",
            "In {ryear}, a rival tried to buy the company, but its board rejected the "
            "offer.",
            "According to {rp}, access to customers abroad is what makes the company "
            "attractive.",
        ),
    },
    weekdays=(0, 1, 2, 3, 4),
)

_TOPICS = (
    ("klimasamarbeid", "climate cooperation"), ("energileveranser", "energy supplies"),
    ("handel og investeringer", "trade and investment"), ("sikkerhet i Arktis",
                                                        "Arctic security"),
    ("forskning og utdanning", "research and education"), ("migrasjon", "migration"),
)


def _summit_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    guest = rng.choice([c for c in v.COUNTRIES_ABROAD + ("NO",) if c != code])
    conflict = rng.choice([c for c in ("SD", "YE", "ML", "MM", "ET", "SY", "HT", "LY")])
    trade = v.round_money(rng, 2e9, 9e10)
    slots.update(
        guest_country=lambda c, g=guest: v.country_name(g, c.lang),
        hours=s.number(rng.randint(2, 6)),
        agreements=s.number(rng.randint(3, 14)),
        topic=s.fixed(*rng.choice(_TOPICS)),
        trade=s.money(trade, "USD"),
        trade_goal=s.money(v.round_money(rng, trade * 1.5, trade * 3), "USD"),
        goal_year=s.same(str(day.year + rng.randint(3, 8))),
        protesters=s.number(rng.randrange(200, 5000, 100)),
        conflict=lambda c, k=conflict: v.country_name(k, c.lang),
        **s.leader("host", v.make_person(rng, code), code),
        **s.leader("guest", v.make_person(rng, guest), guest),
    )
    return slots


SUMMIT = EventType(
    "summit",
    _summit_slots,
    (
        Fact("lead", 1.0,
             ("{guest_t} ankom {city} {day} for samtaler med {host_t}.",
              "{host_t} tok imot {guest_t} i {city} {day}."),
             ("{guest_t} arrived in {city} on {day} for talks with {host_t}.",
              "{host_t} welcomed {guest_t} in {city} on {day}.")),
        Fact("hours", 0.65,
             ("Lederne snakket sammen i {hours} timer bak lukkede dører.",
              "Samtalene mellom {host_last} og {guest_last} varte i {hours} timer."),
             ("The leaders talked for {hours} hours behind closed doors.",
              "The talks between {host_last} and {guest_last} lasted {hours} hours.")),
        Fact("agreements", 0.6,
             ("De to landene undertegnet {agreements} avtaler, blant annet om {topic}.",
              "Under besøket ble det signert {agreements} avtaler, deriblant én om "
              "{topic}."),
             ("The two countries signed {agreements} agreements, including one on "
              "{topic}.",
              "During the visit, {agreements} agreements were signed, among them one on "
              "{topic}.")),
        Fact("trade", 0.5,
             ("Handelen mellom {country} og {guest_country} var på {trade} i fjor.",),
             ("Trade between {country} and {guest_country} amounted to {trade} last "
              "year.",)),
        Fact("goal", 0.4,
             ("Målet er å øke handelen til {trade_goal} innen {goal_year}.",),
             ("The aim is to increase trade to {trade_goal} by {goal_year}.",)),
        Fact("invitation", 0.45,
             ("{guest_last} inviterte {host_last} til {guest_country} senere i år.",),
             ("{guest_last} invited {host_last} to visit {guest_country} later this "
              "year.",)),
        Fact("host_quote", 0.55,
             ("Samarbeidet vårt er viktigere enn noen gang",),
             ("Our cooperation is more important than ever",),
             speaker="host"),
        Fact("guest_quote", 0.45,
             ("Vi er enige om å styrke dialogen på alle nivåer",),
             ("We have agreed to strengthen dialogue at all levels",),
             speaker="guest"),
        Fact("protest", 0.35,
             ("Rundt {protesters} demonstranter samlet seg utenfor møtestedet i {city}.",),
             ("Around {protesters} protesters gathered outside the venue in {city}.",)),
        Fact("statement", 0.45,
             ("I en felles uttalelse ber landene om en fredelig løsning på konflikten i "
              "{conflict}.",),
             ("In a joint statement, the countries called for a peaceful solution to the "
              "conflict in {conflict}.",)),
        Fact("caption_handshake", 0.4,
             ("{host_p} og {guest_p} håndhilser i {city} {day}.",),
             ("{host_p} and {guest_p} shake hands in {city} on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{guest_last} på besøk hos {host_last}", "Toppmøte i {city}"),
        "en": ("{guest_last} meets {host_last} in {city}", "{city} summit yields "
               "{agreements} deals"),
    },
    headings={
        "nb": ("Nære bånd", "Kritikk fra opposisjonen", "Handel i vekst", "Felles "
               "uttalelse"),
        "en": ("Close ties", "Criticism at home", "Growing trade", "Joint statement"),
    },
    filler={
        "nb": (
            "Forrige gang de to lederne møttes var i {rcity} i {ryear}.",
            "{rp}, som forsker på utenrikspolitikk ved {rorg}, mener besøket er mest "
            "symbolsk.",
            "Menneskerettighetsorganisasjoner har bedt {host_last} ta opp situasjonen for "
            "politiske fanger med gjesten.",
            "{guest_last} skal også besøke {rcity} før hjemreisen.",
            "Delegasjonen fra {guest_country} består av {rn_small} ministre og en rekke "
            "næringslivsledere.",
            "Ifølge {rorg} har investeringene fra {guest_country} økt med {rpct} siden "
            "{ryear}.",
            "Ifølge {rp_last} har forholdet mellom landene vært anstrengt siden {ryear}.",
            "Sikkerhetstiltakene i sentrum av {city} var omfattende, med over {rn_small} "
            "hundre politifolk i sving.",
            "Besøket i {city} har vært planlagt i {rn_small} måneder, men datoen ble først "
            "kjent forrige uke.",
        ),
        "en": (
            "The two leaders last met in {rcity} in {ryear}.",
            "{rp}, who studies foreign policy at {rorg}, said the visit was mostly "
            "symbolic.",
            "Human rights groups had urged {host_last} to raise the situation of political "
            "prisoners with the guest.",
            "{guest_last} is also due to visit {rcity} before returning home.",
            "The delegation from {guest_country} includes {rn_small} ministers and a number "
            "of business leaders.",
            "According to {rorg}, investment from {guest_country} has risen by {rpct} since "
            "{ryear}.",
            "According to {rp_last}, relations between the countries have been strained "
            "since {ryear}.",
            "Security in central {city} was tight, with more than {rn_small} hundred police "
            "officers on duty.",
            "The visit to {city} had been planned for {rn_small} months, but the date only "
            "became known last week.",
        ),
    },
    weekdays=(0, 1, 2, 3, 4),
)


def _club(rng: random.Random, code: str) -> tuple[str, str]:
    nb, en = rng.choice(v.cities(code))
    if code == "NO":
        name = f"{nb} {rng.choice(('FK', 'IL', 'BK', 'SK'))}"
        return name, name
    pattern = rng.choice(("FC {}", "{} United", "Sporting {}", "{} City", "Dynamo {}"))
    return pattern.format(nb), pattern.format(en)


def _football_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    home = _club(rng, code)
    away = _club(rng, code)
    while away == home:
        away = _club(rng, rng.choice(v.COUNTRIES_ABROAD))
    nxt = _club(rng, code)
    goals_home = rng.randint(1, 5)
    goals_away = rng.randint(0, goals_home - 1)
    minute, minute2 = sorted(rng.sample(range(3, 90), 2))
    red = rng.randint(20, 88)
    position = rng.randint(1, 8)
    european = code != "NO" or rng.random() < 0.3
    dash = rng.choice(("–", "-"))
    slots.update(
        home=s.fixed(*home), away=s.fixed(*away), next_team=s.fixed(*nxt),
        score=lambda c: f"{goals_home}{dash if c.lang == 'nb' else '-'}{goals_away}",
        competition=s.fixed(*rng.choice(
            (("Champions League", "the Champions League"),
             ("Conference League", "the Conference League"),
             ("Europa League", "the Europa League"))))
        if european else s.fixed("Eliteserien", "Eliteserien"),
        minute=s.same(str(minute)), minute_en=s.same(v.ordinal_number(minute)),
        red_minute=s.same(str(red)), red_minute_en=s.same(v.ordinal_number(red)),
        attendance=s.number(rng.randrange(3000, 60000, 17)),
        position=lambda c: v.ordinal_word(position, c.lang),
        points=s.number(rng.randint(9, 60), words=False),
        streak=s.number(rng.randint(3, 9)),
        next_day=s.day(day + dt.timedelta(days=rng.choice((3, 4, 7))), "weekday"),
        **s.person("scorer", v.make_person(rng, code), "spiss", "striker"),
        **s.person("scorer2", v.make_person(rng, code), "midtbanespiller", "midfielder"),
        **s.person("sent_off", v.make_person(rng, code), "forsvarer", "defender"),
        **s.person("injured", v.make_person(rng, code), "keeper", "goalkeeper"),
        **s.person("coach", v.make_person(rng, code), "hovedtrener", "head coach"),
        **s.person("away_coach", v.make_person(rng, code), "trener", "coach"),
    )
    return slots


FOOTBALL = EventType(
    "football",
    _football_slots,
    (
        Fact("lead", 1.0,
             ("{home} slo {away} {score} i {competition} {day}.",
              "{home} vant {score} over {away} i {competition} {day}."),
             ("{home} beat {away} {score} in {competition} on {day}.",
              "{home} won {score} against {away} in {competition} on {day}.")),
        Fact("opener", 0.75,
             ("{scorer} sendte hjemmelaget i ledelsen etter {minute} minutter.",
              "{scorer_t} scoret kampens første mål i det {minute}. minutt."),
             ("{scorer} gave the home side the lead after {minute} minutes.",
              "{scorer_t} scored the opening goal in the {minute_en} minute.")),
        Fact("second", 0.45,
             ("{scorer2} doblet ledelsen for {home} like etter pause.",),
             ("{scorer2} doubled the lead for {home} shortly after half-time.",)),
        Fact("red", 0.45,
             ("{sent_off} fikk rødt kort i det {red_minute}. minutt.",
              "{away} måtte spille med ti mann etter at {sent_off} ble utvist etter "
              "{red_minute} minutter."),
             ("{sent_off} was sent off in the {red_minute_en} minute.",
              "{away} were reduced to ten men when {sent_off} was sent off after "
              "{red_minute} minutes.")),
        Fact("attendance", 0.5,
             ("Kampen ble sett av {attendance} tilskuere.",
              "Det var {attendance} tilskuere på tribunen."),
             ("The match was watched by {attendance} spectators.",
              "There were {attendance} fans in the stands.")),
        Fact("table", 0.5,
             ("Seieren betyr at {home} klatrer til {position}plass med {points} poeng.",),
             ("The win lifts {home} to {position} place with {points} points.",)),
        Fact("coach_quote", 0.6,
             ("Gutta ga alt i dag, og seieren var fortjent",),
             ("The players gave everything today, and we deserved the win",),
             speaker="coach"),
        Fact("away_quote", 0.4,
             ("Vi var ikke gode nok, så enkelt er det",),
             ("We were not good enough, it is as simple as that",),
             speaker="away_coach"),
        Fact("next", 0.4,
             ("{home} møter {next_team} på bortebane {next_day}.",),
             ("{home} travel to {next_team} on {next_day}.",)),
        Fact("injury", 0.35,
             ("{injured} måtte forlate banen med en kneskade før pause.",),
             ("{injured} had to leave the pitch with a knee injury before half-time.",)),
        Fact("streak", 0.4,
             ("{home} har nå vunnet {streak} kamper på rad.",),
             ("{home} have now won {streak} games in a row.",)),
        Fact("caption_goal", 0.35,
             ("{scorer} jubler etter scoringen mot {away} {day}.",),
             ("{scorer} celebrates after scoring against {away} on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{home} slo {away}", "Ny seier for {home}"),
        "en": ("{home} beat {away} {score}", "{home} make it {streak} in a row"),
    },
    headings={
        "nb": ("Tidlig scoring", "Rødt kort", "Skadesjokk", "Klatrer på tabellen"),
        "en": ("Early goal", "Red card", "Injury blow", "Climbing the table"),
    },
    filler={
        "nb": (
            "Lagene møttes sist i {ryear}, da bortelaget vant komfortabelt.",
            "{rp} hadde en stor sjanse tidlig i kampen, men skuddet gikk like utenfor.",
            "Supporterne av {home} hadde laget en stor tifo som dekket hele langsiden.",
            "Banen i {city} var tung etter mye regn i dagene før kampen.",
            "{home} har ikke tapt hjemme siden {rmonth} i fjor.",
            "{rp} kom inn fra benken og var nær ved å score i sluttminuttene.",
            "Billettene til kampen ble utsolgt på {rn_small} timer.",
            "Ifølge {rp_last} har klubben fått flere henvendelser om spillerne i "
            "overgangsvinduet.",
            "Dommer {rp} delte ut {rn_small} gule kort i løpet av kampen.",
        ),
        "en": (
            "The sides last met in {ryear}, when the visitors won comfortably.",
            "{rp} had a big chance early in the match, but the shot went just wide.",
            "{home} supporters had made a huge banner that covered the whole stand.",
            "The pitch in {city} was heavy after a lot of rain in the days before the "
            "match.",
            "{home} have not lost at home since last {rmonth}.",
            "{rp} came off the bench and nearly scored in the closing minutes.",
            "Tickets for the match sold out in {rn_small} hours.",
            "According to {rp_last}, the club has received several enquiries about its "
            "players during the transfer window.",
            "Referee {rp} showed {rn_small} yellow cards during the match.",
        ),
    },
    weekdays=(2, 3, 5, 6),
)

_CHARGES = (
    ("grovt bedrageri", "aggravated fraud"), ("grov korrupsjon", "gross corruption"),
    ("grovt ran", "aggravated robbery"), ("grov hvitvasking", "aggravated money laundering"),
    ("grovt underslag", "aggravated embezzlement"), ("grovt skattesvik", "aggravated tax "
                                                     "fraud"),
)


def _trial_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    age = rng.randint(23, 71)
    male = rng.random() < 0.75
    years = rng.randint(2, 14)
    arrested = day - dt.timedelta(days=rng.randint(200, 900))
    trial_start = day - dt.timedelta(days=rng.randint(30, 80))
    city = slots["city"]
    slots.update(
        defendant=s.fixed(f"en {age} år gammel {'mann' if male else 'kvinne'} fra ",
                          f"a {age}-year-old {'man' if male else 'woman'} from "),
        defendant_short=s.fixed(f"{age}-åringen", f"the {age}-year-old"),
        defendant_noun=s.fixed("mannen" if male else "kvinnen", "the man" if male else
                               "the woman"),
        court=(lambda c: f"{city(c)} tingrett") if code == "NO"
        else (lambda c: f"en domstol i {city(c)}" if c.lang == "nb" else
              f"a court in {city(c)}"),
        charge=s.fixed(*rng.choice(_CHARGES)),
        years=s.number(years), demanded=s.number(years + rng.randint(1, 4)),
        amount=s.money(v.round_money(rng, 2e6, 3e8), v.currency_for(code)),
        compensation=s.money(v.round_money(rng, 2e5, 2e7), v.currency_for(code)),
        victims=s.number(rng.randint(4, 300)),
        appeal_weeks=s.number(rng.choice((2, 4))),
        trial_days=s.number(rng.randint(5, 40)),
        trial_month=s.month_of(trial_start),
        arrest_month=s.month_of(arrested), arrest_year=s.same(str(arrested.year)),
        **s.person("judge", v.make_person(rng, code), "tingrettsdommer", "Judge"),
        **s.person("prosecutor", v.make_person(rng, code), "statsadvokat", "prosecutor"),
        **s.person("defender", v.make_person(rng, code), "forsvarer", "defence lawyer"),
    )
    defendant = slots["defendant"]
    slots["defendant"] = lambda c: defendant(c) + city(c)
    return slots


TRIAL = EventType(
    "trial",
    _trial_slots,
    (
        Fact("lead", 1.0,
             ("{defendant} ble {day} dømt til {years} års fengsel for {charge} i {court}.",
              "{court} dømte {day} {defendant} til {years} års fengsel for {charge}."),
             ("{defendant} was sentenced to {years} years in prison for {charge} by {court} "
              "on {day}.",
              "On {day}, {court} sentenced {defendant} to {years} years in prison for "
              "{charge}.")),
        Fact("demanded", 0.6,
             ("Aktor hadde lagt ned påstand om {demanded} års fengsel.",
              "Påtalemyndigheten hadde krevd {demanded} års fengsel."),
             ("The prosecution had sought a sentence of {demanded} years.",
              "Prosecutors had demanded {demanded} years in prison.")),
        Fact("amount", 0.6,
             ("Ifølge dommen påførte {defendant_short} ofrene et tap på til sammen "
              "{amount}.",),
             ("According to the verdict, {defendant_short} caused the victims losses "
              "totalling {amount}.",)),
        Fact("victims", 0.45,
             ("Saken omfatter {victims} fornærmede, de fleste av dem pensjonister.",),
             ("The case involves {victims} victims, most of them pensioners.",)),
        Fact("appeal", 0.5,
             ("Forsvarer {defender} sier at klienten vurderer å anke dommen.",
              "{defendant_short} vurderer å anke, opplyser forsvarer {defender}."),
             ("Defence lawyer {defender} said the client was considering an appeal.",
              "{defendant_short} is considering an appeal, defence lawyer {defender} "
              "said.")),
        Fact("deadline", 0.3,
             ("Partene har {appeal_weeks} uker på seg til å anke.",),
             ("The parties have {appeal_weeks} weeks to appeal.",)),
        Fact("length", 0.4,
             ("Rettssaken gikk over {trial_days} dager i {trial_month}.",),
             ("The trial lasted {trial_days} days in {trial_month}.",)),
        Fact("plea", 0.5,
             ("{defendant_short} erkjente ikke straffskyld under rettssaken.",),
             ("{defendant_short} pleaded not guilty during the trial.",)),
        Fact("judge_quote", 0.45,
             ("Retten finner det bevist at tiltalte handlet med forsett",),
             ("The court finds it proven that the defendant acted with intent",),
             speaker="judge"),
        Fact("prosecutor_quote", 0.5,
             ("Dommen sender et tydelig signal om at slike lovbrudd straffes strengt",),
             ("The verdict sends a clear signal that such crimes are punished severely",),
             speaker="prosecutor"),
        Fact("compensation", 0.4,
             ("{defendant_short} må i tillegg betale {compensation} i erstatning.",),
             ("{defendant_short} must also pay {compensation} in compensation.",)),
        Fact("arrest", 0.4,
             ("{defendant_noun} ble pågrepet i {arrest_month} {arrest_year} etter en lang "
              "etterforskning.",),
             ("{defendant_noun} was arrested in {arrest_month} {arrest_year} after a "
              "lengthy investigation.",)),
        Fact("caption_defender", 0.3,
             ("{defender_t} i {court} {day}.",),
             ("{defender_t} at {court} on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{years} års fengsel for {charge}", "Dømt for {charge} i {city}"),
        "en": ("{years} years in prison for {charge}", "Court convicts {defendant_short} "
               "of {charge}"),
    },
    headings={
        "nb": ("Vurderer anke", "Store tap", "Nektet straffskyld", "Lang etterforskning"),
        "en": ("Appeal considered", "Heavy losses", "Pleaded not guilty", "Long "
               "investigation"),
    },
    filler={
        "nb": (
            "Rundt {rn_small} av de fornærmede var til stede i rettssalen i {city} da "
            "dommen ble lest opp.",
            "Etterforskningen omfattet over {rn} dokumenter, ifølge {rp_last}.",
            "{rp}, som mistet sparepengene sine, sier {rp_pron} aldri vil få pengene "
            "tilbake.",
            "Saken startet da {rorg} varslet politiet i {ryear}.",
            "{rp}, som er advokat for flere av ofrene, sier klientene er lettet.",
            "Saken har vært omtalt i mediene siden {ryear}.",
            "Ifølge {rorg} er det blitt vanligere med slike saker de siste årene.",
            "Under rettssaken forklarte {rn_small} vitner seg om hendelsesforløpet.",
            "Jussprofessor {rp} mener straffen er i tråd med tidligere rettspraksis.",
        ),
        "en": (
            "Around {rn_small} of the victims were present in the courtroom in {city} when "
            "the verdict was read.",
            "The investigation covered more than {rn} documents, according to {rp_last}.",
            "{rp}, who lost savings in the scheme, said {rp_pron} would never get the money "
            "back.",
            "The case began when {rorg} alerted the police in {ryear}.",
            "{rp}, a lawyer for several of the victims, said the clients were relieved.",
            "The case has been in the news since {ryear}.",
            "According to {rorg}, such cases have become more common in recent years.",
            "During the trial, {rn_small} witnesses gave evidence about the sequence of "
            "events.",
            "Law professor {rp} said the sentence was in line with previous case law.",
        ),
    },
    weekdays=(0, 1, 2, 3, 4),
)

_UNIONS = (
    ("Fellesforbundet", "the Fellesforbundet union", "industriarbeidere",
     "industrial workers", "bedrifter", "companies"),
    ("Yrkestrafikkforbundet", "the YTF transport union", "bussjåfører", "bus drivers",
     "passasjerer", "passengers"),
    ("Sykepleierforbundet", "the Norwegian Nurses Organisation", "sykepleiere", "nurses",
     "pasienter", "patients"),
    ("Utdanningsforbundet", "the Union of Education", "lærere", "teachers", "elever",
     "pupils"),
    ("Parat", "the Parat union", "flyteknikere", "aircraft technicians", "flypassasjerer",
     "air passengers"),
    ("Handel og Kontor", "the Commerce and Office Workers' Union", "butikkansatte",
     "shop workers", "kunder", "customers"),
)
_EMPLOYERS = (
    ("NHO", "the Confederation of Norwegian Enterprise (NHO)"),
    ("Spekter", "the employers' organisation Spekter"),
    ("KS", "the local government employers' association KS"),
    ("Virke", "the employers' organisation Virke"),
)


def _strike_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    union = rng.choice(_UNIONS)
    offer = round(rng.uniform(3.0, 5.0), 1)
    workers = rng.randrange(400, 25000, 100)
    slots.update(
        union=s.fixed(union[0], union[1]), workers_kind=s.fixed(union[2], union[3]),
        affected_kind=s.fixed(union[4], union[5]),
        employer=s.fixed(*rng.choice(_EMPLOYERS)),
        workers=s.number(workers, workers + rng.randrange(500, 4000, 100)),
        demand=s.pct(round(offer + rng.uniform(0.8, 2.5), 1)), offer=s.pct(offer),
        hours=s.number(rng.randint(14, 30), words=False),
        affected=s.number(rng.randrange(5000, 400000, 1000)),
        escalation=s.number(rng.randrange(200, 6000, 100)),
        exempt=s.number(rng.randrange(20, 900, 10)),
        cost=s.money(v.round_money(rng, 2e7, 6e8), "NOK"),
        last_year=s.same(str(rng.randint(1986, 2019))),
        **s.person("mediator", v.make_person(rng, "NO"), "riksmekler", "state mediator"),
        **s.person("union_leader", v.make_person(rng, "NO"), "forbundsleder",
                   "union leader"),
        **s.person("employer_head", v.make_person(rng, "NO"), "forhandlingssjef",
                   "chief negotiator"),
        **s.person("minister", v.make_person(rng, "NO"), "arbeidsminister",
                   "Labour Minister"),
    )
    return slots


STRIKE = EventType(
    "strike",
    _strike_slots,
    (
        Fact("lead", 1.0,
             ("Rundt {workers} {workers_kind} gikk ut i streik {day} etter at meklingen "
              "mellom {union} og {employer} brøt sammen.",
              "Meklingen mellom {union} og {employer} brøt sammen natt til {day}, og "
              "{workers} {workers_kind} er i streik."),
             ("Around {workers} {workers_kind} went on strike on {day} after mediation "
              "between {union} and {employer} broke down.",
              "Talks between {union} and {employer} collapsed overnight into {day}, and "
              "{workers} {workers_kind} are now on strike.")),
        Fact("demand", 0.65,
             ("Forbundet krever et lønnstillegg på {demand}, mens arbeidsgiverne har tilbudt "
              "{offer}.",),
             ("The union is demanding a pay rise of {demand}, while employers have offered "
              "{offer}.",)),
        Fact("hours", 0.5,
             ("Partene satt i mekling i {hours} timer før {mediator_t} avsluttet "
              "forhandlingene.",),
             ("The parties spent {hours} hours in mediation before {mediator_t} ended the "
              "talks.",)),
        Fact("affected", 0.55,
             ("Streiken rammer rundt {affected} {affected_kind} hver dag.",),
             ("The strike affects around {affected} {affected_kind} every day.",)),
        Fact("escalation", 0.45,
             ("Forbundet varsler opptrapping med {escalation} nye medlemmer fra {day2}.",),
             ("The union has announced it will escalate the strike with {escalation} more "
              "members from {day2}.",)),
        Fact("leader_quote", 0.6,
             ("Vi har strukket oss langt, men arbeidsgiverne ville ikke møte oss",),
             ("We went a long way, but the employers would not meet us",),
             speaker="union_leader"),
        Fact("employer_quote", 0.45,
             ("Kravene er urealistiske i dagens økonomiske situasjon",),
             ("The demands are unrealistic in the current economic situation",),
             speaker="employer_head"),
        Fact("cost", 0.35,
             ("Næringslivet anslår at streiken koster rundt {cost} per dag.",),
             ("Businesses estimate the strike is costing around {cost} a day.",)),
        Fact("last", 0.35,
             ("Det er første streik i sektoren siden {last_year}.",),
             ("It is the first strike in the sector since {last_year}.",)),
        Fact("exempt", 0.3,
             ("{exempt} ansatte er unntatt fra streiken for å sikre liv og helse.",),
             ("Some {exempt} employees are exempt from the strike to protect life and "
              "health.",)),
        Fact("arbitration", 0.3,
             ("{minister_t} sier regjeringen foreløpig ikke vurderer tvungen lønnsnemnd.",),
             ("{minister_t} said the government was not yet considering compulsory "
              "arbitration.",)),
        Fact("caption_picket", 0.35,
             ("Streikende {workers_kind} utenfor arbeidsplassen i {city} {day}.",),
             ("Striking {workers_kind} outside their workplace in {city} on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("Streik: {workers} {workers_kind} tatt ut", "Meklingen brøt sammen"),
        "en": ("{workers} {workers_kind} walk out in Norway", "Norway mediation fails, "
               "strike begins"),
    },
    headings={
        "nb": ("Langt fra hverandre", "Opptrapping", "Tvungen lønnsnemnd?", "Rammer mange"),
        "en": ("Far apart", "Escalation", "Compulsory arbitration?", "Wide impact"),
    },
    filler={
        "nb": (
            "Ved forrige lønnsoppgjør i {ryear} ble partene enige rett før fristen.",
            "{rp}, som har jobbet i bransjen i over {rn_small} år, sier kollegene er "
            "samlet.",
            "Streikevaktene i {city} hadde tent bål for å holde varmen.",
            "Arbeidslivsforsker {rp} ved {rorg} tror streiken kan bli langvarig.",
            "Ifølge {rp_last} har lønnsgapet til andre yrkesgrupper økt over tid.",
            "Streikekassen til {union} er solid, opplyser {rp_last}.",
            "I {rcity} har {rn_small} arbeidsplasser stengt helt på grunn av streiken.",
            "{rp}, som er tillitsvalgt i {city}, sier stemningen blant de streikende er "
            "god.",
            "Ifølge {rorg} har reallønnen i sektoren falt med {rpct} siden {ryear}.",
        ),
        "en": (
            "In the last wage round in {ryear}, the parties reached agreement just before "
            "the deadline.",
            "{rp}, who has worked in the industry for more than {rn_small} years, said "
            "colleagues were united.",
            "Pickets in {city} had lit fires to keep warm.",
            "Labour researcher {rp} at {rorg} said the strike could drag on.",
            "According to {rp_last}, the pay gap with other professions has grown over "
            "time.",
            "The strike fund of {union} is solid, {rp_last} said.",
            "In {rcity}, {rn_small} workplaces have closed completely because of the "
            "strike.",
            "{rp}, a shop steward in {city}, said the mood among the strikers was good.",
            "According to {rorg}, real wages in the sector have fallen by {rpct} since "
            "{ryear}.",
        ),
    },
    countries=("NO",),
)

_CENTRAL_BANKS = {
    "NO": ("Norges Bank", "Norges Bank", "kronen", "the crown", "euro", "the euro"),
    "SE": ("Riksbanken", "the Riksbank", "kronen", "the Swedish crown", "euro", "the euro"),
    "DK": ("Nationalbanken", "Danmarks Nationalbank", "kronen", "the Danish crown",
           "euro", "the euro"),
    "GB": ("Bank of England", "the Bank of England", "pundet", "sterling", "dollar",
           "the dollar"),
    "US": ("Federal Reserve", "the Federal Reserve", "dollaren", "the dollar", "euro",
           "the euro"),
    "DE": ("Den europeiske sentralbanken (ESB)", "the European Central Bank (ECB)",
           "euroen", "the euro", "dollar", "the dollar"),
}


def _rate_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    bank = _CENTRAL_BANKS[code]
    currency = v.currency_for(code)
    scale = 1 if currency in ("NOK", "SEK", "DKK") else 10
    old = rng.randrange(2, 21) * 0.25
    change = rng.choice((0.25, 0.25, 0.5))
    up = rng.random() < 0.5 or old - change <= 0
    new = old + change if up else old - change
    inflation = round(rng.uniform(2.4, 7.5), 1)
    last_month = (day.replace(day=1) - dt.timedelta(days=1))
    next_meeting = day + dt.timedelta(days=rng.choice((42, 49, 56)))
    surveyed = rng.randint(14, 32)
    slots.update(
        bank=s.fixed(bank[0], bank[1]), currency=s.fixed(bank[2], bank[3]),
        versus=s.fixed(bank[4], bank[5]),
        moved=s.fixed("hevet", "raised") if up else s.fixed("satte ned", "cut"),
        moved_it=s.fixed("hevet den", "raised it") if up else s.fixed("satte den ned",
                                                                       "cut it"),
        change=lambda c: v.points(change, c.lang),
        rate=lambda c: v.percent(new, c.lang, c.rng, 2),
        old_rate=lambda c: v.percent(old, c.lang, c.rng, 2),
        inflation=s.pct(inflation), inflation_month=s.month_of(last_month),
        target=s.pct(2.0),
        fx=s.pct(round(rng.uniform(0.2, 1.4), 1)),
        surveyed=s.number(surveyed, words=False),
        expected=s.number(rng.randint(surveyed // 2, surveyed), words=False),
        unemployment=s.pct(round(rng.uniform(1.6, 6.5), 1)),
        growth=s.pct(round(rng.uniform(0.2, 2.8), 1)),
        hold_year=s.same(str(day.year + 1)),
        loan=s.money(rng.choice((2e6, 3e6, 4e6)) / scale, currency),
        monthly=s.money(rng.randrange(400, 2400, 50) // scale, currency),
        next_month=s.month_of(next_meeting),
        **s.person("governor", v.make_person(rng, code), "sentralbanksjef", "Governor"),
        **s.person("economist", v.make_person(rng, code), "sjeføkonom", "chief economist"),
    )
    return slots


RATE = EventType(
    "rate",
    _rate_slots,
    (
        Fact("lead", 1.0,
             ("{bank} {moved} styringsrenten med {change} til {rate} {day}.",
              "Styringsrenten er nå {rate} etter at {bank} {moved_it} med {change} {day}."),
             ("{bank} {moved} its key policy rate by {change} to {rate} on {day}.",
              "The key policy rate now stands at {rate} after {bank} {moved_it} by "
              "{change} on {day}.")),
        Fact("old", 0.45,
             ("Renten har ligget på {old_rate} siden forrige rentemøte.",),
             ("The rate had been at {old_rate} since the previous meeting.",)),
        Fact("governor_quote", 0.6,
             ("Vi skal gjøre det som trengs for å få prisveksten tilbake til målet",),
             ("We will do what it takes to bring inflation back to target",),
             speaker="governor"),
        Fact("inflation", 0.65,
             ("Prisveksten var {inflation} i {inflation_month}, godt over målet på "
              "{target}.",
              "I {inflation_month} var inflasjonen {inflation}, mens målet er {target}."),
             ("Inflation was {inflation} in {inflation_month}, well above the target of "
              "{target}.",
              "In {inflation_month}, inflation stood at {inflation}, against a target of "
              "{target}.")),
        Fact("poll", 0.45,
             ("Av {surveyed} økonomer som nyhetsbyrået Reuters har spurt, hadde {expected} "
              "ventet beslutningen.",),
             ("Of {surveyed} economists polled by Reuters, {expected} had expected the "
              "decision.",)),
        Fact("currency", 0.4,
             ("{currency} styrket seg med {fx} mot {versus} etter rentebeslutningen.",),
             ("{currency} strengthened by {fx} against {versus} after the rate decision.",)),
        Fact("path", 0.4,
             ("Sentralbanken signaliserer at renten vil ligge på dette nivået ut {hold_year}.",),
             ("The central bank signalled that the rate would stay at this level through "
              "{hold_year}.",)),
        Fact("unemployment", 0.35,
             ("Den registrerte ledigheten er {unemployment}, ifølge de siste tallene.",),
             ("Registered unemployment stands at {unemployment}, according to the latest "
              "figures.",)),
        Fact("mortgage", 0.45,
             ("For en boligeier med {loan} i lån utgjør endringen rundt {monthly} i "
              "måneden.",),
             ("For a homeowner with a mortgage of {loan}, the change amounts to around "
              "{monthly} a month.",)),
        Fact("next", 0.35,
             ("Neste rentemøte er i {next_month}.",),
             ("The next rate meeting is in {next_month}.",)),
        Fact("economist_quote", 0.45,
             ("Dette var helt i tråd med forventningene",),
             ("This was entirely in line with expectations",),
             speaker="economist"),
        Fact("growth", 0.35,
             ("Sentralbanken venter at økonomien vokser med {growth} neste år.",),
             ("The central bank expects the economy to grow by {growth} next year.",)),
        Fact("caption_governor", 0.35,
             ("{governor_t} presenterte rentebeslutningen {day}.",),
             ("{governor_t} presents the rate decision on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("{bank} {moved} renten", "Renten er nå {rate}"),
        "en": ("{bank} {moved} rates to {rate}", "Rate decision: {bank} moves by "
               "{change}"),
    },
    headings={
        "nb": ("Høy prisvekst", "Dette betyr det for deg", "Ventet av økonomene",
               "Kronekurs"),
        "en": ("Stubborn inflation", "What it means for you", "As expected", "Currency "
               "moves"),
    },
    filler={
        "nb": (
            "Sist renten ble endret så mye på én gang var i {ryear}.",
            "{rp}, som er økonom i {rorg}, mener husholdningene vil merke endringen raskt.",
            "Boligprisene i {city} har steget med {rpct} det siste året.",
            "Hele {rpct} av bedriftene i {city} melder om svakere etterspørsel, ifølge den "
            "siste konjunkturundersøkelsen.",
            "{rp} i {rorg} tror neste endring kommer allerede i {rmonth}.",
            "Gjeldsveksten i husholdningene var {rpct} i fjor.",
            "Det er {rn_small} år siden styringsrenten sist var på dette nivået.",
            "Ifølge {rp_last} er det fortsatt stor usikkerhet om utviklingen i "
            "verdensøkonomien.",
            "Lønnsveksten i fjor var {rpct}, viser tall fra {rorg}.",
        ),
        "en": (
            "The last time the rate was changed this much in one go was in {ryear}.",
            "{rp}, an economist at {rorg}, said households would feel the change quickly.",
            "House prices in {city} have risen by {rpct} over the past year.",
            "As many as {rpct} of businesses in {city} report weaker demand, according to "
            "the latest business survey.",
            "{rp} of {rorg} expects the next change as early as {rmonth}.",
            "Household debt grew by {rpct} last year.",
            "It is {rn_small} years since the policy rate was last at this level.",
            "According to {rp_last}, there is still great uncertainty about the world "
            "economy.",
            "Wage growth last year was {rpct}, according to figures from {rorg}.",
        ),
    },
    countries=tuple(_CENTRAL_BANKS),
    weekdays=(2, 3),
)

_BUILDINGS = (
    ("et lagerbygg", "a warehouse", "Lagerbygget", "The warehouse"),
    ("en boligblokk", "an apartment block", "Boligblokken", "The apartment block"),
    ("et hotell", "a hotel", "Hotellet", "The hotel"),
    ("en skole", "a school", "Skolen", "The school"),
    ("et sykehjem", "a nursing home", "Sykehjemmet", "The nursing home"),
    ("et kjøpesenter", "a shopping centre", "Kjøpesenteret", "The shopping centre"),
)


def _fire_slots(rng: random.Random, day: dt.date, code: str) -> s.Slots:
    slots = _base(rng, day, code)
    building = rng.choice(_BUILDINGS)
    hour, minute = rng.randint(0, 5), rng.randint(0, 59)
    injured = rng.randint(1, 14)
    slots.update(
        building=s.fixed(building[0], building[1]),
        the_building=s.fixed(building[2], building[3]),
        alarm=lambda c: v.clock(hour, minute, c.lang, c.rng),
        firefighters=s.number(rng.randrange(20, 160, 5)),
        injured=s.number(injured, injured + rng.randint(1, 4)),
        evacuated=s.number(rng.randrange(20, 600, 10)),
        hours=s.number(rng.randint(2, 11)),
        area=s.number(rng.randrange(400, 12000, 50), words=False),
        built=s.same(str(rng.randint(1890, 1985))),
        engines=s.number(rng.randint(6, 30)),
        **s.person("chief", v.make_person(rng, code), "brannsjef", "fire chief"),
        **s.person("police", v.make_person(rng, code), "innsatsleder",
                   "police incident commander"),
    )
    return slots


FIRE = EventType(
    "fire",
    _fire_slots,
    (
        Fact("lead", 1.0,
             ("Det brøt ut brann i {building} i {city} natt til {day}.",
              "En kraftig brann herjet i {building} i {city} natt til {day}."),
             ("A fire broke out in {building} in {city} early on {day}.",
              "A major fire raged through {building} in {city} in the early hours of "
              "{day}.")),
        Fact("alarm", 0.55,
             ("Nødetatene fikk melding om brannen {alarm}.",),
             ("Emergency services were alerted to the fire {alarm}.",)),
        Fact("firefighters", 0.55,
             ("Rundt {firefighters} brannfolk var i arbeid på det meste.",),
             ("Around {firefighters} firefighters were at work at the height of the "
              "blaze.",)),
        Fact("injured", 0.75,
             ("Totalt {injured} personer ble fraktet til sykehus med røykskader.",
              "Politiet opplyser at {injured} personer er sendt til sykehus."),
             ("A total of {injured} people were taken to hospital suffering from smoke "
              "inhalation.",
              "Police said {injured} people had been taken to hospital.")),
        Fact("evacuated", 0.5,
             ("Rundt {evacuated} beboere i nabobyggene ble evakuert.",),
             ("Some {evacuated} residents of neighbouring buildings were evacuated.",)),
        Fact("control", 0.6,
             ("Brannvesenet fikk kontroll over brannen etter {hours} timer.",),
             ("Firefighters brought the blaze under control after {hours} hours.",)),
        Fact("cause", 0.5,
             ("Politiet kjenner foreløpig ikke til brannårsaken, og krimteknikere skal "
              "undersøke stedet {day2}.",),
             ("Police do not yet know what caused the fire, and forensic technicians will "
              "examine the site on {day2}.",)),
        Fact("area", 0.4,
             ("{the_building}, som er på rundt {area} kvadratmeter, regnes som totalskadd.",),
             ("{the_building}, which covers some {area} square metres, is considered a "
              "total loss.",)),
        Fact("chief_quote", 0.55,
             ("Det var svært krevende forhold på grunn av sterk vind og kraftig "
              "røykutvikling",),
             ("Conditions were very difficult because of strong winds and heavy smoke",),
             speaker="chief"),
        Fact("police_quote", 0.4,
             ("Vi ber alle som har observasjoner fra området om å kontakte oss",),
             ("We are asking anyone who saw anything in the area to contact us",),
             speaker="police"),
        Fact("built", 0.3,
             ("Bygningen ble oppført i {built} og skulle etter planen rehabiliteres neste "
              "år.",),
             ("The building was constructed in {built} and was due to be renovated next "
              "year.",)),
        Fact("engines", 0.35,
             ("Hele {engines} brannbiler fra nabokommunene ble sendt til stedet.",),
             ("As many as {engines} fire engines from neighbouring municipalities were "
              "sent to the scene.",)),
        Fact("caption_smoke", 0.4,
             ("Kraftig røyk fra brannen i {city} {day}.",),
             ("Thick smoke rises from the fire in {city} on {day}.",),
             caption=True),
    ),
    headlines={
        "nb": ("Storbrann i {city}", "Brann i {building}: {injured} til sykehus"),
        "en": ("Major fire in {city}", "{injured} hurt as fire hits {building} in {city}"),
    },
    headings={
        "nb": ("Evakuerte naboer", "Ukjent årsak", "Krevende slukking", "Totalskadd"),
        "en": ("Neighbours evacuated", "Cause unknown", "Difficult conditions",
               "Total loss"),
    },
    filler={
        "nb": (
            "En nabo, {rp}, forteller at {rp_pron} våknet av kraftige smell like før brannen "
            "spredte seg.",
            "Det er {rn_small} år siden forrige storbrann i {city}.",
            "Ifølge {rorg} skyldes mange branner feil på elektriske anlegg.",
            "Røyken var synlig fra store deler av {city} tidlig om morgenen.",
            "{rp_last} sier brannvesenet hadde øvd på en lignende situasjon i {ryear}.",
            "Kommunen har opprettet et evakueringssenter for {rn_small} familier på en "
            "skole i nærheten.",
            "Brannvesenet i {city} rykket ut til {rn} oppdrag i fjor, ifølge {rorg}.",
            "{rp}, som driver en kafé i nabobygget, ble vekket av naboen klokken "
            "{rn_small} om morgenen.",
            "Bygget ble sist kontrollert av brannvesenet i {ryear}.",
        ),
        "en": (
            "A neighbour, {rp}, said {rp_pron} was woken by loud bangs just before the fire "
            "spread.",
            "It is {rn_small} years since the last major fire in {city}.",
            "According to {rorg}, many fires are caused by faults in electrical systems.",
            "The smoke could be seen from large parts of {city} early in the morning.",
            "{rp_last} said the fire service had trained for a similar situation in "
            "{ryear}.",
            "The municipality has set up an evacuation centre for {rn_small} families at a "
            "nearby school.",
            "The fire service in {city} responded to {rn} call-outs last year, according "
            "to {rorg}.",
            "{rp}, who runs a café in the building next door, was woken by a neighbour at "
            "{rn_small} in the morning.",
            "The building was last inspected by the fire service in {ryear}.",
        ),
    },
)

EVENT_TYPES: tuple[EventType, ...] = (STORM, ELECTION, DEAL, SUMMIT, FOOTBALL, TRIAL,
                                      STRIKE, RATE, FIRE)
