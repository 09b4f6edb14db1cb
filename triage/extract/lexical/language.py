"""Which language a plan is written in, so text the offline extractor cannot read is escalated, never notified."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

READABLE = ("en", "es", "fr", "pt", "de")

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to a in is it we will be for with our this that on not are as by from they use using "
        "would should all any an or their his her its have has was were been into which what when who at am i you "
        "so if but then there here do does can may might no yes up out about just only also some "
        # a vendor quote's English ("Two rounds of revisions ..... incl.", "saves approx. 120 days")
        "one two three four five each both than under after before off within without between through during incl "
        "approx".split()
    ),
    "es": frozenset(
        "el la los las de del y en que para con por una un es se no lo al usar vamos nuestro nuestra su sus "
        "como pero más será sin este esta ningún ninguna también".split()
    ),
    "fr": frozenset(
        "le la les de des du et en que pour avec par une un est se ne pas au aux nous notre nos sur dans "
        "sera sans ce cette aucun aucune utiliser aussi qui".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em que para com por uma um é se não ao vamos nosso nossa no na nos "
        "será sem este esta nenhum nenhuma usar também como".split()
    ),
    "de": frozenset(
        "der die das den dem des und in zu ein eine ist wir werden für mit nicht auf von im sie es unser "
        "unsere kein keine ohne auch wird als aus bei".split()
    ),
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
CLEAR_MARGIN = 1.3  # the best language's stopword share over the third's: below it, no language is clear


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1 code, or "unknown"
    share: float  # share of words that are stopwords of that language
    latin_share: float  # share of letters in the Latin script


def latin_share(text: str) -> float:
    """The share of the text's letters that are Latin (every ASCII letter is: no name to look up)."""
    if text.isascii():
        return 1.0 if any(ch.isalpha() for ch in text) else 0.0
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def detect_language(text: str) -> LanguageGuess:
    """Stopword vote among the languages we read; `unknown` when the text is in none of them."""
    share_latin = latin_share(text)
    words = [w.lower() for w in WORD.findall(text)]
    if not words or share_latin < 0.6:
        return LanguageGuess("unknown", 0.0, share_latin)
    counts = Counter(words)  # each distinct word looked up once per language
    scores = {code: sum(counts[w] for w in counts if w in stop) / len(words) for code, stop in STOPWORDS.items()}
    (code, share), (_, runner_up), (_, third) = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:3]
    # not a three-way tie (Dutch scores Spanish, French and Portuguese alike; Spanish and Portuguese often tie on a
    # short sentence); a terse English form or quote ("Service: AI voice dubbing … Price: …") has few stopwords
    tied = share < CLEAR_MARGIN * third
    enough = not tied and (
        share >= 0.12 or (len(words) <= 6 and share > 0) or (code == "en" and share >= 0.07 and share >= 2 * runner_up)
    )
    return LanguageGuess(code if enough else "unknown", share, share_latin)
