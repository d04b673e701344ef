"""card_brand vectors (tests/vectors/README.md "card_brand"; docs/rules.md "Cards").

The brand is decided by this file's own table of BIN ranges, checked in the contract's order: Elo,
Hipercard (their BINs overlap Visa, Mastercard, Diners and Discover), Amex, Diners, JCB, Discover,
Mastercard, Visa. Spaces and dashes are removed first; anything that is not 6-19 ASCII digits is
"unknown". No Luhn check is involved.
"""

from __future__ import annotations

import re

from common import Cases

# (first, last) inclusive ranges over the first 6 digits.
ELO_RANGES = [
    (401178, 401179), (431274, 431274), (438935, 438935), (451416, 451416), (457393, 457393),
    (457631, 457632), (504175, 504175), (506699, 506778), (509000, 509999), (627780, 627780),
    (636297, 636297), (636368, 636368), (650031, 650033), (650035, 650051), (650405, 650439),
    (650485, 650538), (650541, 650598), (650700, 650718), (650720, 650727), (650901, 650978),
    (651652, 651679), (655000, 655019), (655021, 655058),
]
HIPERCARD = {606282, 637095, 637568, 637599, 637609, 637612, 384100, 384140, 384160}


def _prefix_in(digits: str, lo: int, hi: int) -> bool:
    """digits starts with a number in [lo, hi], all of lo's length."""
    n = len(str(lo))
    assert len(str(hi)) == n
    return lo <= int(digits[:n]) <= hi


def card_brand(card_number: str) -> str:
    d = card_number.replace(" ", "").replace("-", "")
    if not re.fullmatch(r"[0-9]{6,19}", d, re.ASCII):
        return "unknown"
    bin6 = int(d[:6])
    if any(lo <= bin6 <= hi for lo, hi in ELO_RANGES):
        return "Elo"
    if bin6 in HIPERCARD:
        return "Hipercard"
    if _prefix_in(d, 34, 34) or _prefix_in(d, 37, 37):
        return "Amex"
    if _prefix_in(d, 300, 305) or _prefix_in(d, 3095, 3095) or any(_prefix_in(d, p, p) for p in (36, 38, 39)):
        return "Diners"
    if _prefix_in(d, 3528, 3589):
        return "JCB"
    if _prefix_in(d, 6011, 6011) or _prefix_in(d, 622126, 622925) or _prefix_in(d, 644, 649) or _prefix_in(d, 65, 65):
        return "Discover"
    if _prefix_in(d, 51, 55) or _prefix_in(d, 2221, 2720):
        return "Mastercard"
    if d[0] == "4":
        return "Visa"
    return "unknown"


def pan(prefix: str, length: int = 16) -> str:
    """A number of the given length starting with prefix, padded with a fixed digit pattern."""
    pad = "0123456789" * 2
    return prefix + pad[: length - len(prefix)]


def gen_card_brand() -> Cases:
    c = Cases("card_brand", "card_brand(card_number): Elo, Hipercard, Amex, Diners, JCB, Discover, Mastercard, Visa "
              "or unknown; spaces and dashes ignored; 6-19 digits")
    def case(name, number, expect=None):
        kw = {} if expect is None else {"expect": expect}
        c.run(name, {"card_number": number}, card_brand, number, **kw)

    # One per brand, plus the seeds' and A55's test cards.
    case("Visa test card from the seeds", "4024007153763191", "Visa")
    case("Visa 4111 1111 1111 1111", "4111111111111111", "Visa")
    case("Visa 13 digits", "4222222222222", "Visa")
    case("Visa 19 digits", pan("4", 19), "Visa")
    case("Mastercard 51", pan("51"), "Mastercard")
    case("Mastercard 55", pan("55"), "Mastercard")
    case("Mastercard 5555 5555 5555 4444", "5555555555554444", "Mastercard")
    case("Mastercard 2-series 2221 (first)", pan("2221"), "Mastercard")
    case("Mastercard 2-series 2720 (last)", pan("2720"), "Mastercard")
    case("Mastercard 2-series 272099", pan("272099"), "Mastercard")
    case("Mastercard 2-series 2500", pan("2500"), "Mastercard")
    case("Amex 34", pan("34", 15), "Amex")
    case("Amex 37", "378282246310005", "Amex")
    case("Diners 300", pan("300", 14), "Diners")
    case("Diners 305", pan("305", 14), "Diners")
    case("Diners 3095", pan("3095", 14), "Diners")
    case("Diners 36", "36227206271667", "Diners")
    case("Diners 38", pan("38", 14), "Diners")
    case("Diners 39", pan("39", 14), "Diners")
    case("JCB 3528 (first)", pan("3528"), "JCB")
    case("JCB 3589 (last)", pan("3589"), "JCB")
    case("JCB 3566", "3566002020360505", "JCB")
    case("Discover 6011", "6011111111111117", "Discover")
    case("Discover 622126 (first of the range)", pan("622126"), "Discover")
    case("Discover 622925 (last of the range)", pan("622925"), "Discover")
    case("Discover 644", pan("644"), "Discover")
    case("Discover 649", pan("649"), "Discover")
    case("Discover 65", pan("6500"), "Discover")
    case("Elo 401178 inside the Visa range", pan("401178"), "Elo")
    case("Elo 401179 inside the Visa range", pan("401179"), "Elo")
    case("Elo 431274", pan("431274"), "Elo")
    case("Elo 438935", pan("438935"), "Elo")
    case("Elo 451416", pan("451416"), "Elo")
    case("Elo 457393", pan("457393"), "Elo")
    case("Elo 457631", pan("457631"), "Elo")
    case("Elo 457632", pan("457632"), "Elo")
    case("Elo 504175", pan("504175"), "Elo")
    case("Elo 506699 (first of its range)", pan("506699"), "Elo")
    case("Elo 506778 (last of its range)", pan("506778"), "Elo")
    case("Elo 5067 inside its range", pan("506727"), "Elo")
    case("Elo 509000", pan("509000"), "Elo")
    case("Elo 509999", pan("509999"), "Elo")
    case("Elo 627780", pan("627780"), "Elo")
    case("Elo 636297", pan("636297"), "Elo")
    case("Elo 636368", pan("636368"), "Elo")
    case("Elo 650031 inside the Discover 65 range", pan("650031"), "Elo")
    case("Elo 650033", pan("650033"), "Elo")
    case("Elo 650035", pan("650035"), "Elo")
    case("Elo 650051", pan("650051"), "Elo")
    case("Elo 650405", pan("650405"), "Elo")
    case("Elo 650439", pan("650439"), "Elo")
    case("Elo 650485", pan("650485"), "Elo")
    case("Elo 650538", pan("650538"), "Elo")
    case("Elo 650541", pan("650541"), "Elo")
    case("Elo 650598", pan("650598"), "Elo")
    case("Elo 650700", pan("650700"), "Elo")
    case("Elo 650718", pan("650718"), "Elo")
    case("Elo 650720", pan("650720"), "Elo")
    case("Elo 650727", pan("650727"), "Elo")
    case("Elo 650901", pan("650901"), "Elo")
    case("Elo 650978", pan("650978"), "Elo")
    case("Elo 651652", pan("651652"), "Elo")
    case("Elo 651679", pan("651679"), "Elo")
    case("Elo 655000", pan("655000"), "Elo")
    case("Elo 655019", pan("655019"), "Elo")
    case("Elo 655021", pan("655021"), "Elo")
    case("Elo 655058", pan("655058"), "Elo")
    case("Elo with exactly 6 digits", "401178", "Elo")
    case("Hipercard 606282", pan("606282"), "Hipercard")
    case("Hipercard 606282 with 19 digits", pan("606282", 19), "Hipercard")
    case("Hipercard 637095", pan("637095"), "Hipercard")
    case("Hipercard 637568", pan("637568"), "Hipercard")
    case("Hipercard 637599", pan("637599"), "Hipercard")
    case("Hipercard 637609", pan("637609"), "Hipercard")
    case("Hipercard 637612", pan("637612"), "Hipercard")
    case("Hipercard 384100 inside the Diners 38 range", pan("384100"), "Hipercard")
    case("Hipercard 384140", pan("384140"), "Hipercard")
    case("Hipercard 384160", pan("384160"), "Hipercard")
    # Just outside the special ranges.
    case("401177 next to Elo is Visa", pan("401177"), "Visa")
    case("401180 next to Elo is Visa", pan("401180"), "Visa")
    case("457630 next to Elo is Visa", pan("457630"), "Visa")
    case("457633 next to Elo is Visa", pan("457633"), "Visa")
    case("506698 just before Elo is unknown", pan("506698"), "unknown")
    case("506779 just after Elo is unknown", pan("506779"), "unknown")
    case("504176 next to Elo is unknown", pan("504176"), "unknown")
    case("650030 just before Elo is Discover", pan("650030"), "Discover")
    case("650034 between Elo ranges is Discover", pan("650034"), "Discover")
    case("650052 just after Elo is Discover", pan("650052"), "Discover")
    case("650719 between Elo ranges is Discover", pan("650719"), "Discover")
    case("655020 between Elo ranges is Discover", pan("655020"), "Discover")
    case("655059 just after Elo is Discover", pan("655059"), "Discover")
    case("651651 just before Elo is Discover", pan("651651"), "Discover")
    case("627781 next to Elo is unknown", pan("627781"), "unknown")
    case("384101 next to Hipercard is Diners", pan("384101"), "Diners")
    case("606283 next to Hipercard is unknown", pan("606283"), "unknown")
    case("637096 next to Hipercard is unknown", pan("637096"), "unknown")
    case("2220 just before the Mastercard 2-series is unknown", pan("2220"), "unknown")
    case("2721 just after the Mastercard 2-series is unknown", pan("2721"), "unknown")
    case("50 is unknown", pan("5000"), "unknown")
    case("56 is unknown", pan("56"), "unknown")
    case("306 is unknown", pan("306", 14), "unknown")
    case("3094 is unknown", pan("3094", 14), "unknown")
    case("3096 is unknown", pan("3096", 14), "unknown")
    case("3527 just before JCB is unknown", pan("3527"), "unknown")
    case("3590 just after JCB is unknown", pan("3590"), "unknown")
    case("35 with 3500 is unknown", pan("3500"), "unknown")
    case("622125 just before the Discover range is unknown", pan("622125"), "unknown")
    case("622926 just after the Discover range is unknown", pan("622926"), "unknown")
    case("6012 is unknown", pan("6012"), "unknown")
    case("643 just before Discover is unknown", pan("643"), "unknown")
    case("66 is unknown", pan("66"), "unknown")
    case("1 is unknown", pan("1"), "unknown")
    case("9 is unknown", pan("9"), "unknown")
    case("0 is unknown", pan("0"), "unknown")
    # Length and characters.
    case("exactly 6 digits Visa", "411111", "Visa")
    case("5 digits is unknown", "41111", "unknown")
    case("5 digits of an Elo BIN is unknown", "40117", "unknown")
    case("19 digits", pan("5500", 19), "Mastercard")
    case("20 digits is unknown", pan("4", 20), "unknown")
    case("20 digits of Elo is unknown", pan("401178", 20), "unknown")
    case("spaces are ignored", "4111 1111 1111 1111", "Visa")
    case("dashes are ignored", "5555-5555-5555-4444", "Mastercard")
    case("spaces and dashes mixed", " 4011 78-00 0000 0000 ", "Elo")
    case("spaces do not count towards the length", "4 1 1 1 1", "unknown")
    case("20 digits with spaces is unknown", "4111 1111 1111 1111 1111", "unknown")
    case("dots are not ignored", "4111.1111.1111.1111", "unknown")
    case("letters", "4111abcd11111111", "unknown")
    case("all letters", "abcdefghijklmnop", "unknown")
    case("empty", "", "unknown")
    case("only spaces", "    ", "unknown")
    case("only dashes", "------", "unknown")
    case("plus sign", "+4111111111111111", "unknown")
    case("arabic-indic digits", "٤١١١١١١١١١١١١١١١", "unknown")
    case("fullwidth digits", "４１１１１１１１１１１１１１１１", "unknown")
    return c


def generate() -> list[Cases]:
    return [gen_card_brand()]
