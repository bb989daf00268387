"""What surrounds the facts in a real article: outlets, datelines, quotes, photo captions
with credits, headings, and background sentences that only one article carries.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks import corpus_values as v

NB_OUTLETS = ("NRK", "VG", "Aftenposten", "Dagbladet", "E24", "Dagens Næringsliv", "NTB",
              "TV 2", "Bergens Tidende", "Adresseavisen", "Nettavisen", "Stavanger Aftenblad",
              "Klassekampen", "ABC Nyheter")
EN_OUTLETS = ("Reuters", "AP", "AFP", "BBC", "The Guardian", "CNN", "Bloomberg",
              "Financial Times", "The Local Norway", "Al Jazeera", "DW", "Sky News",
              "The Independent", "NPR")

#: Bodies quoted about stories anywhere.
INTERNATIONAL_BODIES = (
    ("OECD", "the OECD"), ("Verdensbanken", "the World Bank"), ("Røde Kors", "the Red Cross"),
    ("FN", "the United Nations"), ("EU-kommisjonen", "the European Commission"),
    ("Det internasjonale energibyrået", "the International Energy Agency"),
    ("Amnesty International", "Amnesty International"),
    ("Det internasjonale pengefondet (IMF)", "the International Monetary Fund"),
    ("Verdens helseorganisasjon (WHO)", "the World Health Organization"),
    ("landets statistikkbyrå", "the national statistics office"),
    ("det nasjonale revisjonsorganet", "the national audit office"),
    ("en lokal tankesmie", "a local think tank"),
)
#: Norwegian bodies, quoted about stories in Norway.
INSTITUTIONS = (
    ("Forbrukerrådet", "the Consumer Council"), ("tankesmien Agenda", "the Agenda think "
                                                "tank"),
    ("Statistisk sentralbyrå", "Statistics Norway"), ("OECD", "the OECD"),
    ("Verdensbanken", "the World Bank"), ("Røde Kors", "the Red Cross"),
    ("Handelshøyskolen BI", "BI Norwegian Business School"),
    ("Transportøkonomisk institutt", "the Institute of Transport Economics"),
    ("Fafo", "the Fafo research foundation"),
    ("Det internasjonale energibyrået", "the International Energy Agency"),
    ("FN", "the United Nations"), ("EU-kommisjonen", "the European Commission"),
    ("Riksrevisjonen", "the Office of the Auditor General"),
    ("Norsk Folkehjelp", "Norwegian People's Aid"),
    ("Universitetet i Oslo", "the University of Oslo"),
    ("NTNU", "the Norwegian University of Science and Technology"),
    ("Norges Handelshøyskole", "the Norwegian School of Economics"),
    ("Sintef", "the research institute Sintef"), ("Frischsenteret", "the Frisch Centre"),
    ("Norsk utenrikspolitisk institutt", "the Norwegian Institute of International "
                                         "Affairs"),
)

GENERIC_FILLER = {
    "nb": (
        "{rp}, som har fulgt utviklingen tett i flere år, mener situasjonen var ventet.",
        "Ifølge {rorg} har lignende saker økt med {rpct} de siste fem årene.",
        "Det er ikke første gang {city} havner i søkelyset, og i {ryear} var byen preget av "
        "en lignende sak.",
        "{rp}, som bor i {city}, forteller at {rp_pron} har fulgt nyhetene tett hele "
        "dagen.",
        "{rp_last} i {rorg} har ikke svart på henvendelser om saken {rday}.",
        "Tall fra {rorg} viser at {rn} personer ble berørt av lignende hendelser i fjor.",
        "I en kommentar skriver {rp} at det haster med konkrete tiltak.",
        "Saken har skapt sterke reaksjoner i sosiale medier, der over {rn} har delt innlegg "
        "om den.",
        "Flere eksperter i {rorg} peker på at utviklingen har pågått siden {ryear}.",
        "Opposisjonen krever nå at regjeringen legger fram en plan innen {rmonth}.",
        "En undersøkelse fra {rorg} viser at {rpct} av de spurte mener myndighetene har "
        "håndtert saken dårlig.",
        "{rp} i {rorg} sier at man må vente og se hva som skjer de kommende ukene.",
        "Fra før er det kjent at {rorg} har brukt {rmoney} på lignende tiltak siden {ryear}.",
        "{rp}, som er professor ved {rorg}, mener saken reiser viktige prinsipielle "
        "spørsmål.",
        "Mens {rp} roser håndteringen, mener andre at den kom altfor sent.",
        "I {rcity} ble det i {ryear} gjennomført en lignende endring, med blandede "
        "resultater.",
        "Ifølge {rp} kan det ta flere måneder før konsekvensene er kjent.",
        "Spørsmålet var også oppe til debatt i Stortinget for {rn_small} uker siden.",
        "Den siste tiden har {rorg} fått kritikk for å ha vært for passiv.",
        "Lokalpolitiker {rp} i {city} har tatt til orde for en uavhengig gjennomgang.",
        "{rp} forteller at det var stor usikkerhet blant folk i området utover kvelden.",
        "Over {rn} mennesker har skrevet under på et opprop som krever at saken granskes.",
        "Det er ventet at saken blir et tema når kommunestyret i {city} møtes i {rmonth}.",
        "{rp} mener det er for tidlig å trekke bastante konklusjoner.",
        "Ifølge beregninger fra {rorg} kan regningen for samfunnet bli på {rmoney}.",
        "{rp}, som {outlet} har snakket med i {city}, sier {rp_pron} er bekymret for "
        "framtiden.",
        "I {ryear} la {rorg} fram en rapport som advarte mot nettopp en slik utvikling.",
        "{rp} i {rorg} understreker at situasjonen i {rcity} er en helt annen.",
        "Ifølge {rp_last} har rundt {rn} henvendelser kommet inn siden morgenen.",
        "Saken skal etter planen behandles i et møte i {rmonth}, opplyser {rp_last}.",
        "{rorg} anslår at tiltaket vil koste rundt {rmoney} over fem år.",
        "{rp}, som ledet et lignende arbeid i {rcity} i {ryear}, mener erfaringene var "
        "gode.",
        "Bare {rpct} av kommunene har en oppdatert beredskapsplan, viser tall fra {rorg}.",
        "– Vi har ventet på dette i {rn_small} år, sier {rp} til {outlet}.",
        "Flere naboer, blant dem {rp}, samlet seg i gatene i {city} {rday}.",
        "{rp_last} viser til at {rorg} allerede i {ryear} pekte på de samme problemene.",
        "{rp}, som har forsket på feltet i over {rn_small} år, mener det er behov for en "
        "bredere debatt om hvordan samfunnet skal håndtere slike situasjoner i årene som "
        "kommer.",
        "I en rapport fra {ryear} anslo {rorg} at kostnadene kunne bli på {rmoney}, men "
        "flere fagfolk mener at anslaget var altfor lavt allerede da det ble lagt fram.",
        "Da {rcity} sto overfor en lignende situasjon i {ryear}, tok det flere år før "
        "innbyggerne fikk svar, og mange mener at de samme feilene nå gjentas.",
        "{rp}, som har bodd i {city} hele livet, sier at {rp_pron} aldri har opplevd noe "
        "lignende, og at mange i nabolaget fortsatt er preget av det som skjedde.",
        "Ifølge tall fra {rorg} har antallet lignende saker økt med {rpct} siden {ryear}, "
        "og utviklingen har vært særlig tydelig i de store byene.",
        "Både regjeringen og opposisjonen har varslet at de vil komme tilbake til saken, "
        "men {rp} i {rorg} tror ikke at det vil skje før i {rmonth}.",
        "{rp_last} påpeker at mange av de samme spørsmålene ble reist etter hendelsen i "
        "{rcity} i {ryear}, uten at det den gang førte til noen endringer.",
        "Flere av dem som {outlet} har snakket med i {city}, sier at de savner tydeligere "
        "informasjon fra myndighetene, og at ryktene har spredt seg raskt.",
        "{rorg} har tidligere advart om at over {rn} mennesker kan bli berørt dersom det "
        "ikke settes inn tiltak, og gjentok advarselen {rday}.",
        "Professor {rp} ved {rorg} sier at det er vanskelig å trekke sikre konklusjoner "
        "nå, men at erfaringene fra {rcity} gir grunn til bekymring.",
        "Mange har fulgt saken tett i sosiale medier, og et innlegg fra {rp} om "
        "situasjonen i {city} var {rday} delt over {rn} ganger.",
        "Saken kommer i en periode der {rorg} allerede er under press, etter at en "
        "gjennomgang i {ryear} avdekket flere alvorlige svakheter.",
    ),
    "en": (
        "{rp}, who has followed developments closely for years, said the situation had "
        "been expected.",
        "According to {rorg}, similar cases have risen by {rpct} over the past five years.",
        "It is not the first time {city} has found itself in the spotlight; in {ryear} the "
        "city went through a similar episode.",
        "{rp}, who lives in {city}, said {rp_pron} had been following the news closely all "
        "day.",
        "{rp_last} of {rorg} did not respond to requests for comment on {rday}.",
        "Figures from {rorg} show that {rn} people were affected by similar incidents last "
        "year.",
        "Writing in a commentary, {rp} argued that concrete action was urgently needed.",
        "The case has sparked strong reactions on social media, where more than {rn} people "
        "have shared posts about it.",
        "Several experts at {rorg} point out that the trend has been under way since "
        "{ryear}.",
        "The opposition is now demanding that the government present a plan by {rmonth}.",
        "A survey by {rorg} found that {rpct} of respondents believe the authorities handled "
        "the matter poorly.",
        "{rp} of {rorg} said it was a matter of waiting to see what happens in the coming "
        "weeks.",
        "{rorg} has spent {rmoney} on similar measures since {ryear}, according to its "
        "annual report.",
        "{rp}, a professor at {rorg}, said the case raised important questions of "
        "principle.",
        "While {rp} praised the response, others said it came far too late.",
        "A similar change was introduced in {rcity} in {ryear}, with mixed results.",
        "It could take several months before the consequences are known, {rp} said.",
        "Lawmakers debated the issue as recently as {rn_small} weeks ago.",
        "{rorg} has in recent months faced criticism for being too passive.",
        "Local politician {rp} in {city} has called for an independent review.",
        "{rp} said there was great uncertainty among people in the area throughout the "
        "evening.",
        "More than {rn} people have signed a petition demanding an investigation.",
        "The matter is expected to come up when the {city} council meets in {rmonth}.",
        "{rp} said it was too early to draw firm conclusions.",
        "Calculations by {rorg} suggest the bill for society could reach {rmoney}.",
        "{rp}, who spoke to {outlet} in {city}, said {rp_pron} was worried about the "
        "future.",
        "In {ryear}, {rorg} published a report warning of exactly this kind of development.",
        "{rp} of {rorg} stressed that the situation in {rcity} was completely different.",
        "According to {rp_last}, around {rn} enquiries have come in since the morning.",
        "The matter is due to be discussed at a meeting in {rmonth}, {rp_last} said.",
        "{rorg} estimates that the measure will cost around {rmoney} over five years.",
        "{rp}, who led similar work in {rcity} in {ryear}, said the experience had been "
        "good.",
        "Only {rpct} of municipalities have an up-to-date emergency plan, according to "
        "figures from {rorg}.",
        "\"We have been waiting for this for {rn_small} years,\" {rp} told {outlet}.",
        "Several neighbours, among them {rp}, gathered in the streets of {city} on {rday}.",
        "{rp_last} pointed out that {rorg} had already identified the same problems in "
        "{ryear}.",
        "{rp}, who has studied the field for more than {rn_small} years, said there was a "
        "need for a broader debate about how society should handle such situations in the "
        "years ahead.",
        "In a report from {ryear}, {rorg} estimated that the costs could reach {rmoney}, "
        "but several experts say the estimate was far too low even when it was published.",
        "When {rcity} faced a similar situation in {ryear}, it took several years before "
        "residents got answers, and many say the same mistakes are now being repeated.",
        "{rp}, who has lived in {city} all {rp_poss} life, said {rp_pron} had never "
        "experienced anything like it and that many in the neighbourhood were still shaken.",
        "According to figures from {rorg}, the number of similar cases has risen by {rpct} "
        "since {ryear}, with the trend especially clear in the big cities.",
        "Both the government and the opposition have said they will return to the matter, "
        "but {rp} of {rorg} does not expect that to happen before {rmonth}.",
        "{rp_last} pointed out that many of the same questions were raised after the "
        "incident in {rcity} in {ryear}, without leading to any changes at the time.",
        "Several of the people {outlet} spoke to in {city} said they wanted clearer "
        "information from the authorities, and that rumours had spread quickly.",
        "{rorg} has previously warned that more than {rn} people could be affected if no "
        "action is taken, and repeated the warning on {rday}.",
        "Professor {rp} of {rorg} said it was difficult to draw firm conclusions now, but "
        "that the experience from {rcity} gave cause for concern.",
        "Many people have followed the case closely on social media, and a post by {rp} "
        "about the situation in {city} had been shared more than {rn} times by {rday}.",
        "The case comes at a time when {rorg} is already under pressure, after a review in "
        "{ryear} uncovered several serious weaknesses.",
    ),
}

GENERIC_HEADINGS = {
    "nb": ("Bakgrunn", "Reaksjoner", "Kritikk", "Usikker framtid", "Ble varslet",
           "Ber om svar", "Skepsis"),
    "en": ("Background", "Reaction", "Criticism", "Uncertain future", "Warnings",
           "Questions", "Skepticism"),
}

_PHOTO_AGENCIES = ("NTB", "AP", "Reuters", "AFP", "Scanpix", "EPA")


class FillerSlots(dict[str, str]):
    """Story slots plus random values (``rp``, ``rn`` ...) drawn for one sentence.

    ``draw`` picks the values and ``style`` only how they are written, so two languages
    given equally seeded ``draw`` generators state the same background fact.
    """

    def __init__(self, base: dict[str, str], lang: str, code: str, day: dt.date,
                 draw: random.Random, style: random.Random) -> None:
        super().__init__(base)
        self.lang, self.code, self.day = lang, code, day
        self.draw, self.style = draw, style

    def __missing__(self, key: str) -> str:
        draw, style, lang = self.draw, self.style, self.lang
        if key in ("rp", "rp_last", "rp_pron", "rp_poss"):
            who = v.make_person(draw, self.code)
            self.update(rp=who.name(lang), rp_last=who.surname(lang),
                        rp_pron=who.pronoun(lang),
                        rp_poss=("his" if who.gender == "m" else "her"))
        elif key == "rorg":
            bodies = INSTITUTIONS if self.code == "NO" else INTERNATIONAL_BODIES
            pair = draw.choice(bodies)
            self[key] = pair[0] if lang == "nb" else pair[1]
        elif key == "rn":
            step = draw.choice((1, 10, 100))
            self[key] = v.group_digits(draw.randrange(40, 40000, step), lang, style)
        elif key == "rn_small":
            self[key] = v.count(draw.randint(2, 12), lang, style)
        elif key == "rpct":
            value = round(draw.uniform(2, 45), draw.choice((0, 1)))
            self[key] = v.percent(value, lang, style)
        elif key == "ryear":
            self[key] = str(draw.randint(1995, self.day.year - 1))
        elif key == "rcity":
            code = self.code if draw.random() < 0.6 else v.pick_country(draw)
            self[key] = v.make_place(draw, code).city(lang)
        elif key == "rmonth":
            self[key] = v.month(self.day + dt.timedelta(days=draw.randint(20, 200)), lang)
        elif key == "rday":
            self[key] = v.weekday(self.day + dt.timedelta(days=draw.randint(0, 2)), lang)
        elif key == "rmoney":
            value = v.round_money(draw, 2e6, 5e9)
            self[key] = v.money(value, v.currency_for(self.code), lang, style)
        else:
            raise KeyError(key)
        return self[key]


def photo_credit(lang: str, rng: random.Random, code: str) -> str:
    """Foto: Dmitry Astakhov / AP; Photo: JIM WATSON/AFP."""
    who = v.make_person(rng, code if rng.random() < 0.5 else "GB").name(lang)
    if rng.random() < 0.2:
        who = who.upper()
    agency = rng.choice(_PHOTO_AGENCIES)
    if lang == "nb":
        return f"Foto: {who} / {agency}"
    return rng.choice((f"Photo: {who}/{agency}", f"Photo: {who} / {agency}",
                       f"(Photo by {who}/{agency} via Getty Images)"))


def dateline(lang: str, outlet: str, city: str, day: dt.date, rng: random.Random) -> str:
    """The agency prefix of a first paragraph, or "" when the outlet writes none."""
    if lang == "nb":
        if outlet == "NTB" or rng.random() < 0.25:
            return f"{city.upper()} (NTB): "
        return ""
    if outlet == "Reuters":
        if rng.random() < 0.5:
            return f"{city.upper()}, {v.day_phrase(day, 'en', 'date')} (Reuters) - "
        return f"{city} (Reuters) - "
    if outlet == "AP":
        return f"{city.upper()} (AP) — "
    if outlet == "AFP":
        return f"{city} (AFP) - "
    if outlet == "CNN":
        return "(CNN) "
    return ""


def quote(lang: str, style: int, words: str, speaker: str, speaker_last: str,
          outlet: str) -> str:
    """Direct speech in the house style: «» and "– " in Norwegian, “ ” in English."""
    if lang == "nb":
        return (
            f"– {words}, sier {speaker}.",
            f"«{words}», sier {speaker}.",
            f"– {words}, sa {speaker_last} til {outlet}.",
            f"«{words}», skriver {speaker} i en pressemelding.",
        )[style % 4]
    return (
        f"“{words},” {speaker} said.",
        f"“{words},” said {speaker}.",
        f"{speaker} said: “{words}.”",
        f'"{words}," {speaker_last} told {outlet}.',
    )[style % 4]


def end_credit(lang: str, outlet: str, rng: random.Random, code: str) -> str:
    """A closing credit line, or "" (most articles have none)."""
    roll = rng.random()
    if lang == "nb":
        return "(©NTB)" if outlet == "NTB" and roll < 0.5 else ""
    if roll < 0.15:
        return f"Some material in this report came from {rng.choice(('Reuters', 'AP', 'AFP'))}."
    if outlet == "Reuters" and roll < 0.6:
        reporter = v.make_person(rng, code).name("en")
        editor = v.make_person(rng, "GB").name("en")
        return f"Reporting by {reporter}; Editing by {editor}"
    return ""
