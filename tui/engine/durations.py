"""Race and elapsed times written like a clock: "3:28.32", "3.28,32", "2:18:34".

Sports reports give a finishing time in minutes and seconds, and Norwegian and English
write it differently: NTB's "3.28,32" (or "3:28,32", "3,28,32") is the English
"3:28.32", and a marathon's "2:08:38" is the same in both. Read as plain numbers they
fall apart ("3.28" and "32") or vanish as a time of day, so they are read here first,
as a number of seconds with the unit "duration", and two reports of one time meet.

Only forms no date or time of day takes are read: with hundredths (the decimal comma
in Norwegian, the point in English; Norwegian sports pages write "3:28.32" too), or
hours, minutes and seconds between colons. A bare "3:28" is a time of day (`clock`),
and "28.10.21" a date. Times spelt out with unit abbreviations, as agencies write
them ("3min 28.32sec", "2 t 8 min 38 sek"), or with the minutes as a word and the
seconds' hundredths ("3 minutes, 28.32", "3 minutter og 28,32 sekunder"), are read in
either language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The unit of a duration's number term.
DURATION_UNIT = "duration"

_NORWEGIAN = re.compile(
    r"(?<![\d.,:])(?:(?P<h>\d{1,2})[.:](?=\d{2}[.:,]\d{2},))?(?P<m>\d{1,2})[.:,](?P<s>[0-5]\d),(?P<f>\d{1,3})(?![\d])"
    r"|(?<![\d.,:])(?P<hh>\d{1,2}):(?P<mm>[0-5]\d):(?P<ss>[0-5]\d)(?![\d:]|[.,]\d)"
    # The English form, which Norwegian sports pages write too ("på tiden 3:29.23"):
    # no Norwegian date or time of day has a colon and then a point.
    r"|(?<![\d.,:])(?P<em>\d{1,2}):(?P<es>[0-5]\d)\.(?P<ef>\d{1,3})(?!\d|[.,:]\d)"
)
_ENGLISH = re.compile(
    r"(?<![\d.,:])(?:(?P<h>\d{1,2}):(?=\d{2}:\d{2}\.))?(?P<m>\d{1,2}):(?P<s>[0-5]\d)\.(?P<f>\d{1,3})(?![\d])"
    r"|(?<![\d.,:])(?P<hh>\d{1,2}):(?P<mm>[0-5]\d):(?P<ss>[0-5]\d)(?![\d:]|[.,]\d)"
)


#: Minutes and seconds with their unit abbreviations, hours before them optional; or
#: minutes as a word and seconds with hundredths.
_WITH_UNITS = re.compile(
    r"(?<![\w.,:])(?:(?P<h>\d{1,2}) ?(?:h|hr|hrs|t|timer?)\.? )?(?P<m>\d{1,3}) ?(?:min|mins|m)\.? "
    r"(?P<s>[0-5]?\d)(?:[.,](?P<f>\d{1,3}))? ?(?:sec|secs|s|sek)\b\.?"
    # Minutes as a word, then seconds with hundredths, their unit optional: AFP's
    # "3 minutes, 29.23", "3 minutter og 29,23 sekunder".
    r"|(?<![\w.,:])(?P<wm>\d{1,3}) (?:minutes?|minutter|minutt)(?:,| and| og)? "
    r"(?P<ws>[0-5]?\d)[.,](?P<wf>\d{1,3})(?!\d|\s*(?:%|per ?cent|prosent))(?: (?:seconds?|sekunder|sekund)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DurationMention:
    """An elapsed time: where it is written and how many seconds it is."""

    start: int
    end: int
    text: str
    seconds: float


def find_durations(text: str, lang: str | None) -> list[DurationMention]:
    """The race or elapsed times written in ``text`` (Norwegian forms for nb/nn)."""
    pattern = _NORWEGIAN if lang in ("nb", "nn", "no") else _ENGLISH
    found = []
    for match in pattern.finditer(text):
        seconds = _seconds(match)
        if seconds is not None:
            found.append(DurationMention(match.start(), match.end(), match.group(), seconds))
    if "m" in text or "M" in text:
        for match in _WITH_UNITS.finditer(text):
            if not any(match.start() < other.end and other.start < match.end() for other in found):
                found.append(DurationMention(match.start(), match.end(), match.group().rstrip("."), _unit_seconds(match)))
    return found


def _unit_seconds(match: re.Match[str]) -> float:
    if match.group("wm") is not None:
        hours, minutes, seconds, fraction = None, match.group("wm"), match.group("ws"), match.group("wf")
    else:
        hours, minutes, seconds, fraction = match.group("h"), match.group("m"), match.group("s"), match.group("f") or ""
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return round(total + (int(fraction) / 10 ** len(fraction) if fraction else 0.0), 3)


def _seconds(match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    if groups["hh"] is not None:
        hours, minutes, seconds, fraction = int(groups["hh"]), int(groups["mm"]), int(groups["ss"]), ""
    elif groups.get("em") is not None:
        hours, minutes, seconds, fraction = 0, int(groups["em"]), int(groups["es"]), groups["ef"]
    else:
        hours, minutes, seconds, fraction = int(groups["h"] or 0), int(groups["m"]), int(groups["s"]), groups["f"]
        if groups["h"] is not None and minutes > 59:
            return None
    total = hours * 3600 + minutes * 60 + seconds
    # Rounded so that one time reads as one float whichever way it was written.
    return round(total + (int(fraction) / 10 ** len(fraction) if fraction else 0.0), 3)


def duration_keys(mention: DurationMention) -> frozenset[str]:
    """The keys of a duration: its seconds with the duration unit, and alone."""
    value = f"num:{mention.seconds:g}"
    return frozenset({value, f"{value}:{DURATION_UNIT}"})
