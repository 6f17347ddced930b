"""Word tables for reading dates, days and numbers in Indonesian (and English) news."""

from __future__ import annotations

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "sen": 0, "sel": 1, "rab": 2, "kam": 3, "jum": 4, "sab": 5, "min": 6,
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
# The name a normalised weekday is shown with: Indonesian first.
WEEKDAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10,
    "november": 11, "nopember": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11,
    "des": 12, "dec": 12,
}  # fmt: skip

# Cardinal number words. "se-" forms are the Indonesian "one ..." compounds.
UNITS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
    "seratus": 100, "seribu": 1000, "sejuta": 1_000_000, "semiliar": 1_000_000_000,
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {"belas": 10, "puluh": 10, "ratus": 100}
SCALES: dict[str, float] = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
    "triliun": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# "ratusan orang": an order of magnitude, not a count.
VAGUE_NUMBERS: dict[str, float] = {
    "puluhan": 10, "ratusan": 100, "ribuan": 1e3, "puluhan ribu": 1e4,
    "ratusan ribu": 1e5, "jutaan": 1e6, "miliaran": 1e9, "belasan": 10,
}  # fmt: skip
QUALIFIERS: dict[str, str] = {
    "lebih dari": ">", "lebih": ">", "di atas": ">", "kurang dari": "<", "di bawah": "<",
    "hampir": "~<", "nyaris": "~<", "sekitar": "~", "kira-kira": "~", "kurang lebih": "~",
    "sedikitnya": ">=", "setidaknya": ">=", "sekurangnya": ">=", "sekurang-kurangnya": ">=",
    "paling sedikit": ">=", "minimal": ">=", "paling banyak": "<=", "maksimal": "<=",
}  # fmt: skip
CURRENCIES: dict[str, str] = {
    "rp": "IDR", "idr": "IDR", "rupiah": "IDR", "us$": "USD", "$": "USD", "usd": "USD",
    "dolar as": "USD", "dollar as": "USD", "dolar amerika": "USD", "dolar": "USD",
    "dollar": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP",
    "pound": "GBP", "poundsterling": "GBP", "yen": "JPY", "yuan": "CNY", "rubel": "RUB",
    "ruble": "RUB", "won": "KRW", "ringgit": "MYR", "sgd": "SGD", "s$": "SGD",
}  # fmt: skip
UNIT_ALIASES: dict[str, str] = {
    "%": "%", "persen": "%", "percent": "%", "kilometer": "km", "km": "km",
    "meter": "m", "m": "m", "sentimeter": "cm", "cm": "cm", "milimeter": "mm", "mm": "mm",
    "kilogram": "kg", "kg": "kg", "gram": "g", "ton": "ton", "liter": "l",
    "mil": "mile", "miles": "mile", "hektare": "ha", "hektar": "ha", "ha": "ha",
    "pekan": "minggu", "jam": "jam", "hours": "jam", "days": "hari", "years": "tahun",
    "months": "bulan", "people": "orang", "jiwa": "orang",
}  # fmt: skip

RELATIVE_DAYS: dict[str, int] = {
    "hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1, "esok": 1, "lusa": 2,
    "today": 0, "yesterday": -1, "tomorrow": 1,
}  # fmt: skip
RELATIVE_PERIODS: dict[str, str] = {"pekan": "w", "minggu": "w", "bulan": "m", "tahun": "y"}
RELATIVE_DIRECTIONS: dict[str, int] = {"lalu": -1, "yang lalu": -1, "ini": 0, "depan": 1}
