"""Languages: ISO 639-1, 639-2/B and 639-2/T codes, BCP 47 tags and English names.

One table, so that ``fr``, ``fre``, ``fra``, ``fr-CA`` and ``French`` mean the same language
wherever a language is read: records, BibLaTeX ``langid``, RIS ``LA``, MEDLINE ``LA``.
"""

from __future__ import annotations

import re

# (ISO 639-1, ISO 639-2/B, ISO 639-2/T, English name); the codes MEDLINE writes are /B
_TABLE = (
    ("af", "afr", "afr", "Afrikaans"), ("sq", "alb", "sqi", "Albanian"),
    ("am", "amh", "amh", "Amharic"), ("ar", "ara", "ara", "Arabic"),
    ("hy", "arm", "hye", "Armenian"), ("az", "aze", "aze", "Azerbaijani"),
    ("eu", "baq", "eus", "Basque"), ("be", "bel", "bel", "Belarusian"),
    ("bn", "ben", "ben", "Bengali"), ("bs", "bos", "bos", "Bosnian"),
    ("bg", "bul", "bul", "Bulgarian"), ("my", "bur", "mya", "Burmese"),
    ("ca", "cat", "cat", "Catalan"), ("zh", "chi", "zho", "Chinese"),
    ("hr", "hrv", "hrv", "Croatian"), ("cs", "cze", "ces", "Czech"),
    ("da", "dan", "dan", "Danish"), ("nl", "dut", "nld", "Dutch"),
    ("en", "eng", "eng", "English"), ("eo", "epo", "epo", "Esperanto"),
    ("et", "est", "est", "Estonian"), ("fi", "fin", "fin", "Finnish"),
    ("fr", "fre", "fra", "French"), ("gl", "glg", "glg", "Galician"),
    ("ka", "geo", "kat", "Georgian"), ("de", "ger", "deu", "German"),
    ("el", "gre", "ell", "Greek"), ("gu", "guj", "guj", "Gujarati"),
    ("ha", "hau", "hau", "Hausa"), ("he", "heb", "heb", "Hebrew"),
    ("hi", "hin", "hin", "Hindi"), ("hu", "hun", "hun", "Hungarian"),
    ("is", "ice", "isl", "Icelandic"), ("id", "ind", "ind", "Indonesian"),
    ("ga", "gle", "gle", "Irish"), ("it", "ita", "ita", "Italian"),
    ("ja", "jpn", "jpn", "Japanese"), ("kn", "kan", "kan", "Kannada"),
    ("kk", "kaz", "kaz", "Kazakh"), ("km", "khm", "khm", "Khmer"),
    ("ko", "kor", "kor", "Korean"), ("ku", "kur", "kur", "Kurdish"),
    ("ky", "kir", "kir", "Kyrgyz"), ("lo", "lao", "lao", "Lao"),
    ("la", "lat", "lat", "Latin"), ("lv", "lav", "lav", "Latvian"),
    ("lt", "lit", "lit", "Lithuanian"), ("lb", "ltz", "ltz", "Luxembourgish"),
    ("mk", "mac", "mkd", "Macedonian"), ("ms", "may", "msa", "Malay"),
    ("ml", "mal", "mal", "Malayalam"), ("mt", "mlt", "mlt", "Maltese"),
    ("mi", "mao", "mri", "Maori"), ("mr", "mar", "mar", "Marathi"),
    ("mn", "mon", "mon", "Mongolian"), ("ne", "nep", "nep", "Nepali"),
    ("no", "nor", "nor", "Norwegian"), ("nb", "nob", "nob", "Norwegian"),
    ("nn", "nno", "nno", "Norwegian"), ("ps", "pus", "pus", "Pashto"),
    ("fa", "per", "fas", "Persian"), ("pl", "pol", "pol", "Polish"),
    ("pt", "por", "por", "Portuguese"), ("pa", "pan", "pan", "Punjabi"),
    ("ro", "rum", "ron", "Romanian"), ("ru", "rus", "rus", "Russian"),
    ("sa", "san", "san", "Sanskrit"), ("sr", "srp", "srp", "Serbian"),
    ("si", "sin", "sin", "Sinhala"), ("sk", "slo", "slk", "Slovak"),
    ("sl", "slv", "slv", "Slovenian"), ("so", "som", "som", "Somali"),
    ("es", "spa", "spa", "Spanish"), ("sw", "swa", "swa", "Swahili"),
    ("sv", "swe", "swe", "Swedish"), ("tl", "tgl", "tgl", "Tagalog"),
    ("tg", "tgk", "tgk", "Tajik"), ("ta", "tam", "tam", "Tamil"),
    ("te", "tel", "tel", "Telugu"), ("th", "tha", "tha", "Thai"),
    ("bo", "tib", "bod", "Tibetan"), ("tr", "tur", "tur", "Turkish"),
    ("tk", "tuk", "tuk", "Turkmen"), ("uk", "ukr", "ukr", "Ukrainian"),
    ("ur", "urd", "urd", "Urdu"), ("uz", "uzb", "uzb", "Uzbek"),
    ("vi", "vie", "vie", "Vietnamese"), ("cy", "wel", "cym", "Welsh"),
    ("yi", "yid", "yid", "Yiddish"), ("yo", "yor", "yor", "Yoruba"),
    ("zu", "zul", "zul", "Zulu"),
)
# other spellings people and tools write: older names, MEDLINE's retired codes
_ALIASES = {
    "scc": "sr", "scr": "hr", "farsi": "fa", "castilian": "es", "flemish": "nl",
    "moldavian": "ro", "moldovan": "ro", "bokmal": "nb", "bokmål": "nb", "nynorsk": "nn",
    "slovene": "sl", "gaelic": "ga", "panjabi": "pa", "sinhalese": "si", "filipino": "tl",
    "fil": "tl", "iw": "he", "in": "id", "ji": "yi", "mandarin": "zh", "cantonese": "zh",
    "american": "en-US", "british": "en-GB", "brazilian": "pt-BR",
}
# codes that name no one language: MEDLINE writes them for several or unknown languages
NO_LANGUAGE = frozenset({"mul", "und", "zxx", "mis"})

LANGUAGES: dict[str, str] = {row[0]: row[3] for row in _TABLE}  # ISO 639-1 -> English name
_CODES: dict[str, str] = {}
for _one, _b, _t, _name in _TABLE:
    for _word in (_one, _b, _t, _name.lower()):
        _CODES.setdefault(_word, _one)
_CODES.update(_ALIASES)
# English name (lower case) -> tag, for readers that meet names
LANGUAGE_CODES: dict[str, str] = {row[3].lower(): row[0] for row in _TABLE}

_BCP47 = re.compile(r"^([A-Za-z]{2,3})((?:[-_][A-Za-z0-9]{1,8})*)$")


def language_tag(text: str | None) -> str | None:
    """The BCP 47 tag for a code, tag or English name (``fre``, ``fra``, ``French``,
    ``fr_CA`` -> ``fr``, ``fr``, ``fr``, ``fr-CA``); None when it names no language known here."""
    if not text:
        return None
    word = " ".join(str(text).split()).strip().rstrip(".")
    low = word.lower()
    if low in _CODES:
        return _CODES[low]
    m = _BCP47.match(word)
    if not m:
        return None
    base = _CODES.get(m.group(1).lower())
    if base is None or "-" in base:
        return None
    rest = m.group(2).replace("_", "-")
    subtags = [s for s in rest.split("-") if s]
    # BCP 47 case conventions: script title case (Latn), region upper case (CA)
    shaped = [s.title() if len(s) == 4 and s.isalpha() else s.upper() if len(s) == 2 else s
              for s in subtags]
    return "-".join([base, *shaped])


def language_name(tag: str | None) -> str | None:
    """English name of a language code or tag (``fr``, ``fr-CA``, ``fre``), None when unknown."""
    code = language_tag(tag) if tag else None
    return LANGUAGES.get(code.split("-")[0]) if code else None


def is_english(tag: str | None) -> bool:
    """True when the tag is English or missing (CSL treats untagged items as English)."""
    return not tag or (language_tag(tag) or "").split("-")[0] == "en"


def looks_like_tag(text: str) -> bool:
    """True for text shaped like a language tag (two or three letters, then subtags)."""
    return bool(_BCP47.match(text.strip()))
